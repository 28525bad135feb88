/**
 * `npm run bench`: speed figures measured on this machine, printed as a table. Each figure is the
 * median of several runs (these machines are shared and noisy); nothing here passes or fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest } from '../../electron/corpus/manifest';
import { normalize } from '../../electron/corpus/normalize';
import { corpusDir } from '../support/temp';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Row {
  readonly benchmark: string;
  readonly input: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly note: string;
}

function measure(run: () => void): { median: number; min: number; max: number } {
  run(); // warm-up: the first run also compiles the code
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
}

const rows: Row[] = [];
for (const entry of readManifest(corpusDir).sources) {
  const raw = fs.readFileSync(path.join(corpusDir, entry.file), 'utf8');
  let blocks = 0;
  const times = measure(() => {
    blocks = normalize(raw, entry.normalize).blocks.length;
  });
  const megabytes = Buffer.byteLength(raw) / 1024 / 1024;
  rows.push({
    benchmark: 'normalize',
    input: `${entry.file} (${megabytes.toFixed(2)} MB)`,
    ...times,
    note: `${blocks} blocks, ${(megabytes / (times.median / 1000)).toFixed(1)} MB/s`,
  });
}

const header = ['benchmark', 'input', `median ms (${RUNS} runs)`, 'min ms', 'max ms', 'note'];
const table = rows.map((row) => [row.benchmark, row.input, row.median.toFixed(1), row.min.toFixed(1), row.max.toFixed(1), row.note]);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const cells of table) console.log(line(cells));
