/**
 * Export times as a user meets them: a project of the bundled corpus with 10,000 highlights on
 * the Volkogonov text (tags from a nested codebook, notes, grades) and 200 claims with three
 * accounts each, exported through the API in every format, the way `sourcebench export` and the
 * export dialog do. The baseline, measured in the same run, is reading the same annotations
 * through the API (`listAnnotations`): what any export costs before it writes a byte.
 * Target: under 1 s per format. The two exchange formats are then read back into a fresh project
 * of the corpus, as Import… does (the project's opening and seeding not timed), beside their export.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../../shared/api';
import type { HighlightColor } from '../../shared/annotations';
import { createApiClient } from '../../shared/client';
import { createDispatch } from '../../shared/dispatch';
import { EXPORT_FORMATS, ExportFormat, type ExportedFile } from '../../shared/export';
import { createHandlers } from '../../electron/app/project-session';
import { Project } from '../../electron/app/project';
import { corpusDir, tempDir } from '../support/temp';
import { median, type BenchRow } from './rows';

const ANNOTATIONS = 10_000;
const CLAIMS = 200;
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'red', 'purple', 'gray'];

/** A deterministic spread of passages over the whole text: sentence-sized, not overlapping. */
async function seed(client: ApiClient): Promise<void> {
  const volkogonov = (await client.listDocuments({})).find((document) => document.author?.includes('Volkogonov'))!;
  const { text } = await client.getVersionContent({ versionId: volkogonov.currentVersionId });
  const parent = await client.createTag({ name: 'people' });
  const tags = [parent, ...(await Promise.all(['Kirov', 'Ryutin', 'Alliluyeva', 'Trotsky'].map((name) => client.createTag({ name, parentId: parent.id }))))];
  const step = Math.floor(text.length / ANNOTATIONS);
  const ids: string[] = [];
  for (let index = 0; index < ANNOTATIONS; index++) {
    const start = index * step;
    const annotation = await client.createAnnotation({
      versionId: volkogonov.currentVersionId,
      start,
      end: start + Math.min(step - 1, 60 + (index % 80)),
      color: COLORS[index % COLORS.length]!,
      tagIds: index % 3 === 0 ? [tags[index % tags.length]!.id] : [],
      ...(index % 4 === 0 ? { credibility: (index % 6) + 1 } : {}),
      ...(index % 5 === 0
        ? { note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Compare with the Russian account, note ${index}.` }] }] } }
        : {}),
    });
    ids.push(annotation.id);
  }
  for (let index = 0; index < CLAIMS; index++) {
    const claim = await client.createClaim({ wording: `Claim ${index}`, account: { annotationId: ids[index * 3]!, stance: 'supports' } });
    await client.attachAccount({ claimId: claim.id, annotationId: ids[index * 3 + 1]!, stance: 'contradicts' });
    await client.attachAccount({ claimId: claim.id, annotationId: ids[index * 3 + 2]!, stance: 'qualifies' });
  }
}

function row(benchmark: string, input: string, times: number[], note: string): BenchRow {
  return { benchmark, input, median: median(times), min: Math.min(...times), max: Math.max(...times), note };
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

/** Imports `file` into a fresh project of the corpus `runs` times (after a warm-up); only the import is timed. */
async function importTimes(runs: number, file: ExportedFile): Promise<number[]> {
  const data = file.encoding === 'base64' ? file.content : Buffer.from(file.content, 'utf8').toString('base64');
  const times: number[] = [];
  for (let index = 0; index <= runs; index++) {
    const { dir, cleanup } = tempDir('sourcebench-bench-import-');
    const target = Project.open(path.join(dir, 'imported.sourcebench'), { corpusDir });
    try {
      const client = createApiClient(createDispatch(createHandlers(target, 'cli')));
      const start = performance.now();
      await client.importExchange({ fileName: file.fileName, data });
      if (index > 0) times.push(performance.now() - start);
    } finally {
      target.close();
      cleanup();
    }
  }
  return times;
}

export async function exportBench(runs: number): Promise<BenchRow[]> {
  const { dir, cleanup } = tempDir('sourcebench-bench-export-');
  const project = Project.open(path.join(dir, 'bench.sourcebench'), { corpusDir });
  try {
    const client = createApiClient(createDispatch(createHandlers(project, 'cli')));
    await seed(client);
    const input = `${ANNOTATIONS.toLocaleString('en')} highlights, ${CLAIMS} claims`;
    const baseline = await timed(runs, () => client.listAnnotations({}));
    const rows = [row('export: read annotations (baseline)', input, baseline, 'listAnnotations through the API')];
    const exported = new Map<ExportFormat, { file: ExportedFile; times: number[] }>();
    for (const format of ExportFormat.options) {
      let file: ExportedFile | null = null;
      const times = await timed(runs, async () => {
        file = await client.exportNotes({ format, groupBy: 'document', filter: {} });
      });
      exported.set(format, { file: file!, times });
      const seconds = median(times) / 1000;
      rows.push(
        row(`export: ${EXPORT_FORMATS[format].label}`, input, times, `${(file!.content.length / 1024 / 1024).toFixed(1)} MB; target < 1 s: ${seconds < 1 ? 'met' : 'NOT met'}; ${(median(times) / median(baseline)).toFixed(1)}× baseline`),
      );
    }
    for (const format of ['jsonld', 'qdpx'] as const) {
      const { file, times: exportTimes } = exported.get(format)!;
      const times = await importTimes(Math.min(runs, 3), file);
      const perHighlight = median(times) / file.annotations;
      rows.push(
        row(`import: ${EXPORT_FORMATS[format].label}`, `that export, into a fresh project`, times, `${perHighlight.toFixed(3)} ms per highlight; ${(median(times) / median(exportTimes)).toFixed(1)}× its export`),
      );
    }
    return rows;
  } finally {
    project.close();
    cleanup();
  }
}
