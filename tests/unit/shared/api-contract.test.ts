/**
 * The API table is the contract every host serves: bad input is refused with a message that
 * names the field, and a handler bug never reaches the renderer as malformed data.
 */
import { describe, expect, it } from 'vitest';
import { apiMethods, apiTable, type ApiHandlers } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { VersionContent } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';

const content: VersionContent = {
  versionId: 'v1',
  documentId: 'd1',
  sha256: 'a'.repeat(64),
  fileName: 'x.txt',
  format: 'txt',
  encoding: 'utf-8',
  importedAt: '2026-11-25T00:00:00.000Z',
  normalizer: 'test',
  text: 'Stalin was dying.',
  blocks: [{ kind: 'paragraph', start: 0, end: 17 }],
  citations: [],
  locators: [],
  edits: [],
};

// Only the methods these tests call; the dispatcher is what is under test here.
const handlers = {
  getAppInfo: () => ({ appVersion: '0.0.0', host: 'cli', projectPath: '/tmp/p.sourcebench', schemaVersion: 1 }),
  listDocuments: () => [],
  getVersionContent: ({ versionId }) => {
    if (versionId === 'missing') throw new ApiError('not_found', 'No such version', 'versionId');
    return { ...content, versionId };
  },
} as Partial<ApiHandlers> as ApiHandlers;

describe('the API contract', () => {
  const dispatch = createDispatch(handlers);

  it('declares an input and an output schema for every method', () => {
    expect(apiMethods.length).toBeGreaterThan(0);
    for (const method of apiMethods) {
      expect(apiTable[method].input).toBeDefined();
      expect(apiTable[method].output).toBeDefined();
      expect(apiTable[method].summary.length).toBeGreaterThan(10);
    }
  });

  it('returns the handler value for valid input', async () => {
    const result = await dispatch('getVersionContent', { versionId: 'v7' });
    expect(result).toMatchObject({ ok: true, value: { versionId: 'v7' } });
  });

  it('names the field when the input has the wrong type', async () => {
    const result = await dispatch('getVersionContent', { versionId: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.field).toBe('versionId');
    expect(result.error.message).toMatch(/getVersionContent: versionId: .*string/);
  });

  it('names a missing field and refuses unknown ones', async () => {
    const missing = await dispatch('getVersionContent', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'versionId' } });
    const extra = await dispatch('listDocuments', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!extra.ok) expect(extra.error.message).toContain('sneaky');
  });

  it('refuses an unknown method', async () => {
    expect(await dispatch('dropAllTables', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes a handler error through with its code and field', async () => {
    const result = await dispatch('getVersionContent', { versionId: 'missing' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No such version', field: 'versionId' } });
  });

  it('reports a handler that returns malformed output as an internal error', async () => {
    const broken = createDispatch({ ...handlers, listDocuments: () => [{ id: 1 }] as never });
    const result = await broken('listDocuments', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('listDocuments produced invalid output');
  });

  it('gives the client an ApiError that keeps code and field', async () => {
    const client = createApiClient((method, input) => dispatch(method, input));
    await expect(client.getVersionContent({ versionId: 'v2' })).resolves.toMatchObject({ versionId: 'v2' });
    const error = await client.getVersionContent({ versionId: 3 as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'versionId' });
  });
});
