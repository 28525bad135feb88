/**
 * Reading a zip that came from anywhere (a .docx, a .qdpx). The sizes a zip states are only
 * claims: each entry is inflated in small steps and its real output counted, so a bomb is
 * stopped within a step of the bound instead of after filling memory. Entry names must be plain
 * relative paths. How a problem is reported is the caller's: each format words it for its users.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Most bytes one entry may unpack to. */
  readonly entryBytes: number;
  /** Most bytes all entries together may unpack to. */
  readonly totalBytes: number;
}

export interface ZipProblems {
  /** The bytes are not a zip archive at all. */
  readonly notZip: () => never;
  /** An entry would unpack to more than the limits allow. */
  readonly tooLarge: (name: string) => never;
  /** Anything else wrong with the archive, as a sentence. */
  readonly damaged: (message: string) => never;
}

/** All entries together may unpack to this much (a .docx or .qdpx of the largest importable source, and room). */
export const TOTAL_UNPACKED_BYTES = 200 * 1024 * 1024;

/** Compressed bytes fed to the inflater per step: deflate expands at most ~1032 times, so one step stays near 8 MB. */
const STEP = 8 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The entries of a zip by name, with directories left out. */
export function readZip(bytes: Uint8Array, limits: ZipLimits, problems: ZipProblems): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view, problems);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) problems.damaged('The archive’s table of contents is damaged.');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const statedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    // Names are read as UTF-8 whether or not the flag says so: the names that matter here
    // (project.qde, word/document.xml…) are ASCII either way, and tools write UTF-8 in practice.
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    checkName(name, problems);
    if (name.endsWith('/')) continue;
    if (entries.has(name)) problems.damaged(`The archive holds “${name}” twice.`);
    if (flags & 0x1) problems.damaged(`“${name}” in the archive is encrypted.`);
    if (compressedSize === 0xffffffff || statedSize === 0xffffffff || localOffset === 0xffffffff) {
      problems.damaged(`“${name}” is stored in the ZIP64 format, which is only needed for files far beyond the import limit.`);
    }
    const data = entryData(bytes, view, localOffset, compressedSize, name, problems);
    const remaining = Math.min(limits.entryBytes, limits.totalBytes - total);
    const content =
      method === STORED
        ? data.length > remaining
          ? problems.tooLarge(name)
          : data
        : method === DEFLATED
          ? inflateBounded(data, remaining, name, problems)
          : problems.damaged(`“${name}” is compressed with a method this reader does not know (${method}).`);
    if (content.length !== statedSize) problems.damaged(`“${name}” in the archive is damaged (it unpacks to another size than the archive states).`);
    total += content.length;
    entries.set(name, content);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView, problems: ZipProblems): number {
  // The record is 22 bytes, followed by a comment of up to 65535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return problems.notZip();
}

/** A name is a relative path inside the archive: no "..", no root, no drive, no backslash. */
function checkName(name: string, problems: ZipProblems): void {
  const segments = name.split('/');
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\u0000') ||
    /^[a-z]:/i.test(name) ||
    segments.some((segment) => segment === '..' || segment === '.')
  ) {
    problems.damaged(`The archive holds an entry named “${name}”, which points outside it.`);
  }
}

function entryData(bytes: Uint8Array, view: DataView, localOffset: number, compressedSize: number, name: string, problems: ZipProblems): Uint8Array {
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER) problems.damaged(`“${name}” in the archive is damaged.`);
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.length) problems.damaged(`“${name}” in the archive is cut short.`);
  return bytes.subarray(start, start + compressedSize);
}

/** Signals, from inside fflate's callback, that the bound was passed; turned into the caller's error outside. */
class TooLarge extends Error {}

function inflateBounded(data: Uint8Array, remaining: number, name: string, problems: ZipProblems): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > remaining) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof TooLarge) problems.tooLarge(name);
    problems.damaged(`“${name}” in the archive is damaged (${(error as Error).message}).`);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
