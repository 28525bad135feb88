/**
 * Where a passage stands for a citation, on the bundled Volkogonov OCR text: the last printed page
 * at or before it ("near p. 143") and the chapter it falls in. The store's `locate` and the CLI's
 * `locate` both answer with this one rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../../electron/corpus/manifest';
import { normalize } from '../../../../shared/text/normalize';
import { pageAndChapterAt, type NormalizedText } from '../../../../shared/text/text-model';
import { corpusDir } from '../../../support/temp';

const FILE = '002_10df7f476cedd2f2.txt';

describe('the page and chapter of a passage in the Volkogonov translation', () => {
  let normalized: NormalizedText;
  const at = (phrase: string) => {
    const offset = normalized.text.indexOf(phrase);
    expect(offset, phrase).toBeGreaterThanOrEqual(0);
    return pageAndChapterAt(normalized, offset);
  };

  beforeAll(() => {
    const entry = readManifest(corpusDir).sources.find((source) => source.file === FILE);
    if (!entry) throw new Error(`${FILE} is not in the manifest`);
    normalized = normalize(fs.readFileSync(path.join(corpusDir, FILE), 'utf8'), entry.normalize);
  });

  it('names the chapter a passage falls in, and no page before the first page number printed', () => {
    expect(at('Stalin was dying.')).toEqual({ page: null, chapter: 'Chapter I. The October Glow' });
  });

  it('names no chapter for the front matter before Chapter I', () => {
    expect(at('V.I. Lenin').chapter).toBeNull();
  });

  it('names the last page number printed at or before the passage', () => {
    // Page 134 begins in Chapter IV and runs on into Chapter V; page 143 begins between Stalin's
    // covering note and his "insertions".
    expect(at('Kirov\'s death was a "good excuse"')).toEqual({ page: '134', chapter: 'Chapter IV. Dictatorship or Dictator?' });
    expect(at('This is for greater clarity.')).toEqual({ page: '134', chapter: 'Chapter V. In the Toga of a Leader' });
    expect(at('And Stalin\'s "insertions" were as follows:')).toEqual({ page: '143', chapter: 'Chapter V. In the Toga of a Leader' });
  });

  it('counts a chapter from its own heading on', () => {
    const heading = normalized.text.indexOf('Chapter III. His Struggle');
    expect(pageAndChapterAt(normalized, heading).chapter).toBe('Chapter III. His Struggle');
    expect(pageAndChapterAt(normalized, heading - 2).chapter).toBe("Chapter II. The Leader's Warning");
  });
});
