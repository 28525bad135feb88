/**
 * The parts of the desktop app that Electron draws, not the page (menus, file dialogs, the title
 * bar on some systems, scrollbars), follow the theme the user chose in the workbench: light, dark,
 * or the system's. The choice is saved with the layout (saveWorkspace), so the main process learns
 * it from that call's answer and from the project it opens; pure, so it is tested without Electron.
 */
import type { Workspace } from '../../../shared/annotations';
import type { Dispatch } from '../../../shared/dispatch';

export type ThemeSource = Workspace['theme'];

/** The same dispatch, telling `apply` the theme of every layout saved successfully. */
export function followingTheme(dispatch: Dispatch, apply: (theme: ThemeSource) => void): Dispatch {
  return async (method, input) => {
    const envelope = await dispatch(method, input);
    if (envelope.ok && (method === 'saveWorkspace' || method === 'getWorkspace')) {
      apply((envelope.value as Workspace).theme);
    }
    return envelope;
  };
}
