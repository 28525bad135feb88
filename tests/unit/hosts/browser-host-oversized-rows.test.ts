/**
 * Issue 14: no stored content may make a project unopenable. A project whose rows were written
 * around the API (by an older version, before notes were bounded, or by another tool) can hold
 * notes of 62 MB; five of them made the answer to listAnnotations longer than a JavaScript string
 * may be (RangeError: Invalid string length), so the workbench could not list the highlights and
 * never opened. Here they are written straight into the SQLite file, then the real browser host
 * lists them: each oversized note comes back as its beginning with a line saying it was cut, and
 * the stored note stays whole.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES } from '../../../shared/annotations';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { SHOWN_OF_OVERSIZED_NOTE } from '../../../electron/app/annotation-service';
import { Project } from '../../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../../electron/hosts/http/browser-host';
import { corpusDir, tempDir } from '../../support/temp';

const HUGE_NOTES = 5;
/**
 * The notes' text is control characters, as a binary paste leaves them: JSON writes each as six
 * ("\u0001"), so each note takes 62 MB of JSON while the test writes half the bytes it would
 * with letters, and the answer still outgrows the longest string JavaScript can hold (~537 M).
 */
const NOTE_CHARACTERS = 10_300_000;

let host: BrowserHost;
let project: Project;
let file: string;
let cleanup: () => void;
let huge: string[];

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  file = path.join(temp.dir, 'p.sourcebench');
  // A project made as usual, with one ordinary highlight to hang the oversized rows on.
  const made = Project.open(file, { corpusDir });
  const [document] = made.documents.list();
  const highlight = made.annotations.create({ versionId: document!.currentVersionId, start: 0, end: 5 });
  made.close();

  const db = new Database(file);
  // A test's scratch file: durability would only cost time here.
  db.pragma('synchronous = OFF');
  const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(highlight.id) as Record<string, unknown>;
  const text = 'Written by another tool. '.padEnd(NOTE_CHARACTERS, '\u0001');
  const note = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const insert = db.prepare(
    `INSERT INTO annotations (id, document_id, version_id, status, start, "end", exact, prefix, suffix, position_start, position_end,
       color, note, note_text, credibility, orphan_reason, created_at, updated_at)
     VALUES (@id, @document_id, @version_id, @status, @start, @end, @exact, @prefix, @suffix, @position_start, @position_end,
       @color, @note, @note_text, @credibility, @orphan_reason, @created_at, @updated_at)`,
  );
  huge = Array.from({ length: HUGE_NOTES }, (_, i) => `oversized-${i}`);
  db.transaction(() => {
    for (const id of huge) insert.run({ ...row, id, note, note_text: text });
  })();
  db.close();

  project = Project.open(file, { corpusDir });
  host = await startBrowserHost({ dispatch: createDispatch(createHandlers(project, 'browser')), rendererDir: path.join(temp.dir, 'none') });
}, 120_000);
afterAll(async () => {
  await host?.close();
  project?.close();
  cleanup?.();
});

async function call(method: string, input: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

describe('a project holding notes written around the API', () => {
  it(`lists ${HUGE_NOTES} notes of 62 MB of JSON each, cut with a marker, and opens`, { timeout: 120_000 }, async () => {
    const documents = (await call('listDocuments', {})).body.value as { id: string; currentVersionId: string }[];
    const listed = await call('listAnnotations', { documentId: documents[0]!.id });
    expect(listed.status, JSON.stringify(listed.body).slice(0, 300)).toBe(200);
    const oversized = (listed.body.value as { id: string; noteText: string; note: unknown }[]).filter((each) => huge.includes(each.id));
    expect(oversized).toHaveLength(HUGE_NOTES);
    for (const each of oversized) {
      expect(each.noteText).toMatch(/^\[Note cut for display: it takes 61,\d{3},\d{3} characters, over the limit of 1,000,000; .* The whole note is kept in the project\.\]\nWritten by another tool\. \u0001/);
      expect(each.noteText.length).toBeLessThan(SHOWN_OF_OVERSIZED_NOTE + 1000);
      expect(JSON.stringify(each.note).length).toBeLessThan(MAX_NOTE_BYTES);
    }
    // The rest of what the workbench asks for as it opens.
    for (const [method, input] of [
      ['getVersionContent', { versionId: documents[0]!.currentVersionId }],
      ['listTags', {}],
      ['listClaims', {}],
      ['getWorkspace', {}],
    ] as const) {
      expect((await call(method, input)).status, method).toBe(200);
    }
    // Only the answer was cut: the stored note is whole.
    expect(project.annotations.get(huge[0]!).noteText).toHaveLength(NOTE_CHARACTERS);
  });
});
