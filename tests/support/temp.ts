/** Temporary folders for tests that work on real project files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

export function tempDir(prefix = 'sourcebench-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const corpusDir = path.join(repoRoot, 'corpus');
