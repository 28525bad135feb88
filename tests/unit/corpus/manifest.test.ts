/** The bundled corpus ships unchanged, each file described and fingerprinted in the manifest. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../electron/corpus/manifest';
import { corpusDir, fileHash } from '../../support/temp';

describe('the bundled corpus', () => {
  const manifest = readManifest(corpusDir);

  it('describes every raw file, with its SHA-256 as shipped', () => {
    const files = fs.readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort();
    expect(manifest.sources.map((entry) => entry.file).sort()).toEqual(files);
    for (const entry of manifest.sources) expect(fileHash(path.join(corpusDir, entry.file))).toBe(entry.sha256);
  });

  it('is byte for byte the originals, where they sit beside the project', () => {
    const originals = path.resolve(corpusDir, '..', '..', 'shared', 'corpus');
    if (!fs.existsSync(originals)) return;
    for (const entry of manifest.sources) {
      expect(fileHash(path.join(corpusDir, entry.file))).toBe(fileHash(path.join(originals, entry.file)));
    }
  });

  it('records who wrote each source, when, in what language and of what kind', () => {
    expect(manifest.sources.map((entry) => [entry.language, entry.sourceKind, entry.author])).toEqual([
      ['ru', 'secondary', null],
      ['en', 'tertiary', 'Wikipedia contributors'],
      ['en', 'secondary', 'Dmitri Volkogonov'],
    ]);
    expect(manifest.sources[0]!.titleSupplied).toBe(true);
    expect(manifest.sources[2]!.translator).toMatch(/JPRS/);
  });
});
