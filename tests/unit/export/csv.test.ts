/**
 * The CSV export, read back with csv-parse: a spreadsheet's view of it, one row per annotation.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv, neutraliseFormula } from '../../../electron/export/csv';
import type { ExportSnapshot } from '../../../electron/export/model';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { AT_QUOTE, FORMULA_QUOTE, openAnnotatedProject, RUSSIAN_QUOTE, type AnnotatedProject } from './annotated-project';

let fixture: AnnotatedProject;
let snapshot: ExportSnapshot;
let csv: string;
let records: Record<string, string>[];
beforeAll(async () => {
  fixture = await openAnnotatedProject();
  snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: '2025-03-01T09:00:00.000Z' });
  csv = exportCsv(snapshot);
  records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
});
afterAll(() => fixture.close());

describe('CSV export', () => {
  it('is UTF-8 with a byte order mark and CRLF line ends, and parses to one row per annotation', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toMatch(/^\uFEFFDocument,Author,Title,Chapter,Section,Near page,Raw line,Quote,/);
    expect(csv.split('\r\n')[0]).not.toContain('\n');
    expect(records).toHaveLength(snapshot.annotations.length);
    expect(records.map((record) => record.ID)).toEqual(snapshot.annotations.map((annotation) => annotation.id));
  });

  it('keeps Cyrillic intact, with tags as codebook paths and claims with their stance', () => {
    const russian = records.find((record) => record.ID === fixture.annotations.russian.id)!;
    expect(russian).toMatchObject({
      Document: '1',
      Quote: RUSSIAN_QUOTE,
      Tags: 'cause of death / suicide',
      Colour: 'red',
      Credibility: '3',
      'Source reliability': 'C',
      Claims: expect.stringContaining('(supports: no date given)'),
    });
    expect(russian.Note).toBe('No date, but the same night as the quarrel.\nquarrel at Voroshilov’s house\ncompare Volkogonov, ch. III');
    const volkogonov = records.find((record) => record.ID === fixture.annotations.volkogonov.id)!;
    expect(volkogonov).toMatchObject({ Chapter: 'Chapter III. His Struggle', 'Near page': '64', 'Raw line': '11933', Author: 'Dmitri Volkogonov' });
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const quotes = records.map((record) => record.Quote);
    expect(quotes).toContain(`'${FORMULA_QUOTE}`);
    expect(quotes).toContain(`'${AT_QUOTE}`);
    for (const record of records) for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', 'safe'].map(neutraliseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\t=1", "'\r=1", 'safe']);
  });
});
