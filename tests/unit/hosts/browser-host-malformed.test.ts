/**
 * Issue 14: one malformed request used to end the browser host (a URIError from decoding the path,
 * a TypeError from parsing an absolute-form request line). The requests go out as raw bytes over
 * `net`, since fetch would normalise or refuse them before they ever reached the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import type { Project } from '../../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../../electron/hosts/http/browser-host';
import { sendRaw, type RawResponse } from '../../support/raw-http';
import { startTestHost, type TestHost } from '../../support/test-host';

let host: BrowserHost;
let project: Project;
let testHost: TestHost;
let rendererDir: string;

beforeAll(async () => {
  testHost = await startTestHost((rendererDir) => {
    // sirv lists the files once at start, so this one must exist before the host does.
    fs.writeFileSync(path.join(rendererDir, 'assets', 'a b.txt'), 'spaced');
  });
  ({ host, project, rendererDir } = testHost);
});
afterAll(() => testHost.close());

/** Sends `requestLine` as is, with our Host and token, and reads the answer until the server closes. */
function raw(target: BrowserHost, requestLine: string, body = '{}'): Promise<RawResponse> {
  return sendRaw(
    target.port,
    [
      requestLine,
      `Host: 127.0.0.1:${target.port}`,
      `Authorization: Bearer ${target.token}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

async function stillAnswers(target: BrowserHost): Promise<void> {
  const response = await fetch(`${target.origin}/api/getAppInfo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${target.token}` },
    body: '{}',
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
}

describe('the browser host under malformed requests', () => {
  it.each(['POST /api/%zz HTTP/1.1', 'POST /api/%E0%A4%A HTTP/1.1', 'POST /api/%E0%A4%A0%zz HTTP/1.1'])(
    'answers %s with a 400 JSON error and stays up',
    async (requestLine) => {
      const response = await raw(host, requestLine);
      expect(response.status).toBe(400);
      expect(response.headers).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await stillAnswers(host);
    },
  );

  it.each(['GET /assets/%zz HTTP/1.1', 'GET /%E0%A4%A HTTP/1.1', 'HEAD /assets/%zz HTTP/1.1'])(
    'answers %s with a plain 400 and stays up',
    async (requestLine) => {
      const response = await raw(host, requestLine, '');
      expect(response.status).toBe(400);
      expect(response.headers).toMatch(/content-type: text\/plain/i);
      await stillAnswers(host);
    },
  );

  it.each(['POST http://[/ HTTP/1.1', 'GET http://[/ HTTP/1.1', 'POST http://127.0.0.1:1:2/api/getAppInfo HTTP/1.1'])(
    'answers the absolute-form request line %s with a 400 and stays up',
    async (requestLine) => {
      const response = await raw(host, requestLine);
      expect(response.status).toBe(400);
      await stillAnswers(host);
    },
  );

  it('still serves a well-formed percent-encoded static path', async () => {
    const response = await raw(host, 'GET /assets/a%20b.txt HTTP/1.1', '');
    expect(response.status).toBe(200);
    expect(response.body).toBe('spaced');
  });

  it('answers 500 when the API table itself throws or rejects, and stays up', async () => {
    // The failure is logged for whoever runs the host; here it only needs to have been.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let mode: 'throw' | 'reject' | 'ok' = 'throw';
    const fragile = await startBrowserHost({
      dispatch: (method) => {
        if (method === 'getAppInfo') mode = 'ok';
        if (mode === 'throw') throw new Error('boom');
        if (mode === 'reject') return Promise.reject(new Error('boom'));
        return Promise.resolve({ ok: true, value: null });
      },
      rendererDir,
    });
    try {
      for (const next of ['throw', 'reject'] as const) {
        mode = next;
        const response = await raw(fragile, 'POST /api/listDocuments HTTP/1.1');
        expect(response.status).toBe(500);
        expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
      }
      await stillAnswers(fragile);
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
      await fragile.close();
    }
  });
  it('answers 500 with a message when an answer cannot be written as JSON, instead of dropping the connection', async () => {
    // A value JSON cannot hold stands for an answer too large for one string (RangeError), which
    // takes gigabytes to make; both fail in the same JSON.stringify.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const real = createDispatch(createHandlers(project, 'browser'));
    const unsendable = await startBrowserHost({
      dispatch: (method, input) => (method === 'listDocuments' ? Promise.resolve({ ok: true, value: { count: 1n } }) : real(method, input)),
      rendererDir,
    });
    try {
      const response = await raw(unsendable, 'POST /api/listDocuments HTTP/1.1');
      expect(response.status).toBe(500);
      const failure = JSON.parse(response.body) as { ok: boolean; error: { code: string; message: string } };
      expect(failure).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(failure.error.message).toMatch(/could not be sent.*BigInt/);
      await stillAnswers(unsendable);
    } finally {
      logged.mockRestore();
      await unsendable.close();
    }
  });
});
