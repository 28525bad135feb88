/**
 * W3C Web Annotation JSON-LD: the export passes the MUST assertions of the W3C test suite, and
 * importing it into a fresh project restores every annotation, tag, grade, note and stance, so
 * that exporting again gives the same annotations. The import is all or nothing, idempotent,
 * counts code points, and says why it leaves out what it cannot place.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { writeExport } from '../../../electron/export';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { corpusDir, tempDir } from '../../support/temp';
import { CLAIM_WORDING, openAnnotatedProject, RUSSIAN_NOTE, RUSSIAN_QUOTE, type AnnotatedProject } from '../export/annotated-project';
import { annotationFailures, collectionFailures } from './w3c-assertions';

const EXPORTED_AT = '2025-03-01T09:00:00.000Z';

interface Item {
  id: string;
  body?: { purpose?: string; value?: string; [key: string]: unknown }[];
  target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[]; [key: string]: unknown };
  [key: string]: unknown;
}
interface Collection {
  first: { items: Item[] };
  [key: string]: unknown;
}

let fixture: AnnotatedProject;
let exported: string;
const opened: { project: Project; cleanup: () => void }[] = [];

beforeAll(async () => {
  fixture = await openAnnotatedProject();
  exported = await exportJsonld(fixture.client);
});
afterAll(() => {
  for (const { project, cleanup } of opened) {
    project.close();
    cleanup();
  }
  fixture.close();
});

async function exportJsonld(client: ApiClient): Promise<string> {
  return writeExport(await readExportSnapshotFrom(client, { exportedAt: EXPORTED_AT }), 'jsonld') as string;
}

/** A new project seeded with the bundled corpus (not the fixture's imported leaflet). */
function freshProject(): { project: Project; client: ApiClient } {
  const { dir, cleanup } = tempDir('sourcebench-exchange-');
  const project = Project.open(path.join(dir, 'fresh.sourcebench'), { corpusDir });
  opened.push({ project, cleanup });
  return { project, client: createApiClient(createDispatch(createHandlers(project, 'cli'))) };
}

const importFile = (client: ApiClient, text: string, fileName = 'notes.jsonld') =>
  client.importExchange({ fileName, data: Buffer.from(text, 'utf8').toString('base64') });

const shaOf = async (client: ApiClient, document: DocumentSummary) => (await client.getVersionContent({ versionId: document.currentVersionId })).sha256;

/** What an annotation says, without the ids that are local to one project (its source is named by sha-256 too). */
function portable(item: Item): Item {
  const { 'sb:document': _document, 'sb:version': _version, ...target } = item.target;
  return { ...item, target: target as Item['target'] };
}

async function counts(client: ApiClient) {
  return { annotations: (await client.listAnnotations({})).length, tags: (await client.listTags({})).length, claims: (await client.listClaims({})).length };
}

describe('W3C Web Annotation export', () => {
  it('passes every MUST assertion of the W3C test suite, for the collection, its page, each annotation, body and target', () => {
    const collection = JSON.parse(exported) as Collection;
    expect(collection.first.items).toHaveLength(5);
    expect(collectionFailures(collection)).toEqual([]);
  });

  it('has a validator that fails what breaks a MUST', () => {
    const good = (JSON.parse(exported) as Collection).first.items[0]!;
    expect(annotationFailures(good)).toEqual([]);
    const { target: _target, ...noTarget } = good;
    expect(annotationFailures(noTarget)).toEqual(expect.arrayContaining([expect.stringContaining('3.1-targetKeyFound')]));
    const bodyWithItems = { ...good, body: [{ type: 'TextualBody', value: 'a tag', items: ['urn:uuid:1'] }] };
    expect(annotationFailures(bodyWithItems)).toEqual([expect.stringContaining('embeddedTextualBodyWithItems')]);
    expect(annotationFailures({ ...good, bodyValue: 'also' })).toEqual([expect.stringContaining('3.2.5-notBodyBodyValue')]);
    expect(annotationFailures({ ...good, '@context': 'http://www.w3.org/ns/oa.jsonld', id: 'urn:uuid:ü' })).toEqual([
      expect.stringContaining('3.1-annotationContextValidated'),
      expect.stringContaining('3.1-annotationIdValidated'),
    ]);
    expect(collectionFailures({ ...(JSON.parse(exported) as Collection), total: -1 })).toEqual([expect.stringContaining('5.1-collectionTotalValidated')]);
  });

  it('writes tags, notes, grades and stances as W3C bodies, and the source by its sha-256', () => {
    const items = (JSON.parse(exported) as Collection).first.items;
    const russian = items.find((item) => item.target.selector[0]!.exact === RUSSIAN_QUOTE)!;
    expect(russian).toMatchObject({ type: 'Annotation', motivation: 'highlighting', 'sb:color': 'red', id: `urn:uuid:${fixture.annotations.russian.id}` });
    expect(russian.target.source).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    expect(russian.body!.map((body) => [body.purpose, body.value])).toEqual([
      ['tagging', 'cause of death/suicide'],
      ['commenting', expect.stringContaining('<strong>the same night</strong>')],
      ['assessing', '3 — Possibly true'],
      ['assessing', `Supports: ${CLAIM_WORDING}`],
    ]);
    expect(JSON.parse(russian.body![1]!['sb:note'] as string)).toEqual(RUSSIAN_NOTE);
  });

  it('gives the same bytes for the same snapshot', async () => {
    expect(await exportJsonld(fixture.client)).toBe(exported);
  });
});

describe('W3C Web Annotation import', () => {
  it('restores into a fresh project every annotation, tag, grade, note and stance: export → import → export gives the same annotations', async () => {
    const { client } = freshProject();
    const result = await importFile(client, exported);
    const leaflet = await shaOf(fixture.client, fixture.documents.leaflet);
    expect(result).toMatchObject({ format: 'jsonld', documents: 0, annotations: 3, tags: 3, notes: 2, claims: 1 });
    expect(result.skipped).toEqual([expect.stringContaining(leaflet), expect.stringContaining(leaflet)]);

    const first = JSON.parse(exported) as Collection;
    const again = JSON.parse(await exportJsonld(client)) as Collection;
    const kept = first.first.items.filter((item) => item.target.source !== `urn:sha256:${leaflet}`);
    expect(again.first.items.map(portable)).toEqual(kept.map(portable));
    expect(again['sb:codebook']).toEqual(first['sb:codebook']);
    expect(again['sb:claims']).toEqual(first['sb:claims']);

    const { date, people, places, verdict, credibility } = fixture.claim;
    expect((await client.listClaims({}))[0]).toMatchObject({ date, people, places, verdict, credibility });
  });

  it('adds nothing the second time', async () => {
    const { client } = freshProject();
    await importFile(client, exported);
    const before = await counts(client);
    const second = await importFile(client, exported);
    expect(second).toMatchObject({ annotations: 0, tags: 0, notes: 0, claims: 0 });
    expect(second.skipped.filter((reason) => reason.endsWith('already in the project'))).toHaveLength(3);
    expect(await counts(client)).toEqual(before);
  });

  it('is undone as one change', async () => {
    const { client } = freshProject();
    const before = await counts(client);
    await importFile(client, exported, 'stalin.jsonld');
    expect((await client.getHistory({})).undoLabel).toBe('import stalin.jsonld');
    await client.undo({});
    expect(await counts(client)).toEqual(before);
  });

  it('refuses a malformed file with a message naming what is wrong, and leaves the project unchanged', async () => {
    const { client } = freshProject();
    const before = await counts(client);
    const broken = (change: (collection: Collection) => void) => {
      const collection = JSON.parse(exported) as Collection;
      change(collection);
      return JSON.stringify(collection);
    };
    const cases: [string, RegExp][] = [
      ['{"type": "AnnotationCollection", ', /notes\.jsonld is not JSON/],
      ['{"type": "Bookmark"}', /expected an AnnotationCollection, an AnnotationPage, an Annotation/],
      [broken((c) => (c['@context'] = 'http://example.org/other.jsonld')), /@context: must name the W3C context http:\/\/www\.w3\.org\/ns\/anno\.jsonld/],
      [
        broken((c) => Object.assign(c.first.items[4]!.target.selector[1]!, { start: 50, end: 10 })),
        /first\.items\.4\.target\.selector\.1\.start: start \(50\) must not be after end \(10\)/,
      ],
      [broken((c) => (c.first.items[1]!.target.selector[1]!.end = 1e300)), /first\.items\.1\.target\.selector\.1\.end: must be a whole number of characters, and not a huge one/],
      [exported.replace('"end": ', '"end": 1e400, "was": '), /first\.items\.0\.target\.selector\.1\.end: .*expected number, received Infinity/],
      [broken((c) => (c.first.items[0]!.body![2]!['sb:credibility'] = 9)), /first\.items\.0\.body\.2\.sb:credibility: Too big/],
      [broken((c) => (c.first.items[0]!.body![1]!['sb:note'] = '{"type":"paragraph"}')), /first\.items\.0\.body\.1\.sb:note: is not a note/],
      [broken((c) => delete (c.first.items[2] as Partial<Item>).target), /first\.items\.2\.target: is missing: an annotation needs a target/],
    ];
    for (const [text, message] of cases) {
      await expect(importFile(client, text)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    }
    expect(await counts(client)).toEqual(before);
  });

  it('counts TextPositionSelector offsets in code points, also after a character outside the BMP', async () => {
    const { client } = freshProject();
    const body = 'Fraktur 𝔄 and 😀 stand before the quote: the passage that matters.\n';
    const document = await importText(client, 'astral.txt', body);
    const { text } = await client.getVersionContent({ versionId: document.currentVersionId });
    const quote = 'the passage that matters';
    const start = text.indexOf(quote);
    const created = await client.createAnnotation({ versionId: document.currentVersionId, start, end: start + quote.length, credibility: 2 });
    const file = await exportJsonld(client);
    const position = (JSON.parse(file) as Collection).first.items[0]!.target.selector[1]!;
    expect(position).toMatchObject({ type: 'TextPositionSelector', start: start - 2, end: start - 2 + quote.length });
    expect([...text].slice(position.start, position.end).join('')).toBe(quote);

    await client.deleteAnnotation({ id: created.id });
    expect(await importFile(client, file)).toMatchObject({ annotations: 1, skipped: [] });
    expect((await client.listAnnotations({}))[0]).toMatchObject({ id: created.id, start, end: start + quote.length, credibility: 2 });
  });

  it('carries an annotation made on an older version to the current one, or keeps it there as an orphan', async () => {
    const { client } = freshProject();
    const first = 'An opening line.\n\nThe passage that survives the revision.\n\nA sentence the revision deletes.\n';
    const document = await importText(client, 'revised.txt', first);
    const highlight = async (words: string) => {
      const { text } = await client.getVersionContent({ versionId: document.currentVersionId });
      return client.createAnnotation({ versionId: document.currentVersionId, start: text.indexOf(words), end: text.indexOf(words) + words.length });
    };
    const survives = await highlight('The passage that survives');
    const deleted = await highlight('A sentence the revision deletes');
    const file = await exportJsonld(client);
    await client.deleteAnnotation({ id: survives.id });
    await client.deleteAnnotation({ id: deleted.id });
    const revised = await importText(client, 'revised-2.txt', 'A new first line.\n\nAn opening line.\n\nThe passage that survives the revision.\n', document.id);

    expect(await importFile(client, file)).toMatchObject({ annotations: 2, skipped: [] });
    const annotations = await client.listAnnotations({});
    const carried = annotations.find((annotation) => annotation.id === survives.id)!;
    const { text } = await client.getVersionContent({ versionId: revised.currentVersionId });
    expect(carried).toMatchObject({ status: 'anchored', versionId: revised.currentVersionId });
    expect(text.slice(carried.start!, carried.end!)).toBe('The passage that survives');
    expect(annotations.find((annotation) => annotation.id === deleted.id)).toMatchObject({
      status: 'orphan',
      versionId: document.currentVersionId,
      start: null,
      position: deleted.position,
      orphanReason: expect.any(String),
    });
  });

  it('places by the quote where the position does not hold it, and says why it leaves out what it cannot place', async () => {
    const { client } = freshProject();
    const collection = JSON.parse(exported) as Collection;
    const russian = collection.first.items.find((item) => item.target.selector[0]!.exact === RUSSIAN_QUOTE)!;
    Object.assign(russian.target.selector[1]!, { start: 3, end: 10 });
    const { 'sb:document': _document, 'sb:version': _version, ...bareTarget } = russian.target;
    const annotation = (id: string, target: object) => ({ '@context': russian['@context'], id: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`, type: 'Annotation', target });
    const ghost = annotation('1', { ...bareTarget, source: `urn:sha256:${'0'.repeat(64)}` });
    const missing = annotation('2', { ...russian.target, selector: [{ type: 'TextQuoteSelector', exact: 'words that are in no source' }] });
    collection.first.items = [russian, ghost as Item, missing as Item];
    const result = await importFile(client, JSON.stringify(collection));
    expect(result.annotations).toBe(1);
    expect(result.skipped).toEqual([
      expect.stringMatching(/^the annotation urn:uuid:0+-0+-4000-8000-0+1 \(“Она вышла.*”\): its source \(the file with sha-256 0{64}\) is not a version of any document in this project/),
      expect.stringMatching(/^the annotation urn:uuid:0+-0+-4000-8000-0+2 \(“words that are in no source”\): it has no place in “.*”: The quote is not in the text/),
    ]);
    const [placed] = await client.listAnnotations({});
    const { text } = await client.getVersionContent({ versionId: placed!.versionId });
    expect(text.slice(placed!.start!, placed!.end!)).toBe(RUSSIAN_QUOTE);
    expect(placed!.position).toEqual(fixture.annotations.russian.position);
  });

  it('places a bare TextQuoteSelector (no prefix, suffix or position) whose quote occurs once, and says why it leaves out an ambiguous or empty one', async () => {
    const { client } = freshProject();
    const [, wikipedia] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary];
    const { text, sha256 } = await client.getVersionContent({ versionId: wikipedia.currentVersionId });
    const occurrences = (quote: string) => text.split(quote).length - 1;
    expect(occurrences('Nadya shot herself')).toBe(1);
    expect(occurrences('Stalin')).toBeGreaterThan(1);
    const bare = (id: string, exact: string) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `https://example.org/anno/${id}`,
      type: 'Annotation',
      target: { source: `urn:sha256:${sha256}`, selector: { type: 'TextQuoteSelector', exact } },
    });
    const result = await importFile(client, JSON.stringify([bare('once', 'Nadya shot herself'), bare('often', 'Stalin'), bare('empty', '')]));
    expect(result.annotations).toBe(1);
    expect(result.skipped).toEqual([
      expect.stringContaining(`(“Stalin”): it has no place in “${wikipedia.title}”: The quote occurs ${occurrences('Stalin')} times and no context tells which.`),
      expect.stringContaining('(“”): it has no place in'),
    ]);
    expect(result.skipped[1]).toContain('The quote is empty');
    const [placed] = await client.listAnnotations({});
    expect(text.slice(placed!.start!, placed!.end!)).toBe('Nadya shot herself');
    expect([...text].slice(placed!.position.start, placed!.position.end).join('')).toBe('Nadya shot herself');
  });

  it('reads another tool’s annotations: sources by sha-256 are placed by their quote, web pages are left out with why', async () => {
    const { client } = freshProject();
    const [, wikipedia] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary];
    const sha = await shaOf(client, wikipedia);
    const hypothesis = (id: string, source: string) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      created: '2024-05-01T10:00:00.000+02:00',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'Stalin' },
        { type: 'TextualBody', purpose: 'tagging', value: 'http://x' },
        { type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: '<p>Compare the <em>Kremlin</em> dinner.</p><p>Tom &amp; Jerry</p>' },
        'https://example.org/reply',
      ],
      target: [{ source, selector: [{ type: 'TextQuoteSelector', exact: 'Nadya shot herself', prefix: 'other women, ', suffix: '' }] }],
    });
    const file = [hypothesis('https://hypothes.is/a/abc', `urn:sha256:${sha}`), hypothesis('https://hypothes.is/a/def', 'https://en.wikipedia.org/wiki/Stalin')];
    const result = await importFile(client, JSON.stringify(file), 'hypothesis.jsonld');
    expect(result).toMatchObject({ annotations: 1, tags: 1, notes: 1 });
    expect(result.skipped).toEqual([
      expect.stringContaining('the tag “http://x”'),
      expect.stringContaining('a body that is a link (https://example.org/reply) was left out'),
      expect.stringContaining('https://hypothes.is/a/def (“Nadya shot herself”): its source https://en.wikipedia.org/wiki/Stalin is not in this project'),
    ]);
    const [annotation] = await client.listAnnotations({});
    expect(annotation).toMatchObject({ createdAt: '2024-05-01T08:00:00.000Z', noteText: 'Compare the Kremlin dinner.\nTom & Jerry', quote: { exact: 'Nadya shot herself' } });
    expect((await importFile(client, JSON.stringify(file))).skipped).toContain('the annotation https://hypothes.is/a/abc: already in the project');
  });
});

/** Imports a text as a new document, or as a new version of one. */
async function importText(client: ApiClient, fileName: string, body: string, versionOf?: string): Promise<DocumentSummary> {
  const data = Buffer.from(body, 'utf8').toString('base64');
  const { jobId } = await client.startImport(
    versionOf ? { fileName, data, versionOf } : { fileName, data, record: { title: fileName, language: 'en', sourceKind: 'primary' } },
  );
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (job.state === 'failed') throw new Error(`import failed: ${job.error?.message}`);
    if (job.state === 'done') return (await client.listDocuments({})).find((document) => document.id === job.documentId)!;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
