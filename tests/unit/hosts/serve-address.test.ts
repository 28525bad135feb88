/**
 * `sourcebench serve`, `npm run serve` and `npm start` without Electron print the address with
 * its token as the first line that holds an address: the bare origin only leads to a page saying
 * the token is missing. Each runs as a user starts it, and its token is tried on the API.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-serve-'));
});
afterAll(() => cleanup());

interface Started {
  /** What it printed on stdout up to its first line holding an address. */
  readonly lines: string[];
  readonly stop: () => void;
}

const running = new Set<() => void>();
afterAll(() => running.forEach((stop) => stop()));

/** Starts a bin/ script and waits until it has printed a line with an address. */
function start(script: string, args: string[], display = '', extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  // No display by default, so that `npm start` prints the address rather than opening a window.
  const env = { ...process.env, XDG_DATA_HOME: path.join(dir, 'xdg'), DISPLAY: display, WAYLAND_DISPLAY: '', ...extraEnv };
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', script), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => child.kill('SIGTERM');
  running.add(stop);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const done = (result: string[] | Error) => {
      clearTimeout(timer);
      if (result instanceof Error) {
        stop();
        reject(result);
      } else resolve({ lines: result, stop });
    };
    const timer = setTimeout(() => done(new Error(`no address within 30 s; stdout: ${stdout}; stderr: ${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n').slice(0, -1);
      if (lines.some((line) => line.includes('http'))) done(lines);
    });
    child.on('exit', (code) => done(new Error(`exited with ${code} before printing an address; stdout: ${stdout}; stderr: ${stderr}`)));
  });
}

/** The command lines of this machine's processes that contain `text` (Linux; none elsewhere). */
function commandLinesWith(text: string): string[] {
  if (!fs.existsSync('/proc/self/cmdline')) return [];
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return ''; // the process ended meanwhile
      }
    })
    .filter((commandLine) => commandLine.includes(text));
}

async function expectTokenAddressFirst({ lines, stop }: Started): Promise<void> {
  const first = lines.find((line) => line.includes('http'))!;
  const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)(\s|$)/.exec(first);
  expect(match, `first line with an address: ${first}`).not.toBeNull();
  // The token printed is the one the host accepts.
  const response = await fetch(`${match![1]}/api/listDocuments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${match![2]}` },
    body: '{}',
  });
  expect(response.status).toBe(200);
  stop();
}

describe('the address the browser host prints', () => {
  it('is the full address with its token, first, from sourcebench serve', async () => {
    const started = await start('sourcebench.js', ['--project', path.join(dir, 'serve.sourcebench'), 'serve', '--port', '0']);
    expect(started.lines[0]).toMatch(/^Open this address in a browser: http:\/\/127\.0\.0\.1:\d+\/#token=/);
    await expectTokenAddressFirst(started);
  }, 40_000);

  it('is the full address with its token, first, from npm run serve', async () => {
    await expectTokenAddressFirst(await start('launch.js', ['serve', '--project', path.join(dir, 'npm-serve.sourcebench'), '--port', '0']));
  }, 40_000);

  it('is the full address with its token, after the one line saying why, from npm start without Electron', async () => {
    const started = await start('launch.js', ['--browser']);
    expect(started.lines[0]).toBe('Sourcebench: --browser was given; starting the browser host instead.');
    await expectTokenAddressFirst(started);
  }, 40_000);

  it('is the full address with its token, first, from npm start when it opens Chromium', async () => {
    // A display that does not exist: Chromium, where installed, is started and soon gives up.
    const started = await start('launch.js', ['--browser'], ':4242');
    expect(started.lines[0]).toBe('Sourcebench: --browser was given; starting the browser host instead.');
    expect(started.lines[1]).toMatch(/^Open this address in a browser: http:\/\/127\.0\.0\.1:\d+\/#token=/);
    // Every user of the machine can read a command line: the token is on none, Chromium's included.
    const token = /#token=([\w-]+)/.exec(started.lines[1]!)![1]!;
    for (let look = 0; look < 5; look++) {
      expect(commandLinesWith(token)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    started.stop();
  }, 40_000);

  it('serves the project file named after npm start --, found from the folder the user typed it in', async () => {
    const work = path.join(dir, 'thesis');
    fs.mkdirSync(work, { recursive: true });
    const started = await start('launch.js', ['--browser', 'Kirov 1934.sourcebench'], '', { INIT_CWD: work });
    const first = started.lines.find((line) => line.includes('http'))!;
    const [, origin, token] = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(first)!;
    const response = await fetch(`${origin}/api/getProjectState`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    const envelope = (await response.json()) as { ok: true; value: { open: { path: string; name: string } } };
    expect(envelope.value.open).toEqual({ path: path.join(work, 'Kirov 1934.sourcebench'), name: 'Kirov 1934' });
    expect(fs.existsSync(path.join(work, 'Kirov 1934.sourcebench'))).toBe(true);
    started.stop();
  }, 40_000);
});
