/**
 * The API at the size of a project used for years: 100,000 highlights over 200 documents (the
 * bundled three, a copy of Volkogonov's text and 196 passages of the English texts, 4–40 KB
 * each). Volkogonov's text carries 40,000 highlights, its copy 10,000, and the other documents
 * about 250 each; every tenth has a tag, every twentieth a note. They are written through the
 * store rows in one transaction, and the search index catches up before anything is timed.
 * - listAnnotations through the dispatch the hosts use (zod validation of input and output) and
 *   serialized to JSON as the HTTP host sends it: one ordinary document (target ≤ 5 ms), the
 *   40,000-highlight one, and every highlight (the baseline);
 * - re-anchoring on a new version (a revision as tests/fixtures/anchoring/revision.ts makes one:
 *   corrections, a deleted passage, an inserted paragraph), in the transaction an import runs
 *   (Project.addVersion): 40,000 highlights (target ≤ 2 s) against 10,000 on a copy of the same
 *   text, whose ratio is about 4 when the cost is linear and 16 when it is quadratic. Each run adds
 *   another version, so from the second run on, the highlights orphaned before are looked for too;
 * - the whole import of a new version through the API (startImport until the job is done:
 *   reading the file, re-anchoring with its progress, indexing), once.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiTable, type ImportJob } from '../../shared/api';
import type { Annotation } from '../../shared/annotations';
import { createDispatch } from '../../shared/dispatch';
import type { DocumentRecord } from '../../shared/domain';
import { createHandlers } from '../../electron/app/project-session';
import { Project } from '../../electron/app/project';
import { insertionParagraph, makeAnnotations, random, readingText, reviseText } from '../fixtures/anchoring/revision';
import { annotationsOn, storeAnnotations, textVersion } from '../support/many-annotations';
import { corpusDir, tempDir } from '../support/temp';
import { median, type BenchRow } from './rows';

const DOCUMENTS = 200;
const ANNOTATIONS = 100_000;
const LARGE = 40_000;
const BASELINE = 10_000;
/** Listing one document is quick: timed more often than `runs` for a steadier median. */
const LIST_RUNS = 25;

const LIST_TARGET_MS = 5;
const REANCHOR_TARGET_MS = 2000;

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const thousands = (value: number) => value.toLocaleString('en-US');

function stats(times: readonly number[]): Pick<BenchRow, 'median' | 'min' | 'max'> {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const record = (title: string, language: string): DocumentRecord => ({
  title,
  titleSupplied: true,
  author: null,
  translator: null,
  language,
  date: null,
  sourceKind: 'secondary',
  description: null,
});

/** Paragraphs of `text` from a seeded place, about `size` characters of them. */
function passage(text: string, size: number, next: () => number): string {
  const paragraphs = text.split('\n\n');
  let at = Math.floor(next() * paragraphs.length);
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const paragraph = paragraphs[at++ % paragraphs.length]!;
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out.join('\n\n');
}

/** Seeded ranges over a text as a reader marks them: 4–300 characters, log-uniform, never blank. */
function ranges(text: string, count: number, next: () => number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  while (out.length < count) {
    const length = Math.floor(Math.exp(Math.log(4) + next() * Math.log(300 / 4)));
    const start = Math.floor(next() * (text.length - 1));
    const end = Math.min(text.length, start + length);
    if (text.slice(start, end).trim() !== '') out.push({ start, end });
  }
  return out;
}

interface Scene {
  project: Project;
  call: (method: string, input: unknown) => Promise<unknown>;
  /** Each with the seed of the revision its highlights were made for. */
  volkogonov: { id: string; text: string; seed: number };
  copy: { id: string; text: string; seed: number };
  ordinary: { id: string; count: number };
  cleanup: () => void;
}

function buildScene(): Scene {
  const { dir, cleanup } = tempDir('sourcebench-bench-scale-');
  const project = Project.open(path.join(dir, 'scale.sourcebench'), { corpusDir });
  const next = random(12);
  const english = readingText('001');
  const volkogonovText = readingText('002');
  const copyAdded = project.documents.addDocument(record('Triumph and Tragedy (a copy)', 'en'), textVersion(volkogonovText, 'copy.txt'));
  for (let index = 0; project.documents.list().length < DOCUMENTS; index++) {
    const source = index % 3 === 0 ? english : volkogonovText;
    const text = passage(source, 4_000 + Math.floor(next() * 36_000), next);
    project.documents.addDocument(record(`Passage ${index + 1}`, 'en'), textVersion(text, `passage-${index + 1}.txt`));
  }
  const documents = project.documents.list();
  const tag = project.codebook.createTag(apiTable.createTag.input.parse({ name: 'Scale', color: 'red' }));
  const on = (id: string) => {
    const document = documents.find((candidate) => candidate.id === id)!;
    return { documentId: id, versionId: document.currentVersionId, text: project.documents.readingText(document.currentVersionId) };
  };
  const annotations: Annotation[] = [];
  const volkogonov = documents[2]!;
  // Highlights made on the text where the fixture's revision will touch it, as the anchoring bench has them.
  const seededOn = (id: string, count: number, seed: number) => {
    const target = on(id);
    const revision = reviseText(target.text, seed, insertionParagraph(seed + 1));
    annotations.push(...annotationsOn(target, makeAnnotations(revision, count, seed + 2), tag.id));
    return { id, text: target.text, seed };
  };
  const large = seededOn(volkogonov.id, LARGE, 1);
  const baseline = seededOn(copyAdded.documentId, BASELINE, 11);
  const others = documents.filter((document) => document.id !== volkogonov.id && document.id !== copyAdded.documentId);
  const rest = ANNOTATIONS - LARGE - BASELINE;
  others.forEach((document, index) => {
    const target = on(document.id);
    const count = Math.floor(rest / others.length) + (index < rest % others.length ? 1 : 0);
    annotations.push(...annotationsOn(target, ranges(target.text, count, next), tag.id));
  });
  storeAnnotations(project.path, annotations);
  project.searchIndex.catchUp();
  const ordinary = others[Math.floor(others.length / 2)]!;
  const dispatch = createDispatch(createHandlers(project, 'cli'));
  const call = async (method: string, input: unknown) => {
    const envelope = await dispatch(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    // What the HTTP host writes to the wire.
    JSON.stringify(envelope);
    return envelope.value;
  };
  return {
    project,
    call,
    volkogonov: large,
    copy: baseline,
    ordinary: { id: ordinary.id, count: annotations.filter((annotation) => annotation.documentId === ordinary.id).length },
    cleanup: () => {
      project.close();
      cleanup();
    },
  };
}

async function timedCalls(runs: number, call: () => Promise<unknown>): Promise<number[]> {
  await call(); // warm-up
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Adds `runs` new versions of a document, each a revision of its first text, timing each
 * re-anchoring. The first is the revision its highlights were made for (a tenth of them in its
 * deleted passage, so they become orphans); the next ones revise the first text otherwise, so
 * those orphans are looked for again (and found) each time.
 */
function reanchorRuns(
  project: Project,
  document: { id: string; text: string; seed: number },
  runs: number,
): { times: number[]; cpu: number[]; orphans: number[] } {
  const times: number[] = [];
  const cpu: number[] = [];
  const orphans: number[] = [];
  for (let run = 0; run < runs; run++) {
    const seed = run === 0 ? document.seed : document.seed + 100 + run;
    const version = textVersion(reviseText(document.text, seed, insertionParagraph(seed + 1)).newText, `revised-${run}.txt`);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    orphans.push(project.addVersion(document.id, version).orphans);
    times.push(performance.now() - start);
    // Process CPU time (garbage collection included) beside the wall time, which a busy machine stretches.
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { times, cpu, orphans };
}

export async function scaleBench(runs: number): Promise<BenchRow[]> {
  const setupStart = performance.now();
  const scene = buildScene();
  process.stderr.write(`bench: scale: ${DOCUMENTS} documents, ${thousands(ANNOTATIONS)} highlights made in ${ms(performance.now() - setupStart)}\n`);
  try {
    const { project, call, volkogonov, copy, ordinary } = scene;
    const input = `${DOCUMENTS} documents, ${thousands(ANNOTATIONS)} highlights`;
    const listOrdinary = await timedCalls(Math.max(runs, LIST_RUNS), () => call('listAnnotations', { documentId: ordinary.id }));
    const listLarge = await timedCalls(runs, () => call('listAnnotations', { documentId: volkogonov.id }));
    const listAll = await timedCalls(Math.min(runs, 3), () => call('listAnnotations', {}));

    const baseline = reanchorRuns(project, copy, runs);
    const large = reanchorRuns(project, volkogonov, runs);
    const ratio = median(large.times) / median(baseline.times);

    // The whole import through the API, following the job as the import dialog does.
    const data = Buffer.from(reviseText(volkogonov.text, 301, insertionParagraph(302)).newText, 'utf8').toString('base64');
    const importStart = performance.now();
    const { jobId } = (await call('startImport', { fileName: 'revised.txt', data, versionOf: volkogonov.id })) as { jobId: string };
    const stages: string[] = [];
    let job: ImportJob;
    for (;;) {
      job = (await call('getImportJob', { jobId })) as ImportJob;
      if (job.stage !== stages[stages.length - 1]) stages.push(job.stage);
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const importTime = performance.now() - importStart;
    if (job.state !== 'done') throw new Error(`The import failed: ${job.error?.message}`);
    const progressShown = stages.filter((stage) => stage.startsWith('re-anchoring'));

    return [
      {
        benchmark: "list one document's highlights (API)",
        input: `${input}; an ordinary one (${thousands(ordinary.count)})`,
        ...stats(listOrdinary),
        note: `dispatch with zod in and out, JSON; target ≤ ${LIST_TARGET_MS} ms: ${median(listOrdinary) <= LIST_TARGET_MS ? 'met' : 'missed'} (${ms(median(listOrdinary))}); ${listOrdinary.length} runs`,
      },
      {
        benchmark: "list one document's highlights (API)",
        input: `${input}; the largest (${thousands(LARGE)})`,
        ...stats(listLarge),
        note: `the same call; ${ms(median(listLarge) / (LARGE / 1000))} per 1,000 highlights`,
      },
      {
        benchmark: 'list every highlight (API), baseline',
        input,
        ...stats(listAll),
        note: `the same call without a document; ${listAll.length} runs`,
      },
      {
        benchmark: 're-anchor on a new version, baseline',
        input: `${input}; ${thousands(BASELINE)} on a copy of Volkogonov`,
        ...stats(baseline.times),
        note: `Project.addVersion (the import's transaction), CPU ${ms(median(baseline.cpu))}; orphans after each run: ${baseline.orphans.map(thousands).join(', ')}`,
      },
      {
        benchmark: 're-anchor on a new version',
        input: `${input}; ${thousands(LARGE)} on Volkogonov`,
        ...stats(large.times),
        note:
          `target ≤ ${ms(REANCHOR_TARGET_MS)}: ${median(large.times) <= REANCHOR_TARGET_MS ? 'met' : 'missed'} (${ms(median(large.times))}, CPU ${ms(median(large.cpu))}); ` +
          `×${ratio.toFixed(1)} the baseline for ×${LARGE / BASELINE} the highlights (linear ≈ ${LARGE / BASELINE}, quadratic ≈ ${(LARGE / BASELINE) ** 2}); ` +
          `orphans after each run: ${large.orphans.map(thousands).join(', ')}`,
      },
      {
        benchmark: 'import a new version (API job)',
        input: `${input}; ${thousands(LARGE)} on Volkogonov`,
        median: importTime,
        min: importTime,
        max: importTime,
        note: `1 run: read the file, re-anchor, store, index for search; progress shown ${progressShown.length} times ("${progressShown[0] ?? 'none'}")`,
      },
    ];
  } finally {
    scene.cleanup();
  }
}
