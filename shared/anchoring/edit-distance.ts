/**
 * Edit distance (Levenshtein: insertions, deletions, substitutions of UTF-16 units) computed with
 * Myers' bit-parallel algorithm in 32-row blocks (G. Myers, "A fast bit-vector algorithm for
 * approximate string matching based on dynamic programming", J. ACM 46(3), 1999; block form as in
 * H. Hyyrö, 2003). One text character costs ⌈m/32⌉ word operations for a pattern of m units, so a
 * 32-character context compares in a few dozen operations and a 300-character quote scans a
 * few-thousand-character window in well under a millisecond.
 *
 * Two modes over the same kernel:
 * - `global`: the whole pattern against the whole text (a distance);
 * - `search`: the whole pattern against any substring of the text (approximate search): the score
 *   of column j is the fewest errors of a match that ends just before text index j + 1.
 */

const NONE = new Int32Array(0);

/** A pattern prepared for bit-parallel comparison: one bit mask per block for each of its characters. */
export class BitPattern {
  readonly length: number;
  readonly blocks: number;
  private readonly masks = new Map<number, Int32Array>();

  constructor(readonly source: string) {
    this.length = source.length;
    this.blocks = Math.max(1, Math.ceil(source.length / 32));
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index);
      let mask = this.masks.get(code);
      if (!mask) {
        mask = new Int32Array(this.blocks);
        this.masks.set(code, mask);
      }
      const block = index >> 5;
      mask[block] = mask[block]! | (1 << (index & 31));
    }
  }

  /** Bit masks of the pattern positions holding this UTF-16 unit (empty when it does not occur). */
  mask(code: number): Int32Array {
    return this.masks.get(code) ?? NONE;
  }

  /** The same pattern read backwards (to find where an approximate match starts). */
  reversed(): BitPattern {
    let reversed = '';
    for (let index = this.source.length - 1; index >= 0; index--) reversed += this.source[index];
    return new BitPattern(reversed);
  }
}

/**
 * Scores of the last pattern row for each text column of text[from, to) (read backwards from `to`
 * when `backwards`). `global` makes the first row cost one per column (the pattern must start where
 * the scan starts); otherwise a match may start anywhere.
 */
function scanColumns(
  pattern: BitPattern,
  text: string,
  from: number,
  to: number,
  options: { global: boolean; backwards?: boolean },
): Int32Array {
  const columns = Math.max(0, to - from);
  const out = new Int32Array(columns);
  const m = pattern.length;
  if (m === 0) {
    for (let k = 0; k < columns; k++) out[k] = options.global ? k + 1 : 0;
    return out;
  }
  const blocks = pattern.blocks;
  const last = blocks - 1;
  const lastHigh = 1 << ((m - 1) & 31);
  const positive = new Int32Array(blocks).fill(-1); // vertical deltas +1
  const negative = new Int32Array(blocks); // vertical deltas −1
  const score = new Int32Array(blocks);
  for (let block = 0; block < blocks; block++) score[block] = Math.min((block + 1) * 32, m);
  const topCarry = options.global ? 1 : 0;
  const backwards = options.backwards === true;

  for (let k = 0; k < columns; k++) {
    const masks = pattern.mask(text.charCodeAt(backwards ? to - 1 - k : from + k));
    let carry = topCarry;
    for (let block = 0; block < blocks; block++) {
      let eq = masks.length === 0 ? 0 : masks[block]!;
      const pv = positive[block]!;
      const mv = negative[block]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = block === last ? lastHigh : -2147483648;
      let out = 0;
      if (ph & high) out = 1;
      else if (mh & high) out = -1;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      positive[block] = mh | ~(xv | ph);
      negative[block] = ph & xv;
      score[block] = score[block]! + out;
      carry = out;
    }
    out[k] = score[last]!;
  }
  return out;
}

/** Levenshtein distance between a prepared pattern and a string. */
export function distanceTo(pattern: BitPattern, text: string, from = 0, to = text.length): number {
  if (to <= from) return pattern.length;
  if (pattern.length === 0) return to - from;
  if (pattern.blocks === 1) return distanceOneBlock(pattern, text, from, to);
  const scores = scanColumns(pattern, text, from, to, { global: true });
  return scores[scores.length - 1]!;
}

/** distanceTo for a pattern of at most 32 units: the same kernel on scalars, nothing allocated. */
function distanceOneBlock(pattern: BitPattern, text: string, from: number, to: number): number {
  const high = 1 << ((pattern.length - 1) & 31);
  let pv = -1;
  let mv = 0;
  let score = pattern.length;
  for (let index = from; index < to; index++) {
    const masks = pattern.mask(text.charCodeAt(index));
    const eq = masks.length === 0 ? 0 : masks[0]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph = (ph << 1) | 1; // global: the first row costs one per column
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // The shorter string as the pattern: fewer blocks per column.
  return a.length <= b.length ? distanceTo(new BitPattern(a), b) : distanceTo(new BitPattern(b), a);
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. Two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Approximate occurrences of a pattern in text[from, to) with at most `maxErrors` errors: the best
 * end of each run of acceptable columns, its start found by scanning back with the reversed
 * pattern. Sorted by errors, then position; at most `limit` of them.
 */
export function approximateMatches(
  pattern: BitPattern,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  limit = 16,
): ApproximateMatch[] {
  const m = pattern.length;
  if (m === 0 || to <= from) return [];
  const scores = scanColumns(pattern, text, from, to, { global: false });
  // Local minima: the best column within each run of columns under the threshold.
  const ends: { end: number; errors: number }[] = [];
  let runBest = -1;
  for (let k = 0; k <= scores.length; k++) {
    const score = k < scores.length ? scores[k]! : Number.POSITIVE_INFINITY;
    if (score <= maxErrors) {
      if (runBest < 0 || score < scores[runBest]!) runBest = k;
    } else if (runBest >= 0) {
      ends.push({ end: from + runBest + 1, errors: scores[runBest]! });
      runBest = -1;
    }
  }
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  const reversed = pattern.reversed();
  const matches: ApproximateMatch[] = [];
  for (const { end, errors } of ends.slice(0, limit)) {
    const back = Math.max(from, end - m - errors);
    const columns = scanColumns(reversed, text, back, end, { global: true, backwards: true });
    // The start: the fewest errors, and among equals the length closest to the pattern's.
    let best = -1;
    for (let k = 0; k < columns.length; k++) {
      const score = columns[k]!;
      if (best < 0 || score < columns[best]! || (score === columns[best]! && Math.abs(k + 1 - m) < Math.abs(best + 1 - m))) {
        best = k;
      }
    }
    if (best < 0) continue;
    matches.push({ start: end - (best + 1), end, errors: Math.max(errors, columns[best]!) });
  }
  return matches;
}
