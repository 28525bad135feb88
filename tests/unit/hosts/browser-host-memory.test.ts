/**
 * Issue 14: valid but adversarial calls (a highlight over a whole book, a claim gathering dozens of
 * them, then listing, exporting and quoting it all) once drove the browser host to 1.15 GB. What one
 * request may make the server hold is now bounded; this runs the real `sourcebench serve` in a
 * process of its own and reads its peak resident memory (VmHWM) from /proc after the calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HIGHLIGHT_LENGTH } from '../../../shared/limits';
import { repoRoot, tempDir } from '../../support/temp';

/** Generous: the host idles near 150 MB; the unbounded calls took it past 1 GB. */
const PEAK_BOUND_MB = 400;
const HEAP_BOUND_MB = 256;

let server: ChildProcess;
let origin: string;
let token: string;
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'sourcebench.js'), '--project', path.join(temp.dir, 'p.sourcebench'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // A heap bound makes the garbage collector work as it would on a full machine, instead of
    // letting the heap grow lazily; a request that needs more ends the host, which the test sees.
    env: { ...process.env, XDG_DATA_HOME: path.join(temp.dir, 'xdg'), NODE_OPTIONS: `--max-old-space-size=${HEAP_BOUND_MB}` },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve ended with ${code}: ${out}`)));
  });
  origin = url.slice(0, url.indexOf('/#'));
  token = url.slice(url.indexOf('#token=') + 7);
}, 60_000);
afterAll(() => {
  server?.kill();
  cleanup?.();
});

async function call(method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: any; error?: { code: string; message: string; field?: string } } }> {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

function peakMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('what one request may make the browser host hold', () => {
  it(`refuses a highlight longer than ${MAX_HIGHLIGHT_LENGTH.toLocaleString('en')} characters and stays under ${PEAK_BOUND_MB} MB through adversarial calls`, { timeout: 120_000 }, async () => {
    const documents = (await call('listDocuments', {})).body.value as { id: string; currentVersionId: string; title: string }[];
    const book = documents.at(-1)!;
    const { text } = (await call('getVersionContent', { versionId: book.currentVersionId })).body.value as { text: string };
    expect(text.length).toBeGreaterThan(1_000_000);

    const whole = await call('createAnnotation', { versionId: book.currentVersionId, start: 0, end: text.length });
    expect(whole.status).toBe(400);
    expect(whole.body.error).toMatchObject({ code: 'invalid_input', field: 'end' });
    expect(whole.body.error!.message).toMatch(/at most 50,000 characters/);

    // As long as allowed, as many times as a claim takes without a care for the server.
    const claim = (await call('createClaim', { wording: 'Stalin ruled by terror' })).body.value as { id: string };
    for (let i = 0; i < 40; i++) {
      const start = i * 1000;
      const longest = await call('createAnnotation', { versionId: book.currentVersionId, start, end: start + MAX_HIGHLIGHT_LENGTH });
      expect(longest.status, JSON.stringify(longest.body.error)).toBe(200);
      const attached = await call('attachAccount', { claimId: claim.id, annotationId: longest.body.value.id, stance: 'supports' });
      expect(attached.status).toBe(200);
    }
    for (let round = 0; round < 3; round++) {
      expect((await call('listAnnotations', { documentId: book.id })).status).toBe(200);
      expect((await call('listClaims', {})).status).toBe(200);
      expect((await call('exportNotes', { format: 'markdown', groupBy: 'claim' })).status).toBe(200);
      expect((await call('exportNotes', { format: 'html', groupBy: 'document' })).status).toBe(200);
      expect((await call('suggestPassages', { from: { kind: 'claim', claimId: claim.id } })).status).toBe(200);
    }
    const peak = peakMegabytes(server.pid!);
    console.log(`browser host peak RSS after adversarial calls: ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(PEAK_BOUND_MB);
  });
});
