/**
 * File → Back up project…: a copy made while the project is open, into a Backups folder beside
 * it unless the user names a file, never over the project itself and never half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnnotatedProject, type AnnotatedProject } from '../export/annotated-project';

let fixture: AnnotatedProject;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
});
afterAll(() => fixture.close());

const annotationCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backupProject', () => {
  it('copies the open project into a Backups folder beside it, one new file each time', async () => {
    const first = await fixture.client.backupProject({});
    const second = await fixture.client.backupProject({});
    expect(path.dirname(first.path)).toBe(path.join(path.dirname(fixture.project.path), 'Backups'));
    expect(path.basename(first.path)).toMatch(/^stalin \d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2}\.sourcebench$/);
    expect(fs.existsSync(first.path) && fs.existsSync(second.path) && second.path !== first.path).toBe(true);
    expect(first.bytes).toBe(fs.statSync(first.path).size);
    expect(annotationCount(first.path)).toBe(5);
  });

  it('writes to a file the user names', async () => {
    const out = path.join(path.dirname(fixture.project.path), 'before the edit.sourcebench');
    expect((await fixture.client.backupProject({ path: out })).path).toBe(out);
    expect(annotationCount(out)).toBe(5);
  });

  it('refuses the project itself and a folder that does not exist, saying why, and leaves nothing behind', async () => {
    await expect(fixture.client.backupProject({ path: fixture.project.path })).rejects.toMatchObject({
      field: 'path',
      message: 'The copy must go to another file than the project itself.',
    });
    const missing = path.join(path.dirname(fixture.project.path), 'no such folder', 'copy.sourcebench');
    await expect(fixture.client.backupProject({ path: missing })).rejects.toThrow(`Cannot write ${missing}`);
    expect(fs.readdirSync(path.dirname(fixture.project.path)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
