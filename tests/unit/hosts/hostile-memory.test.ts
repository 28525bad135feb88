/**
 * The worst hostile files, imported as a user imports them, by the `sourcebench` CLI in a process
 * of its own with the default limits: each is refused (or read) with a clear message, leaves the
 * project file byte for byte as it was, and the process's peak memory stays far below what the
 * file would take if believed (a gigabyte unpacked, 100,000 levels of nesting). The peak is the
 * child's own maxRSS, reported on exit by tests/fixtures/hostile/peak-rss.cjs, and printed.
 * A project file from a newer version or cut short is refused by the CLI the same way.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';
import * as hostile from '../../fixtures/hostile/generate';

/** Generous: the CLI itself with pdf.js, mammoth and a project open is about 150–250 MB. */
const PEAK_BOUND_MB = 500;
const bin = path.join(repoRoot, 'bin', 'sourcebench.js');
const preload = path.join(repoRoot, 'tests', 'fixtures', 'hostile', 'peak-rss.cjs');

let dir: string;
let cleanup: () => void;
let projectFile: string;
const measured: { file: string; outcome: string; peakMb: number; seconds: number }[] = [];

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-hostile-cli-'));
  projectFile = path.join(dir, 'hostile.sourcebench');
  Project.open(projectFile, { corpusDir }).close();
});
afterAll(() => {
  console.log(
    ['| file | outcome | peak RSS | time |', '| --- | --- | --- | --- |', ...measured.map((row) => `| ${row.file} | ${row.outcome} | ${row.peakMb} MB | ${row.seconds} s |`)].join('\n'),
  );
  cleanup();
});

/** `sourcebench --project FILE import PATH` in a child process: its exit code, stderr and peak memory. */
function cliImport(project: string, file: string): { code: number | null; stdout: string; stderr: string; peakMb: number; seconds: number } {
  const report = path.join(dir, `rss-${path.basename(file)}.jsonl`);
  fs.rmSync(report, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCEBENCH_PEAK_RSS_FILE: report, XDG_DATA_HOME: path.join(dir, 'xdg') };
  delete env.SOURCEBENCH_MAX_IMPORT_MB; // the default limits, as a user has them
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, bin, '--project', project, 'import', file], { encoding: 'utf8', env });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const runs = fs.readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { script: string; maxRssKiB: number });
  const cli = runs.filter((run) => run.script.endsWith('sourcebench.js'));
  expect(cli).toHaveLength(1);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, peakMb: Math.round(cli[0]!.maxRssKiB / 1024), seconds };
}

const cases: readonly { name: string; bytes: () => Uint8Array; message: RegExp }[] = [
  { name: 'bomb.docx', bytes: () => hostile.docxBomb(1024), message: /bomb\.docx would unpack to more than 50 MB .*“zip bomb”\. Nothing was imported\./ },
  { name: 'bomb.qdpx', bytes: () => hostile.qdpxBomb(1024), message: /“sources\/zeros\.txt” unpacks to more than the import allows \(50 MB for one file.*Nothing was imported\./ },
  { name: 'deep.html', bytes: () => hostile.deepHtml(), message: /deep\.html nests its HTML elements more than 1,000 levels deep/ },
  { name: 'huge.txt', bytes: () => hostile.singleLine(51 * 1024 * 1024), message: /huge\.txt: The file is larger than the import limit of 50 MB \(set SOURCEBENCH_MAX_IMPORT_MB to change it\)\. Nothing was imported\./ },
];

describe('hostile files through the CLI, in a process of their own', { timeout: 180_000 }, () => {
  it.each(cases)('$name: refused with its message, the project file unchanged, peak memory bounded', ({ name, bytes, message }) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes());
    const before = fs.readFileSync(projectFile);
    const run = cliImport(projectFile, file);
    measured.push({ file: `${name} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB)`, outcome: run.code === 0 ? 'imported' : 'refused', peakMb: run.peakMb, seconds: run.seconds });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(fs.readFileSync(projectFile).equals(before)).toBe(true);
    expect(run.peakMb).toBeLessThan(PEAK_BOUND_MB);
  });

  it('a file of 600 MB is refused by its size before it is read', () => {
    // Sparse: it takes no disk, yet reading it would take 600 MB and its base64 copy more than a
    // JavaScript string can hold.
    const file = path.join(dir, 'archive-dump.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 600 * 1024 * 1024);
    const before = fs.readFileSync(projectFile);
    const run = cliImport(projectFile, file);
    measured.push({ file: 'archive-dump.txt (600 MB, sparse)', outcome: run.code === 0 ? 'imported' : 'refused', peakMb: run.peakMb, seconds: run.seconds });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/archive-dump\.txt: The file is larger than the import limit of 50 MB .*Nothing was imported\./);
    expect(fs.readFileSync(projectFile).equals(before)).toBe(true);
    expect(run.peakMb).toBeLessThan(PEAK_BOUND_MB);
  });

  it('a 5 MB single line is read, within the same bound', () => {
    const file = path.join(dir, 'line.txt');
    fs.writeFileSync(file, hostile.singleLine());
    const copy = path.join(dir, 'line-project.sourcebench');
    fs.copyFileSync(projectFile, copy);
    const run = cliImport(copy, file);
    measured.push({ file: 'line.txt (5.0 MB)', outcome: run.code === 0 ? 'imported' : 'refused', peakMb: run.peakMb, seconds: run.seconds });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^imported .*line\.txt/);
    expect(run.peakMb).toBeLessThan(PEAK_BOUND_MB);
  });

  it('a project file from a newer version, or cut short, is refused and left byte for byte as it was', () => {
    const text = path.join(dir, 'minutes.txt');
    fs.writeFileSync(text, 'The commission met once.\n');

    const newer = path.join(dir, 'newer.sourcebench');
    fs.copyFileSync(projectFile, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const newerBytes = fs.readFileSync(newer);
    const newerRun = cliImport(newer, text);
    expect(newerRun.code).not.toBe(0);
    expect(newerRun.stderr).toMatch(/newer\.sourcebench was written by a newer version of Sourcebench \(project schema 999; .*Update Sourcebench to open it\. The file was left untouched\./);
    expect(fs.readFileSync(newer).equals(newerBytes)).toBe(true);

    const cut = path.join(dir, 'cut.sourcebench');
    const whole = fs.readFileSync(projectFile);
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 4096));
    const cutBytes = fs.readFileSync(cut);
    const cutRun = cliImport(cut, text);
    expect(cutRun.code).not.toBe(0);
    expect(cutRun.stderr).toMatch(/cut\.sourcebench is cut short: .*Open a backup of it instead.*The file was left untouched\./);
    expect(fs.readFileSync(cut).equals(cutBytes)).toBe(true);
    expect(fs.existsSync(`${cut}-wal`)).toBe(false);
  });
});
