/**
 * A refused import leaves the project file byte for byte as it was: opening a project to refuse
 * something must not write, not even to fold a WAL a crash left beside it into the file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { runSourcebench } from '../../support/cli';
import { corpusDir, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/**
 * The project file and its WAL as they are on disk (null: no WAL), as digests: toEqual on
 * megabyte Buffers compares byte by byte through its deep-equality machinery and takes tens of seconds.
 */
function bytesOf(file: string): { file: string; wal: string | null; walLength: number } {
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : null;
  return { file: digest(fs.readFileSync(file)), wal: wal && digest(wal), walLength: wal?.length ?? 0 };
}

function refuseEmptyImport(projectFile: string): void {
  const empty = path.join(dir, 'empty.txt');
  fs.writeFileSync(empty, '');
  const run = runSourcebench(projectFile, { XDG_DATA_HOME: path.join(dir, 'xdg') }, 'import', empty);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('empty.txt is empty');
}

// Each test seeds a project and starts the CLI: slow on a busy machine.
describe('a refused import through the CLI', { timeout: 180_000 }, () => {
  it('leaves a closed project file byte for byte as it was', () => {
    const file = path.join(dir, 'closed.sourcebench');
    Project.open(file, { corpusDir }).close();
    const before = bytesOf(file);
    refuseEmptyImport(file);
    expect(bytesOf(file)).toEqual(before);
  });

  it('leaves a project with a WAL left by a crash byte for byte as it was, WAL included', () => {
    const open = Project.open(path.join(dir, 'open.sourcebench'), { corpusDir });
    try {
      open.codebook.createTag({ name: 'Eyewitness' });
      // Copied while open: the file and its WAL as a crash of the workbench leaves them.
      const file = path.join(dir, 'crashed.sourcebench');
      fs.copyFileSync(open.path, file);
      fs.copyFileSync(`${open.path}-wal`, `${file}-wal`);
      const before = bytesOf(file);
      expect(before.walLength).toBeGreaterThan(0);
      refuseEmptyImport(file);
      expect(bytesOf(file)).toEqual(before);
    } finally {
      open.close();
    }
  });
});
