/**
 * Issue 14: the browser host's token is the one thing between any page or program on the machine
 * and the project, so it must stay where only the user sees it: the one address line `serve`
 * prints. The real `sourcebench serve` (from dist/cli, as a user runs it) goes through a session
 * of ordinary, refused and failing requests, and the token is then looked for everywhere else it
 * could leak: the rest of its output, the page and its error bodies, Referer, its command line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
let child: ChildProcess;
let stdout = '';
let stderr = '';
let origin = '';
let token = '';

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sourcebench-secrecy-'));
  const env = { ...process.env, XDG_DATA_HOME: path.join(dir, 'xdg'), DISPLAY: '', WAYLAND_DISPLAY: '' };
  child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'sourcebench.js'), '--project', path.join(dir, 'p.sourcebench'), 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 30 s; stdout: ${stdout}; stderr: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        [, origin, token] = match as unknown as [string, string, string];
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}; stdout: ${stdout}; stderr: ${stderr}`)));
  });
}, 40_000);
afterAll(() => {
  child?.kill('SIGTERM');
  cleanup();
});

/** A request as written, over a plain socket: fetch would refuse or tidy up the odd ones. */
function raw(request: string): Promise<string> {
  const port = Number(new URL(origin).port);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`No answer to ${request.split('\r\n')[0]}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

describe('the token of sourcebench serve', () => {
  it('is printed once, in the address line, and appears in no answer and no other output after a session of good, refused and failing requests', async () => {
    const host = new URL(origin).host;
    const api = (method: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const authorized = { Authorization: `Bearer ${token}` };
    const answers: Response[] = [
      await fetch(`${origin}/`),
      await fetch(`${origin}/#token=${token}`),
      await fetch(`${origin}/no-such-file.js`),
      await fetch(`${origin}/%zz`),
      await api('listDocuments', '{}', authorized),
      await api('listDocuments', '{}'),
      await api('listDocuments', '{}', { Authorization: `Bearer ${token.slice(1)}x` }),
      await api('listDocuments', '{}', { ...authorized, Origin: 'http://evil.example' }),
      await api('listDocuments', '{}', { ...authorized, 'Sec-Fetch-Site': 'cross-site' }),
      await api('listDocuments', '{"oops": ', authorized),
      await api('getVersionContent', '{"versionId": 12}', authorized),
      await api('noSuchMethod', '{}', authorized),
      await api('listDocuments', 'a=b', { ...authorized, 'Content-Type': 'application/x-www-form-urlencoded' }),
      await fetch(`${origin}/api/listDocuments`, { headers: authorized }),
    ];
    const bodies: string[] = [];
    for (const answer of answers) {
      bodies.push(await answer.text());
      // A link followed from the page must not carry its address to another site.
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect([...answer.headers.values()].join('\n')).not.toContain(token);
    }
    const rawAnswers = [
      await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      await raw(`POST http://evil.example/api/listDocuments HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`),
      await raw(`POST /api/%zz HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`),
      await raw(`GET /../package.json HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      await raw(`GARBAGE\r\n\r\n`),
    ];
    expect(bodies[0]).toContain('<div id="root">');
    expect(bodies[4]).toContain('"ok":true');
    for (const body of [...bodies, ...rawAnswers]) expect(body).not.toContain(token);

    // Whatever the host writes while these are handled has arrived once an answer that follows them has.
    await api('listDocuments', '{}', authorized);
    const output = `${stdout}\n${stderr}`;
    expect(output.split(token)).toHaveLength(2);
    expect(stdout.split('\n').filter((line) => line.includes(token))).toEqual([`Open this address in a browser: ${origin}/#token=${token}`]);
  }, 30_000);

  it('is not on the command line of the serving process, which every user of the machine can read', () => {
    if (!fs.existsSync(`/proc/${child.pid}/cmdline`)) return; // Linux shows every command line; elsewhere there is nothing to read
    const commandLine = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    expect(commandLine).toContain('serve');
    expect(commandLine).not.toContain(token);
    const environment = fs.readFileSync(`/proc/${child.pid}/environ`, 'utf8');
    expect(environment).not.toContain(token);
  });
});
