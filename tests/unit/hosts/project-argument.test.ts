/**
 * The project file a user names when starting the workbench, whichever way they start it:
 * `npm start -- FILE` (from the folder they typed it in), a double-click (the system passes the
 * path), a second launch (its arguments, with Electron's own switches among them), `--project`.
 * And the window opens where it was left, unless that place is no longer on any screen.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationDirectory, projectArgument } from '../../../electron/hosts/project-argument';
import { restoredBounds } from '../../../electron/hosts/electron/window-state';

describe('the project file on the command line', () => {
  it('is the .sourcebench path among the arguments, relative to the folder the user was in', () => {
    expect(projectArgument(['Purges 1937.sourcebench'], '/home/historian/work')).toBe('/home/historian/work/Purges 1937.sourcebench');
    expect(projectArgument(['/media/usb/Kirov.SOURCEBENCH'], '/tmp')).toBe('/media/usb/Kirov.SOURCEBENCH');
  });

  it('skips Electron’s and Chromium’s own switches and the app folder of an unpackaged run', () => {
    const secondLaunch = ['/opt/Sourcebench/sourcebench', '--allow-file-access-from-files', '--original-process-start-time=1337', 'Stalin.sourcebench'];
    expect(projectArgument(secondLaunch.slice(1), '/home/h')).toBe('/home/h/Stalin.sourcebench');
    expect(projectArgument(['/work/sourcebench', '--inspect'], '/work')).toBeNull();
  });

  it('takes --project FILE and --project=FILE whatever the file is called', () => {
    expect(projectArgument(['--project', 'notes.db'], '/w')).toBe('/w/notes.db');
    expect(projectArgument(['--browser', '--project=/x/y.sourcebench'], '/w')).toBe('/x/y.sourcebench');
    expect(projectArgument(['--project'], '/w')).toBeNull();
  });

  it('resolves against the folder npm start was typed in, not the package root npm runs from', () => {
    expect(invocationDirectory({ INIT_CWD: '/home/historian/thesis' })).toBe('/home/historian/thesis');
    expect(invocationDirectory({ INIT_CWD: 'relative' })).toBe(process.cwd());
    expect(path.isAbsolute(invocationDirectory({}))).toBe(true);
  });
});

describe('the window place', () => {
  const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
  const monitor = { x: 1920, y: 0, width: 2560, height: 1400 };
  const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: false };

  it('is restored while it is on a screen', () => {
    expect(restoredBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('falls back to the default once its screen is gone (the monitor unplugged)', () => {
    expect(restoredBounds(saved, [laptop])).toBeNull();
    expect(restoredBounds({ ...saved, x: 10, y: -500 }, [laptop])).toBeNull();
    expect(restoredBounds(null, [laptop])).toBeNull();
  });

  it('shrinks to the largest screen when that is smaller than the window was', () => {
    expect(restoredBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: true }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: true });
  });
});
