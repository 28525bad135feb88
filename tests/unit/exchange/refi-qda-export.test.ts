/**
 * The REFI-QDA export of a real annotated project, read back with tools that are not ours: the
 * archive by Python's zipfile, project.qde by xmllint against the published schema and by
 * ElementTree for what the schema leaves unchecked (references, layout, positions).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { HighlightColor } from '../../../shared/annotations';
import { readExportSnapshotFrom, writeExport, type ExportSnapshot } from '../../../electron/export';
import { HIGHLIGHT_HEX } from '../../../electron/exchange/refi-qda/colors';
import { openAnnotatedProject, RUSSIAN_QUOTE, CLAIM_WORDING, type AnnotatedProject } from '../export/annotated-project';
import { repoRoot, tempDir } from '../../support/temp';
import { inspectArchive, xmllint, type InspectedArchive } from './refi-qda-support';

const EXPORTED_AT = '2025-03-01T09:00:00.000Z';
let fixture: AnnotatedProject;
let snapshot: ExportSnapshot;
let bytes: Uint8Array;
let dir: string;
let cleanup: () => void;
let archive: InspectedArchive;

beforeAll(async () => {
  fixture = await openAnnotatedProject();
  snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT });
  bytes = writeExport(snapshot, 'qdpx') as Uint8Array;
  ({ dir, cleanup } = tempDir('sourcebench-qdpx-'));
  fs.writeFileSync(path.join(dir, 'stalin.qdpx'), bytes);
  archive = inspectArchive(path.join(dir, 'stalin.qdpx'));
});
afterAll(() => {
  fixture.close();
  cleanup();
});

function qdeText(archiveBytes: Uint8Array = bytes): string {
  return new TextDecoder().decode(unzipSync(archiveBytes)['project.qde']);
}

describe('REFI-QDA export: layout', () => {
  it('has project.qde at the root and one lowercase sources/<GUID>.txt per document, without byte order marks', () => {
    expect(archive.names[0]).toBe('project.qde');
    const sources = archive.names.filter((name) => name !== 'project.qde');
    expect(sources).toHaveLength(snapshot.documents.length);
    for (const name of sources) expect(name).toMatch(/^sources\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.txt$/);
    expect(archive.qdeStartsWithBom).toBe(false);
    expect(archive.sourcesWithBom).toEqual([]);
  });

  it('gives each TextSource a plainTextPath to a file in the archive and no PlainTextContent besides', () => {
    expect(archive.sources.map((source) => source.name)).toEqual(snapshot.documents.map((document) => document.title));
    for (const source of archive.sources) {
      expect(source.path).toBe(`internal://${source.guid}.txt`);
      expect(archive.names).toContain(`sources/${source.guid}.txt`);
      expect(source.hasContent).toBe(false);
    }
  });

  it('stores each source as its reading text, byte for byte', () => {
    const files = unzipSync(bytes);
    snapshot.documents.forEach((document, index) => {
      expect(new TextDecoder().decode(files[`sources/${archive.sources[index]!.guid}.txt`])).toBe(document.text);
    });
  });
});

describe('REFI-QDA export: validity', () => {
  it('is valid against Project-mrt2019.xsd (xmllint)', () => {
    const file = path.join(dir, 'project.qde');
    fs.writeFileSync(file, qdeText());
    const { code, output } = xmllint(file);
    expect(output).toContain('validates');
    expect(code).toBe(0);
  });

  it('xmllint does fail a broken project.qde: a code without isCodable, a colour name, elements out of order', () => {
    for (const [what, broken] of [
      ['isCodable', qdeText().replace(' isCodable="true"', '')],
      ['colour', qdeText().replace(/color="#[0-9a-f]{6}"/, 'color="red"')],
      ['order', qdeText().replace(/(<Users>[\s\S]*?<\/Users>)([\s\S]*?<\/CodeBook>)/, '$2$1')],
    ] as const) {
      const file = path.join(dir, `broken-${what}.qde`);
      fs.writeFileSync(file, broken);
      expect(broken, what).not.toBe(qdeText());
      expect(xmllint(file).code, what).not.toBe(0);
    }
  });

  it('uses every GUID once, and every GUID it refers to exists in the file', () => {
    expect(new Set(archive.guids).size).toBe(archive.guids.length);
    const defined = new Set(archive.guids);
    const dangling = archive.references.filter((reference) => !defined.has(reference.guid));
    expect(dangling).toEqual([]);
    expect(archive.references.map((reference) => reference.from)).toEqual(
      expect.arrayContaining(['CodeRef@targetGUID', 'NoteRef@targetGUID', 'Link@originGUID', 'Link@targetGUID', 'PlainTextSelection@creatingUser']),
    );
  });

  it('places each selection on its quote: the code points of the source file hold the annotation’s exact text', () => {
    const selections = archive.sources.flatMap((source) => source.selections);
    expect(selections).toHaveLength(snapshot.annotations.length);
    for (const annotation of snapshot.annotations) {
      const selection = selections.find((candidate) => candidate.guid === annotation.id);
      expect(selection?.text, annotation.quote.exact).toBe(annotation.quote.exact);
      expect(selection?.codeRefs).toEqual(annotation.tagIds);
    }
    expect(selections.map((selection) => selection.text)).toContain(RUSSIAN_QUOTE);
  });
});

describe('REFI-QDA export: content', () => {
  it('writes the codebook nested by path, each code with the workbench colour of its tag', () => {
    const qde = qdeText();
    const { causeOfDeath, suicide } = fixture.tags;
    expect(qde).toMatch(
      new RegExp(`<Code guid="${causeOfDeath.id}" name="cause of death" isCodable="true" color="${HIGHLIGHT_HEX[causeOfDeath.color]}">\\s*<Code guid="${suicide.id}" name="suicide"`),
    );
  });

  it('escapes hostile names and notes rather than letting them into the markup', () => {
    const qde = qdeText();
    expect(qde).not.toContain('<script>');
    expect(qde).not.toContain('<img');
    expect(qde).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
  });

  it('keeps a highlight’s colour and credibility in its Description, its note as a Note', () => {
    const qde = qdeText();
    expect(qde).toMatch(/Highlight colour: red\nCredibility: 3 \(Possibly true\)<\/Description>/);
    expect(qde).toContain('No date, but the same night as the quarrel.\nquarrel at Voroshilov’s house\ncompare Volkogonov, ch. III');
  });

  it('writes a claim as a Note with its wording, and each account as a Link from the selection named by the stance', () => {
    const qde = qdeText();
    expect(qde).toContain(`<Note guid="${fixture.claim.id}" name="${CLAIM_WORDING}"`);
    expect(qde).toContain('Verdict: Probably true; the date is | disputed.');
    for (const account of fixture.claim.accounts) {
      expect(qde).toMatch(new RegExp(`<Link guid="${account.id}" name="${account.stance}" direction="OneWay" originGUID="${account.annotationId}" targetGUID="${fixture.claim.id}"`));
    }
  });

  it('leaves orphans out and says how many in the project Description', () => {
    const orphan = snapshot.annotations[0]!;
    const withOrphan: ExportSnapshot = {
      ...snapshot,
      annotations: snapshot.annotations.map((annotation) =>
        annotation === orphan ? { ...annotation, status: 'orphan', start: null, end: null, location: null } : annotation,
      ),
    };
    const file = path.join(dir, 'orphan.qdpx');
    fs.writeFileSync(file, writeExport(withOrphan, 'qdpx'));
    const inspected = inspectArchive(file);
    const guids = new Set(inspected.guids);
    expect(guids.has(orphan.id)).toBe(false);
    expect(inspected.references.filter((reference) => !guids.has(reference.guid))).toEqual([]);
    expect(inspected.projectDescription).toContain('1 highlight has no place in the current text of its source (orphans) and is not included.');
    const qde = path.join(dir, 'orphan.qde');
    fs.writeFileSync(qde, qdeText(fs.readFileSync(file)));
    expect(xmllint(qde).code).toBe(0);
  });
});

describe('REFI-QDA export: determinism', () => {
  it('gives the same bytes for the same snapshot, and for a second snapshot of the same project', async () => {
    // Compared by digest: a deep comparison of two large buffers takes vitest seconds.
    const digest = (file: string | Uint8Array) => createHash('sha256').update(file).digest('hex');
    expect(digest(writeExport(snapshot, 'qdpx'))).toBe(digest(bytes));
    const again = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT });
    expect(digest(writeExport(again, 'qdpx'))).toBe(digest(bytes));
  });

  it('dates the zip entries by exportedAt, whatever the time zone', () => {
    // DOS time of 2025-03-01 09:00:00 in the first local header (offset 10: time, then date).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(10, true)).toBe((9 << 11) | (0 << 5) | 0);
    expect(view.getUint16(12, true)).toBe(((2025 - 1980) << 9) | (3 << 5) | 1);
  });
});

describe('REFI-QDA colours', () => {
  it('are the swatches of the workbench’s light theme', () => {
    const css = fs.readFileSync(path.join(repoRoot, 'renderer', 'src', 'styles.css'), 'utf8');
    for (const color of HighlightColor.options) {
      expect(css.match(new RegExp(`--c-${color}: (#[0-9a-f]{6})`))?.[1], color).toBe(HIGHLIGHT_HEX[color]);
    }
  });
});
