/**
 * The default project of the browser host and CLI lives where the XDG base-directory spec says;
 * the bundled corpus is found in a checkout and in the installed app.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirectory, defaultProjectPath, installLayout } from '../../../electron/install/paths';

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

describe('the install layout', () => {
  it('has the corpus and the built renderer in the package root of a checkout or an npm install', () => {
    expect(installLayout('/home/me/sourcebench', undefined)).toEqual({
      corpusDir: '/home/me/sourcebench/corpus',
      rendererDir: '/home/me/sourcebench/dist/renderer',
    });
  });

  it('finds the corpus beside the app archive in the installed app, where the CLI runs from resources/app.asar', () => {
    const resources = path.join('/opt', 'Sourcebench', 'resources');
    expect(installLayout(path.join(resources, 'app.asar'), resources).corpusDir).toBe(path.join(resources, 'corpus'));
  });

  it("ignores Electron's resources folder when the package root is not in it (Electron run on a checkout)", () => {
    expect(installLayout('/home/me/sourcebench', '/home/me/sourcebench/node_modules/electron/dist/resources').corpusDir).toBe('/home/me/sourcebench/corpus');
  });
});
