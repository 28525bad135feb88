/**
 * The bundled corpus: seeds a new project with its sources, so a first-time user opens three
 * accounts of the same events instead of an empty screen, and tells how each bundled file is
 * normalized.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentRepository } from '../store/documents';
import { sha256Hex } from '../store/documents';
import { readManifest, type ManifestEntry } from './manifest';
import { normalize, NORMALIZER } from '../../shared/text/normalize';

export function seedBundledCorpus(documents: DocumentRepository, corpusDir: string): number {
  const manifest = readManifest(corpusDir);
  for (const { file, sha256, normalize: settings, ...record } of manifest.sources) {
    const raw = fs.readFileSync(path.join(corpusDir, file));
    if (sha256Hex(raw) !== sha256) {
      throw new Error(`The bundled file ${file} differs from the one the manifest describes; reinstall Sourcebench.`);
    }
    // The bundled files are known to be UTF-8; fatal decoding makes a damaged copy fail loudly.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    documents.addDocument(record, {
      fileName: file,
      format: 'txt',
      encoding: 'utf-8',
      raw,
      rawText: text,
      normalizer: NORMALIZER,
      normalized: normalize(text, settings),
    });
  }
  return manifest.sources.length;
}

/** The manifest entry of a bundled file, recognised by its bytes. */
export function bundledEntry(corpusDir: string, sha256: string): ManifestEntry | undefined {
  return readManifest(corpusDir).sources.find((entry) => entry.sha256 === sha256);
}
