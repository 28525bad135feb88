/**
 * Normalizes a file on disk without a project, for `sourcebench text` and `locate`: a bundled
 * corpus file (recognised by its bytes) with its manifest's rules, any other file as an import.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NormalizedText } from '../../../shared/text/text-model';
import { normalize } from '../../../shared/text/normalize';
import { bundledEntry } from '../../corpus/seed';
import { importFile } from '../../import';
import { formatMegabytes, MAX_IMPORT_ENV, maxImportBytesFromEnv } from '../../import/limits';
import { sha256Hex } from '../../store/documents';

export interface NormalizedFile {
  /** The text line:column refer to: the decoded file, or an extracted text layer (.docx, .pdf). */
  readonly rawText: string;
  readonly inTextLayer: boolean;
  readonly encoding: string;
  readonly normalized: NormalizedText;
}

export async function normalizeFile(filePath: string, corpusDir: string, encoding?: string): Promise<NormalizedFile> {
  const maxBytes = maxImportBytesFromEnv();
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new Error(`${filePath} is not a file`);
  if (stat.size > maxBytes) {
    throw new Error(`${filePath} is larger than the import limit of ${formatMegabytes(maxBytes)} (set ${MAX_IMPORT_ENV} to change it)`);
  }
  const bytes = fs.readFileSync(filePath);
  const entry = encoding === undefined ? bundledEntry(corpusDir, sha256Hex(bytes)) : undefined;
  if (entry) {
    const rawText = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { rawText, inTextLayer: false, encoding: 'utf-8', normalized: normalize(rawText, entry.normalize) };
  }
  const imported = await importFile({ fileName: path.basename(filePath), bytes, maxBytes, ...(encoding ? { encoding } : {}) });
  return { rawText: imported.rawText, inTextLayer: !imported.rawTextIsFile, encoding: imported.encoding, normalized: imported.normalized };
}
