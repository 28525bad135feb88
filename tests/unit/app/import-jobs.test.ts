/**
 * Importing through the API, as the workbench and the CLI do: a job reports progress and ends
 * with a new document (or version) whose text is traceable; a bad file fails with a clear
 * message and leaves the project exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, ImportJob } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { longVolkogonovPdf } from '../../support/long-pdf';
import { corpusDir, fileHash, repoRoot, tempDir } from '../../support/temp';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');
const base64 = (file: string) => fs.readFileSync(path.join(fixtures, file)).toString('base64');

let dir: string;
let cleanup: () => void;
let project: Project;
let client: ApiClient;
let projectFile: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  projectFile = path.join(dir, 'p.sourcebench');
  project = Project.open(projectFile, { corpusDir });
  client = createApiClient(createDispatch(createHandlers(project, 'cli', { maxImportBytes: 2 * 1024 * 1024 })));
});
afterEach(() => {
  project.close();
  cleanup();
});

async function finish(jobId: string): Promise<{ job: ImportJob; stages: string[] }> {
  const stages: string[] = [];
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (stages[stages.length - 1] !== job.stage) stages.push(job.stage);
    if (job.state !== 'running') return { job, stages };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The project file and its write-ahead log, byte for byte. */
function projectBytes(): string {
  return [projectFile, `${projectFile}-wal`].map((file) => (fs.existsSync(file) ? fileHash(file) : '-')).join(' ');
}

/** Everything in the project file that an import could change. */
function snapshot() {
  return JSON.stringify(project.documents.list().map((document) => [document.id, document.currentVersionId, document.versionCount]));
}

describe('importing through the API', () => {
  it('shows the detected encoding and a preview before anything is stored', async () => {
    const before = snapshot();
    const inspection = await client.inspectImport({ fileName: 'account.txt', data: base64('ru-windows-1251.txt') });
    expect(inspection.format).toBe('txt');
    expect(inspection.encoding?.encoding).toBe('windows-1251');
    expect(inspection.preview).toMatch(/^Вторая жена Сталина/);
    expect(inspection.maxSize).toBe(2 * 1024 * 1024);
    const asKoi = await client.inspectImport({ fileName: 'account.txt', data: base64('ru-windows-1251.txt'), encoding: 'koi8-r' });
    expect(asKoi.preview).not.toMatch(/^Вторая/);
    expect(snapshot()).toBe(before);
  });

  it('imports a windows-1251 text as a new document with a traceable text', async () => {
    const { jobId } = await client.startImport({
      fileName: 'account.txt',
      data: base64('ru-windows-1251.txt'),
      record: { title: 'Russian account (cp1251 copy)', sourceKind: 'secondary', language: 'ru' },
    });
    const { job } = await finish(jobId);
    expect(job).toMatchObject({ state: 'done', progress: 1, encoding: 'windows-1251', error: null });
    const documents = await client.listDocuments({});
    expect(documents).toHaveLength(4);
    expect(documents[3]).toMatchObject({ title: 'Russian account (cp1251 copy)', language: 'ru', titleSupplied: false });
    const content = await client.getVersionContent({ versionId: job.versionId! });
    expect(content.encoding).toBe('windows-1251');
    expect(content.blocks).toHaveLength(3);
    const third = await client.locateText({ versionId: job.versionId!, offset: content.blocks[2]!.start });
    expect(third).toMatchObject({ line: 3, column: 1, inTextLayer: false });
  });

  it('reports progress page by page for a long PDF', async () => {
    const pdf = Buffer.from(await longVolkogonovPdf(120)).toString('base64');
    const { job, stages } = await finish((await client.startImport({ fileName: 'long.pdf', data: pdf })).jobId);
    expect(job.state).toBe('done');
    expect(stages.filter((stage) => /^reading pages \(\d+%\)$/.test(stage)).length).toBeGreaterThan(2);
    const content = await client.getVersionContent({ versionId: job.versionId! });
    expect(content.locators.filter((locator) => locator.kind === 'page')).toHaveLength(120);
  });

  it('keeps the pages of a PDF as locators and locates text in its text layer', async () => {
    const { jobId } = await client.startImport({ fileName: 'volkogonov.pdf', data: base64('volkogonov.pdf') });
    const { job } = await finish(jobId);
    expect(job.state).toBe('done');
    const content = await client.getVersionContent({ versionId: job.versionId! });
    expect(content.format).toBe('pdf');
    expect(content.locators.filter((locator) => locator.kind === 'page').length).toBeGreaterThan(1);
    const location = await client.locateText({ versionId: job.versionId!, offset: content.text.length - 1 });
    expect(location.inTextLayer).toBe(true);
    expect(location.page).not.toBeNull();
  });

  it('adds a changed file as a new version and keeps the old one', async () => {
    const [russian] = await client.listDocuments({});
    const { jobId } = await client.startImport({ fileName: 'ru.txt', data: base64('ru-koi8-r.txt'), versionOf: russian!.id });
    const { job } = await finish(jobId);
    expect(job.state).toBe('done');
    const [after] = await client.listDocuments({});
    expect(after).toMatchObject({ id: russian!.id, versionCount: 2, currentVersionId: job.versionId });
    await expect(client.getVersionContent({ versionId: russian!.currentVersionId })).resolves.toMatchObject({ encoding: 'utf-8' });
    // The same bytes again are not a new version.
    const again = await finish((await client.startImport({ fileName: 'ru.txt', data: base64('ru-koi8-r.txt'), versionOf: russian!.id })).jobId);
    expect(again.job).toMatchObject({ state: 'failed', error: { code: 'conflict' } });
  });

  it.each([
    ['an image-only PDF', 'scan.pdf', 'scan.pdf', /OCR/i],
    ['a truncated .docx', 'report.docx', 'truncated.docx', /corrupt|damaged|cannot be read/i],
    ['a PNG named .txt', 'notes.txt', 'image.png', /PNG image/i],
  ])('refuses %s with a clear message and changes nothing', async (_what, fileName, fixture, message) => {
    const before = snapshot();
    const bytesBefore = projectBytes();
    const inspected = client.inspectImport({ fileName, data: base64(fixture) }).catch((error: Error) => error);
    const { job } = await finish((await client.startImport({ fileName, data: base64(fixture) })).jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(message);
    await inspected;
    expect(snapshot()).toBe(before);
    expect(projectBytes()).toBe(bytesBefore);
  });

  it('refuses an empty file and a file over the limit before decoding it', async () => {
    await expect(client.startImport({ fileName: 'empty.txt', data: '' }).then((r) => finish(r.jobId)).then((r) => r.job.error?.message)).resolves.toMatch(/empty/i);
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61).toString('base64');
    await expect(client.startImport({ fileName: 'big.txt', data: big })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/larger than the import limit of 2 MB/),
    });
  });

  it('names the field of a malformed request', async () => {
    await expect(client.startImport({ fileName: 'x.txt', data: 'not base64!' })).rejects.toMatchObject({ field: 'data' });
    await expect(client.getImportJob({ jobId: 'nope' })).rejects.toMatchObject({ code: 'not_found', field: 'jobId' });
    const [russian] = await client.listDocuments({});
    await expect(client.locateText({ versionId: russian!.currentVersionId, offset: 10_000_000 })).rejects.toMatchObject({ field: 'offset' });
  });
});
