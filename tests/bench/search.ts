/**
 * Search times as a user meets them, on a project of the bundled corpus:
 * - a query through searchProject (parse, catch up, FTS5, snippets, pages), for a set of
 *   realistic queries: Russian and English words in other forms, names across scripts and
 *   spellings, a phrase, a prefix, OR and exclusion; the figure is the 95th percentile over all
 *   of them, repeated. Baseline in the same run: a plain case-insensitive indexOf scan of the
 *   three reading texts for the queries' words (finding far less: no forms, no other script).
 * - indexing the bundled texts (1.4 MB, the Volkogonov text 1.3 MB of it) from their stored
 *   reading texts, as a new project's first search does; baseline: splitting the same texts into
 *   words (wordsOf), the least any index must do.
 * Targets: p95 under 10 ms; indexing under 2 s.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from '../../electron/app/project';
import { searchProject } from '../../electron/search/search';
import { wordsOf } from '../../electron/search/words';
import { SearchRequest } from '../../shared/search';
import { corpusDir, tempDir } from '../support/temp';
import { median, percentile, type BenchRow } from './rows';

/** Each query, and the words its baseline scans for. */
const QUERIES: [string, string[]][] = [
  ['Кирова', ['Кирова']],
  ['убийство Кирова', ['убийство', 'Кирова']],
  ['Сталина', ['Сталина']],
  ['killed', ['killed']],
  ['Stalin', ['Stalin']],
  ['Kirov', ['Kirov']],
  ['Рютин', ['Рютин']],
  ['Alliluyeva', ['Alliluyeva']],
  ['Trotsky', ['Trotsky']],
  ['"in the night of"', ['in the night of']],
  ['"Central Committee"', ['Central Committee']],
  ['Джугашвил*', ['Джугашвил']],
  ['Dzhugash*', ['Dzhugash']],
  ['Kirov OR Zinoviev', ['Kirov', 'Zinoviev']],
  ['Kirov -Leningrad', ['Kirov']],
  ['Yezhov purge', ['Yezhov', 'purge']],
];
const ROUNDS = 20;
/** As many hits as a result list shows before scrolling; the API's default limit is 200. */
const FIRST_SCREEN = 20;

export function searchBench(runs: number): BenchRow[] {
  // Indexing: a new project's first search indexes its texts (the three bundled ones, 1.4 MB).
  const indexTimes = Array.from({ length: Math.min(runs, 3) }, () =>
    withProject((project) => {
      const start = performance.now();
      project.searchIndex.catchUp();
      return performance.now() - start;
    }),
  );
  return withProject((project) => {
    const documents = project.documents.list();
    const texts = documents.map((document) => project.documents.readingText(document.currentVersionId));
    const corpusText = texts.join('\n');
    const splitTimes = Array.from({ length: runs }, () => {
      const start = performance.now();
      wordsOf(corpusText);
      return performance.now() - start;
    });
    project.searchIndex.catchUp();

    const searchTimes: number[] = [];
    const scanTimes: number[] = [];
    const firstScreenTimes: number[] = [];
    let hits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [query, words] of QUERIES) {
        let start = performance.now();
        const result = searchProject(project, SearchRequest.parse({ query }));
        searchTimes.push(performance.now() - start);
        if (round === 0) hits += result.total;
        start = performance.now();
        searchProject(project, SearchRequest.parse({ query, limit: FIRST_SCREEN }));
        firstScreenTimes.push(performance.now() - start);
        start = performance.now();
        scan(texts, words);
        scanTimes.push(performance.now() - start);
      }
    }
    const megabytes = Buffer.byteLength(corpusText) / 1024 / 1024;
    return [
      {
        benchmark: 'search: query (p95)',
        input: `${QUERIES.length} queries × ${ROUNDS}, whole corpus, limit 200`,
        median: percentile(searchTimes, 95),
        min: Math.min(...searchTimes),
        max: Math.max(...searchTimes),
        note: `median ${median(searchTimes).toFixed(1)} ms; ${hits} hits in all; target p95 < 10 ms`,
      },
      {
        benchmark: 'search: query, first screen (p95)',
        input: `the same, limit ${FIRST_SCREEN}`,
        median: percentile(firstScreenTimes, 95),
        min: Math.min(...firstScreenTimes),
        max: Math.max(...firstScreenTimes),
        note: `median ${median(firstScreenTimes).toFixed(1)} ms`,
      },
      {
        benchmark: 'search: baseline indexOf scan (p95)',
        input: 'the same words, lower-cased texts',
        median: percentile(scanTimes, 95),
        min: Math.min(...scanTimes),
        max: Math.max(...scanTimes),
        note: `median ${median(scanTimes).toFixed(1)} ms; exact spelling only`,
      },
      {
        benchmark: 'search: index the texts',
        input: `the bundled corpus (${megabytes.toFixed(2)} MB; Volkogonov 1.23 of it)`,
        median: median(indexTimes),
        min: Math.min(...indexTimes),
        max: Math.max(...indexTimes),
        note: `${indexTimes.length} new projects; target < 2000 ms for Volkogonov`,
      },
      {
        benchmark: 'search: baseline split into words',
        input: `the bundled corpus (${megabytes.toFixed(2)} MB)`,
        median: median(splitTimes),
        min: Math.min(...splitTimes),
        max: Math.max(...splitTimes),
        note: 'wordsOf alone',
      },
    ];
  });
}

function withProject<T>(work: (project: Project) => T): T {
  const { dir, cleanup } = tempDir('sourcebench-bench-');
  const project = Project.open(path.join(dir, 'bench.sourcebench'), { corpusDir });
  try {
    return work(project);
  } finally {
    project.close();
    cleanup();
  }
}

/** Every occurrence of every word in every text, compared without case: what a search without an index does. */
function scan(texts: readonly string[], words: readonly string[]): number {
  let found = 0;
  for (const text of texts) {
    const lower = text.toLowerCase();
    for (const word of words.map((word) => word.toLowerCase())) {
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) found++;
    }
  }
  return found;
}
