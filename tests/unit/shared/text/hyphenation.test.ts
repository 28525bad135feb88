/**
 * Line-end hyphenation: decided from the document's own usage first, then from a word list, then
 * from the shape of the halves; checked against a hand-made set of cases from the Volkogonov OCR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../../electron/corpus/manifest';
import { normalize } from '../../../../shared/text/normalize';
import {
  decideInlineHyphen,
  decideLineEndHyphen,
  englishWordList,
  HyphenEvidence,
  isListedWord,
  NO_WORDS,
  type HyphenContext,
} from '../../../../shared/text/normalize/hyphenation';
import type { NormalizedText } from '../../../../shared/text/text-model';
import { corpusDir, repoRoot } from '../../../support/temp';

interface HyphenCase {
  readonly raw: string;
  readonly expected: string;
  readonly kind: 'join' | 'name' | 'caps' | 'compound' | 'number' | 'suspended' | 'dash';
  readonly note?: string;
}

const { cases } = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'hyphenation', 'cases.json'), 'utf8'),
) as { cases: HyphenCase[] };

function context(text: string, words = englishWordList()): HyphenContext {
  return { evidence: HyphenEvidence.fromText(text), words, suspendedBefore: new Set(['and', 'or', 'nor', 'to']) };
}

/** The text offset of a raw offset (the first text character copied from it), by the map. */
function textOffsetOfRaw(normalized: NormalizedText, rawOffset: number): number | undefined {
  const { map, text } = normalized;
  for (let pair = 0; pair < map.length; pair += 2) {
    const textStart = map[pair]!;
    const rawStart = map[pair + 1]!;
    const textEnd = pair + 2 < map.length ? map[pair + 2]! : text.length;
    if (rawOffset >= rawStart && rawOffset < rawStart + (textEnd - textStart)) return textStart + (rawOffset - rawStart);
  }
  return undefined;
}

describe('the evidence a document gives about its own words', () => {
  const evidence = HyphenEvidence.fromText(
    'Dzhugashvili, Dzhugashvili-Stalin and Stalin\'s non-Bolshevism; the Dzhu- \ngashvili line end is left out. first- and',
  );

  it('counts words alone and inside compounds, case-insensitively', () => {
    expect(evidence.word('dzhugashvili')).toBe(2);
    expect(evidence.standalone('dzhugashvili')).toBe(1);
    expect(evidence.word('stalin')).toBe(2); // the possessive counts as the word
    expect(evidence.pair('non', 'bolshevism')).toBe(1);
    expect(evidence.head('non')).toBe(1);
  });

  it('leaves out the halves of words broken at a line end', () => {
    expect(evidence.word('dzhu')).toBe(0);
    expect(evidence.word('gashvili')).toBe(0);
    expect(evidence.word('first')).toBe(0);
    expect(evidence.word('and')).toBe(2);
  });
});

describe('deciding a line-end hyphen', () => {
  const text = [
    'Dzhugashvili was born in Gori. The non-Bolshevism of the others was well-known; a well-known fact.',
    'The leaders met and the leaders spoke. The mid-March plenum. Stalin, Stalin, Stalin.',
    'was was was was was was was was was was was was was was was was was was was was was was',
    'It was history, it was.',
  ].join('\n');
  const ctx = context(text);

  it('joins when the joined form occurs elsewhere', () => {
    expect(decideLineEndHyphen('Dzhu', 'gashvili', ctx)).toEqual({
      action: 'join',
      reason: '"Dzhugashvili" occurs once elsewhere; "Dzhu-gashvili" never',
    });
  });

  it('keeps the hyphen when the hyphenated form occurs elsewhere', () => {
    expect(decideLineEndHyphen('non', 'Bolshevism', ctx)).toMatchObject({ action: 'keep' });
    expect(decideLineEndHyphen('well', 'known', ctx).reason).toBe('"well-known" occurs twice elsewhere; "wellknown" never');
  });

  it('falls back on the word list, then on the halves', () => {
    expect(decideLineEndHyphen('expres', 'sion', ctx)).toMatchObject({ action: 'join', reason: expect.stringContaining('English word') });
    expect(decideLineEndHyphen('underlin', 'ings', ctx)).toMatchObject({ action: 'join' }); // a form of "underlining"
    expect(decideLineEndHyphen('narrow', 'minded', ctx)).toMatchObject({ action: 'keep' });
    expect(decideLineEndHyphen('Tukhachev', 'skiy', ctx)).toMatchObject({ action: 'join', reason: expect.stringContaining('typesetting break') });
    expect(decideLineEndHyphen('Tukhachev', 'skiy', context(text, NO_WORDS))).toMatchObject({ action: 'join' });
  });

  it('keeps numbers, capitalized compounds and prefixes; joins words in capitals', () => {
    expect(decideLineEndHyphen('1937', '1938', ctx)).toMatchObject({ action: 'keep' });
    expect(decideLineEndHyphen('Worker', 'Peasant', ctx)).toMatchObject({ action: 'keep' });
    expect(decideLineEndHyphen('mid', 'May', ctx)).toMatchObject({ action: 'keep' }); // "mid-" begins compounds here
    expect(decideLineEndHyphen('PROLE', 'TARY', ctx)).toMatchObject({ action: 'join' });
  });

  it('reads dashes where a hyphen cannot be one', () => {
    expect(decideLineEndHyphen('leaders', 'Lenin', ctx)).toMatchObject({ action: 'dash' });
    expect(decideLineEndHyphen('Stalin', 'was', ctx)).toMatchObject({ action: 'dash' });
    expect(decideLineEndHyphen('it', 'history', ctx, '—is the cruelest of the gods')).toMatchObject({ action: 'dash' });
    expect(decideInlineHyphen('tions', 'the', ctx)).toMatchObject({ action: 'dash' });
  });

  it('keeps suspended hyphens with their space', () => {
    expect(decideLineEndHyphen('first', 'and', ctx)).toMatchObject({ action: 'suspended' });
    expect(decideInlineHyphen('two', 'or', ctx)).toMatchObject({ action: 'suspended' });
  });

  it('knows inflected forms of listed words', () => {
    const words = englishWordList();
    expect(isListedWord(words, 'seminary')).toBe(true);
    expect(isListedWord(words, 'underlinings')).toBe(true);
    expect(isListedWord(words, 'gashvili')).toBe(false);
  });
});

describe('the hyphenation test set from the Volkogonov OCR', () => {
  const file = '002_10df7f476cedd2f2.txt';
  let raw: string;
  let normalized: NormalizedText;

  beforeAll(() => {
    raw = fs.readFileSync(path.join(corpusDir, file), 'utf8');
    const entry = readManifest(corpusDir).sources.find((source) => source.file === file)!;
    normalized = normalize(raw, entry.normalize);
  });

  it('has at least 70 cases, at least 18 of them compounds to keep', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    const keeps = cases.filter((item) => ['compound', 'number', 'suspended'].includes(item.kind));
    expect(keeps.length).toBeGreaterThanOrEqual(18);
    for (const item of cases) expect(raw.includes(item.raw), JSON.stringify(item.raw)).toBe(true);
  });

  it('reads 98% of them or better as expected', () => {
    const misses: string[] = [];
    for (const item of cases) {
      // Every occurrence of the raw form must read the same.
      for (let at = raw.indexOf(item.raw); at !== -1; at = raw.indexOf(item.raw, at + 1)) {
        if (/[\p{L}\p{N}]/u.test(raw[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(raw[at + item.raw.length] ?? '')) continue;
        const start = textOffsetOfRaw(normalized, at);
        const last = textOffsetOfRaw(normalized, at + item.raw.length - 1);
        const got = start === undefined || last === undefined ? '(not in the text)' : normalized.text.slice(start, last + 1);
        if (got !== item.expected) {
          const edit = normalized.edits.find((candidate) => start !== undefined && candidate.start <= start && start < candidate.end);
          misses.push(`${JSON.stringify(item.raw)}: expected ${JSON.stringify(item.expected)}, got ${JSON.stringify(got)}${edit ? ` (${edit.reason})` : ''}`);
          break;
        }
      }
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(
      `hyphenation: ${cases.length - misses.length}/${cases.length} = ${(accuracy * 100).toFixed(1)}%` +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
