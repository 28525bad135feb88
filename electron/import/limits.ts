/**
 * How large a file Sourcebench imports, in one place: the limit, how the environment changes it,
 * how it reads in a message, and what it means for a request. A file travels base64-encoded in a
 * JSON body (over IPC and HTTP alike), which takes 4 characters for every 3 bytes.
 */
import { ApiError } from '../../shared/errors';

/** Default upper bound of a file to import; the variable below changes it. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ENV = 'SOURCEBENCH_MAX_IMPORT_MB';

const MEGABYTE = 1024 * 1024;
/** Room in a request for the JSON around a file's contents (its name, the import settings). */
const REQUEST_ROOM = MEGABYTE;

/** The import limit in bytes: `SOURCEBENCH_MAX_IMPORT_MB` where it is a positive number, else the default. */
export function maxImportBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env[MAX_IMPORT_ENV]);
  return Number.isFinite(megabytes) && megabytes > 0 ? Math.round(megabytes * MEGABYTE) : DEFAULT_MAX_IMPORT_BYTES;
}

/** Largest request body that carries a file of up to `maxImportBytes`, base64-encoded. */
export function maxRequestBytes(maxImportBytes: number): number {
  return Math.ceil((maxImportBytes * 4) / 3) + REQUEST_ROOM;
}

/** How many bytes a base64 string of this length decodes to, at most (padding aside). */
export function decodedBase64Bytes(base64Length: number): number {
  return Math.floor((base64Length * 3) / 4);
}

/**
 * The bytes of a base64-encoded upload, refused before decoding when over the limit, so an
 * oversized upload costs no memory beyond its request.
 */
export function decodeWithinLimit(data: string, maxBytes: number): Buffer {
  refuseOverLimit(decodedBase64Bytes(data.length), maxBytes + 2, maxBytes);
  return Buffer.from(data, 'base64');
}

/**
 * Refuses a file by its size on disk before it is read: a caller that reads the file itself (the
 * CLI) would otherwise hold it, and its base64 copy, in memory only to be refused afterwards.
 */
export function refuseFileOverLimit(sizeOnDisk: number, maxBytes: number): void {
  refuseOverLimit(sizeOnDisk, maxBytes, maxBytes);
}

function refuseOverLimit(bytes: number, allowed: number, maxBytes: number): void {
  if (bytes <= allowed) return;
  throw new ApiError(
    'invalid_input',
    `The file is larger than the import limit of ${formatMegabytes(maxBytes)} (set ${MAX_IMPORT_ENV} to change it). Nothing was imported.`,
    'data',
  );
}

/** A size as a message gives it: "50 MB", "1.5 MB", "0.25 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(bytes < MEGABYTE ? 2 : 1).replace(/\.0$/, '')} MB`;
}
