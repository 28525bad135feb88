/**
 * The one selector vocabulary: `selectorsOf` gives the W3C selectors of a range as an annotation
 * stores them (quote with context, position in code points) together with the range they
 * describe, so that offsets and selectors cannot disagree.
 */
import { describe, expect, it } from 'vitest';
import { CodePointIndex, codePointLength, selectorsOf } from '../../../shared/anchoring';

describe('selectorsOf', () => {
  const text = 'Fraktur 𝔄 and 😀 before the passage that matters, and 𝔊 after it.';

  it('gives the quote with its context and the position in code points, with or without an index', () => {
    const start = text.indexOf('the passage');
    const end = start + 'the passage that matters'.length;
    const selectors = selectorsOf(text, start, end);
    expect(selectors).toMatchObject({ start, end, quote: { exact: 'the passage that matters', suffix: ', and 𝔊 after it.' } });
    expect(selectors.quote.prefix).toBe(text.slice(0, start));
    expect(selectors.position).toEqual({ start: start - 2, end: end - 2 });
    expect([...text].slice(selectors.position.start, selectors.position.end).join('')).toBe('the passage that matters');
    expect(selectorsOf(text, start, end, new CodePointIndex(text))).toEqual(selectors);
  });

  it('widens a range that splits a character, and its offsets and position say the same', () => {
    const at = text.indexOf('😀');
    const selectors = selectorsOf(text, at + 1, at + 2);
    expect(selectors).toMatchObject({ start: at, end: at + 2, quote: { exact: '😀' } });
    expect(selectors.position).toEqual({ start: at - 1, end: at });
  });

  it('counts a text in code points', () => {
    expect(codePointLength(text)).toBe([...text].length);
    expect(codePointLength('')).toBe(0);
  });
});
