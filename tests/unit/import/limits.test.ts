/**
 * The import size limit, in one place: how the environment sets it, how a message gives it, and
 * how large a request must be allowed to be to carry a file at the limit, base64-encoded in JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  decodedBase64Bytes,
  formatMegabytes,
  maxImportBytesFromEnv,
  maxRequestBytes,
} from '../../../electron/import/limits';
import { corpusDir } from '../../support/temp';

describe('the import size limit', () => {
  it('is 50 MB unless SOURCEBENCH_MAX_IMPORT_MB gives a positive number', () => {
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(maxImportBytesFromEnv({})).toBe(DEFAULT_MAX_IMPORT_BYTES);
    expect(maxImportBytesFromEnv({ SOURCEBENCH_MAX_IMPORT_MB: '200' })).toBe(200 * 1024 * 1024);
    expect(maxImportBytesFromEnv({ SOURCEBENCH_MAX_IMPORT_MB: '0.5' })).toBe(512 * 1024);
    for (const bad of ['', '0', '-3', 'lots']) expect(maxImportBytesFromEnv({ SOURCEBENCH_MAX_IMPORT_MB: bad })).toBe(DEFAULT_MAX_IMPORT_BYTES);
  });

  it('reads in messages as megabytes', () => {
    expect(formatMegabytes(DEFAULT_MAX_IMPORT_BYTES)).toBe('50 MB');
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMegabytes(256 * 1024)).toBe('0.25 MB');
  });

  it('lets a request carry a file right at the limit, and reads back its size before decoding it', () => {
    const raw = fs.readFileSync(path.join(corpusDir, '002_10df7f476cedd2f2.txt'));
    const body = JSON.stringify({ fileName: 'volkogonov.txt', data: raw.toString('base64'), record: { title: 'Stalin: Triumph and Tragedy' } });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(maxRequestBytes(raw.length));
    const decoded = decodedBase64Bytes(raw.toString('base64').length);
    expect(decoded).toBeGreaterThanOrEqual(raw.length);
    expect(decoded).toBeLessThanOrEqual(raw.length + 2);
  });
});
