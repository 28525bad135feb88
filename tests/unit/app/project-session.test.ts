/**
 * Project files as a historian handles them through any host: a new project (empty or with the
 * bundled accounts), opening another by path or by name, the recent list, a copy saved under a new
 * name, closing. A switch that cannot be made leaves the open project open and untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { ApiError } from '../../../shared/errors';
import { ProjectSession, type SessionOptions } from '../../../electron/app/project-session';
import { Settings } from '../../../electron/app/settings';
import { corpusDir, tempDir } from '../../support/temp';

let temp: ReturnType<typeof tempDir>;
let session: ProjectSession;

function newSession(overrides: Partial<SessionOptions> = {}) {
  session = new ProjectSession({
    host: 'browser',
    corpusDir,
    dataDirectory: path.join(temp.dir, 'data'),
    settings: new Settings(path.join(temp.dir, 'data', 'settings.json')),
    canSwitch: true,
    ...overrides,
  });
  return createApiClient(createDispatch(session.handlers()));
}

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(() => {
  temp = tempDir('sourcebench-session-');
});
afterEach(() => {
  session?.dispose();
  temp.cleanup();
});

describe('a project session', () => {
  it('creates a new, empty project by bare name in the data folder, marked as a Sourcebench file, and opens it', async () => {
    const client = newSession();
    session.start(path.join(temp.dir, 'Stalin.sourcebench'));
    const state = await client.newProject({ path: 'Purges 1937' });
    const made = path.join(temp.dir, 'data', 'Purges 1937.sourcebench');
    expect(state.open).toEqual({ path: made, name: 'Purges 1937' });
    expect(await client.listDocuments({})).toEqual([]);
    expect((await client.getAppInfo({})).projectPath).toBe(made);
    expect(state.inDataDirectory.map((file) => file.name)).toEqual(['Purges 1937']);
    session.dispose();
    const db = new Database(made, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x53726362);
    db.close();
  });

  it('creates a project with the three bundled accounts when asked, and never over an existing file', async () => {
    const client = newSession();
    session.start(path.join(temp.dir, 'Stalin.sourcebench'));
    await client.newProject({ path: path.join(temp.dir, 'With corpus.sourcebench'), withCorpus: true });
    expect(await client.listDocuments({})).toHaveLength(3);
    const existing = await refusal(client.newProject({ path: path.join(temp.dir, 'Stalin.sourcebench') }));
    expect(existing.code).toBe('conflict');
    expect(existing.message).toContain('already exists');
    expect((await client.getProjectState({})).open?.name).toBe('With corpus');
  });

  it('opens another project by path, remembers both in the recent list (newest first), and clears it', async () => {
    const client = newSession();
    const first = path.join(temp.dir, 'First.sourcebench');
    session.start(first);
    const annotation = await client.createAnnotation({ versionId: (await client.listDocuments({}))[0]!.currentVersionId, start: 0, end: 10 });
    await client.newProject({ path: 'Second' });
    expect(await client.listAnnotations({})).toEqual([]);
    const back = await client.openProject({ path: first });
    expect(back.open?.path).toBe(first);
    expect((await client.listAnnotations({})).map((entry) => entry.id)).toEqual([annotation.id]);
    expect(back.recent.map((entry) => entry.name)).toEqual(['First', 'Second']);
    // Kept in settings.json: a new run of the workbench lists the same.
    expect(new Settings(path.join(temp.dir, 'data', 'settings.json')).recentProjects).toEqual([first, path.join(temp.dir, 'data', 'Second.sourcebench')]);
    fs.rmSync(path.join(temp.dir, 'data', 'Second.sourcebench'));
    const afterDelete = await client.getProjectState({});
    expect(afterDelete.recent.map((entry) => [entry.name, entry.exists])).toEqual([
      ['First', true],
      ['Second', false],
    ]);
    expect((await client.clearRecentProjects({})).recent).toEqual([]);
  });

  it('refuses to open a missing file, a folder or a file that is not a project, and the open project stays open', async () => {
    const client = newSession();
    const first = path.join(temp.dir, 'First.sourcebench');
    session.start(first);
    const notes = path.join(temp.dir, 'notes.sourcebench');
    fs.writeFileSync(notes, 'These are my notes on Kirov, not a project.\n'.repeat(200));
    const before = fs.readFileSync(notes);
    const missing = await refusal(client.openProject({ path: path.join(temp.dir, 'gone.sourcebench') }));
    expect(missing.code).toBe('not_found');
    const folder = path.join(temp.dir, 'folder.sourcebench');
    fs.mkdirSync(folder);
    expect((await refusal(client.openProject({ path: folder }))).message).toContain('is a folder');
    const foreign = await refusal(client.openProject({ path: notes }));
    expect(foreign.code).toBe('project_error');
    expect(foreign.message).toContain('The open project stays open');
    expect(fs.readFileSync(notes).equals(before)).toBe(true);
    expect((await client.getProjectState({})).open?.path).toBe(first);
    expect(await client.listDocuments({})).toHaveLength(3);
    const relative = await refusal(client.openProject({ path: 'some/where.sourcebench' }));
    expect(relative.message).toContain('absolute path');
  });

  it('saves a copy that opens with the same annotations, leaves the open project open, and refuses to overwrite unasked', async () => {
    const client = newSession();
    const first = path.join(temp.dir, 'First.sourcebench');
    session.start(first);
    const versionId = (await client.listDocuments({}))[1]!.currentVersionId;
    const made = await client.createAnnotation({ versionId, start: 100, end: 140, color: 'red' });
    const copy = await client.saveProjectCopy({ path: 'For my supervisor' });
    expect(copy.path).toBe(path.join(temp.dir, 'data', 'For my supervisor.sourcebench'));
    expect(copy.bytes).toBeGreaterThan(0);
    expect((await client.getProjectState({})).open?.path).toBe(first);
    expect((await refusal(client.saveProjectCopy({ path: 'For my supervisor' }))).code).toBe('conflict');
    expect((await refusal(client.saveProjectCopy({ path: first }))).message).toContain('another file than the project itself');
    await client.saveProjectCopy({ path: 'For my supervisor', overwrite: true });
    await client.openProject({ path: copy.path });
    expect((await client.listAnnotations({})).map((entry) => [entry.id, entry.color])).toEqual([[made.id, 'red']]);
  });

  it('after Close Project every project method says no project is open, and the session methods still work', async () => {
    const client = newSession();
    session.start(path.join(temp.dir, 'First.sourcebench'));
    const closed = await client.closeProject({});
    expect(closed.open).toBeNull();
    const none = await refusal(client.listDocuments({}));
    expect(none.code).toBe('no_project');
    expect((await refusal(client.saveProjectCopy({ path: 'x' }))).code).toBe('no_project');
    const reopened = await client.openProject({ path: path.join(temp.dir, 'First.sourcebench') });
    expect(reopened.open?.name).toBe('First');
    expect(await client.listDocuments({})).toHaveLength(3);
  });

  it('does not switch under a running import, which would lose it', async () => {
    const client = newSession();
    session.start(path.join(temp.dir, 'First.sourcebench'));
    const text = Buffer.from('Kirov was killed in the Smolny on 1 December 1934.\n'.repeat(20_000)).toString('base64');
    const { jobId } = await client.startImport({ fileName: 'kirov.txt', data: text, record: { title: 'Kirov' } });
    const busy = await refusal(client.newProject({ path: 'Second' }));
    expect(busy.code).toBe('conflict');
    expect(busy.message).toContain('still running');
    for (let i = 0; i < 600 && (await client.getImportJob({ jobId })).state === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await client.newProject({ path: 'Second' })).open?.name).toBe('Second');
  });

  it('a host on one file (the command line) reports it but does not switch, and has no file dialog', async () => {
    const client = newSession({ host: 'cli', canSwitch: false, settings: null });
    session.start(path.join(temp.dir, 'First.sourcebench'));
    const state = await client.getProjectState({});
    expect(state).toMatchObject({ canSwitch: false, canChooseFiles: false, recent: [] });
    expect((await refusal(client.newProject({ path: 'Second' }))).message).toContain('cannot create a new project');
    expect((await refusal(client.chooseProjectFile({ purpose: 'open' }))).message).toContain('no file dialog');
    expect(fs.existsSync(path.join(temp.dir, 'data', 'Second.sourcebench'))).toBe(false);
  });
});
