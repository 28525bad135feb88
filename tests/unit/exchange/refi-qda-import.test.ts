/**
 * REFI-QDA import: our own export comes back onto the bundled documents it was made from;
 * a project written the way other tools write one comes in with its codes and coded text; and
 * hostile or broken files are refused, with a message a user can act on, leaving the project
 * exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { ApiClient } from '../../../shared/api';
import type { Annotation, Tag } from '../../../shared/annotations';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { readExportSnapshotFrom, writeExport } from '../../../electron/export';
import { importQdpx } from '../../../electron/exchange/refi-qda/import';
import { openAnnotatedProject, type AnnotatedProject } from '../export/annotated-project';
import { corpusDir, tempDir } from '../../support/temp';
import { contentsOf, OTHER_TOOL_FIXTURE, xmllint, zipFolder } from './refi-qda-support';

let source: AnnotatedProject;
let exported: Buffer;

beforeAll(async () => {
  source = await openAnnotatedProject();
  const snapshot = await readExportSnapshotFrom(source.client, { exportedAt: '2025-03-01T09:00:00.000Z' });
  exported = Buffer.from(writeExport(snapshot, 'qdpx') as Uint8Array);
});
afterAll(() => source.close());

/** A fresh project (the bundled corpus only) for each test. */
let target: { project: Project; client: ApiClient; cleanup: () => void };
beforeEach(() => {
  const { dir, cleanup } = tempDir('sourcebench-qdpx-in-');
  const project = Project.open(path.join(dir, 'fresh.sourcebench'), { corpusDir });
  target = { project, client: createApiClient(createDispatch(createHandlers(project, 'cli'))), cleanup };
});
afterEach(() => {
  target.project.close();
  target.cleanup();
});

const importFile = (bytes: Uint8Array, fileName = 'in.qdpx') =>
  target.client.importExchange({ fileName, data: Buffer.from(bytes).toString('base64') });

function tagPath(tags: readonly Tag[], id: string): string {
  const names: string[] = [];
  for (let tag = tags.find((candidate) => candidate.id === id); tag; tag = tags.find((candidate) => candidate.id === tag!.parentId)) names.unshift(tag.name);
  return names.join(' / ');
}

/** What a user sees of a highlight, independent of ids: the passage, its document, tags by path, colour, note, credibility. */
function described(annotations: readonly Annotation[], tags: readonly Tag[], titles: ReadonlyMap<string, string>) {
  return annotations
    .map((annotation) => ({
      document: titles.get(annotation.documentId),
      exact: annotation.quote.exact,
      start: annotation.start,
      tags: annotation.tagIds.map((id) => tagPath(tags, id)),
      color: annotation.color,
      noteText: annotation.noteText,
      credibility: annotation.credibility,
    }))
    .sort((a, b) => a.exact.localeCompare(b.exact));
}

async function describeProject(client: ApiClient) {
  const titles = new Map((await client.listDocuments({})).map((document) => [document.id, document.title]));
  return described(await client.listAnnotations({}), await client.listTags({}), titles);
}

describe('REFI-QDA import of our own export', () => {
  it('restores the highlights on the bundled documents, with their tags, colours, notes and credibility', async () => {
    const before = await target.client.listDocuments({});
    const result = await importFile(exported, 'stalin.qdpx');
    expect(result).toMatchObject({ format: 'qdpx', documents: 1, annotations: 5, tags: 3, notes: 3, claims: 0 });
    expect(result.skipped).toEqual([expect.stringMatching(/^3 links between items/)]);

    const after = await target.client.listDocuments({});
    // The three bundled sources are recognised by their text; only the imported leaflet is new.
    expect(after.slice(0, 3).map((document) => document.id)).toEqual(before.map((document) => document.id));
    expect(after[3]!.title).toBe(source.documents.leaflet.title);
    expect(after[3]!.language).toBe('en');
    expect(after[3]!.sourceKind).toBe('primary');
    expect(await describeProject(target.client)).toEqual(await describeProject(source.client));
  });

  it('adds nothing the second time: the highlights are already there', async () => {
    await importFile(exported);
    const once = contentsOf(target.project);
    const again = await importFile(exported);
    expect(again).toMatchObject({ documents: 0, annotations: 0, tags: 0 });
    expect(again.skipped.filter((line) => line.includes('already has this highlight'))).toHaveLength(5);
    expect(contentsOf(target.project)).toEqual(once);
  });

  it('is one undoable change for the tags and highlights', async () => {
    const before = contentsOf(target.project);
    await importFile(exported, 'stalin.qdpx');
    expect((await target.client.getHistory({})).undoLabel).toBe('import stalin.qdpx');
    await target.client.undo({});
    // The new document stays (adding a document is not undoable); its highlights and the tags go.
    expect(contentsOf(target.project)).toEqual({ ...before, documents: before.documents + 1 });
  });
});

describe('REFI-QDA import of another tool’s project', () => {
  it('the fixture is itself valid against the schema', () => {
    expect(xmllint(path.join(OTHER_TOOL_FIXTURE, 'project.qde')).code).toBe(0);
  });

  it('brings in text sources (inline and in sources/), nested codes and coded selections, and says what it left out', async () => {
    const result = await importFile(zipFolder(OTHER_TOOL_FIXTURE), 'interviews.qdpx');
    expect(result).toMatchObject({ format: 'qdpx', documents: 2, annotations: 3, tags: 4, notes: 1, claims: 0 });
    expect(result.skipped).toEqual([expect.stringMatching(/^The picture source “Photo of the square” and its 1 selection \(Sourcebench annotates texts only\)/)]);

    const documents = await target.client.listDocuments({});
    expect(documents.map((document) => document.title)).toEqual(expect.arrayContaining(['Interview 1', 'Field notes, 3 May']));
    const tags = await target.client.listTags({});
    expect(tags.map((tag) => tagPath(tags, tag.id)).sort()).toEqual(['Emotions', 'Emotions / Fear', 'Emotions / Hope∕optimism', 'Places']);
    expect(tags.find((tag) => tag.name === 'Emotions')).toMatchObject({ color: 'red', description: 'Feelings the respondent names' });
    expect(tags.find((tag) => tag.name === 'Fear')?.color).toBe('blue');
    expect(tags.find((tag) => tag.name === 'Hope∕optimism')?.color).toBe('green');

    const annotations = await describeProject(target.client);
    expect(annotations).toEqual([
      {
        document: 'Interview 1',
        exact: 'I was afraid, but I hoped things would get better.',
        start: expect.any(Number),
        tags: ['Emotions / Fear', 'Emotions / Hope∕optimism'],
        color: 'blue',
        noteText: 'Fear and hope in one sentence.\nCompare <Interview 2> & the field notes.',
        credibility: null,
      },
      { document: 'Interview 1', exact: 'Later I felt safe.', start: expect.any(Number), tags: ['Emotions / Hope∕optimism'], color: 'green', noteText: '', credibility: null },
      { document: 'Field notes, 3 May', exact: 'People queue for bread', start: expect.any(Number), tags: ['Places'], color: 'yellow', noteText: '', credibility: null },
    ]);
    // Each annotation points at its quote in its document's reading text.
    for (const annotation of await target.client.listAnnotations({})) {
      const document = documents.find((candidate) => candidate.id === annotation.documentId)!;
      const { text } = await target.client.getVersionContent({ versionId: document.currentVersionId });
      expect(text.slice(annotation.start!, annotation.end!)).toBe(annotation.quote.exact);
    }
  });

  it('reuses a tag of the same path instead of making a second one', async () => {
    const emotions = await target.client.createTag({ name: 'Emotions', color: 'purple' });
    const result = await importFile(zipFolder(OTHER_TOOL_FIXTURE));
    expect(result.tags).toBe(3);
    const tags = await target.client.listTags({});
    expect(tags.filter((tag) => tag.name === 'Emotions')).toEqual([expect.objectContaining({ id: emotions.id, color: 'purple' })]);
    expect(tags.find((tag) => tag.name === 'Fear')?.parentId).toBe(emotions.id);
  });
});

describe('REFI-QDA import refuses hostile and broken files, changing nothing', () => {
  const fixtureQde = () => fs.readFileSync(path.join(OTHER_TOOL_FIXTURE, 'project.qde'), 'utf8');
  const withQde = (qde: string, extra: Record<string, Uint8Array> = {}) => zipSync({ 'project.qde': strToU8(qde), ...extra });

  async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
    const before = contentsOf(target.project);
    await expect(importFile(bytes)).rejects.toThrow(message);
    expect(contentsOf(target.project)).toEqual(before);
  }

  it('a document type with entities (billion laughs): refused before any entity is expanded', async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Project [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, level) => `  <!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`),
      ']>',
      '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"><Description>&lol9;</Description></Project>',
    ].join('\n');
    await expectRefused(withQde(laughs), /declares a document type \(<!DOCTYPE …>\).*Nothing was imported\./);
  });

  it('an entity used without a declaration: refused, not passed through', async () => {
    await expectRefused(withQde('<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'), /uses the entity &xxe;, which is not defined/);
  });

  it('a zip bomb whose header understates its size: refused once the real output passes the bound, without inflating it all', async () => {
    const huge = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipSync({ 'project.qde': strToU8(fixtureQde()), 'sources/zeros.txt': huge }, { level: 9 });
    // Rewrite the stated size (local and central headers) to a harmless 1000 bytes.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at + 4 <= bomb.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50 && view.getUint32(at + 22, true) === huge.length) view.setUint32(at + 22, 1000, true);
      if (signature === 0x02014b50 && view.getUint32(at + 24, true) === huge.length) view.setUint32(at + 24, 1000, true);
    }
    const before = contentsOf(target.project);
    await expect(importQdpx(target.project, Buffer.from(bomb), 'bomb.qdpx', { entryBytes: 1024 * 1024, totalBytes: 4 * 1024 * 1024 })).rejects.toThrow(
      /“sources\/zeros\.txt” unpacks to more than the import allows \(1 MB for one file.*Nothing was imported\./,
    );
    expect(contentsOf(target.project)).toEqual(before);
    // That it stops inflating early is measured where memory can be read: tests/unit/hosts/hostile-memory.test.ts.
  });

  it('more in all than the archive bound, though each entry is small: refused', async () => {
    const part = new Uint8Array(600 * 1024);
    const many = zipSync({ 'project.qde': strToU8(fixtureQde()), 'sources/a.txt': part, 'sources/b.txt': part });
    await expect(importQdpx(target.project, Buffer.from(many), 'many.qdpx', { entryBytes: 1024 * 1024, totalBytes: 1024 * 1024 })).rejects.toThrow(
      /unpacks to more than the import allows/,
    );
  });

  it('an entry named ../x: refused', async () => {
    await expectRefused(withQde(fixtureQde(), { '../x': strToU8('escape') }), /entry named “\.\.\/x”, which points outside it/);
  });

  it('a CodeRef to a code that is not in the codebook: refused, naming both', async () => {
    const broken = fixtureQde().replace('<CodeRef targetGUID="7C3E5A9D-4F6B-4D8C-8E1A-3B5C7D9F1A2E"/>', '<CodeRef targetGUID="00000000-0000-4000-8000-000000000000"/>');
    await expectRefused(withQde(broken, unzippedSources()), /The selection E5F6A7B8-C9D0-4E1F-8A2B-4C5D6E7F8091 is coded with the code 00000000-0000-4000-8000-000000000000, which is not in the codebook/);
  });

  it('a source whose file is missing from the archive: refused, naming the path', async () => {
    await expectRefused(withQde(fixtureQde()), /The source “Interview 1” points to internal:\/\/9B2F6C1E-8D4A-4E7B-9C3D-2A1B0F5E6D7C\.txt, which is not in the archive/);
  });

  it('a selection past the end of its text: refused', async () => {
    const broken = fixtureQde().replace('startPosition="24" endPosition="46"', 'startPosition="24" endPosition="4600"');
    await expectRefused(withQde(broken, unzippedSources()), /runs from 24 to 4600, outside its text of 77 characters/);
  });

  it('not a zip at all: refused', async () => {
    await expectRefused(strToU8('<Project name="plain xml, not zipped"/>'), /not a \.qdpx project: it is not a zip archive/);
  });

  it('a zip without project.qde: refused', async () => {
    await expectRefused(zipSync({ 'notes.txt': strToU8('hello') }), /has no project\.qde at the top of the archive/);
  });

  it('XML that is not well-formed: refused with the line', async () => {
    await expectRefused(withQde('<Project name="x"><Sources></Project>'), /not well-formed XML \(line 1/);
  });
});

/** The fixture's sources/ files, to pack beside a changed project.qde. */
function unzippedSources(): Record<string, Uint8Array> {
  const folder = path.join(OTHER_TOOL_FIXTURE, 'sources');
  return Object.fromEntries(fs.readdirSync(folder).map((file) => [`sources/${file}`, fs.readFileSync(path.join(folder, file))]));
}
