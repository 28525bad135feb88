/**
 * The desktop app's own parts (menus, dialogs, scrollbars) take the theme the user picked in the
 * workbench: the main process learns it from the layout the page reads and saves.
 */
import { describe, expect, it } from 'vitest';
import { followingTheme, type ThemeSource } from '../../../electron/hosts/electron/native-theme';
import type { Dispatch } from '../../../shared/dispatch';
import { ApiError } from '../../../shared/errors';

const layout = (theme: ThemeSource) => ({ panes: [], theme, fontSize: 17, firstRunDismissed: true });

describe('native parts follow the workbench theme', () => {
  it('takes the theme of the layout read at open and of every layout saved', async () => {
    const applied: ThemeSource[] = [];
    const inner: Dispatch = async (method, input) =>
      method === 'getWorkspace' ? { ok: true, value: layout('dark') } : { ok: true, value: method === 'saveWorkspace' ? input : [] };
    const dispatch = followingTheme(inner, (theme) => applied.push(theme));
    await dispatch('getWorkspace', {});
    await dispatch('listDocuments', {});
    await dispatch('saveWorkspace', layout('light'));
    await dispatch('saveWorkspace', layout('system'));
    expect(applied).toEqual(['dark', 'light', 'system']);
  });

  it('keeps the theme when a save was refused', async () => {
    const applied: ThemeSource[] = [];
    const refusing: Dispatch = async () => new ApiError('invalid_input', 'theme: Invalid option').toEnvelope();
    await followingTheme(refusing, (theme) => applied.push(theme))('saveWorkspace', { theme: 'dark' });
    expect(applied).toEqual([]);
  });
});
