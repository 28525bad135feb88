/**
 * Issue 14, point 3: thousands of malformed, oversized and type-confused requests against every
 * method of the API, through the handler table and over HTTP through the real browser host. Each
 * must come back as the API's error envelope naming what is wrong (over HTTP with the right
 * status), the host must keep answering, and the project must be exactly as it was: every row of
 * every table is compared before and after. The inputs are made from the methods' own schemas
 * (tests/support/fuzz.ts) with a printed seed; FUZZ_SEED=<n> replays a run.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, apiTable } from '../../../shared/api';
import { createDispatch, type Dispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../../electron/hosts/http/browser-host';
import { corpusDir, tempDir } from '../../support/temp';
import { fuzzSeed, refusedInputs } from '../../support/fuzz';
import { projectHash } from '../../support/project-snapshot';
import { seededRandom } from '../../support/seeded-random';

const seed = fuzzSeed();
console.log(`api fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);

/** Per method: enough to meet every fault on every field of the widest method a few times over. */
const DISPATCH_CASES = 50;
const HTTP_CASES = 10;
/** A small body limit, so that an oversized request costs the test little. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

let project: Project;
let file: string;
let dispatch: Dispatch;
let host: BrowserHost;
let cleanup: () => void;
let fixtures: { versionId: string; otherVersionId: string; documentId: string; annotationId: string; otherAnnotationId: string; parentTag: string; childTag: string; claimId: string };

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  file = path.join(temp.dir, 'p.sourcebench');
  project = Project.open(file, { corpusDir });
  dispatch = createDispatch(createHandlers(project, 'browser'));
  host = await startBrowserHost({ dispatch, rendererDir: path.join(temp.dir, 'none'), maxRequestBytes: MAX_REQUEST_BYTES });
  // Something of each kind, so that a refused call has something to damage.
  const [russian, , book] = project.documents.list();
  const annotation = project.annotations.create({ versionId: russian!.currentVersionId, start: 0, end: 10 });
  const other = project.annotations.create({ versionId: book!.currentVersionId, start: 0, end: 10 });
  const parent = project.codebook.createTag({ name: 'People' });
  const child = project.codebook.createTag({ name: 'Stalin', parentId: parent.id });
  const claim = project.claims.create({ wording: 'Alliluyeva died on 9 November 1932', account: { annotationId: annotation.id, stance: 'supports' } });
  fixtures = {
    versionId: russian!.currentVersionId,
    otherVersionId: book!.currentVersionId,
    documentId: russian!.id,
    annotationId: annotation.id,
    otherAnnotationId: other.id,
    parentTag: parent.id,
    childTag: child.id,
    claimId: claim.id,
  };
}, 60_000);
afterAll(async () => {
  await host?.close();
  project?.close();
  cleanup?.();
});

const projectHashNow = () => projectHash(file);

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
  } catch {
    return '(too deep to print)';
  }
}

async function api(method: string, body: string, headers: Record<string, string> = {}, httpMethod = 'POST'): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: httpMethod,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: httpMethod === 'GET' || httpMethod === 'HEAD' ? undefined : body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

function expectValidationError(envelope: any, method: string, input: unknown): void {
  const context = `${method} ${describeInput(input)} (seed ${seed})`;
  expect(envelope, context).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(envelope.error.message, context).toMatch(new RegExp(`^Invalid input for ${method}: \\S`));
  expect(envelope.error.field, context).toEqual(expect.any(String));
  expect(envelope.error.message, context).not.toMatch(/\n\s+at |Maximum call stack|Invalid string length|TypeError|RangeError/);
}

describe('the handler table under hostile input', () => {
  it(`refuses ${DISPATCH_CASES} broken inputs to each of the ${apiMethods.length} methods with a validation error, changing nothing`, { timeout: 60_000 }, async () => {
    const before = projectHashNow();
    const random = seededRandom(seed);
    let calls = 0;
    for (const method of apiMethods) {
      const inputs = refusedInputs(apiTable[method].input, DISPATCH_CASES, random, false);
      expect(inputs.length, method).toBeGreaterThanOrEqual(DISPATCH_CASES / 2);
      for (const input of inputs) {
        expectValidationError(await dispatch(method, input), method, input);
        calls++;
      }
    }
    console.log(`handler table: ${calls} refused calls`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(projectHashNow()).toBe(before);
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'listDocuments ', 'LISTDOCUMENTS', '\uD800'])(
    'answers the unknown method %j with unknown_method',
    async (method) => {
      expect(await dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method', message: expect.stringContaining('Unknown method') } });
    },
  );

  it('refuses valid but impossible calls with a clear error, changing nothing', async () => {
    const before = projectHashNow();
    const f = fixtures;
    const refused: [string, unknown, string, RegExp][] = [
      ['createAnnotation', { versionId: f.versionId, start: 3_000, end: 4_000 }, 'invalid_input', /past the end of the text/],
      ['createAnnotation', { versionId: f.versionId, start: 0, end: 10_000_000 }, 'invalid_input', /at most 50,000 characters/],
      ['createAnnotation', { versionId: f.versionId, start: 10, end: 5 }, 'invalid_input', /end must be after start/],
      ['createAnnotation', { versionId: f.versionId, start: 9_999_990, end: 10_000_000 }, 'invalid_input', /past the end/],
      ['createAnnotation', { versionId: 'no-such-version', start: 0, end: 5 }, 'not_found', /version/i],
      ['createAnnotation', { versionId: f.versionId, start: 0, end: 5, tagIds: ['no-such-tag'] }, 'not_found', /tag/i],
      ['reattachAnnotation', { id: f.annotationId, versionId: f.otherVersionId, start: 0, end: 5 }, 'invalid_input', /within its own document/],
      ['locateText', { versionId: f.versionId, offset: 10_000_000 }, 'invalid_input', /./],
      ['updateTag', { id: f.parentTag, parentId: f.childTag }, 'invalid_input', /./],
      ['updateTag', { id: f.parentTag, parentId: f.parentTag }, 'invalid_input', /./],
      ['mergeTags', { fromId: f.parentTag, intoId: f.parentTag }, 'invalid_input', /./],
      ['attachAccount', { claimId: f.claimId, annotationId: f.annotationId, stance: 'supports' }, 'conflict', /./],
      ['attachAccount', { claimId: 'no-such-claim', annotationId: f.otherAnnotationId, stance: 'supports' }, 'not_found', /claim/i],
      ['suggestPassages', { from: { kind: 'range', versionId: f.versionId, start: 0, end: 10_000_000 } }, 'invalid_input', /at most 50,000 characters/],
      ['getAssessment', { documentId: f.versionId }, 'not_found', /./],
      ['quoteAnnotation', { annotationId: f.claimId }, 'not_found', /./],
    ];
    for (const [method, input, code, message] of refused) {
      const envelope = await dispatch(method, input);
      const context = `${method} ${JSON.stringify(input)}`;
      expect(envelope, context).toMatchObject({ ok: false, error: { code } });
      expect(envelope.ok ? '' : envelope.error.message, context).toMatch(message);
    }
    expect(projectHashNow()).toBe(before);
  });
});

describe('the browser host under hostile requests', () => {
  it(`answers ${HTTP_CASES} broken bodies to each method with a 400 validation error, changing nothing`, { timeout: 60_000 }, async () => {
    const before = projectHashNow();
    const random = seededRandom(seed + 1);
    for (const method of apiMethods) {
      for (const input of refusedInputs(apiTable[method].input, HTTP_CASES, random, true)) {
        const body = JSON.stringify(input);
        if (Buffer.byteLength(body) > MAX_REQUEST_BYTES) continue; // a 413, tried below
        const response = await api(method, body);
        expect(response.status, `${method} ${describeInput(input)}`).toBe(400);
        expectValidationError(response.json, method, input);
      }
    }
    expect(projectHashNow()).toBe(before);
  });

  it('answers what is not an API call with the right status and an error envelope, changing nothing', { timeout: 60_000 }, async () => {
    const before = projectHashNow();
    for (const method of apiMethods) {
      for (const httpMethod of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const response = await api(method, '{}', {}, httpMethod);
        expect(response.status, `${httpMethod} ${method}`).toBe(405);
        expect(response.headers.get('allow')).toBe('POST');
        expect(response.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'API methods are called with POST' } });
      }
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) {
        const response = await api(method, '{}', { 'Content-Type': contentType });
        expect(response.status, `${method} as ${contentType}`).toBe(415);
        expect(response.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('application/json') } });
      }
      for (const body of ['{', '{"a":', 'null null', '\u0000', "{'a':1}", '{"a":1,}', 'NaN', '[1,]', '\uFEFF{}']) {
        const response = await api(method, body);
        expect(response.status, `${method} ${JSON.stringify(body.slice(0, 20))}`).toBe(400);
        expect(response.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^The request body is not valid JSON: /) } });
      }
    }
    for (const method of ['nope', '__proto__', 'constructor', 'toString', '..%2F..%2Fetc', 'listDocuments%00', '%F0%9F%98%80']) {
      const response = await api(method, '{}');
      expect(response.status, method).toBe(404);
      expect(response.json).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    const deep = await api('listDocuments', '['.repeat(200_000));
    expect(deep.status).toBe(400);
    expect(deep.json.error.message).toMatch(/^The request body is not valid JSON: /);
    const oversized = await api('createTag', JSON.stringify({ name: 'a'.repeat(MAX_REQUEST_BYTES) }));
    expect(oversized.status).toBe(413);
    expect(oversized.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `The request is larger than ${MAX_REQUEST_BYTES} bytes` } });
    expect((await api('getAppInfo', '{}')).status).toBe(200);
    expect(projectHashNow()).toBe(before);
  });
});
