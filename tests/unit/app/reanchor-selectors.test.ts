/**
 * Selectors stay true: after a new version, an annotation's W3C selectors (the quote's prefix and
 * suffix, the TextPositionSelector in code points) describe the version it now rests on, and an
 * orphan keeps those of the last version it was anchored on, until a later version has its text.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { corpusDir, tempDir } from '../../support/temp';

const { dir, cleanup } = tempDir('sourcebench-selectors-');
const project = Project.open(path.join(dir, 'selectors.sourcebench'), { corpusDir });
const client: ApiClient = createApiClient(createDispatch(createHandlers(project, 'cli')));
afterAll(() => {
  project.close();
  cleanup();
});

/** Imports a text as a new document, or as a new version of one; the version id it got. */
async function importText(fileName: string, body: string, versionOf?: string): Promise<DocumentSummary & { versionId: string }> {
  const data = Buffer.from(body, 'utf8').toString('base64');
  const { jobId } = await client.startImport(
    versionOf ? { fileName, data, versionOf } : { fileName, data, record: { title: fileName, language: 'en', sourceKind: 'primary' } },
  );
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (job.state === 'failed') throw new Error(`import failed: ${job.error?.message}`);
    if (job.state === 'done') {
      const document = (await client.listDocuments({})).find((candidate) => candidate.id === job.documentId)!;
      return { ...document, versionId: job.versionId! };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const annotation = async (id: string) => (await client.listAnnotations({ ids: [id] }))[0]!;
const textOf = async (versionId: string) => (await client.getVersionContent({ versionId })).text;

/** The selectors an annotation must carry on that text: context as the text has it, position in code points. */
function expectSelectorsOn(text: string, annotation: Annotation, exact: string): void {
  expect(text.slice(annotation.start!, annotation.end!)).toBe(exact);
  expect(annotation.quote.exact).toBe(exact);
  expect(annotation.quote.prefix).toBe(text.slice(Math.max(0, annotation.start! - annotation.quote.prefix.length), annotation.start!));
  expect(annotation.quote.prefix.length).toBeGreaterThanOrEqual(Math.min(31, annotation.start!));
  expect(annotation.quote.suffix).toBe(text.slice(annotation.end!, annotation.end! + annotation.quote.suffix.length));
  expect([...text].slice(annotation.position.start, annotation.position.end).join('')).toBe(exact);
}

describe('selectors after re-anchoring', () => {
  it('describe the new version for a moved annotation, the last one for an orphan, and the new one again when it is found', async () => {
    const first = await importText(
      'letters.txt',
      '𝔄 The opening line.\n\nThe passage that survives the revision.\n\nA sentence the revision deletes.\n',
    );
    const v1 = await textOf(first.versionId);
    const highlight = (words: string) =>
      client.createAnnotation({ versionId: first.versionId, start: v1.indexOf(words), end: v1.indexOf(words) + words.length });
    const survives = await highlight('The passage that survives');
    const deleted = await highlight('A sentence the revision deletes');

    // Astral characters before the passage: code points and UTF-16 offsets part ways.
    const second = await importText(
      'letters-2.txt',
      '😀😀 A new first line, with 𝔊.\n\n𝔄 The opening line.\n\nThe passage that survives the revision, amended.\n',
      first.id,
    );
    const v2 = await textOf(second.versionId);
    const [moved, orphan] = await Promise.all([annotation(survives.id), annotation(deleted.id)]);
    expect(moved).toMatchObject({ status: 'anchored', versionId: second.versionId });
    expectSelectorsOn(v2, moved, 'The passage that survives');
    expect(moved.position).not.toEqual(survives.position);
    expect(moved.quote.prefix).not.toBe(survives.quote.prefix);
    // An orphan keeps its last known place: the version, quote and position it had there.
    expect(orphan).toMatchObject({
      status: 'orphan',
      versionId: first.versionId,
      start: null,
      end: null,
      quote: deleted.quote,
      position: deleted.position,
    });

    const third = await importText('letters-3.txt', `${v2}\nA sentence the revision deletes.\n`, first.id);
    const v3 = await textOf(third.versionId);
    const found = await annotation(deleted.id);
    expect(found).toMatchObject({ status: 'anchored', versionId: third.versionId, orphanReason: null });
    expectSelectorsOn(v3, found, 'A sentence the revision deletes');
  });
});
