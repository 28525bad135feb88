/**
 * Re-anchoring a document with thousands of highlights on a new version: it reports its progress
 * (to the caller, and through the import job), stays one transaction, and costs the same few
 * statements plus one write per highlight — counted, not timed, so that a cost growing faster
 * than the number of highlights fails here and not only in the bench.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { apiTable } from '../../../shared/api';
import { AnnotationService, REANCHOR_STEP, type ReanchorPlan } from '../../../electron/app/annotation-service';
import type { ChangeHistory } from '../../../electron/app/change-history';
import { AnnotationRows } from '../../../electron/store/annotations';
import { openProjectDatabase } from '../../../electron/store/database';
import { openRepositories } from '../../../electron/store/repositories';
import { useTestProject } from '../../support/project';
import { corpusDir } from '../../support/temp';
import { annotationsOn, storeAnnotations, textVersion } from '../../support/many-annotations';
import { insertionParagraph, makeAnnotations, readingText, reviseText } from '../../fixtures/anchoring/revision';

const fixture = useTestProject();

afterEach(() => vi.restoreAllMocks());

/** The Volkogonov text revised (corrections, a deleted passage, an inserted paragraph), and `count` highlights on the old one. */
function volkogonovWith(count: number, seed = 1): { annotations: Annotation[]; newText: string } {
  const { project, volkogonov } = fixture;
  const oldText = project.documents.readingText(volkogonov.currentVersionId);
  expect(oldText).toBe(readingText('002'));
  const revision = reviseText(oldText, seed, insertionParagraph(seed + 1));
  const tag = project.codebook.createTag(apiTable.createTag.input.parse({ name: `Tag ${seed}`, color: 'red' }));
  const annotations = annotationsOn(
    { documentId: volkogonov.id, versionId: volkogonov.currentVersionId, text: oldText },
    makeAnnotations(revision, count, seed + 2),
    tag.id,
  );
  storeAnnotations(project.path, annotations);
  return { annotations, newText: revision.newText };
}

/** What re-anchoring may not change: everything but the place, selectors, status and time. */
const untouched = (annotation: Annotation) => ({
  id: annotation.id,
  color: annotation.color,
  tagIds: annotation.tagIds,
  note: annotation.note,
  noteText: annotation.noteText,
  credibility: annotation.credibility,
  createdAt: annotation.createdAt,
});

function expectMonotonicToTotal(calls: [number, number][], total: number): void {
  expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(total / REANCHOR_STEP));
  // Bounded: once a step, not once a highlight.
  expect(calls.length).toBeLessThanOrEqual(Math.ceil(total / REANCHOR_STEP) + 2);
  calls.forEach(([done, of], index) => {
    expect(of).toBe(total);
    if (index > 0) expect(done).toBeGreaterThan(calls[index - 1]![0]);
  });
  expect(calls[calls.length - 1]).toEqual([total, total]);
}

describe('re-anchoring thousands of highlights', () => {
  it('reports its progress step by step, rising to the total, and changes nothing but their places', async () => {
    const { annotations, newText } = volkogonovWith(5_000);
    const { project, client, volkogonov } = fixture;
    const calls: [number, number][] = [];
    const added = project.addVersion(volkogonov.id, textVersion(newText), { onProgress: (done, total) => calls.push([done, total]) });
    expectMonotonicToTotal(calls, 5_000);
    expect(added.anchored + added.orphans).toBe(5_000);
    expect(added.anchored).toBeGreaterThan(4_000);

    const after = await client.listAnnotations({ documentId: volkogonov.id });
    expect(after).toHaveLength(5_000);
    const text = (await client.getVersionContent({ versionId: added.versionId })).text;
    const before = new Map(annotations.map((annotation) => [annotation.id, annotation]));
    for (const annotation of after) {
      expect(untouched(annotation)).toEqual(untouched(before.get(annotation.id)!));
      if (annotation.status === 'anchored') {
        expect(annotation.versionId).toBe(added.versionId);
        expect(text.slice(annotation.start!, annotation.end!)).toBe(annotation.quote.exact);
      } else {
        expect(annotation.versionId).toBe(volkogonov.currentVersionId);
        expect(annotation.orphanReason).toBeTruthy();
      }
    }
  });

  it('plans ahead with the same progress, and the import job shows it as "re-anchoring … of … highlights"', async () => {
    const { newText } = volkogonovWith(6_000);
    const { project, client, volkogonov } = fixture;
    const calls: [number, number][] = [];
    await project.annotations.planReanchoring(volkogonov.id, newText, (done, total) => calls.push([done, total]));
    expectMonotonicToTotal(calls, 6_000);

    const { jobId } = await client.startImport({ fileName: 'revised.txt', data: Buffer.from(newText, 'utf8').toString('base64'), versionOf: volkogonov.id });
    const seen: { stage: string; progress: number }[] = [];
    for (;;) {
      const job = await client.getImportJob({ jobId });
      seen.push({ stage: job.stage, progress: job.progress });
      if (job.state !== 'running') {
        expect(job.state).toBe('done');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const stages = seen.map((job) => job.stage).filter((stage) => stage.startsWith('re-anchoring'));
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(stage).toMatch(/^re-anchoring \d{1,3}(,\d{3})* of 6,000 highlights$/);
    seen.forEach((job, index) => index > 0 && expect(job.progress).toBeGreaterThanOrEqual(seen[index - 1]!.progress));
  });

  it('prepares the same few statements and runs one write per highlight, however many there are', () => {
    const { project, volkogonov } = fixture;
    // Each round on a connection of its own, counting what the service asks of the database.
    const round = (documentId: string, oldText: string, versionId: string, count: number, seed: number) => {
      const revision = reviseText(oldText, seed, insertionParagraph(seed));
      const ranges = makeAnnotations(revision, count, seed).map(({ start, end }) => ({ start, end }));
      storeAnnotations(project.path, annotationsOn({ documentId, versionId, text: oldText }, ranges));
      const { db } = openProjectDatabase(project.path);
      try {
        const counted = counting(db);
        const repositories = openRepositories(counted.db);
        const service = new AnnotationService(repositories, {} as ChangeHistory);
        const cacheSize = db.pragma('cache_size', { simple: true });
        const counts = db.transaction(() => {
          const added = repositories.documents.addVersion(documentId, textVersion(revision.newText));
          counted.reset();
          const result = service.reanchorDocument(documentId, added.versionId);
          expect(result.anchored + result.orphans).toBe(count);
          return { prepared: counted.prepared, executed: counted.executed };
        })();
        // The page cache grown for the writes is given back.
        expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
        return counts;
      } finally {
        db.close();
      }
    };
    const wikipedia = project.documents.list()[1]!;
    const small = round(wikipedia.id, readingText('001'), wikipedia.currentVersionId, 300, 5);
    const volkogonovText = project.documents.readingText(volkogonov.currentVersionId);
    const large = round(volkogonov.id, volkogonovText, volkogonov.currentVersionId, 4_000, 7);
    // Preparing did not grow with the highlights (it was three statements per highlight) ...
    expect(large.prepared).toBe(small.prepared);
    expect(large.prepared).toBeLessThanOrEqual(6);
    // ... and each further highlight cost exactly one statement: its write, no re-read, no tag rows.
    expect(large.executed - small.executed).toBe(4_000 - 300);
    expect(small.executed).toBeLessThanOrEqual(300 + 6);
  });

  it('leaves notes out of the search index catch-up: their text did not change', () => {
    const { newText } = volkogonovWith(2_000);
    const { project, volkogonov } = fixture;
    project.searchIndex.catchUp();
    project.addVersion(volkogonov.id, textVersion(newText));
    const { db } = openProjectDatabase(project.path);
    try {
      expect(db.prepare(`SELECT count(*) FROM search_stale_items WHERE kind = 'note'`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('is all or nothing: a failure halfway leaves the document and its highlights as they were', async () => {
    volkogonovWith(5_000);
    const { project, client, volkogonov } = fixture;
    const before = await client.listAnnotations({ documentId: volkogonov.id });
    const write = AnnotationRows.prototype.moveAnchors;
    let steps = 0;
    vi.spyOn(AnnotationRows.prototype, 'moveAnchors').mockImplementation(function (this: AnnotationRows, ...args) {
      if (++steps === 2) throw new Error('disk full');
      return write.apply(this, args);
    });
    expect(() => project.addVersion(volkogonov.id, textVersion(readingText('002').replace('Stalin', 'Stalin.')))).toThrow('disk full');
    expect(steps).toBe(2);
    vi.restoreAllMocks();
    expect(await client.listAnnotations({ documentId: volkogonov.id })).toEqual(before);
    expect((await client.listDocuments({})).find((document) => document.id === volkogonov.id)!.versionCount).toBe(1);
  });

  it('takes from a plan what still holds, and anchors again what was changed, added or deleted since', async () => {
    const { annotations, newText } = volkogonovWith(3_000);
    const { project, client, volkogonov } = fixture;
    const version = textVersion(newText);
    const plan = await project.annotations.planReanchoring(volkogonov.id, version.normalized.text);
    // Marked, so that what the transaction took from the plan shows.
    const marked: ReanchorPlan = {
      ...plan,
      placed: new Map(
        [...plan.placed].map(([id, { from, move }]) => [id, { from, move: { row: move.row, id, status: 'orphan' as const, orphanReason: 'from the plan' } }]),
      ),
    };
    const [kept, moved, deleted] = annotations as [Annotation, Annotation, Annotation];
    // A "Kirov" whose surroundings the revision left alone.
    const text = readingText('002');
    let at = text.indexOf('Kirov');
    while (!newText.includes(text.slice(at - 40, at + 45))) at = text.indexOf('Kirov', at + 1);
    await client.reattachAnnotation({ id: moved.id, versionId: volkogonov.currentVersionId, start: at, end: at + 5 });
    await client.deleteAnnotation({ id: deleted.id });
    const added = await client.createAnnotation({ versionId: volkogonov.currentVersionId, start: at, end: at + 5 });

    const result = project.addVersion(volkogonov.id, version, { plan: marked });
    expect(result.anchored + result.orphans).toBe(3_000);
    const after = new Map((await client.listAnnotations({ documentId: volkogonov.id })).map((annotation) => [annotation.id, annotation]));
    expect(after.get(kept.id)!.orphanReason).toBe('from the plan');
    expect(after.has(deleted.id)).toBe(false);
    const newVersionText = (await client.getVersionContent({ versionId: result.versionId })).text;
    for (const id of [moved.id, added.id]) {
      const annotation = after.get(id)!;
      expect(annotation).toMatchObject({ status: 'anchored', versionId: result.versionId, quote: { exact: 'Kirov' } });
      expect(newVersionText.slice(annotation.start!, annotation.end!)).toBe('Kirov');
    }
  });

  it('carries an orphan through the diff from where it was last anchored: it comes back when its text does', async () => {
    const { client, russian } = fixture;
    const [first, second, third] = fs.readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'), 'utf8').split('\n') as [string, string, string];
    const quote = second.slice(20, 80);
    const start = (await client.getVersionContent({ versionId: russian.currentVersionId })).text.indexOf(quote);
    const annotation = await client.createAnnotation({ versionId: russian.currentVersionId, start, end: start + quote.length });
    expect(annotation.quote.exact).toBe(quote);
    const importVersion = async (text: string, fileName: string) => {
      const { jobId } = await client.startImport({ fileName, data: Buffer.from(text, 'utf8').toString('base64'), versionOf: russian.id });
      for (;;) {
        const job = await client.getImportJob({ jobId });
        if (job.state !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await importVersion([first, third].join('\n'), 'without.txt');
    expect((await client.listAnnotations({ documentId: russian.id }))[0]).toMatchObject({ status: 'orphan', versionId: russian.currentVersionId });

    const restored = await importVersion([`Новое предложение. ${first}`, second, third].join('\n'), 'restored.txt');
    const [back] = await client.listAnnotations({ documentId: russian.id });
    expect(back).toMatchObject({ id: annotation.id, status: 'anchored', versionId: restored.versionId, orphanReason: null, quote: { exact: quote } });
    const text = (await client.getVersionContent({ versionId: restored.versionId! })).text;
    expect(text.slice(back!.start!, back!.end!)).toBe(quote);
  });

  it('ignores a plan made for another text', async () => {
    const { newText } = volkogonovWith(500);
    const { project, client, volkogonov } = fixture;
    const version = textVersion(newText);
    const plan = await project.annotations.planReanchoring(volkogonov.id, `${version.normalized.text}\n\nA last paragraph.`);
    const marked: ReanchorPlan = {
      ...plan,
      placed: new Map([...plan.placed].map(([id, { from, move }]) => [id, { from, move: { row: move.row, id, status: 'orphan' as const, orphanReason: 'from the plan' } }])),
    };
    project.addVersion(volkogonov.id, version, { plan: marked });
    const after = await client.listAnnotations({ documentId: volkogonov.id });
    expect(after).toHaveLength(500);
    expect(after.filter((annotation) => annotation.orphanReason === 'from the plan')).toEqual([]);
  });
});

/** The database as the repositories see it, counting statements prepared and executed. */
function counting(db: Database.Database): { db: Database.Database; prepared: number; executed: number; reset: () => void } {
  const counts = { prepared: 0, executed: 0 };
  const proxy = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property !== 'prepare') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      return (sql: string) => {
        counts.prepared++;
        const statement = target.prepare(sql);
        for (const method of ['all', 'get', 'run', 'iterate'] as const) {
          const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
          (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
            counts.executed++;
            return original(...args);
          };
        }
        return statement;
      };
    },
  });
  return {
    db: proxy,
    get prepared() {
      return counts.prepared;
    },
    get executed() {
      return counts.executed;
    },
    reset: () => {
      counts.prepared = 0;
      counts.executed = 0;
    },
  };
}

describe('the store prepares each statement once', () => {
  it('hands a statement out reading whole rows, whatever mode its last caller read it in', () => {
    const { project, russian } = fixture;
    const { db } = openProjectDatabase(project.path);
    try {
      const rows = new AnnotationRows(db) as unknown as { statement(sql: string): Database.Statement };
      const sql = 'SELECT id FROM documents WHERE id = ?';
      expect(rows.statement(sql).pluck().get(russian.id)).toBe(russian.id);
      expect(rows.statement(sql).get(russian.id)).toEqual({ id: russian.id });
      expect(rows.statement(sql).raw().get(russian.id)).toEqual([russian.id]);
      expect(rows.statement(sql).get(russian.id)).toEqual({ id: russian.id });
    } finally {
      db.close();
    }
  });
});
