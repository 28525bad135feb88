/**
 * Re-anchoring on small cases: selectors, code points, the edit-distance kernel, the revision
 * diff, and each road of `anchor` (position, exact, fuzzy, orphan; with and without the previous
 * text).
 */
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_LENGTH,
  CodePointIndex,
  RevisionMap,
  anchor,
  anchorAll,
  describeRange,
  editDistance,
  toCodePointOffset,
  toUtf16Offset,
  type AnchorResult,
} from '../../../shared/anchoring';
import { BitPattern, approximateMatches } from '../../../shared/anchoring/edit-distance';
import { random } from '../../fixtures/anchoring/revision';

const LOREM =
  'In the autumn of 1934 the mood in Leningrad was uneasy. Sergey Kirov, first secretary of the city committee, ' +
  'spoke at the Tauride Palace about the grain harvest and the new factories. Few in the hall suspected what the ' +
  'winter would bring. On 1 December, in the corridor of the Smolny, a shot was fired. Kirov died at once. ' +
  'Within hours Stalin was on the train to Leningrad, and within days the first lists were drawn up.';

/** The selectors of the first occurrence (or the `nth`) of `quote` in `text`. */
function target(text: string, quote: string, nth = 0) {
  let at = text.indexOf(quote);
  for (let index = 0; index < nth; index++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" not in text`);
  return describeRange(text, at, at + quote.length);
}

function placed(result: AnchorResult, text: string): string | null {
  return result.status === 'anchored' ? text.slice(result.start, result.end) : null;
}

/** Plain O(nm) Levenshtein, to check the bit-parallel one. */
function naiveDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

function randomString(next: () => number, length: number, alphabet = 'abcde '): string {
  let out = '';
  for (let index = 0; index < length; index++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

describe('describeRange', () => {
  it('keeps the quote, 32 units of context on each side and the position', () => {
    const selectors = target(LOREM, 'Tauride Palace');
    const at = LOREM.indexOf('Tauride Palace');
    expect(selectors.quote.exact).toBe('Tauride Palace');
    expect(selectors.quote.prefix).toBe(LOREM.slice(at - CONTEXT_LENGTH, at));
    expect(selectors.quote.suffix).toBe(LOREM.slice(at + 14, at + 14 + CONTEXT_LENGTH));
    expect(selectors.position).toEqual({ start: at, end: at + 14 });
  });

  it('shortens the context at the ends of the text', () => {
    const selectors = describeRange(LOREM, 0, 6);
    expect(selectors.quote.prefix).toBe('');
    expect(describeRange(LOREM, LOREM.length - 5, LOREM.length).quote.suffix).toBe('');
  });

  it('never splits a surrogate pair, in the quote or in the context', () => {
    const text = '𝔊'.repeat(20) + 'abc' + '𝔊'.repeat(20);
    const selectors = describeRange(text, 40, 43); // 20 pairs are 40 units
    expect(selectors.quote.exact).toBe('abc');
    const split = describeRange(text, 1, 3); // inside the first pair → widened to [0, 4)
    expect(split.position).toEqual({ start: 0, end: 4 });
    expect(split.quote.exact).toBe('𝔊𝔊');
    // Context: 32 units back from 40 is 8, a pair boundary; from 41 it would be 9, inside a pair.
    const odd = describeRange(text, 41, 42);
    expect(odd.quote.prefix.length % 2).toBe(1); // 'a' plus whole pairs
    expect(odd.quote.prefix.startsWith('𝔊')).toBe(true);
  });

  it('rejects empty and out-of-range ranges', () => {
    expect(() => describeRange(LOREM, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(LOREM, -1, 5)).toThrow(RangeError);
    expect(() => describeRange(LOREM, 0, LOREM.length + 1)).toThrow(RangeError);
  });
});

describe('code points (the W3C TextPositionSelector boundary)', () => {
  const text = 'Сталин 𝔊 и 😀 Киров — 𝔊𝔊 end';

  it('counts an astral character once and a Cyrillic letter once', () => {
    expect(toCodePointOffset(text, 0)).toBe(0);
    expect(toCodePointOffset(text, 7)).toBe(7); // "Сталин " is 7 BMP units
    expect(toCodePointOffset(text, 9)).toBe(8); // after 𝔊 (two units)
    expect(toCodePointOffset(text, text.length)).toBe([...text].length);
    expect(toUtf16Offset(text, 8)).toBe(9);
    expect(toUtf16Offset(text, [...text].length)).toBe(text.length);
  });

  it('round-trips every offset, and counts a split pair as the whole character', () => {
    for (let point = 0; point <= [...text].length; point++) {
      expect(toCodePointOffset(text, toUtf16Offset(text, point))).toBe(point);
    }
    expect(toCodePointOffset(text, 8)).toBe(8); // between the halves of 𝔊: the character counts
  });

  it('agrees with the indexed converter on every offset', () => {
    const index = new CodePointIndex(text);
    for (let utf16 = 0; utf16 <= text.length; utf16++) expect(index.toCodePoint(utf16)).toBe(toCodePointOffset(text, utf16));
    for (let point = 0; point <= [...text].length; point++) expect(index.toUtf16(point)).toBe(toUtf16Offset(text, point));
  });

  it('rejects offsets outside the text', () => {
    expect(() => toCodePointOffset(text, text.length + 1)).toThrow(RangeError);
    expect(() => toUtf16Offset(text, [...text].length + 1)).toThrow(RangeError);
    expect(() => new CodePointIndex(text).toUtf16([...text].length + 1)).toThrow(RangeError);
  });
});

describe('bit-parallel edit distance', () => {
  it('equals the plain dynamic programme, for patterns of one and of several 32-unit blocks', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const a = randomString(next, Math.floor(next() * 100));
      const b = randomString(next, Math.floor(next() * 100));
      expect(editDistance(a, b)).toBe(naiveDistance(a, b));
    }
    expect(editDistance('Kirov', 'Kirow')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds approximate occurrences, with their start, in a window', () => {
    const text = 'xxxx the Central Commitee met in secret yyyy the Central Committee met in public';
    const matches = approximateMatches(new BitPattern('Central Committee met in secret'), text, 0, text.length, 7);
    expect(matches[0]).toMatchObject({ errors: 1 });
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('Central Commitee met in secret');
  });
});

describe('RevisionMap (the diff of two versions)', () => {
  it('finds equal runs that really are equal, in order, and maps offsets through edits', () => {
    const next = random(5);
    for (let round = 0; round < 40; round++) {
      let old = '';
      for (let index = 0; index < 30; index++) old += randomString(next, 3 + Math.floor(next() * 12), 'abcdefghij') + (next() < 0.2 ? '\n\n' : ' ');
      // Random edits: replace, delete, insert.
      let revised = old;
      for (let edit = 0; edit < 5; edit++) {
        const at = Math.floor(next() * revised.length);
        const cut = Math.floor(next() * 8);
        revised = revised.slice(0, at) + randomString(next, Math.floor(next() * 6), 'xyz ') + revised.slice(at + cut);
      }
      const map = RevisionMap.between(old, revised);
      let lastA = -1;
      let lastB = -1;
      for (const run of map.runs()) {
        expect(old.slice(run.a, run.a + run.length)).toBe(revised.slice(run.b, run.b + run.length));
        expect(run.a).toBeGreaterThan(lastA);
        expect(run.b).toBeGreaterThan(lastB);
        lastA = run.a + run.length - 1;
        lastB = run.b + run.length - 1;
      }
      // An intact range maps onto the same text.
      for (let probe = 0; probe < 20; probe++) {
        const start = Math.floor(next() * (old.length - 5));
        const range = map.mapRange(start, start + 5);
        if (range.intact) expect(revised.slice(range.start, range.end)).toBe(old.slice(start, start + 5));
      }
    }
  });

  it('reports a deleted paragraph as that paragraph, at its natural boundary', () => {
    const old = 'First paragraph.\n\nThe second one goes.\n\nThe third stays.';
    const revised = 'First paragraph.\n\nThe third stays.';
    const map = RevisionMap.between(old, revised);
    const second = old.indexOf('The second');
    expect(map.mapRange(second, second + 'The second one goes.'.length)).toMatchObject({ surviving: 0 });
    const third = old.indexOf('The third');
    expect(map.mapRange(third, third + 3)).toMatchObject({ intact: true, start: revised.indexOf('The third') });
    expect(map.changeCount).toBe(1);
  });

  // (How quick it is on such versions is for the benchmark; here only that it finishes and is right.)
  it('stays correct on versions that share little (paragraphs reversed, another text)', () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index}: ${randomString(random(index), 200, 'abcdefgh ')}`);
    const old = paragraphs.join('\n\n');
    for (const revised of [[...paragraphs].reverse().join('\n\n'), randomString(random(99), old.length, 'ijklmnop \n')]) {
      const map = RevisionMap.between(old, revised);
      for (const run of map.runs()) expect(old.slice(run.a, run.a + run.length)).toBe(revised.slice(run.b, run.b + run.length));
    }
  });

  it('maps a one-for-one correction character for character', () => {
    const old = 'the Ail-Union Congress ot Soviets';
    const revised = 'the All-Union Congress of Soviets';
    const map = RevisionMap.between(old, revised);
    expect(map.mapOffset(old.indexOf('l-Union'))).toBe(revised.indexOf('l-Union'));
    expect(map.mapRange(old.indexOf('Union'), old.indexOf('Union') + 5)).toMatchObject({ intact: true });
  });
});

describe('anchor', () => {
  it('keeps an annotation on an identical text at its position', () => {
    const result = anchor(LOREM, target(LOREM, 'Tauride Palace'));
    expect(result).toMatchObject({ status: 'anchored', method: 'position', confidence: 1 });
    expect(placed(result, LOREM)).toBe('Tauride Palace');
  });

  it('follows text shifted by an insertion before it', () => {
    const revised = 'A note of the editor, inserted before everything else. ' + LOREM;
    const selectors = target(LOREM, 'a shot was fired');
    const result = anchor(revised, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(placed(result, revised)).toBe('a shot was fired');
    // With the previous text, the same annotation is carried through the diff.
    const mapped = anchor(revised, selectors, { previousText: LOREM });
    expect(mapped).toMatchObject({ status: 'anchored', method: 'position', confidence: 1 });
    expect(mapped.status === 'anchored' && mapped.start).toBe(revised.indexOf('a shot was fired'));
  });

  it('tells duplicate quotes apart by their context', () => {
    // "Kirov" occurs twice; the annotation is on the second, and the text shifts.
    const second = target(LOREM, 'Kirov', 1);
    const revised = LOREM.replace('In the autumn of 1934', 'In the late autumn of the year 1934');
    const result = anchor(revised, second);
    expect(result.status).toBe('anchored');
    expect(result.status === 'anchored' && result.start).toBe(revised.indexOf('Kirov died'));
  });

  it('leaves a short quote whose context is gone an orphan, rather than taking a random match', () => {
    const selectors = target(LOREM, 'Kirov', 1); // "Kirov died at once."
    const revised = LOREM.replace(' Kirov died at once.', ' Nobody in the corridor could help him.');
    const result = anchor(revised, selectors);
    // The first "Kirov" is still in the text, in another context: it must not be taken.
    expect(result.status).toBe('orphan');
    if (result.status === 'orphan') {
      expect(result.reason).toMatch(/context/);
      expect(result.best && revised.slice(result.best.start, result.best.end)).toBe('Kirov');
    }
    // A name with no context at all (the whole text) is placed only where it stands.
    expect(anchor('Kirov was here', { quote: { exact: 'Kirov', prefix: '', suffix: '' }, position: { start: 0, end: 5 } }).status).toBe(
      'anchored',
    );
    expect(anchor('And then Kirov', { quote: { exact: 'Kirov', prefix: '', suffix: '' }, position: { start: 0, end: 5 } }).status).toBe(
      'orphan',
    );
  });

  it('does not fuzzy-match a short quote to a similar word', () => {
    const selectors = target(LOREM, 'Kirov', 1);
    const revised = LOREM.replace('Kirov died at once.', 'Kirev died at once.').replace('Sergey Kirov', 'Sergey Kirev');
    // Only the context can tell: here it agrees, so the corrected spelling is found…
    const result = anchor(revised, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(placed(result, revised)).toBe('Kirev');
    // …but not where the context differs.
    const elsewhere = LOREM.replace(' Kirov died at once.', ' The guard fled.').replace('Sergey Kirov', 'Sergey Kirev');
    expect(anchor(elsewhere, selectors).status).toBe('orphan');
  });

  it('places a long quote with a few corrections by fuzzy matching, at the right boundaries', () => {
    const quote = 'spoke at the Tauride Palace about the grain harvest and the new factories';
    const selectors = target(LOREM, quote);
    const revised = LOREM.replace('Tauride Palace about the grain', 'Taurida Palace abont the grain').replace('factories', 'factorles');
    const result = anchor(revised, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(placed(result, revised)).toBe('spoke at the Taurida Palace abont the grain harvest and the new factorles');
    expect(result.status === 'anchored' && result.confidence).toBeGreaterThan(0.9);
  });

  it('makes deleted text an orphan, with the reason, with or without the previous text', () => {
    const selectors = target(LOREM, 'Few in the hall suspected what the winter would bring.');
    const revised = LOREM.replace(' Few in the hall suspected what the winter would bring.', '');
    const quoteOnly = anchor(revised, selectors);
    expect(quoteOnly.status).toBe('orphan');
    const mapped = anchor(revised, selectors, { previousText: LOREM });
    expect(mapped).toMatchObject({ status: 'orphan', reason: expect.stringMatching(/deleted/) });
    // Its best candidate is the empty spot where it stood, so that it can be shown in place.
    const spot = revised.indexOf(' On 1 December');
    expect(mapped.status === 'orphan' && mapped.best).toEqual({ start: spot, end: spot, confidence: 0 });
  });

  it('with the previous text, lands an annotation touched by an edit on the edited text', () => {
    const selectors = target(LOREM, 'first secretary of the city committee');
    const revised = LOREM.replace('first secretary of the city', 'First Secretary of the city');
    const result = anchor(revised, selectors, { previousText: LOREM });
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(placed(result, revised)).toBe('First Secretary of the city committee');
    // Mostly rewritten: an orphan that shows where its remains are.
    const rewritten = LOREM.replace('first secretary of the city committee', 'head of the party in the town');
    const orphan = anchor(rewritten, selectors, { previousText: LOREM });
    expect(orphan).toMatchObject({ status: 'orphan', reason: expect.stringMatching(/rewritten/) });
  });

  it('with the previous text, follows a moved passage', () => {
    const moved = ' Few in the hall suspected what the winter would bring.';
    const revised = LOREM.replace(moved, '') + moved;
    const selectors = target(LOREM, 'suspected what the winter');
    const result = anchor(revised, selectors, { previousText: LOREM });
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(result.status === 'anchored' && result.start).toBe(revised.lastIndexOf('suspected what the winter'));
  });

  it('searches when the stored position does not hold the quote in the previous text', () => {
    const selectors = target(LOREM, 'Tauride Palace');
    const stale = { ...selectors, position: { start: 3, end: 17 } };
    const result = anchor(LOREM, stale, { previousText: LOREM });
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(placed(result, LOREM)).toBe('Tauride Palace');
  });

  it('makes an empty quote an orphan', () => {
    expect(anchor(LOREM, { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } }).status).toBe('orphan');
  });

  it('anchors Cyrillic and astral-plane text at the right UTF-16 offsets', () => {
    const russian = 'Убийство Кирова 1 декабря 1934 года 𝔊 стало поводом для 😀 массовых репрессий. Киров был популярен.';
    const selectors = target(russian, 'массовых репрессий');
    const revised = '😀 Вставка. ' + russian.replace('1934 года', '1934 г.');
    const result = anchor(revised, selectors);
    expect(placed(result, revised)).toBe('массовых репрессий');
    const mapped = anchor(revised, selectors, { previousText: russian });
    expect(mapped).toMatchObject({ status: 'anchored', method: 'position' });
    expect(placed(mapped, revised)).toBe('массовых репрессий');
    // W3C positions count code points: the converted start still points at the quote.
    if (mapped.status === 'anchored') {
      const points = toCodePointOffset(revised, mapped.start);
      expect([...revised].slice(points, points + 18).join('')).toBe('массовых репрессий');
    }
    // A quote made of astral characters.
    const emoji = target(russian, '😀 массовых');
    expect(placed(anchor(revised, emoji), revised)).toBe('😀 массовых');
  });
});

describe('anchorAll', () => {
  it('learns the shift of the text, so that short quotes are found beyond the search window', () => {
    const words = LOREM.split(' ');
    const selectors = words.slice(0, 40).map((word, index) => {
      const at = LOREM.split(' ').slice(0, index).join(' ').length + (index > 0 ? 1 : 0);
      return describeRange(LOREM, at, at + word.length);
    });
    const padding = 'An editorial preface of some length. '.repeat(300); // ~11,000 units, beyond the window
    const revised = padding + LOREM;
    const results = anchorAll(revised, selectors, { window: 1024 });
    results.forEach((result, index) => {
      expect(result.status, words[index]).toBe('anchored');
      expect(result.status === 'anchored' && result.start).toBe(padding.length + selectors[index]!.position.start);
    });
  });

  it('with the previous text, diffs once and places every annotation of an unchanged stretch', () => {
    const revised = LOREM.replace('uneasy', 'tense');
    const selectors = ['Sergey Kirov', 'Smolny', 'Stalin', 'lists'].map((quote) => target(LOREM, quote));
    const results = anchorAll(revised, selectors, { previousText: LOREM });
    expect(results.map((result) => placed(result, revised))).toEqual(['Sergey Kirov', 'Smolny', 'Stalin', 'lists']);
    expect(results.every((result) => result.status === 'anchored' && result.method === 'position')).toBe(true);
  });
});
