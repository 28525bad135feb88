/**
 * The browser host serves the API on 127.0.0.1 to our own page only: every request needs the
 * token generated at this start, foreign origins and host names are refused, and a malformed
 * request gets a clear error rather than a crash.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../shared/dispatch';
import { TOKEN_HEADER, tokenHeaderValue } from '../../../shared/security';
import { createHandlers } from '../../../electron/app/project-session';
import type { Project } from '../../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../../electron/hosts/http/browser-host';
import { startTestHost, type TestHost } from '../../support/test-host';

let host: BrowserHost;
let project: Project;
let testHost: TestHost;
let rendererDir: string;

beforeAll(async () => {
  testHost = await startTestHost();
  ({ host, project, rendererDir } = testHost);
});
afterAll(() => testHost.close());

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 and puts the token in the fragment of the address to open', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an authorized request with the project data', async () => {
    const response = await call('listDocuments', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: { title: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((document) => document.title)).toContain('Joseph Stalin');
  });

  it('refuses a request without the token', async () => {
    const response = await fetch(`${host.origin}/api/listDocuments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Missing or wrong access token' },
    });
  });

  it('takes the token as the shared client spells it: a bearer credential in the Authorization header', async () => {
    expect(tokenHeaderValue('abc')).toBe('Bearer abc');
    const response = await fetch(`${host.origin}/api/listDocuments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: tokenHeaderValue(host.token) },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong token, including one of the right length', async () => {
    expect((await call('listDocuments', {}, { Authorization: 'Bearer guess' })).status).toBe(401);
    const sameLength = 'x'.repeat(host.token.length);
    expect((await call('listDocuments', {}, { Authorization: `Bearer ${sameLength}` })).status).toBe(401);
  });

  it('refuses a request from a foreign origin even with the token', async () => {
    const response = await call('listDocuments', {}, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('evil.example');
  });

  it('accepts its own origin', async () => {
    expect((await call('listDocuments', {}, { Origin: host.origin })).status).toBe(200);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/listDocuments', method: 'POST', headers: { Host: `attacker.example:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } },
        (response) => resolve(response.statusCode ?? 0),
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(403);
  });

  it('names the field of an invalid input', async () => {
    const response = await call('getVersionContent', { versionId: 12 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe('versionId');
    expect(body.error.message).toContain('versionId');
  });

  it('explains malformed JSON, wrong methods and unknown API names', async () => {
    const malformed = await call('listDocuments', '{"oops": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const get = await fetch(`${host.origin}/api/listDocuments`, { headers: { Authorization: `Bearer ${host.token}` } });
    expect(get.status).toBe(405);
    expect((await call('deleteEverything', {})).status).toBe(404);
    const notJson = await call('listDocuments', '{}', { 'Content-Type': 'text/plain' });
    expect(notJson.status).toBe(415);
  });

  it('refuses an oversized request without falling over', async () => {
    const small = await startBrowserHost({ dispatch: createDispatch(createHandlers(project, 'browser')), rendererDir, maxRequestBytes: 1024 });
    const huge = JSON.stringify({ versionId: 'x'.repeat(4096) });
    const response = await fetch(`${small.origin}/api/getVersionContent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${small.token}` },
      body: huge,
    });
    await small.close();
    expect(response.status).toBe(413);
    expect((await call('listDocuments', {})).status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sourcebench</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('generates a new token at every start', async () => {
    const second = await startBrowserHost({ dispatch: async () => ({ ok: true, value: null }), rendererDir });
    try {
      expect(second.token).not.toBe(host.token);
      expect(second.port).not.toBe(host.port);
    } finally {
      await second.close();
    }
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  it.skipIf(!external)('is not reachable on the machine\'s other interfaces', async () => {
    await expect(fetch(`http://${external!.address}:${host.port}/`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
  });
});
