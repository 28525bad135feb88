/**
 * What goes into an export: the sidebar's filters, precise citations, claims cut to the
 * exported accounts, and the same bytes every time for the same project and date of export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport, type ExportFilter } from '../../../electron/export';
import { exportMarkdown } from '../../../electron/export/markdown';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { openAnnotatedProject, type AnnotatedProject } from './annotated-project';

const EXPORTED_AT = '2025-03-01T09:00:00.000Z';
let fixture: AnnotatedProject;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
});
afterAll(() => fixture.close());

const exported = async (filter: ExportFilter) =>
  (await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT, filter })).annotations.map((annotation) => annotation.id);

describe('export snapshot', () => {
  it('lists annotations in document order, then by place in the text, with precise citations', async () => {
    const snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT });
    const { russian, wikipedia, volkogonov, formula, at } = fixture.annotations;
    expect(snapshot.annotations.map((annotation) => annotation.id)).toEqual([russian.id, wikipedia.id, volkogonov.id, formula.id, at.id]);
    expect(snapshot.annotations[2]!.location).toMatchObject({ chapter: 'Chapter III. His Struggle', page: '64', line: 11933, inTextLayer: false });
    expect(snapshot.annotations[2]!.location!.section).toEqual(expect.any(String));
    expect(snapshot.annotations[0]!.location).toMatchObject({ chapter: null, section: null, page: null, line: 1 });
    expect(snapshot.tags.map((tag) => tag.path)).toEqual([expect.arrayContaining([expect.stringContaining('onerror')]), ['cause of death'], ['cause of death', 'suicide']]);
    expect(snapshot.documents[0]).toMatchObject({ titleSupplied: true, author: null, kind: 'secondary', language: 'ru' });
  });

  it('filters like the sidebar: a tag with its sub-tags, colours, credibility, text, documents', async () => {
    const { russian, wikipedia, volkogonov, formula, at } = fixture.annotations;
    const { causeOfDeath, suicide } = fixture.tags;
    expect(await exported({ tagIds: [causeOfDeath.id] })).toEqual([russian.id, wikipedia.id, volkogonov.id]);
    expect(await exported({ tagIds: [suicide.id] })).toEqual([russian.id, volkogonov.id]);
    expect(await exported({ colors: ['red', 'blue'] })).toEqual([russian.id, wikipedia.id]);
    expect(await exported({ credibility: [null] })).toEqual([formula.id]);
    expect(await exported({ credibility: [3, 6] })).toEqual([russian.id, wikipedia.id, at.id]);
    expect(await exported({ text: 'VOROSHILOV' })).toEqual([russian.id]);
    expect(await exported({ text: 'ночь' })).toEqual([russian.id]);
    expect(await exported({ documentIds: [fixture.documents.volkogonov.id], colors: ['yellow'] })).toEqual([volkogonov.id]);
    expect(await exported({ tagIds: [suicide.id], colors: ['blue'] })).toEqual([]);
  });

  it('keeps only the claims and accounts the export reaches, and says how it was filtered', async () => {
    const filter = { documentIds: [fixture.documents.volkogonov.id, fixture.documents.wikipedia.id] };
    const snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT, filter });
    expect(snapshot.documents.map((document) => document.id)).toEqual([fixture.documents.wikipedia.id, fixture.documents.volkogonov.id]);
    expect(snapshot.claims).toHaveLength(1);
    expect(snapshot.claims[0]!.accounts.map((account) => account.stance)).toEqual(['supports', 'qualifies']);
    expect(exportMarkdown(snapshot, { groupBy: 'document' })).toMatch(/\nfilter:\n {2}documents:\n {4}- Joseph Stalin\n {4}- "Triumph and Tragedy/);
    const none = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT, filter: { colors: ['gray'] } });
    expect(none.claims).toEqual([]);
  });

  it('gives the same bytes for the same project and date of export', async () => {
    const filter: ExportFilter = { tagIds: [fixture.tags.causeOfDeath.id] };
    const [first, second] = await Promise.all([
      readExportSnapshotFrom(fixture.client, { exportedAt: new Date(EXPORTED_AT) }),
      readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT }),
    ]);
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    for (const format of ['markdown', 'html', 'csv'] as const) {
      for (const groupBy of ['document', 'tag', 'claim'] as const) expect(writeExport(first, format, groupBy)).toBe(writeExport(second, format, groupBy));
    }
    const filteredTwice = await Promise.all([0, 1].map(() => readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT, filter })));
    expect(writeExport(filteredTwice[0]!, 'html', 'tag')).toBe(writeExport(filteredTwice[1]!, 'html', 'tag'));
  });

  it('refuses a date of export that is not a date', async () => {
    await expect(readExportSnapshotFrom(fixture.client, { exportedAt: 'yesterday' })).rejects.toThrow(/Not a date of export/);
  });
});
