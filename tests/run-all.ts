/**
 * `npm test`: every suite in turn (type check, unit, end-to-end), then one closing line
 * `N passed, N failed, N skipped` summed over all of them. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from '../playwright.config';
import { buildElectron, buildRenderer, electronIsStale, rendererIsStale, root } from '../build/build';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const reports = path.join(root, '.cache', 'reports');
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function typecheck(): Tally {
  // tsconfig.json references the layer projects (shared: no DOM/Node, renderer: DOM, electron: Node),
  // so one build checks each under its own rules, and re-checks only what changed since the last run.
  console.log('\n== type check (tsc -b: shared, renderer, Node side incl. Electron main and preload, tests) ==');
  const ok = run(bin('tsc'), ['-b', 'tsconfig.json']) === 0;
  console.log(ok ? 'type check passed' : 'type check FAILED');
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function unit(): Tally {
  console.log('\n== unit tests (vitest) ==');
  const output = path.join(reports, 'vitest.json');
  fs.rmSync(output, { force: true });
  const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A crash outside any test (a file that fails to import) fails the suite even with no failed test.
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

async function endToEnd(): Promise<Tally> {
  console.log('\n== end-to-end tests (Playwright: Debian Chromium, and Electron where installed) ==');
  if (!fs.existsSync(chromiumPath)) {
    console.log(`Chromium is missing at ${chromiumPath}: install it (apt-get install -y chromium) or set SOURCEBENCH_CHROMIUM.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const output = path.join(reports, 'playwright.json');
  fs.rmSync(output, { force: true });
  const args = ['test', '--reporter=list,json'];
  const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: output };
  // Electron needs a display; where there is none, Xvfb provides one.
  const xvfb = ['/usr/bin/xvfb-run'].find((candidate) => fs.existsSync(candidate));
  const status =
    process.platform === 'linux' && !process.env.DISPLAY && xvfb
      ? run(xvfb, ['-a', '-s', '-screen 0 1440x900x24', bin('playwright'), ...args], env)
      : run(bin('playwright'), args, env);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const failed = report.stats.unexpected + (status !== 0 && report.stats.unexpected === 0 ? 1 : 0);
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: report.stats.skipped };
}

const suites: [string, Tally][] = [];
suites.push(['type check', typecheck()]);
// Built before the unit tests too: some read the built page and main process (its CSP, the preload).
if (rendererIsStale()) await buildRenderer();
if (electronIsStale()) await buildElectron();
suites.push(['unit', unit()]);
suites.push(['end-to-end', await endToEnd()]);

console.log('\n== summary ==');
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
for (const [name, tally] of suites) {
  console.log(`${name.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
