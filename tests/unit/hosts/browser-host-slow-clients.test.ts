/**
 * Issue 14: a client that sends half a body and then goes away, or one that trickles its request
 * a byte at a time (slowloris), must neither hold a call open forever nor stop the browser host
 * from answering everyone else. The clients are raw sockets, as no browser would misbehave so.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../../electron/hosts/http/browser-host';
import { corpusDir, tempDir } from '../../support/temp';

/** Short, so the test need not wait a minute; the default is REQUEST_TIMEOUT_MS. */
const REQUEST_TIMEOUT_MS = 1_000;

let host: BrowserHost;
let project: Project;
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  project = Project.open(path.join(temp.dir, 'p.sourcebench'), { corpusDir });
  host = await startBrowserHost({
    dispatch: createDispatch(createHandlers(project, 'browser')),
    rendererDir: path.join(temp.dir, 'none'),
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
});
afterAll(async () => {
  await host?.close();
  project?.close();
  cleanup?.();
});

function headers(length: number): string {
  return [
    'POST /api/createTag HTTP/1.1',
    `Host: 127.0.0.1:${host.port}`,
    `Authorization: Bearer ${host.token}`,
    'Content-Type: application/json',
    `Content-Length: ${length}`,
    '',
    '',
  ].join('\r\n');
}

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

async function answers(): Promise<void> {
  const response = await fetch(`${host.origin}/api/listTags`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: '{}',
  });
  expect(response.status).toBe(200);
}

/** Waits for what the host should come to; ten seconds is ten times the host's own deadline, so a miss names itself. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries === 500) throw new Error(`Still waiting after 10 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('clients that do not finish their request', () => {
  it('lets go of calls whose clients abort mid-body, and answers others meanwhile', { timeout: 20_000 }, async () => {
    const body = JSON.stringify({ name: 'Never sent whole', description: 'x'.repeat(100_000) });
    const sockets = await Promise.all(Array.from({ length: 20 }, () => connect()));
    for (const socket of sockets) socket.write(headers(Buffer.byteLength(body)) + body.slice(0, body.length / 2));
    await until(() => host.pendingCalls() === 20, 'every half-sent call is being read');
    await answers();
    for (const socket of sockets) socket.destroy();
    await until(() => host.pendingCalls() === 0, 'no call is left waiting for a body that will never come');
    await answers();
    expect(project.codebook.tags()).toEqual([]);
  });

  it(`cuts off a client that trickles its request (slowloris) after ${REQUEST_TIMEOUT_MS} ms, answering others meanwhile`, { timeout: 20_000 }, async () => {
    const body = JSON.stringify({ name: 'Trickled' });
    const socket = await connect();
    let closed = false;
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => (closed = true));
    socket.write(headers(Buffer.byteLength(body)));
    let sent = 0;
    const trickle = setInterval(() => {
      if (!closed && sent < body.length) socket.write(body[sent++]!);
    }, 200);
    try {
      await until(() => host.pendingCalls() === 1, 'the trickled call is being read');
      await answers();
      await until(() => closed, 'the trickling client is cut off');
    } finally {
      clearInterval(trickle);
    }
    expect(sent).toBeLessThan(body.length);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    await until(() => host.pendingCalls() === 0, 'its call is let go');
    await answers();
    expect(project.codebook.tags()).toEqual([]);
  });
});
