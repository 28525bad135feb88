/**
 * A project switch leaves the open project first (its layout saved, then no more saves), and a
 * switch that is refused, or that opens the same file again, leaves the workbench saving as before.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectState } from '../../../shared/projects';
import { switchProject, type ProjectExit } from '../../../renderer/src/projects/project-exit';
import { copyNameOf, projectPathFor } from '../../../renderer/src/projects/project-paths';

function stateWith(path: string | null): ProjectState {
  return {
    open: path ? { path, name: 'x' } : null,
    recent: [],
    dataDirectory: '/data',
    inDataDirectory: [],
    canChooseFiles: false,
    canSwitch: true,
  };
}

function recordingExit(steps: string[]): ProjectExit {
  return {
    leave: async () => {
      steps.push('leave');
    },
    stay: () => steps.push('stay'),
    flush: async () => {
      steps.push('flush');
    },
  };
}

describe('switchProject', () => {
  it('leaves the open project before it asks the host to switch', async () => {
    const steps: string[] = [];
    const next = await switchProject(recordingExit(steps), '/data/a.sourcebench', async () => {
      steps.push('switch');
      return stateWith('/data/b.sourcebench');
    });
    expect(steps).toEqual(['leave', 'switch']);
    expect(next.open?.path).toBe('/data/b.sourcebench');
  });

  it('stays in the open project when the host refuses, and passes the refusal on', async () => {
    const steps: string[] = [];
    const refused = switchProject(recordingExit(steps), '/data/a.sourcebench', async () => {
      steps.push('switch');
      throw new Error('There is no project file at /data/gone.sourcebench.');
    });
    await expect(refused).rejects.toThrow('no project file');
    expect(steps).toEqual(['leave', 'switch', 'stay']);
  });

  it('stays when the file asked for is the one already open (nothing was switched)', async () => {
    const steps: string[] = [];
    await switchProject(recordingExit(steps), '/data/a.sourcebench', async () => stateWith('/data/a.sourcebench'));
    expect(steps).toEqual(['leave', 'stay']);
  });

  it('switches from no project without anything to leave', async () => {
    const next = await switchProject(null, null, async () => stateWith('/data/a.sourcebench'));
    expect(next.open?.path).toBe('/data/a.sourcebench');
  });
});

describe('projectPathFor (the file a project form will make)', () => {
  it('puts a bare name in the data folder, with the extension added', () => {
    expect(projectPathFor(' Kirov 1934 ', '/home/me/Sourcebench')).toBe('/home/me/Sourcebench/Kirov 1934.sourcebench');
    expect(projectPathFor('kirov.sourcebench', '/data/')).toBe('/data/kirov.sourcebench');
    expect(projectPathFor('kirov', 'C:\\Users\\me\\Documents')).toBe('C:\\Users\\me\\Documents\\kirov.sourcebench');
  });

  it('keeps an absolute path, and refuses an empty or relative one as the server does', () => {
    expect(projectPathFor('/tmp/elsewhere/k', '/data')).toBe('/tmp/elsewhere/k.sourcebench');
    expect(projectPathFor('', '/data')).toBeNull();
    expect(projectPathFor('sub/k', '/data')).toBeNull();
  });

  it('suggests "NAME copy" for a copy', () => {
    expect(copyNameOf('Kirov')).toBe('Kirov copy');
  });
});
