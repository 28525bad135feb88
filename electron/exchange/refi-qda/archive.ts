/**
 * Reading a .qdpx (a zip) that came from anywhere, through the bounded zip reader the importers
 * share: a bomb, a name pointing outside the archive or a damaged entry is refused in the words
 * of this import.
 */
import { readZip, TOTAL_UNPACKED_BYTES, type ZipLimits } from '../../import/zip';
import { refuse } from './refuse';
import { formatMegabytes, maxImportBytesFromEnv, MAX_IMPORT_ENV } from '../../import/limits';

export type ArchiveLimits = ZipLimits;

export function archiveLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ArchiveLimits {
  // No source in the archive may be larger than a file to import.
  return { entryBytes: maxImportBytesFromEnv(env), totalBytes: TOTAL_UNPACKED_BYTES };
}

/** The entries of a zip by name, with directories left out. */
export function readArchive(bytes: Uint8Array, limits: ArchiveLimits): Map<string, Uint8Array> {
  return readZip(bytes, limits, {
    notZip: () => refuse('The file is not a .qdpx project: it is not a zip archive.'),
    tooLarge: (name) =>
      refuse(
        `“${name}” unpacks to more than the import allows (${formatMegabytes(limits.entryBytes)} for one file, ` +
          `set ${MAX_IMPORT_ENV} to change it; ${formatMegabytes(limits.totalBytes)} for the whole archive).`,
      ),
    damaged: refuse,
  });
}
