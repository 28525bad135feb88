/**
 * `npm run bench`: speed figures measured on this machine, printed as one table. Each figure is
 * the median of several runs (these machines are shared and noisy), and each target is compared
 * with its baseline measured in the same run; nothing here passes or fails.
 *   BENCH_RUNS=N        runs per figure (default 7)
 *   BENCH_ONLY=a,b      only these groups: normalize, anchoring, reader, export, suggest, search, scale, startup, app
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest } from '../../electron/corpus/manifest';
import { normalize } from '../../shared/text/normalize';
import { corpusDir } from '../support/temp';
import { anchoringBench } from './anchoring';
import { appBench } from './app';
import { exportBench } from './export';
import { readerBench } from './reader';
import { scaleBench } from './scale';
import { searchBench } from './search';
import { startupBench } from './startup';
import { suggestBench } from './suggest';
import { median, type BenchRow } from './rows';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ONLY = process.env.BENCH_ONLY?.split(',');

function normalizeBench(runs: number): BenchRow[] {
  return readManifest(corpusDir).sources.map((entry) => {
    const raw = fs.readFileSync(path.join(corpusDir, entry.file), 'utf8');
    let blocks = 0;
    normalize(raw, entry.normalize); // warm-up: the first run also compiles the code
    const times = Array.from({ length: runs }, () => {
      const start = performance.now();
      blocks = normalize(raw, entry.normalize).blocks.length;
      return performance.now() - start;
    });
    const megabytes = Buffer.byteLength(raw) / 1024 / 1024;
    return {
      benchmark: 'normalize a raw file',
      input: `${entry.file} (${megabytes.toFixed(2)} MB)`,
      median: median(times),
      min: Math.min(...times),
      max: Math.max(...times),
      note: `${blocks} blocks, ${(megabytes / (median(times) / 1000)).toFixed(1)} MB/s`,
    };
  });
}

const groups: [string, () => BenchRow[] | Promise<BenchRow[]>][] = [
  ['normalize', () => normalizeBench(RUNS)],
  ['anchoring', () => anchoringBench(RUNS)],
  ['reader', () => readerBench(RUNS)],
  ['export', () => exportBench(Math.min(RUNS, 5))],
  ['suggest', () => suggestBench()],
  ['search', () => searchBench(RUNS)],
  ['scale', () => scaleBench(RUNS)],
  ['app', () => appBench(RUNS)],
  ['startup', () => startupBench(RUNS)],
];

const rows: BenchRow[] = [];
for (const [name, run] of groups) {
  if (ONLY && !ONLY.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}

const header = ['benchmark', 'input', `median ms (${RUNS} runs)`, 'min ms', 'max ms', 'note'];
const table = rows.map((row) => [row.benchmark, row.input, row.median.toFixed(1), row.min.toFixed(1), row.max.toFixed(1), row.note]);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const cells of table) console.log(line(cells));
