/**
 * A command line `sourcebench` cannot run gets one line saying which argument is wrong and what
 * it expects (never a bare exit code), exit code 2 for such mistakes and 1 for a refused input,
 * as `--help` documents; with `--json` the error is JSON on stderr. Run through the prebuilt CLI
 * (bin/sourcebench.js), as a user runs it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSourcebench, type CliRun } from '../../support/cli';
import { repoRoot, tempDir } from '../../support/temp';

const raw = path.join(repoRoot, 'corpus', '001_957ac4986f5e7508.txt');
let dir: string;
let cleanup: () => void;
let project: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-usage-'));
  project = path.join(dir, 'usage.sourcebench');
});
afterAll(() => cleanup());

const sourcebench = (...args: string[]): CliRun => runSourcebench(project, { XDG_DATA_HOME: path.join(dir, 'xdg') }, ...args);

/** Exit code 2 and one line on stderr, nothing on stdout. */
function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.stderr).toMatch(/^sourcebench: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
}

describe('sourcebench on a command line it cannot run', () => {
  it('names an offset that is not a number, and what it expects', () => {
    expectUsageError(sourcebench('locate', raw, 'abc'), /^sourcebench: Invalid offset "abc": expected a whole number of characters from 0\b.* See: sourcebench locate --help$/m);
  });

  it('names a port out of range instead of exiting silently', () => {
    expectUsageError(sourcebench('serve', '--port', '99999'), /Invalid --port "99999": expected a port number from 0 to 65535/);
  });

  it('explains every other argument it refuses, one line each', () => {
    expectUsageError(sourcebench('search', 'Kirov', '--limit', '0'), /Invalid --limit "0": expected a whole number from 1 to 1000\./);
    expectUsageError(sourcebench('match', '--doc', 'x.txt', '--quote', 'y', '--top', '99'), /Invalid --top "99": expected a whole number from 1 to 50\./);
    expectUsageError(sourcebench('read'), /Missing <document> after read: document number \(1, 2, …\) or id\./);
    expectUsageError(sourcebench('export', '--out', path.join(dir, 'x.md')), /export needs --format: file format \(one of md, html, csv, jsonld, qdpx\)\./);
    expectUsageError(sourcebench('serve', '--port'), /--port needs a value/);
    expectUsageError(sourcebench('import', 'a.txt', '--kind', 'memoir'), /Invalid --kind "memoir": allowed choices are primary, secondary, tertiary\./);
    expectUsageError(sourcebench('info', 'extra'), /Too many arguments: info takes no arguments, and was given 1\./);
    expectUsageError(sourcebench('info', '--verbose'), /Unknown option --verbose for info\. See: sourcebench info --help/);
  });

  it('prints the error as JSON on stderr with --json, usage mistakes and refused inputs alike', () => {
    const usage = sourcebench('--json', 'locate', raw, 'abc');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({
      ok: false,
      error: { code: 'usage', field: 'offset', message: expect.stringMatching(/^Invalid offset "abc": expected a whole number/) },
    });
    const refused = sourcebench('--json', 'read', '99');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^No document "99"/) } });
  });

  it('documents its exit codes in --help', () => {
    const { code, stdout } = sourcebench('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}1 .*refused.*\n {2}2 .*command line is wrong/m);
  });
});
