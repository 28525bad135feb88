/**
 * Issue 14: text full of SQL's own characters is stored and read back exactly, and leaves the
 * database as it was. A title, a tag, a note, a claim or a search made of quotes, backslashes,
 * LIKE wildcards and a classic "'); DROP TABLE" must be data to every statement that touches it,
 * which only bound parameters guarantee (tests/unit/architecture/sql-parameters.test.ts checks
 * that no statement is assembled from such text).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { corpusDir, tempDir } from '../../support/temp';

/** Each would end a string literal, a LIKE pattern or a statement if it were pasted into SQL. */
const NASTY = [
  `'); DROP TABLE annotations;--`,
  `Robert'); DROP TABLE tags; --`,
  `" OR "1"="1`,
  `' OR '1'='1' --`,
  `back\\slash \\' \\" \\\\`,
  `100% of _one_ LIKE '%_%' ESCAPE '\\'`,
  `*/ SELECT * FROM documents; /*`,
  `NUL-free but odd: \u0007 \u001b[31m ; -- ;`,
];
const ALL = NASTY.join(' | ');

let dir: string;
let cleanup: () => void;
let project: Project;
let client: ApiClient;
let tablesBefore: string[];
let russian: DocumentSummary;

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sourcebench-sql-'));
  project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
  client = createApiClient(createDispatch(createHandlers(project, 'cli')));
  tablesBefore = tables(project.path);
  russian = (await client.listDocuments({}))[0]!;
});
afterAll(() => {
  project.close();
  cleanup();
});

describe('quote-laden text', () => {
  it('is stored and read back exactly in tags, notes, claims, assessments and document records', async () => {
    const tags = [];
    for (const name of NASTY) tags.push(await client.createTag({ name: name.replaceAll('/', '÷'), description: name }));
    const { text } = await client.getVersionContent({ versionId: russian.currentVersionId });
    const start = text.indexOf('покончила с собой');
    const note = { type: 'doc' as const, content: NASTY.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
    const annotation = await client.createAnnotation({
      versionId: russian.currentVersionId,
      start,
      end: start + 'покончила с собой'.length,
      tagIds: tags.map((tag) => tag.id),
      note,
    });
    const claim = await client.createClaim({
      wording: ALL,
      people: NASTY,
      places: NASTY,
      verdict: ALL,
      account: { annotationId: annotation.id, stance: 'supports', note: ALL },
    });
    await client.saveAssessment({ documentId: russian.id, authorship: ALL, tendency: NASTY[0], provenance: NASTY[5] });
    const { jobId } = await client.startImport({
      fileName: `it's "odd" %_.txt`,
      data: Buffer.from(`${ALL}\n\nA second paragraph.\n`).toString('base64'),
      record: { title: ALL, author: NASTY[1], description: NASTY[4] },
    });
    let job = await client.getImportJob({ jobId });
    while (job.state === 'running') {
      // The import works in the background of this process: give it the turn.
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = await client.getImportJob({ jobId });
    }
    expect(job.error).toBeNull();

    // Read back by a second connection to the file: what was written, not a cache.
    project.close();
    project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
    client = createApiClient(createDispatch(createHandlers(project, 'cli')));

    const storedTags = await client.listTags({});
    expect(storedTags.map((tag) => tag.name)).toEqual(expect.arrayContaining(NASTY.map((name) => name.replaceAll('/', '÷').trim())));
    expect(storedTags.map((tag) => tag.description)).toEqual(expect.arrayContaining(NASTY));
    const [stored] = await client.listAnnotations({ ids: [annotation.id] });
    expect(stored!.note).toEqual(note);
    expect(stored!.noteText).toBe(NASTY.join('\n'));
    const [storedClaim] = (await client.listClaims({})).filter((each) => each.id === claim.id);
    expect(storedClaim).toMatchObject({ wording: ALL.trim(), people: NASTY.map((name) => name.trim()), places: NASTY.map((name) => name.trim()), verdict: ALL });
    expect(storedClaim!.accounts[0]!.note).toBe(ALL);
    expect(await client.getAssessment({ documentId: russian.id })).toMatchObject({ authorship: ALL, tendency: NASTY[0], provenance: NASTY[5] });
    const imported = (await client.listDocuments({})).find((document) => document.id === job.documentId)!;
    expect(imported).toMatchObject({ title: ALL, author: NASTY[1], description: NASTY[4] });
    expect((await client.getVersionContent({ versionId: imported.currentVersionId })).text).toContain(NASTY[0]);
  });

  it('searched for, finds only what holds it, fails on nothing, and takes the LIKE wildcards literally', async () => {
    for (const query of [...NASTY, `'`, `"`, `\\`, `%`, `_`, `%%`, `' OR 1=1 --`, `"unclosed`, `NEAR(`, `a*`, `-`, `OR`]) {
      const result = await client.search({ query }).then(
        (value) => value,
        (error: Error) => error,
      );
      // A query the search language cannot read is told in words; it never reaches SQL as a statement.
      if (result instanceof Error) {
        expect(result.message, query).not.toMatch(/SQLITE|syntax error|no such (table|column)|unrecognized token/i);
        continue;
      }
      expect(result.hits.length, query).toBeLessThanOrEqual(200);
    }
    // The wildcards of LIKE match no more than themselves.
    const everything = await client.search({ query: 'Stalin' });
    for (const query of ['%', '_', '%_%']) {
      const result = await client.search({ query }).catch(() => null);
      if (result) expect(result.hits.length, query).toBeLessThan(everything.hits.length);
    }
    // A phrase of the odd title is found, in the document that holds it.
    const odd = await client.search({ query: '"DROP TABLE annotations"' });
    expect(odd.hits.some((hit) => hit.kind === 'text')).toBe(true);
  });

  it('leaves every table, index and trigger of the project in place', async () => {
    project.close();
    expect(tables(path.join(dir, 'p.sourcebench'))).toEqual(tablesBefore);
    project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
    client = createApiClient(createDispatch(createHandlers(project, 'cli')));
    expect((await client.listAnnotations({})).length).toBeGreaterThan(0);
  });
});
