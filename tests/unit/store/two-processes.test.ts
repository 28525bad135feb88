/**
 * Two processes on one project file, as when the command line runs while the workbench is open:
 * both write and nothing is lost; one that finds the file busy waits, and past the wait says why
 * in words and writes nothing; the open one learns that the other wrote.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { ApiError, BUSY_MESSAGE } from '../../../shared/errors';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { bundleCrashChild, CRASH_TAG_PREFIX, CrashChild, MOVING_TAG, PARENT_TAGS, sleep, type CrashWrite } from '../../support/crash';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';

const temp = tempDir('sourcebench-two-');
let bundle: { file: string; remove: () => void };
let project: Project;
let client: ApiClient;
let file: string;

beforeAll(async () => {
  bundle = await bundleCrashChild();
  file = path.join(temp.dir, 'shared.sourcebench');
  project = Project.open(file, { corpusDir });
  client = createApiClient(createDispatch(createHandlers(project, 'browser')));
  const parent = await client.createTag({ name: PARENT_TAGS[0] });
  await client.createTag({ name: PARENT_TAGS[1] });
  await client.createTag({ name: MOVING_TAG, parentId: parent.id });
  for (let index = 0; index < 5; index++) await client.createTag({ name: `${CRASH_TAG_PREFIX}${index}` });
}, 60_000);
afterAll(() => {
  project?.close();
  bundle?.remove();
  temp.cleanup();
});

/**
 * Another process that takes the file's write lock (BEGIN IMMEDIATE and a write), says "locked",
 * and commits after `holdMs`.
 */
async function holdWriteLock(holdMs: number): Promise<{ released: Promise<number | null> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('held by', 'another program')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder ended first (${code})`)));
  });
  // Wrapped: an async function returning a promise would wait for it.
  return { released: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('two processes on one project file', () => {
  it('lose none of each other\'s writes when both write at once', async () => {
    const writer = new CrashChild(bundle.file, ['write', file, 'other']);
    writer.go();
    await writer.waitFor('ready');
    const [document] = await client.listDocuments({});
    const mine: string[] = [];
    // This process writes while the other does, for as many writes as it takes to interleave.
    for (let index = 0; index < 60; index++) {
      const made = await client.createAnnotation({ versionId: document!.currentVersionId, start: index * 3, end: index * 3 + 2, credibility: 3 });
      mine.push(made.id);
      if (index % 10 === 0) await sleep(20);
    }
    const lines = await writer.kill();
    const theirs = lines.flatMap((line) => (line.phase === 'ack' ? [line.write] : [])).filter((write): write is Extract<CrashWrite, { kind: 'annotation' }> => write.kind === 'annotation');
    expect(theirs.length).toBeGreaterThan(0);

    const present = new Map((await client.listAnnotations({ documentId: document!.id })).map((annotation) => [annotation.id, annotation]));
    expect(mine.filter((id) => !present.has(id))).toEqual([]);
    expect(theirs.filter((write) => present.get(write.id!)?.noteText !== write.marker)).toEqual([]);
  }, 60_000);

  it('tells the open project that another process wrote, so the workbench reads it again and undo forgets', async () => {
    const [document] = await client.listDocuments({});
    await client.createAnnotation({ versionId: document!.currentVersionId, start: 400, end: 410 });
    const seen = await client.getHistory({});
    expect(seen.canUndo).toBe(true);
    expect((await client.changesSince({ epoch: seen.epoch, revision: seen.revision })).complete).toBe(true);

    const writer = new CrashChild(bundle.file, ['write', file, 'notice']);
    writer.go();
    await writer.waitFor('ack');
    await writer.kill();

    const changes = await client.changesSince({ epoch: seen.epoch, revision: seen.revision });
    expect(changes.complete).toBe(false);
    expect(changes.history.epoch).not.toBe(seen.epoch);
    // Undoing now would put back a state the other process may have changed since.
    expect(changes.history.canUndo).toBe(false);
  }, 60_000);

  it('waits while another process holds the file, then writes', async () => {
    const { released } = await holdWriteLock(1500);
    const tag = await client.createTag({ name: 'written after the wait' });
    expect(await released).toBe(0);
    expect((await client.listTags({})).map((existing) => existing.id)).toContain(tag.id);
  }, 30_000);

  it('fails with a message naming the other program, not "database is locked", when the file stays busy past the wait, and writes nothing', async () => {
    const { released } = await holdWriteLock(6500);
    const began = Date.now();
    const failure = await client.createTag({ name: 'never written' }).catch((error: unknown) => error);
    // It waited (SQLite's busy timeout) before giving up, rather than failing at the first try.
    expect(Date.now() - began).toBeGreaterThanOrEqual(4000);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'project_error', message: BUSY_MESSAGE });
    expect((failure as Error).message).not.toMatch(/SQLITE|locked/);
    expect(await released).toBe(0);
    expect((await client.listTags({})).map((tag) => tag.name)).not.toContain('never written');
  }, 30_000);
});
