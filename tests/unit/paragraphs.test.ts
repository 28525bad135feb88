/**
 * The first reader shows the bundled sources as paragraphs, and every paragraph can be traced to
 * the span of the raw file it came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../electron/corpus/manifest';
import { splitIntoParagraphs } from '../../electron/corpus/paragraphs';
import { corpusDir, fileHash } from '../support/temp';

const read = (file: string) => fs.readFileSync(path.join(corpusDir, file), 'utf8');

describe('paragraphs of the bundled corpus', () => {
  it('reads the Russian account as its three paragraphs', () => {
    const blocks = splitIntoParagraphs(read('000_01da8a07c5673cc1.txt'), 'line-per-block');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.text).toMatch(/^Вторая жена Сталина, Надежда Аллилуева/);
    expect(blocks[2]!.text).toMatch(/^1 декабря 1934 года Киров был убит/);
  });

  it('keeps one block per line of the encyclopedia article', () => {
    const raw = read('001_957ac4986f5e7508.txt');
    const blocks = splitIntoParagraphs(raw, 'line-per-block');
    const nonBlankLines = raw.split('\n').filter((line) => line.trim() !== '').length;
    expect(blocks).toHaveLength(nonBlankLines);
    expect(blocks[0]!.text).toMatch(/^Joseph Vissarionovich Stalin\[a\] \(18 December 1878\[2\]/);
  });

  it('joins the hard-wrapped lines of the Volkogonov OCR into paragraphs', () => {
    const raw = read('002_10df7f476cedd2f2.txt');
    const blocks = splitIntoParagraphs(raw, 'hard-wrapped');
    const opening = blocks.find((block) => block.text.startsWith('Stalin was dying.'));
    expect(opening?.text).toContain('Lying on the floor of the dining room in the dacha at Kuntsevo, he no longer');
    expect(opening?.text).not.toContain('\n');
    expect(blocks.some((block) => block.text === 'Chapter I. The October Glow')).toBe(true);
    // Far fewer paragraphs than the file's 26,619 lines.
    expect(blocks.length).toBeGreaterThan(1000);
    expect(blocks.length).toBeLessThan(6000);
  });

  it('maps every paragraph back to its span in the raw file', () => {
    const manifest = readManifest(corpusDir);
    for (const entry of manifest.sources) {
      const raw = read(entry.file);
      const blocks = splitIntoParagraphs(raw, entry.layout);
      // The span is the paragraph's own lines: the same words, differing only in line breaks.
      const mismatches = blocks.filter(
        (block) => raw.slice(block.rawStart, block.rawEnd).replace(/\s+/g, ' ') !== block.text.replace(/\s+/g, ' '),
      );
      expect(mismatches).toEqual([]);
    }
  });

  it('ships the corpus unchanged, each file described and fingerprinted in the manifest', () => {
    const manifest = readManifest(corpusDir);
    const files = fs.readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort();
    expect(manifest.sources.map((entry) => entry.file).sort()).toEqual(files);
    for (const entry of manifest.sources) {
      expect(fileHash(path.join(corpusDir, entry.file))).toBe(entry.sha256);
    }
    // Where the originals sit beside the project, the copies must be identical to them.
    const originals = path.resolve(corpusDir, '..', '..', 'shared', 'corpus');
    if (fs.existsSync(originals)) {
      for (const file of files) expect(fileHash(path.join(corpusDir, file))).toBe(fileHash(path.join(originals, file)));
    }
  });
});
