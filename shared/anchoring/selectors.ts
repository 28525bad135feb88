/**
 * The selectors an annotation keeps (W3C Web Annotation TextQuoteSelector and
 * TextPositionSelector), built on a version's reading text, and the conversion between the
 * UTF-16 offsets JavaScript uses and the code points W3C selectors count. This is the one place
 * that converts: everything else asks it (tests/unit/architecture/code-points.test.ts holds to it).
 */

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: code points into the reading text, end exclusive. What the API, the store and every export speak. */
export interface PositionSelector {
  start: number;
  end: number;
}

/** UTF-16 offsets into the reading text, end exclusive: what JavaScript strings, and so anchoring, work in. */
export interface Utf16Range {
  start: number;
  end: number;
}

export interface AnchorTarget {
  quote: QuoteSelector;
  /**
   * Where the quote is expected, as UTF-16 offsets (a stored PositionSelector converted by this
   * module). Absent for a quote alone (another tool's TextQuoteSelector without a TextPositionSelector).
   */
  position?: Utf16Range;
}

/** UTF-16 units of context kept on each side of a quote (as the Hypothesis client keeps). */
export const CONTEXT_LENGTH = 32;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * Builds the selectors of a new annotation over text[start, end). A boundary that falls inside a
 * surrogate pair is widened to take the whole character; the context never starts or ends with
 * half a character (so it may be one unit shorter than CONTEXT_LENGTH).
 */
export function describeRange(text: string, start: number, end: number): { quote: QuoteSelector; position: Utf16Range } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeRange: [${start}, ${end}) is not a non-empty range of a ${text.length}-unit text`);
  }
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { start, end },
  };
}

/**
 * The W3C selectors of text[start, end) as an annotation stores them and every export writes them:
 * the quote with its context, and the TextPositionSelector in code points. The range is widened
 * as describeRange widens it, and returned, so that offsets and selectors always agree. Give the
 * text's CodePointIndex when describing many ranges of one long text.
 */
export function selectorsOf(
  text: string,
  start: number,
  end: number,
  index?: CodePointIndex,
): Utf16Range & { quote: QuoteSelector; position: PositionSelector } {
  const described = describeRange(text, start, end);
  const { start: from, end: to } = described.position;
  const points = index && index.text === text ? index : null;
  return {
    start: from,
    end: to,
    quote: described.quote,
    position: points
      ? { start: points.toCodePoint(from), end: points.toCodePoint(to) }
      : { start: toCodePointOffset(text, from), end: toCodePointOffset(text, to) },
  };
}

/** Length of a text in code points (what a user, an editor or the W3C model calls characters). */
export function codePointLength(text: string): number {
  return toCodePointOffset(text, text.length);
}

/**
 * Code points in text[0, utf16): the W3C TextPositionSelector offset of a JavaScript offset. An
 * offset between the halves of a surrogate pair counts that whole character.
 */
export function toCodePointOffset(text: string, utf16: number): number {
  if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) {
    throw new RangeError(`toCodePointOffset: ${utf16} is outside a ${text.length}-unit text`);
  }
  let points = utf16;
  for (let index = 0; index < utf16; index++) {
    // Each pair counts once: subtract one for every low half whose high half precedes it.
    if (isLow(text.charCodeAt(index)) && index > 0 && isHigh(text.charCodeAt(index - 1))) points--;
  }
  return points;
}

/** The UTF-16 offset of a code-point offset (W3C TextPositionSelector → JavaScript). */
export function toUtf16Offset(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0) {
    throw new RangeError(`toUtf16Offset: ${codePoint} is not a code-point offset`);
  }
  let index = 0;
  for (let point = 0; point < codePoint; point++) {
    if (index >= text.length) {
      throw new RangeError(`toUtf16Offset: ${codePoint} is past the end of a ${point}-code-point text`);
    }
    index += isHigh(text.charCodeAt(index)) && isLow(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}

/**
 * For many conversions over one long text: the positions of its astral characters, so that each
 * conversion is a binary search instead of a walk from the start.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high halves of surrogate pairs, ascending. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    for (let index = 0; index + 1 < text.length; index++) {
      if (isHigh(text.charCodeAt(index)) && isLow(text.charCodeAt(index + 1))) {
        this.pairs.push(index);
        index++;
      }
    }
  }

  /** Same as `toCodePointOffset(text, utf16)`. */
  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`toCodePoint: ${utf16} is outside a ${this.text.length}-unit text`);
    }
    // Pairs whose low half lies before utf16 (high half at or before utf16 − 2) are one point shorter.
    return utf16 - this.countBelow(utf16 - 1);
  }

  /** Same as `toUtf16Offset(text, codePoint)`. */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0) {
      throw new RangeError(`toUtf16: ${codePoint} is not a code-point offset`);
    }
    // The answer is codePoint + (pairs entirely before it); find the count by binary search.
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      // Pair `middle` starts at code point pairs[middle] − middle.
      if (this.pairs[middle]! - middle < codePoint) low = middle + 1;
      else high = middle;
    }
    const utf16 = codePoint + low;
    if (utf16 > this.text.length) {
      throw new RangeError(`toUtf16: ${codePoint} is past the end of the text`);
    }
    return utf16;
  }

  /** Number of pairs whose high half is at an offset < limit. */
  private countBelow(limit: number): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pairs[middle]! < limit) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * UTF-8 bytes of a string, counted without TextEncoder (shared/ has only the ECMAScript library),
 * by UTF-16 unit: a surrogate pair is one four-byte character (JSON.stringify escapes a lone one).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHigh(unit) && index + 1 < text.length && isLow(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
