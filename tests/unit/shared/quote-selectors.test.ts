/**
 * Interoperable selectors: a W3C TextQuoteSelector as other tools write it (often without prefix,
 * suffix or a TextPositionSelector) is placed by our anchoring when it tells one place, and is an
 * orphan that says why when it does not. Checked against Apache Annotator's test vectors.
 */
import { describe, expect, it } from 'vitest';
import { anchor, type AnchorResult } from '../../../shared/anchoring';
import { describeCases, matchCases, type QuoteSelectorCase } from '../../fixtures/anchoring/apache-annotator-text-quote';

function anchorQuote(testCase: QuoteSelectorCase): AnchorResult {
  const { exact, prefix = '', suffix = '' } = testCase.selector;
  return anchor(testCase.text, { quote: { exact, prefix, suffix } });
}

describe('the fixture', () => {
  it('holds each quote at the offsets it gives', () => {
    for (const testCase of matchCases) {
      for (const [start, end] of testCase.expected) expect(testCase.text.slice(start, end), testCase.name).toBe(testCase.selector.exact);
    }
    for (const testCase of describeCases) {
      expect(testCase.text.slice(...testCase.range), testCase.name).toBe(testCase.selector.exact);
    }
  });
});

describe('Apache Annotator text-quote match cases', () => {
  for (const testCase of matchCases) {
    const { exact } = testCase.selector;
    const { expected } = testCase;
    if (exact === '') {
      // Annotator matches an empty quote as a point between characters; a highlight needs a passage.
      it(`${testCase.name}: an orphan, because the quote is empty`, () => {
        const result = anchorQuote(testCase);
        expect(result.status).toBe('orphan');
        expect(result.status === 'orphan' && result.reason).toMatch(/quote is empty/);
      });
    } else if (expected.length === 1) {
      it(`${testCase.name}: anchored where the quote is`, () => {
        expect(anchorQuote(testCase)).toMatchObject({ status: 'anchored', start: expected[0]![0], end: expected[0]![1], method: 'exact' });
      });
    } else if (expected.length === 0) {
      it(`${testCase.name}: an orphan, because nothing matches`, () => {
        expect(anchorQuote(testCase).status).toBe('orphan');
      });
    } else {
      it(`${testCase.name}: an orphan that says the quote occurs ${expected.length} times`, () => {
        const result = anchorQuote(testCase);
        expect(result.status).toBe('orphan');
        expect(result.status === 'orphan' && result.reason).toContain(`occurs ${expected.length} times`);
      });
    }
  }
});

describe('Apache Annotator text-quote describe cases, read back', () => {
  for (const testCase of describeCases) {
    const [start, end] = testCase.range;
    if (start === end) {
      it(`${testCase.name}: an orphan, because the quote is empty`, () => {
        expect(anchorQuote(testCase).status).toBe('orphan');
      });
    } else {
      it(`${testCase.name}: anchored on the range it describes`, () => {
        expect(anchorQuote(testCase)).toMatchObject({ status: 'anchored', start, end });
      });
    }
  }
});

describe('a quote without context', () => {
  const text = 'The commissar read the order. Later the commissar signed it, and the commissar left.';

  it('is placed when it occurs exactly once', () => {
    expect(anchor(text, { quote: { exact: 'signed', prefix: '', suffix: '' } })).toMatchObject({ status: 'anchored', start: 50, end: 56 });
  });

  it('is an orphan that says how often it occurs when that is more than once', () => {
    const result = anchor(text, { quote: { exact: 'commissar', prefix: '', suffix: '' } });
    expect(result).toEqual({ status: 'orphan', reason: 'The quote occurs 3 times and no context tells which.' });
  });

  it('with a TextPositionSelector that holds it, is placed there', () => {
    expect(anchor(text, { quote: { exact: 'commissar', prefix: '', suffix: '' }, position: { start: 40, end: 49 } })).toMatchObject({
      status: 'anchored',
      start: 40,
      end: 49,
    });
  });
});
