/**
 * `sourcebench` runs the JavaScript that build/build.ts bundles into dist/cli, not its TypeScript
 * sources: it builds the bundle when there is none and rebuilds it when a source changed, saying
 * so on stderr (stdout stays the command's), and otherwise runs it as built. Each test works on a
 * copy of the code, so that it can remove the bundle and change a source.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
const CLI_SOURCE = 'electron/hosts/cli/cli.ts';

function sourcebench(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'sourcebench.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-prebuilt-'));
  for (const entry of ['bin', 'build', 'electron', 'shared', 'package.json', 'tsconfig.json', 'tsconfig.base.json']) {
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
});
afterAll(() => cleanup());

describe('the sourcebench binary', () => {
  it('builds dist/cli on its first run, saying so on stderr, then prints its help', () => {
    const { code, stdout, stderr } = sourcebench('--help');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^sourcebench: building dist\/cli first \(it is not built yet\)/);
    expect(stdout).toMatch(/^Usage: sourcebench \[options\] \[command\]/);
    expect(fs.existsSync(path.join(dir, 'dist', 'cli', 'cli.mjs'))).toBe(true);
  }, 60_000);

  it('runs the bundle as built, without reading the TypeScript again', () => {
    // A source broken beyond compiling, but older than the bundle: it is not what runs.
    const source = path.join(dir, CLI_SOURCE);
    const { mtime } = fs.statSync(source);
    fs.writeFileSync(source, 'this is not TypeScript (');
    fs.utimesSync(source, mtime, mtime);
    const { code, stdout, stderr } = sourcebench('--help');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sourcebench/);
  });

  it('rebuilds the bundle first when a source changed since it was built', () => {
    const original = fs.readFileSync(path.join(repoRoot, CLI_SOURCE), 'utf8');
    const changed = original.replace("'Sourcebench: read several accounts", "'Sourcebench, rebuilt: read several accounts");
    expect(changed).not.toBe(original);
    fs.writeFileSync(path.join(dir, CLI_SOURCE), changed);
    const { code, stdout, stderr } = sourcebench('--help');
    expect(stderr).toBe(`sourcebench: building dist/cli first (${CLI_SOURCE} changed)…\n`);
    expect(code).toBe(0);
    expect(stdout).toContain('Sourcebench, rebuilt: read several accounts');
    expect(sourcebench('--version')).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);
});
