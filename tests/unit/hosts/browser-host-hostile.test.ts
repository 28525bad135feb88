/**
 * Issue 14: the browser host against what a hostile web page or a curious local program tries.
 * A page on another site can post forms and send preflights to a loopback port, and a static
 * server is the classic way to read files outside its folder. Each attempt below goes out as the
 * attacker would send it (raw bytes where fetch would tidy the request up) and must be refused
 * without changing the project, reading a file outside the renderer build, or ending the server.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../electron/app/project';
import type { BrowserHost } from '../../../electron/hosts/http/browser-host';
import { sendRaw, type RawResponse } from '../../support/raw-http';
import { startTestHost, type TestHost } from '../../support/test-host';
import { repoRoot } from '../../support/temp';

let host: BrowserHost;
let project: Project;
let testHost: TestHost;
let rendererDir: string;
/** Every answer this file received, to check that none of them ever opens CORS. */
const allHeaders: string[] = [];

const PACKAGE_JSON = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
/** A line only package.json holds, and one only /etc/passwd holds. */
const PACKAGE_MARK = '"name": "sourcebench"';
const PASSWD_MARK = 'root:';

beforeAll(async () => {
  testHost = await startTestHost((rendererDir) => {
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // sirv lists the files once at start: these must be there before the host is.
    fs.writeFileSync(path.join(rendererDir, 'assets', 'removed.js'), 'x'.repeat(1000));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'becomes-a-folder.js'), 'x'.repeat(1000));
    // Links out of the folder, as a careless build step or a hostile local user could leave them.
    fs.symlinkSync(path.join(repoRoot, 'package.json'), path.join(rendererDir, 'package.json'));
    fs.symlinkSync('/etc/passwd', path.join(rendererDir, 'assets', 'passwd.txt'));
    // (a folder of the sources, not the whole repository: sirv would walk node_modules at start)
    fs.symlinkSync(path.join(repoRoot, 'electron', 'hosts'), path.join(rendererDir, 'hosts'));
    // A link that stays inside the build is harmless and still served.
    fs.symlinkSync(path.join(rendererDir, 'assets', 'app.js'), path.join(rendererDir, 'assets', 'alias.js'));
  });
  ({ host, project, rendererDir } = testHost);
});
afterAll(() => testHost.close());

/** Sends the request as written, byte for byte, and keeps the answer's headers for the CORS check. */
async function raw(request: string): Promise<RawResponse> {
  const response = await sendRaw(host.port, request);
  allHeaders.push(response.headers);
  return response;
}

function get(target: string): Promise<RawResponse> {
  return raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
}

/** A POST to the API as a browser would send it, with the right token unless told otherwise. */
function post(method: string, headers: Record<string, string>, body: string): Promise<RawResponse> {
  const all: Record<string, string> = {
    Host: `127.0.0.1:${host.port}`,
    Authorization: `Bearer ${host.token}`,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers,
  };
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return raw(`POST /api/${method} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

async function tagNames(): Promise<string[]> {
  const response = await post('listTags', { 'Content-Type': 'application/json' }, '{}');
  expect(response.status).toBe(200);
  return (JSON.parse(response.body) as { value: { name: string }[] }).value.map((tag) => tag.name);
}

/** The bodies a cross-site <form> can send, each carrying a call that would add a tag. */
const FORM_BODIES = [
  { contentType: 'application/x-www-form-urlencoded', body: 'name=Forged+by+a+form' },
  {
    contentType: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nForged by a form\r\n--x--\r\n',
  },
  // enctype="text/plain" smuggles JSON: the field name `{"name":"Forged by a form","x":"` and value `"}`.
  { contentType: 'text/plain', body: '{"name":"Forged by a form","x":"="}' },
] as const;

describe('a cross-site form post', () => {
  it('is refused from a foreign or opaque (null) origin, whatever its encoding, even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1.evil.example:${host.port}`]) {
      for (const { contentType, body } of FORM_BODIES) {
        const response = await post('createTag', { 'Content-Type': contentType, Origin: origin }, body);
        expect(response.status, `${contentType} from ${origin}`).toBe(403);
        expect(JSON.parse(response.body)).toEqual({
          ok: false,
          error: { code: 'unauthorized', message: `Requests from origin ${origin} are not accepted` },
        });
      }
    }
    expect(await tagNames()).not.toContain('Forged by a form');
  });

  it('is refused when the browser marks it cross-site without an Origin header, even with the token and a JSON body', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await post('createTag', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': site }, '{"name":"Forged by a form"}');
      expect(response.status, site).toBe(403);
      expect(JSON.parse(response.body).error.message).toBe(`Requests from another site (Sec-Fetch-Site: ${site}) are not accepted`);
    }
    expect(await tagNames()).not.toContain('Forged by a form');
  });

  it('is refused for its encoding alone, even from our own origin with the token: only application/json is read', async () => {
    for (const { contentType, body } of FORM_BODIES) {
      const response = await post('createTag', { 'Content-Type': contentType, Origin: host.origin, 'Sec-Fetch-Site': 'same-origin' }, body);
      expect(response.status, contentType).toBe(415);
      expect(JSON.parse(response.body).error.message).toBe('The request body must be application/json');
    }
    expect(await tagNames()).not.toContain('Forged by a form');
  });

  it('still lets our own page through (same-origin fetch metadata)', async () => {
    const response = await post('listTags', { 'Content-Type': 'application/json', Origin: host.origin, 'Sec-Fetch-Site': 'same-origin' }, '{}');
    expect(response.status).toBe(200);
  });
});

describe('a CORS preflight', () => {
  const preflight = (origin: string, extra = '') =>
    raw(
      `OPTIONS /api/createTag HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${origin}\r\n` +
        `Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type\r\n${extra}Connection: close\r\n\r\n`,
    );

  it('from a foreign origin is refused, with no Access-Control-Allow-* header', async () => {
    for (const origin of ['http://evil.example', 'null', 'https://127.0.0.1']) {
      const response = await preflight(origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers).not.toMatch(/^access-control-/im);
    }
  });

  it('is never granted, not even to our own origin with the token: the page never needs one', async () => {
    const response = await preflight(host.origin, `Authorization: Bearer ${host.token}\r\n`);
    expect(response.status).toBe(405);
    expect(response.headers).not.toMatch(/^access-control-/im);
  });
});

describe('the listening socket', () => {
  it('is bound to 127.0.0.1 only, as the kernel reports it', () => {
    if (!fs.existsSync('/proc/net/tcp')) return; // the kernel table is Linux's; the next test still runs
    const hexPort = host.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = [...fs.readFileSync('/proc/net/tcp', 'utf8').split('\n'), ...fs.readFileSync('/proc/net/tcp6', 'utf8').split('\n')]
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1]);
    // 0100007F is 127.0.0.1 in the kernel's byte order; 00000000 would be every interface.
    expect(listening).toEqual([`0100007F:${hexPort}`]);
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && !address.internal && address.family === 'IPv4');
  it.skipIf(external.length === 0)(
    // Skipped, and listed as skipped, on a machine with no non-loopback IPv4 address to try.
    'cannot be reached through any of the machine\'s other addresses',
    async () => {
      for (const address of external) {
        const outcome = await new Promise<string>((resolve) => {
          const socket = net.connect(host.port, address!.address);
          socket.setTimeout(3000, () => {
            socket.destroy();
            resolve('timeout');
          });
          socket.on('connect', () => {
            socket.destroy();
            resolve('connected');
          });
          socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        });
        expect(outcome, address!.address).not.toBe('connected');
      }
    },
  );
});

describe('static files', () => {
  const ESCAPES = [
    '/../package.json',
    '/../../../../../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/package.json',
    '/%252e%252e/%252e%252e/%252e%252e/etc/passwd',
    '/..%2fpackage.json',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%5cpackage.json',
    '/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd',
    '/assets/..%2f..%2fpackage.json',
    '/etc/passwd',
    '//etc/passwd',
    `/${repoRoot}/package.json`,
    `//${repoRoot}/package.json`,
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.js',
    '/%00/../package.json',
    '/assets/app.js%00',
    `http://127.0.0.1:PORT/../package.json`,
    '/package.json',
    '/assets/passwd.txt',
    '/hosts/http/browser-host.ts',
  ];

  it('cannot be read outside the renderer build, by any spelling of the way out or a link pointing out', async () => {
    for (const target of ESCAPES) {
      const response = await get(target.replace('PORT', String(host.port)));
      expect([400, 403, 404], `${target} answered ${response.status}`).toContain(response.status);
      expect(response.body, target).not.toContain(PACKAGE_MARK);
      expect(response.body, target).not.toContain(PASSWD_MARK);
      expect(response.body, target).not.toBe(PACKAGE_JSON);
      expect(response.body, target).not.toContain('startBrowserHost');
    }
  });

  it('are still served from inside the build, through a link that stays inside too', async () => {
    expect((await get('/')).body).toContain('<title>Sourcebench</title>');
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
    expect((await get('/assets/alias.js')).body).toBe('console.log(1)');
  });

  it('that vanish or turn into a folder after the start end that answer (closed at once), not the server', async () => {
    fs.rmSync(path.join(rendererDir, 'assets', 'removed.js'));
    fs.rmSync(path.join(rendererDir, 'assets', 'becomes-a-folder.js'));
    fs.mkdirSync(path.join(rendererDir, 'assets', 'becomes-a-folder.js'));
    for (const target of ['/assets/removed.js', '/assets/becomes-a-folder.js']) {
      // The length was announced from the listing at start; the server can only cut the answer short.
      const outcome = await get(target).then(
        (response) => (response.status === 200 ? `200 with ${response.body.length} of 1000 bytes` : String(response.status)),
        (error: Error) => error.message,
      );
      // Closed by the server, not left hanging until our socket gives up ("No answer to …").
      expect(outcome, target).toMatch(/^No status line in answer|^200 with \d+ of 1000 bytes$/);
      expect(outcome, target).not.toBe('200 with 1000 of 1000 bytes');
    }
    // The server is still up and serving.
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
    await tagNames();
  });
});

describe('every answer', () => {
  it('keeps the address out of Referer headers and never opens CORS', async () => {
    await get('/');
    await get('/nothing-here');
    await post('listTags', { 'Content-Type': 'application/json' }, '{}');
    await post('listTags', { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' }, '{}');
    expect(allHeaders.length).toBeGreaterThan(40);
    for (const headers of allHeaders) {
      expect(headers).toMatch(/^referrer-policy: no-referrer$/im);
      expect(headers).not.toMatch(/^access-control-allow-/im);
    }
  });
});
