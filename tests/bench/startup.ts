/**
 * How long `sourcebench` takes to start, as a user or a script meets it: a new process each run,
 * timed from spawn to exit, for `--help` (nothing but the program's description) and `info`
 * (opens a project). The baseline, measured in the same run, is how the CLI used to start: tsx
 * compiling its TypeScript on the fly (the same sources, so with their lazy loading too).
 * Target: `--help` under 600 ms. Through `npx`, as the README shows it, beside what npx alone
 * costs before any program runs (`npx -c true`): that part is npm's, not ours.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot, tempDir } from '../support/temp';
import { median, type BenchRow } from './rows';

const bin = path.join(repoRoot, 'bin', 'sourcebench.js');
const TSX_START = [
  '--input-type=module',
  '--eval',
  `import { register } from 'tsx/esm/api';
   register();
   const { runCli } = await import(${JSON.stringify(path.join(repoRoot, 'electron', 'hosts', 'cli', 'cli.ts'))});
   process.exitCode = await runCli(process.argv.slice(1));`,
  '--',
];

/**
 * Wall-clock milliseconds of each run, after one unmeasured run (it builds dist/cli if stale).
 * `names` is false for a command that is not the program (npx running nothing).
 */
function timedRuns(runs: number, args: string[], command = process.execPath, names = true): number[] {
  const times: number[] = [];
  for (let index = -1; index < runs; index++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
    // The program names itself: anything else (node's own --help, say) is not this bench.
    if (result.status !== 0 || (names && !/sourcebench/i.test(result.stdout))) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    if (index >= 0) times.push(performance.now() - start);
  }
  return times;
}

export async function startupBench(runs: number): Promise<BenchRow[]> {
  const { dir, cleanup } = tempDir('sourcebench-bench-startup-');
  const project = ['--project', path.join(dir, 'bench.sourcebench')];
  try {
    const rows: BenchRow[] = [];
    for (const [command, args] of [
      ['--help', ['--help']],
      ['info', [...project, 'info']],
    ] as const) {
      const baseline = timedRuns(runs, [...TSX_START, ...args]);
      const prebuilt = timedRuns(runs, [bin, ...args]);
      const row = (input: string, times: number[], note: string): BenchRow => ({
        benchmark: `start the CLI: sourcebench ${command}`,
        input,
        median: median(times),
        min: Math.min(...times),
        max: Math.max(...times),
        note,
      });
      rows.push(row('TypeScript through tsx (baseline)', baseline, 'the same sources, compiled at start'));
      rows.push(row('prebuilt dist/cli', prebuilt, `×${(median(baseline) / median(prebuilt)).toFixed(1)} faster than tsx`));
    }
    const npxAlone = timedRuns(runs, ['-c', 'true'], 'npx', false);
    const npx = timedRuns(runs, ['sourcebench', '--help'], 'npx');
    const ours = median(npx) - median(npxAlone);
    rows.push({ benchmark: 'start the CLI: npx sourcebench --help', input: 'npx -c true (npm alone, baseline)', median: median(npxAlone), min: Math.min(...npxAlone), max: Math.max(...npxAlone), note: 'npm finding nothing to run' });
    rows.push({
      benchmark: 'start the CLI: npx sourcebench --help',
      input: 'npx sourcebench --help',
      median: median(npx),
      min: Math.min(...npx),
      max: Math.max(...npx),
      note: `target < 600 ms: ${median(npx) < 600 ? 'met' : 'NOT met'}; ${ours.toFixed(0)} ms more than npx alone (npx ${median(npxAlone).toFixed(0)} ms before any program starts)`,
    });
    return rows;
  } finally {
    cleanup();
  }
}
