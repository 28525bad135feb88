/** The default project of the browser host and CLI lives where the XDG base-directory spec says. */
import { describe, expect, it } from 'vitest';
import { dataDirectory, defaultProjectPath } from '../../../electron/install/paths';

describe('the default project location', () => {
  it('is under $XDG_DATA_HOME/sourcebench when that is set', () => {
    expect(defaultProjectPath({ XDG_DATA_HOME: '/data/me' }, '/home/me')).toBe('/data/me/sourcebench/default.sourcebench');
  });

  it('falls back to ~/.local/share/sourcebench', () => {
    expect(dataDirectory({}, '/home/me')).toBe('/home/me/.local/share/sourcebench');
    expect(dataDirectory({ XDG_DATA_HOME: '' }, '/home/me')).toBe('/home/me/.local/share/sourcebench');
  });

  it('ignores a relative XDG_DATA_HOME, as the spec requires', () => {
    expect(dataDirectory({ XDG_DATA_HOME: 'relative/dir' }, '/home/me')).toBe('/home/me/.local/share/sourcebench');
  });
});
