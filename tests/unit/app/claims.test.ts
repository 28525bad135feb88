/**
 * Claims gather the accounts several sources give of one event, each with its stance, so a
 * historian can weigh them side by side. These tests use the three bundled accounts of Nadezhda
 * Alliluyeva's death: Volkogonov dates it to the night of 8–9 November 1932, the Wikipedia
 * article to November 1931, and the Russian text says only "that same night".
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import type { Annotation } from '../../../shared/annotations';
import { createApiClient } from '../../../shared/client';
import { createDispatch, type Dispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { parseHistoricalDate } from '../../../shared/historical-date';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { seedBundledCorpus } from '../../../electron/corpus/seed';
import { openProjectDatabase } from '../../../electron/store/database';
import { DocumentRepository } from '../../../electron/store/documents';
import { migrations } from '../../../electron/store/migrations';
import { corpusDir, tempDir } from '../../support/temp';

const VOLKOGONOV = 'In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide';
const WIKIPEDIA =
  'In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.';
const RUSSIAN = 'Она вышла и в ту же ночь покончила с собой.';
const KIROV = '1 декабря 1934 года Киров был убит студентом-коммунистом.';
const SUICIDE = 'Nadezhda Alliluyeva took her own life in the night of 8–9 November 1932';

let dir: string;
let cleanup: () => void;
let file: string;
let project: Project;
let dispatch: Dispatch;
let client: ApiClient;
let russian: DocumentSummary;
let wikipedia: DocumentSummary;
let volkogonov: DocumentSummary;

function open(): void {
  project = Project.open(file, { corpusDir });
  dispatch = createDispatch(createHandlers(project, 'cli'));
  client = createApiClient(dispatch);
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'p.sourcebench');
  open();
  [russian, wikipedia, volkogonov] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary, DocumentSummary];
});
afterEach(() => {
  project.close();
  cleanup();
});

/** Highlights the one occurrence of `words` in the document's current reading text. */
async function highlight(document: DocumentSummary, words: string): Promise<Annotation> {
  const text = project.documents.getVersionContent(document.currentVersionId).text;
  const start = text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1)).toBe(-1);
  return client.createAnnotation({ versionId: document.currentVersionId, start, end: start + words.length });
}

/** The three accounts of Alliluyeva's death, highlighted. */
async function deathAccounts() {
  return {
    fromVolkogonov: await highlight(volkogonov, VOLKOGONOV),
    fromWikipedia: await highlight(wikipedia, WIKIPEDIA),
    fromRussian: await highlight(russian, RUSSIAN),
  };
}

describe('a claim', () => {
  it('is recorded with its wording, a historical date, people, places, verdict and its first account', async () => {
    const { fromVolkogonov } = await deathAccounts();
    const claim = await client.createClaim({
      wording: `  ${SUICIDE}  `,
      date: '8–9 November 1932',
      people: [' Nadezhda Alliluyeva ', 'Joseph Stalin', 'nadezhda alliluyeva'],
      places: ['Kremlin', 'Moscow', 'KREMLIN'],
      verdict: 'The date is certain; the cause was hidden at the time.',
      credibility: 2,
      account: { annotationId: fromVolkogonov.id, stance: 'supports' },
    });
    expect(claim).toMatchObject({
      wording: SUICIDE,
      date: { text: '8–9 November 1932', from: '1932-11-08', to: '1932-11-09', circa: false },
      people: ['Nadezhda Alliluyeva', 'Joseph Stalin'],
      places: ['Kremlin', 'Moscow'],
      credibility: 2,
      accounts: [{ annotationId: fromVolkogonov.id, stance: 'supports', note: '', claimId: claim.id }],
    });
    expect(await client.listClaims({})).toEqual([claim]);
    expect(await client.getHistory({})).toMatchObject({ undoLabel: `add claim “${SUICIDE.slice(0, 39)}…”` });
  });

  it('drops empty names, even when a caller inside the main process skips the API validation', () => {
    const claim = project.claims.create({ wording: 'Stalin quarrelled with his wife that evening', people: ['Stalin', '  ', '', 'STALIN', 'Nadya'] });
    expect(claim.people).toEqual(['Stalin', 'Nadya']);
    expect(claim.date).toBeNull();
  });

  it('is listed by historical date, undated claims last, then by wording', async () => {
    await client.createClaim({ wording: 'Kirov was murdered by a communist student', date: '1934' });
    await client.createClaim({ wording: 'Stalin flirted with other women at the dinner' });
    await client.createClaim({ wording: SUICIDE, date: '8–9 November 1932' });
    await client.createClaim({ wording: 'An appendicitis was announced as the cause of death' });
    expect((await client.listClaims({})).map((claim) => claim.wording)).toEqual([
      SUICIDE,
      'Kirov was murdered by a communist student',
      'An appendicitis was announced as the cause of death',
      'Stalin flirted with other women at the dinner',
    ]);
  });

  it('gathers accounts from several documents, each with its stance and note, in the order attached', async () => {
    const { fromVolkogonov, fromWikipedia, fromRussian } = await deathAccounts();
    const claim = await client.createClaim({ wording: SUICIDE, date: '8–9 November 1932' });
    await client.attachAccount({ claimId: claim.id, annotationId: fromWikipedia.id, stance: 'qualifies', note: 'date: November 1931 vs 1932' });
    await client.attachAccount({ claimId: claim.id, annotationId: fromRussian.id, stance: 'mentions' });
    const withThree = await client.attachAccount({ claimId: claim.id, annotationId: fromVolkogonov.id, stance: 'supports' });
    expect(withThree.accounts.map((account) => [account.annotationId, account.stance, account.note])).toEqual([
      [fromWikipedia.id, 'qualifies', 'date: November 1931 vs 1932'],
      [fromRussian.id, 'mentions', ''],
      [fromVolkogonov.id, 'supports', ''],
    ]);

    const russianAccount = withThree.accounts[1]!;
    const changed = await client.updateAccount({ id: russianAccount.id, stance: 'supports', note: 'no date: "that same night", after the quarrel' });
    expect(changed.accounts[1]).toMatchObject({ id: russianAccount.id, stance: 'supports', note: 'no date: "that same night", after the quarrel' });
    expect(await client.getHistory({})).toMatchObject({ undoLabel: 'change stance' });

    const detached = await client.detachAccount({ id: withThree.accounts[0]!.id });
    expect(detached.accounts.map((account) => account.annotationId)).toEqual([fromRussian.id, fromVolkogonov.id]);
    expect(await client.getHistory({})).toMatchObject({ undoLabel: 'detach account' });
    // The highlight stays: only its place in the claim is gone.
    expect((await client.listAnnotations({ documentId: wikipedia.id })).map((a) => a.id)).toEqual([fromWikipedia.id]);
    // Undo puts it back where it was, not at the end.
    await client.undo({});
    expect((await client.listClaims({}))[0]!.accounts.map((account) => account.annotationId)).toEqual([
      fromWikipedia.id,
      fromRussian.id,
      fromVolkogonov.id,
    ]);
  });

  it('refuses the same highlight attached twice to one claim, saying so', async () => {
    const { fromVolkogonov } = await deathAccounts();
    const claim = await client.createClaim({ wording: SUICIDE, account: { annotationId: fromVolkogonov.id, stance: 'supports' } });
    const again = await dispatch('attachAccount', { claimId: claim.id, annotationId: fromVolkogonov.id, stance: 'contradicts' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', field: 'annotationId' } });
    expect(!again.ok && again.error.message).toMatch(/already an account of the claim/);
    // The same highlight may still be an account of another claim.
    const other = await client.createClaim({ wording: 'Alliluyeva died in 1932', date: '1932' });
    expect((await client.attachAccount({ claimId: other.id, annotationId: fromVolkogonov.id, stance: 'supports' })).accounts).toHaveLength(1);
  });

  it('changes its wording and date, and an empty date makes it undated', async () => {
    const claim = await client.createClaim({ wording: 'Alliluyeva died', date: '1932' });
    const reworded = await client.updateClaim({ id: claim.id, wording: SUICIDE, date: '8–9 November 1932' });
    expect(reworded).toMatchObject({ wording: SUICIDE, date: { from: '1932-11-08' }, createdAt: claim.createdAt });
    expect(await client.getHistory({})).toMatchObject({ undoLabel: 'reword claim “Alliluyeva died”' });
    expect((await client.updateClaim({ id: claim.id, date: '   ' })).date).toBeNull();
    expect((await client.updateClaim({ id: claim.id, date: '1932' })).date).toMatchObject({ from: '1932-01-01', to: '1932-12-31' });
    expect((await client.updateClaim({ id: claim.id, date: null })).date).toBeNull();
  });

  it('is deleted with its accounts, the highlights stay, and undo brings the claim and its accounts back', async () => {
    const { fromVolkogonov, fromWikipedia } = await deathAccounts();
    const claim = await client.createClaim({ wording: SUICIDE, account: { annotationId: fromVolkogonov.id, stance: 'supports' } });
    const full = await client.attachAccount({ claimId: claim.id, annotationId: fromWikipedia.id, stance: 'qualifies', note: 'a year early' });
    expect(await client.deleteClaim({ id: claim.id })).toEqual({ id: claim.id });
    expect(await client.getHistory({})).toMatchObject({ undoLabel: `delete claim “${SUICIDE.slice(0, 39)}…”` });
    expect(await client.listClaims({})).toEqual([]);
    expect(await client.listAnnotations({})).toHaveLength(3);
    await client.undo({});
    expect(await client.listClaims({})).toEqual([full]);
  });
});

describe('validation, as every host reports it', () => {
  it('names the field at fault: wording, date, stance, credibility, and unknown claims, highlights and accounts', async () => {
    const { fromVolkogonov } = await deathAccounts();
    const claim = await client.createClaim({ wording: SUICIDE });
    const failures: [string, unknown, string, string][] = [
      ['createClaim', { wording: '   ' }, 'invalid_input', 'wording'],
      ['createClaim', { wording: SUICIDE, date: 'Nov 32' }, 'invalid_input', 'date'],
      ['createClaim', { wording: SUICIDE, credibility: 7 }, 'invalid_input', 'credibility'],
      ['createClaim', { wording: SUICIDE, account: { annotationId: 'no-such-highlight', stance: 'supports' } }, 'not_found', 'account.annotationId'],
      ['createClaim', { wording: SUICIDE, account: { annotationId: fromVolkogonov.id, stance: 'agrees' } }, 'invalid_input', 'account.stance'],
      ['updateClaim', { id: 'no-such-claim', wording: SUICIDE }, 'not_found', 'id'],
      ['updateClaim', { id: claim.id, date: 'Nov 32' }, 'invalid_input', 'date'],
      ['attachAccount', { claimId: 'no-such-claim', annotationId: fromVolkogonov.id, stance: 'supports' }, 'not_found', 'claimId'],
      ['attachAccount', { claimId: claim.id, annotationId: 'no-such-highlight', stance: 'supports' }, 'not_found', 'annotationId'],
      ['attachAccount', { claimId: claim.id, annotationId: fromVolkogonov.id, stance: 'agrees' }, 'invalid_input', 'stance'],
      ['updateAccount', { id: 'no-such-account', stance: 'supports' }, 'not_found', 'id'],
      ['detachAccount', { id: 'no-such-account' }, 'not_found', 'id'],
      ['deleteClaim', { id: 'no-such-claim' }, 'not_found', 'id'],
    ];
    for (const [method, input, code, field] of failures) {
      expect({ method, input, result: await dispatch(method, input) }).toMatchObject({ result: { ok: false, error: { code, field } } });
    }
    // Nothing was written by the refused requests.
    expect(await client.listClaims({})).toMatchObject([{ id: claim.id, accounts: [] }]);
  });

  it("reports a date it cannot read with the date parser's own advice", async () => {
    const advice = parseHistoricalDate('Nov 32');
    expect(advice.ok).toBe(false);
    const result = await dispatch('createClaim', { wording: SUICIDE, date: 'Nov 32' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', field: 'date', message: !advice.ok ? advice.error : '' } });
    expect(!result.ok && result.error.message).toMatch(/^Cannot read "Nov 32" as a date: write it as "8 November 1932"/);
  });
});

describe('one undo history for annotations and claims', () => {
  it('takes back and redoes highlight and claim changes in the order they were made', async () => {
    const { fromVolkogonov, fromWikipedia } = await deathAccounts();
    const claim = await client.createClaim({ wording: SUICIDE, date: '8–9 November 1932' });
    await client.attachAccount({ claimId: claim.id, annotationId: fromWikipedia.id, stance: 'qualifies' });
    await client.updateAnnotation({ id: fromWikipedia.id, color: 'red' }); // an account's highlight can be recoloured
    const { accounts } = await client.attachAccount({ claimId: claim.id, annotationId: fromVolkogonov.id, stance: 'supports' });
    await client.updateAccount({ id: accounts[0]!.id, stance: 'contradicts' });

    const labels: (string | null)[] = [];
    for (let state = await client.getHistory({}); state.canUndo && labels.length < 5; state = await client.undo({})) {
      labels.push(state.undoLabel);
    }
    expect(labels).toEqual(['change stance', 'attach account', 'change colour', 'attach account', `add claim “${SUICIDE.slice(0, 39)}…”`]);
    expect(await client.listClaims({})).toEqual([]);
    expect(await client.getHistory({})).toMatchObject({ undoLabel: 'add highlight' });
    expect((await client.listAnnotations({ documentId: wikipedia.id }))[0]!.color).toBe('yellow');

    for (let step = 0; step < 5; step++) await client.redo({});
    const [redone] = await client.listClaims({});
    expect(redone!.accounts.map((account) => [account.id, account.stance])).toEqual([
      [accounts[0]!.id, 'contradicts'],
      [accounts[1]!.id, 'supports'],
    ]);
    expect((await client.listAnnotations({ documentId: wikipedia.id }))[0]!.color).toBe('red');
    expect(await client.getHistory({})).toMatchObject({ canRedo: false, undoLabel: 'change stance' });
  });

  it('deletes a highlight together with its accounts in every claim, and undo brings back both', async () => {
    const { fromVolkogonov, fromWikipedia, fromRussian } = await deathAccounts();
    const suicide = await client.createClaim({ wording: SUICIDE, account: { annotationId: fromWikipedia.id, stance: 'qualifies' } });
    await client.attachAccount({ claimId: suicide.id, annotationId: fromVolkogonov.id, stance: 'supports', note: 'exact night' });
    await client.attachAccount({ claimId: suicide.id, annotationId: fromRussian.id, stance: 'supports' });
    await client.createClaim({ wording: 'Alliluyeva died in 1932', date: '1932', account: { annotationId: fromVolkogonov.id, stance: 'supports' } });
    const before = await client.listClaims({});

    await client.deleteAnnotation({ id: fromVolkogonov.id });
    expect(await client.getHistory({})).toMatchObject({ undoLabel: 'delete highlight and its accounts' });
    const after = await client.listClaims({});
    expect(after.flatMap((claim) => claim.accounts).some((account) => account.annotationId === fromVolkogonov.id)).toBe(false);
    expect(after.find((claim) => claim.id === suicide.id)!.accounts.map((account) => account.annotationId)).toEqual([
      fromWikipedia.id,
      fromRussian.id,
    ]);

    await client.undo({});
    expect(await client.listClaims({})).toEqual(before);
    expect((await client.listAnnotations({ documentId: volkogonov.id })).map((a) => a.id)).toEqual([fromVolkogonov.id]);
    await client.redo({});
    expect(await client.listClaims({})).toEqual(after);
  });

  it('leaves no way to drop an account silently: the project file itself refuses to delete a highlight that is one', async () => {
    const { fromRussian } = await deathAccounts();
    await client.createClaim({ wording: SUICIDE, account: { annotationId: fromRussian.id, stance: 'mentions' } });
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    try {
      expect(() => db.prepare('DELETE FROM annotations WHERE id = ?').run(fromRussian.id)).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});

describe('saved at once', () => {
  it('a claim with its date and accounts survives closing and reopening the project', async () => {
    const { fromVolkogonov, fromWikipedia } = await deathAccounts();
    const claim = await client.createClaim({
      wording: SUICIDE,
      date: '8–9 November 1932',
      people: ['Nadezhda Alliluyeva'],
      places: ['Kremlin'],
      verdict: 'Volkogonov had the archive; the article is a year off.',
      credibility: 1,
      account: { annotationId: fromVolkogonov.id, stance: 'supports' },
    });
    const saved = await client.attachAccount({ claimId: claim.id, annotationId: fromWikipedia.id, stance: 'qualifies', note: 'date: 1931' });
    project.close();
    open();
    expect(await client.listClaims({})).toEqual([saved]);
  });
});

describe('a new version of a document', () => {
  it('leaves accounts on its highlights intact, whether the highlight moves or is orphaned', async () => {
    const raw = fs.readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'), 'utf8');
    const [first, second, third] = raw.split('\n') as [string, string, string];
    // The revision corrects a word in the first paragraph and drops the second.
    const revised = [first.replace('неоднократно', 'не раз'), third].join('\n');
    const fromRussian = await highlight(russian, RUSSIAN);
    const dropped = await highlight(russian, second.slice(0, 60));
    const kirov = await highlight(russian, KIROV);
    const suicide = await client.createClaim({ wording: SUICIDE, account: { annotationId: fromRussian.id, stance: 'supports', note: 'no date' } });
    const famine = await client.createClaim({ wording: 'Collectivisation and industrialisation peaked in crisis', date: '1932' });
    await client.attachAccount({ claimId: famine.id, annotationId: dropped.id, stance: 'supports' });
    await client.createClaim({ wording: 'Kirov was murdered by a communist student', date: '1934', account: { annotationId: kirov.id, stance: 'supports' } });
    const before = await client.listClaims({});

    const { jobId } = await client.startImport({ fileName: 'revised.txt', data: Buffer.from(revised, 'utf8').toString('base64'), versionOf: russian.id });
    let job = await client.getImportJob({ jobId });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await client.getImportJob({ jobId });
    }
    expect(job.state).toBe('done');

    const annotations = new Map((await client.listAnnotations({ documentId: russian.id })).map((a) => [a.id, a]));
    expect(annotations.get(fromRussian.id)).toMatchObject({ status: 'anchored', versionId: job.versionId });
    expect(annotations.get(dropped.id)).toMatchObject({ status: 'orphan' });
    const after = await client.listClaims({});
    expect(after).toEqual(before);
    expect(after.find((claim) => claim.id === suicide.id)!.accounts).toMatchObject([{ annotationId: fromRussian.id, note: 'no date' }]);
  });
});

describe('a project file of schema 3', () => {
  it('is brought forward to claims and keeps its annotations and their tags', async () => {
    project.close();
    const old = path.join(dir, 'schema3.sourcebench');
    const v3 = openProjectDatabase(old, { migrations: migrations.slice(0, 3) });
    const documents = new DocumentRepository(v3.db);
    seedBundledCorpus(documents, corpusDir);
    const [, , book] = documents.list();
    const text = documents.getVersionContent(book!.currentVersionId).text;
    const start = text.indexOf(VOLKOGONOV);
    v3.db.prepare("INSERT INTO tags (id, name, parent_id, color, description, created_at) VALUES ('t', 'Death', NULL, 'red', '', 'then')").run();
    v3.db
      .prepare(
        `INSERT INTO annotations (id, document_id, version_id, status, start, "end", exact, prefix, suffix, position_start,
           position_end, color, note, note_text, credibility, orphan_reason, created_at, updated_at)
         VALUES ('a', ?, ?, 'anchored', ?, ?, ?, '', '', ?, ?, 'green', NULL, '', 2, NULL, 'then', 'then')`,
      )
      .run(book!.id, book!.currentVersionId, start, start + VOLKOGONOV.length, VOLKOGONOV, start, start + VOLKOGONOV.length);
    v3.db.prepare("INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES ('a', 't', 0)").run();
    v3.db.close();

    file = old;
    open();
    expect(project.schemaVersion).toBe(migrations.length);
    expect(project.backupPath).toMatch(/schema3\.backup-schema3-.*\.sourcebench$/);
    expect(await client.getAppInfo({})).toMatchObject({ schemaVersion: migrations.length });
    expect(await client.listAnnotations({})).toMatchObject([{ id: 'a', color: 'green', credibility: 2, tagIds: ['t'], quote: { exact: VOLKOGONOV } }]);
    expect(await client.listClaims({})).toEqual([]);
    // The old highlight can be an account at once.
    const claim = await client.createClaim({ wording: SUICIDE, account: { annotationId: 'a', stance: 'supports' } });
    expect(claim.accounts).toMatchObject([{ annotationId: 'a' }]);
  });
});
