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
  for (const entry of manifest.sources) {
    const raw = fs.readFileSync(path.join(corpusDir, entry.file));
    if (sha256Hex(raw) !== entry.sha256) {
      throw new Error(`The bundled file ${entry.file} differs from the one the manifest describes; reinstall Sourcebench.`);
    }
    // The bundled files are known to be UTF-8; fatal decoding makes a damaged copy fail loudly.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    documents.addDocument(
      {
        title: entry.title,
        titleSupplied: entry.titleSupplied,
        author: entry.author,
        translator: entry.translator,
        language: entry.language,
        date: entry.date,
        sourceKind: entry.sourceKind,
        description: entry.description,
      },
      {
        fileName: entry.file,
        encoding: 'utf-8',
        raw,
        normalizer: PARAGRAPH_NORMALIZER,
        blocks: splitIntoParagraphs(text, entry.layout),
      },
    );
  }
  return manifest.sources.length;
}
