/**
 * The bundled corpus's manifest: who wrote each source, when, in what language and what kind
 * of source it is. Read at seeding time, and validated because a typo here would mislabel a
 * historian's evidence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentRecord } from '../../shared/domain';
import { NormalizeSettings } from '../../shared/text/normalize';

export const ManifestEntry = DocumentRecord.extend({
  file: z.string().regex(/^[^/\\]+$/, 'a file name inside the corpus folder'),
  /** SHA-256 of the raw bytes as shipped: seeding refuses a copy that differs. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which shared normalization rules apply to this source, and their settings. */
  normalize: NormalizeSettings,
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const CorpusManifest = z.object({
  $comment: z.string().optional(),
  sources: z.array(ManifestEntry).min(1),
});
export type CorpusManifest = z.infer<typeof CorpusManifest>;

export function readManifest(corpusDir: string): CorpusManifest {
  const file = path.join(corpusDir, 'manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the corpus manifest ${file}: ${(error as Error).message}`);
  }
  const parsed = CorpusManifest.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The corpus manifest ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
