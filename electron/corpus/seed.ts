/**
 * Seeds a new project with the bundled sources, so a first-time user opens three accounts of
 * the same events instead of an empty screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex, type DocumentRepository } from '../store/documents';
import { readManifest } from './manifest';
import { splitIntoParagraphs } from './paragraphs';

export const PARAGRAPH_NORMALIZER = 'paragraphs@1';

export function seedBundledCorpus(documents: DocumentRepository, corpusDir: string): number {
  const manifest = readManifest(corpusDir);
  for (const { file, sha256, layout, ...record } of manifest.sources) {
    const raw = fs.readFileSync(path.join(corpusDir, file));
    if (sha256Hex(raw) !== sha256) {
      throw new Error(`The bundled file ${file} differs from the one the manifest describes; reinstall Sourcebench.`);
    }
    // The bundled files are known to be UTF-8; fatal decoding makes a damaged copy fail loudly.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    documents.addDocument(record, {
      fileName: file,
      encoding: 'utf-8',
      raw,
      normalizer: PARAGRAPH_NORMALIZER,
      blocks: splitIntoParagraphs(text, layout),
    });
  }
  return manifest.sources.length;
}
