/**
 * Where each character of an old version went in the new one: a character diff of two versions of
 * a reading text, kept as the runs of text they share, with the offset arithmetic that maps an old
 * range into the new text.
 *
 * The diff is computed once per revision, coarse to fine, in the manner of patience diff:
 * 1. the common head and tail are cut off;
 * 2. paragraphs (lines) that occur exactly once in each side anchor the alignment (the longest
 *    increasing run of them), and each gap between anchors is diffed again the same way;
 * 3. a gap without unique lines is anchored on unique words, and a small gap (or one of at most
 *    1,024 units without a unique common word) is diffed character by character with Myers' O(ND)
 *    algorithm, up to 512 edits; beyond that, or past a work budget of 8× the texts' length (versions
 *    that share little), what is left is a replacement.
 * Then, as diff-match-patch does, equalities too short to be more than coincidence inside a
 * rewritten passage are dissolved into it, and a pure insertion or deletion that could slide is
 * moved to the most natural boundary (a paragraph break, then a line, a sentence, a space), so that
 * a deleted paragraph is reported as that paragraph and not as the text shifted by a few letters.
 *
 * On a 1.3 MB text with a few hundred scattered edits this takes 20–60 ms; two unrelated 1 MB
 * texts take about a second.
 */

/** A run of characters common to both versions: old[a, a + length) equals new[b, b + length). */
export interface EqualRun {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/** What became of an old range in the new version. */
export interface MappedRange {
  /** The new range its surviving text (and any edit inside it) covers; start === end when all of it was deleted. */
  start: number;
  end: number;
  /** True when every character survived and nothing was inserted in between: the new text there equals the old. */
  intact: boolean;
  /** How many of its characters survived. */
  surviving: number;
}

const LINES = 0;
const WORDS = 1;
const CHARS = 2;
/** A gap at most this long (old + new) goes straight to the character diff. */
const SMALL_GAP = 512;
/** Most edits the character diff looks for in one gap before calling it a replacement. */
const MAX_EDITS = 512;
/** A gap without unique common words longer than this (old + new) is a replacement, not diffed by character. */
const MAX_CHAR_GAP = 2 * SMALL_GAP;
/** The anchor search may handle this many times the two texts' length in all (see DiffState). */
const WORK_FACTOR = 8;
/** How far a pure insertion or deletion may be slid to find a natural boundary. */
const MAX_SLIDE = 256;

export class RevisionMap {
  /** Old start, new start and length of each equal run, ascending in both. */
  private readonly oldStarts: Int32Array;
  private readonly newStarts: Int32Array;
  private readonly lengths: Int32Array;

  private constructor(
    readonly oldText: string,
    readonly newText: string,
    runs: readonly EqualRun[],
  ) {
    this.oldStarts = Int32Array.from(runs, (run) => run.a);
    this.newStarts = Int32Array.from(runs, (run) => run.b);
    this.lengths = Int32Array.from(runs, (run) => run.length);
  }

  /** Diffs two versions of a text. */
  static between(oldText: string, newText: string): RevisionMap {
    return new RevisionMap(oldText, newText, diffTexts(oldText, newText));
  }

  /** The equal runs, ascending. */
  runs(): EqualRun[] {
    return Array.from(this.oldStarts, (a, index) => ({ a, b: this.newStarts[index]!, length: this.lengths[index]! }));
  }

  /** Number of changed places (gaps between equal runs). */
  get changeCount(): number {
    let count = 0;
    const runs = this.oldStarts.length;
    for (let index = 0; index <= runs; index++) {
      const [a0, a1, b0, b1] = this.gap(index);
      if (a1 > a0 || b1 > b0) count++;
    }
    return count;
  }

  /**
   * Gap `index`: the changed stretch after run index − 1 and before run `index`, as
   * [oldStart, oldEnd, newStart, newEnd]. Gap 0 is before the first run.
   */
  gap(index: number): [number, number, number, number] {
    const runs = this.oldStarts.length;
    const a0 = index === 0 ? 0 : this.oldStarts[index - 1]! + this.lengths[index - 1]!;
    const b0 = index === 0 ? 0 : this.newStarts[index - 1]! + this.lengths[index - 1]!;
    const a1 = index === runs ? this.oldText.length : this.oldStarts[index]!;
    const b1 = index === runs ? this.newText.length : this.newStarts[index]!;
    return [a0, a1, b0, b1];
  }

  /** The changed stretches of the new text (insertions and replacements) of at least `minLength` units. */
  insertedStretches(minLength = 1): [number, number][] {
    const out: [number, number][] = [];
    for (let index = 0; index <= this.oldStarts.length; index++) {
      const [, , b0, b1] = this.gap(index);
      if (b1 - b0 >= minLength) out.push([b0, b1]);
    }
    return out;
  }

  /** Index of the last run starting at or before old offset `offset`, or −1. */
  private runAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.oldStarts.length - 1;
    if (high < 0 || this.oldStarts[0]! > offset) return -1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.oldStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * The new offset of the boundary before old character `offset` when it starts a range: the
   * character's new place if it survived; inside a changed stretch of the same length in both
   * versions (a character-for-character correction), the same place in the correction; otherwise
   * the start of what replaced the stretch.
   */
  mapStart(offset: number): number {
    const run = this.runAtOrBefore(offset);
    if (run >= 0 && offset < this.oldStarts[run]! + this.lengths[run]!) {
      return this.newStarts[run]! + (offset - this.oldStarts[run]!);
    }
    const [a0, a1, b0, b1] = this.gap(run + 1);
    return a1 - a0 === b1 - b0 ? b0 + (offset - a0) : b0;
  }

  /** The new offset of the boundary after old character `offset − 1` when it ends a range (see mapStart). */
  mapEnd(offset: number): number {
    if (offset <= 0) return 0;
    const last = offset - 1;
    const run = this.runAtOrBefore(last);
    if (run >= 0 && last < this.oldStarts[run]! + this.lengths[run]!) {
      return this.newStarts[run]! + (last - this.oldStarts[run]!) + 1;
    }
    const [a0, a1, b0, b1] = this.gap(run + 1);
    return a1 - a0 === b1 - b0 ? b0 + (offset - a0) : b1;
  }

  /** What became of old[start, end). */
  mapRange(start: number, end: number): MappedRange {
    const first = this.runAtOrBefore(start);
    let surviving = 0;
    for (let run = Math.max(0, first); run < this.oldStarts.length && this.oldStarts[run]! < end; run++) {
      const a = this.oldStarts[run]!;
      surviving += Math.max(0, Math.min(end, a + this.lengths[run]!) - Math.max(start, a));
    }
    const intact =
      first >= 0 && end <= this.oldStarts[first]! + this.lengths[first]! && start < end;
    if (intact) {
      const newStart = this.newStarts[first]! + (start - this.oldStarts[first]!);
      return { start: newStart, end: newStart + (end - start), intact: true, surviving };
    }
    const newStart = this.mapStart(start);
    const newEnd = Math.max(newStart, this.mapEnd(end));
    return { start: newStart, end: newEnd, intact: false, surviving };
  }

  /** The new offset of an old offset, as a caret: inside a changed stretch, its start. */
  mapOffset(offset: number): number {
    if (offset >= this.oldText.length) return this.newText.length;
    return this.mapStart(offset);
  }
}

// ---------------------------------------------------------------------------------------------
// The diff

interface DiffState {
  /** Units of text handed to the anchor search so far, against a budget proportional to the texts. */
  work: number;
  budget: number;
}

function diffTexts(a: string, b: string): EqualRun[] {
  const runs: EqualRun[] = [];
  const state: DiffState = { work: 0, budget: WORK_FACTOR * (a.length + b.length) + 100_000 };
  diffRange(a, b, 0, a.length, 0, b.length, LINES, runs, state);
  let merged = mergeRuns(runs);
  merged = dissolveCoincidences(merged, a.length, b.length);
  merged = slideToBoundaries(a, b, merged);
  return mergeRuns(merged);
}

function diffRange(
  a: string,
  b: string,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  level: number,
  out: EqualRun[],
  state: DiffState,
): void {
  // The common head and tail.
  let head = 0;
  const most = Math.min(aHi - aLo, bHi - bLo);
  while (head < most && a.charCodeAt(aLo + head) === b.charCodeAt(bLo + head)) head++;
  let tail = 0;
  while (tail < most - head && a.charCodeAt(aHi - 1 - tail) === b.charCodeAt(bHi - 1 - tail)) tail++;
  if (head > 0) out.push({ a: aLo, b: bLo, length: head });
  const a0 = aLo + head;
  const a1 = aHi - tail;
  const b0 = bLo + head;
  const b1 = bHi - tail;
  if (a1 > a0 && b1 > b0) diffMiddle(a, b, a0, a1, b0, b1, level, out, state);
  if (tail > 0) out.push({ a: a1, b: b1, length: tail });
}

function diffMiddle(
  a: string,
  b: string,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  level: number,
  out: EqualRun[],
  state: DiffState,
): void {
  const size = a1 - a0 + (b1 - b0);
  if (size <= SMALL_GAP) level = CHARS;
  while (level < CHARS) {
    // Texts that share little (paragraphs in another order, another text altogether) would make
    // the anchor search peel one anchor per pass: past the budget, what is left is a replacement.
    state.work += size;
    if (state.work > state.budget) return;
    const anchors = uniqueAnchors(a, b, a0, a1, b0, b1, level);
    if (anchors.length > 0) {
      let aAt = a0;
      let bAt = b0;
      for (const anchor of anchors) {
        diffRange(a, b, aAt, anchor.a, bAt, anchor.b, level, out, state);
        out.push(anchor);
        aAt = anchor.a + anchor.length;
        bAt = anchor.b + anchor.length;
      }
      diffRange(a, b, aAt, a1, bAt, b1, level, out, state);
      return;
    }
    level++;
  }
  // No common paragraph or word is unique to both sides: a large gap is a rewrite; a small one
  // is diffed character by character.
  if (size > MAX_CHAR_GAP) return;
  myers(a, b, a0, a1, b0, b1, out);
}

/** Tokens of text[from, to): lines (each with its "\n") or words (each with the spaces after it). */
function tokenize(text: string, from: number, to: number, level: number): number[] {
  const bounds: number[] = [from];
  if (level === LINES) {
    for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) {
      if (index + 1 < to) bounds.push(index + 1);
    }
  } else {
    let inSpace = false;
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index);
      const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
      if (inSpace && !space) bounds.push(index);
      inSpace = space;
    }
  }
  bounds.push(to);
  return bounds;
}

/**
 * Tokens found exactly once in each side, paired, and the longest run of pairs in the same order
 * in both (patience diff's anchors). Tokens of a single character or blank lines do not anchor.
 */
function uniqueAnchors(a: string, b: string, a0: number, a1: number, b0: number, b1: number, level: number): EqualRun[] {
  const aBounds = tokenize(a, a0, a1, level);
  const bBounds = tokenize(b, b0, b1, level);
  if (aBounds.length < 3 && bBounds.length < 3) return [];
  // count: 1 once in a, 2 more than once in a; then positions in b.
  const seen = new Map<string, { aIndex: number; aCount: number; bIndex: number; bCount: number }>();
  for (let index = 0; index + 1 < aBounds.length; index++) {
    const start = aBounds[index]!;
    const end = aBounds[index + 1]!;
    if (end - start < 2) continue;
    const key = a.slice(start, end);
    const entry = seen.get(key);
    if (entry) entry.aCount++;
    else seen.set(key, { aIndex: index, aCount: 1, bIndex: -1, bCount: 0 });
  }
  for (let index = 0; index + 1 < bBounds.length; index++) {
    const start = bBounds[index]!;
    const end = bBounds[index + 1]!;
    if (end - start < 2) continue;
    const entry = seen.get(b.slice(start, end));
    if (!entry) continue;
    entry.bCount++;
    entry.bIndex = index;
  }
  const pairs: [number, number][] = [];
  for (const entry of seen.values()) {
    if (entry.aCount === 1 && entry.bCount === 1) pairs.push([entry.aIndex, entry.bIndex]);
  }
  if (pairs.length === 0) return [];
  pairs.sort((x, y) => x[0] - y[0]);
  const chain = longestIncreasing(pairs.map((pair) => pair[1]));
  return chain.map((at) => {
    const [aIndex, bIndex] = pairs[at]!;
    return { a: aBounds[aIndex]!, b: bBounds[bIndex]!, length: aBounds[aIndex + 1]! - aBounds[aIndex]! };
  });
}

/** Indices of a longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // index of the smallest tail of each length
  const previous = new Int32Array(values.length).fill(-1);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  }
  const chain: number[] = [];
  for (let at = tails.length > 0 ? tails[tails.length - 1]! : -1; at >= 0; at = previous[at]!) chain.push(at);
  return chain.reverse();
}

/** Myers' greedy O(ND) character diff of a gap; beyond MAX_EDITS edits the gap is a replacement. */
function myers(a: string, b: string, a0: number, a1: number, b0: number, b1: number, out: EqualRun[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(a0 + x) === b.charCodeAt(b0 + y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        backtrack(trace, n, m, a0, b0, out);
        return;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  // Too different: leave the whole gap as a replacement.
}

function backtrack(trace: Int32Array[], n: number, m: number, a0: number, b0: number, out: EqualRun[]): void {
  const runs: EqualRun[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!; // index k + (d − 1)
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const snakeX = down ? previousX : previousX + 1;
    if (x > snakeX) runs.push({ a: a0 + snakeX, b: b0 + snakeX - k, length: x - snakeX });
    x = previousX;
    y = previousY;
  }
  if (x > 0) runs.push({ a: a0, b: b0, length: x });
  for (let index = runs.length - 1; index >= 0; index--) out.push(runs[index]!);
}

function mergeRuns(runs: readonly EqualRun[]): EqualRun[] {
  const out: EqualRun[] = [];
  for (const run of runs) {
    if (run.length <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.a + last.length === run.a && last.b + last.length === run.b) {
      out[out.length - 1] = { a: last.a, b: last.b, length: last.length + run.length };
    } else {
      out.push(run);
    }
  }
  return out;
}

/**
 * diff-match-patch's semantic cleanup: an equality no longer than the edits on both sides of it is
 * a coincidence (a shared "the " inside a rewritten passage) and becomes part of the edit.
 */
function dissolveCoincidences(runs: EqualRun[], aLength: number, bLength: number): EqualRun[] {
  let current = runs;
  for (let changed = true; changed; ) {
    changed = false;
    const kept: EqualRun[] = [];
    for (let index = 0; index < current.length; index++) {
      const run = current[index]!;
      const before = kept[kept.length - 1];
      const after = current[index + 1];
      const aBefore = run.a - (before ? before.a + before.length : 0);
      const bBefore = run.b - (before ? before.b + before.length : 0);
      const aAfter = (after ? after.a : aLength) - (run.a + run.length);
      const bAfter = (after ? after.b : bLength) - (run.b + run.length);
      const editBefore = Math.max(aBefore, bBefore);
      const editAfter = Math.max(aAfter, bAfter);
      if (editBefore > 0 && editAfter > 0 && run.length <= editBefore && run.length <= editAfter) {
        changed = true;
        continue;
      }
      kept.push(run);
    }
    current = kept;
  }
  return current;
}

/**
 * diff-match-patch's lossless cleanup: a pure insertion or deletion between two equalities that
 * could equally sit a few characters left or right is put where it best fits word, sentence and
 * paragraph boundaries.
 */
function slideToBoundaries(a: string, b: string, runs: EqualRun[]): EqualRun[] {
  const out: { a: number; b: number; length: number }[] = runs.map((run) => ({ a: run.a, b: run.b, length: run.length }));
  for (let index = 1; index < out.length; index++) {
    const left = out[index - 1]!;
    const right = out[index]!;
    const aGap = right.a - (left.a + left.length);
    const bGap = right.b - (left.b + left.length);
    if ((aGap > 0) === (bGap > 0)) continue; // a replacement (or nothing): no slide
    // The side the edit is in, and where the edit lies there.
    const text = aGap > 0 ? a : b;
    const leftEnd = aGap > 0 ? left.a + left.length : left.b + left.length;
    const length = aGap > 0 ? aGap : bGap;
    // Farthest left: while the character before the edit equals its last character.
    let shift = 0;
    while (shift < MAX_SLIDE && shift < left.length && text.charCodeAt(leftEnd - 1 - shift) === text.charCodeAt(leftEnd + length - 1 - shift)) {
      shift++;
    }
    // Then try each place from there to the farthest right.
    let best = -shift;
    let bestScore = -1;
    for (let delta = -shift; delta <= MAX_SLIDE; delta++) {
      if (delta > 0) {
        // Moving right by one needs the edit's first character to equal the one after it.
        const first = leftEnd + delta - 1;
        if (delta > right.length || text.charCodeAt(first) !== text.charCodeAt(first + length)) break;
      }
      const start = leftEnd + delta;
      const score = boundaryScore(text, start) + boundaryScore(text, start + length);
      if (score >= bestScore) {
        bestScore = score;
        best = delta;
      }
    }
    if (best !== 0) {
      left.length += best;
      right.a += best;
      right.b += best;
      right.length -= best;
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** How natural a boundary between text[offset − 1] and text[offset] is (diff-match-patch's scale, 0–6). */
function boundaryScore(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return 6;
  const one = text[offset - 1]!;
  const two = text[offset]!;
  const nonWord1 = !WORD_CHAR.test(one);
  const nonWord2 = !WORD_CHAR.test(two);
  const space1 = nonWord1 && SPACE.test(one);
  const space2 = nonWord2 && SPACE.test(two);
  const break1 = space1 && one === '\n';
  const break2 = space2 && two === '\n';
  const blank1 = break1 && offset >= 2 && text[offset - 2] === '\n';
  const blank2 = break2 && text[offset + 1] === '\n';
  if (blank1 || blank2) return 5;
  if (break1 || break2) return 4;
  if (nonWord1 && !space1 && space2) return 3;
  if (space1 || space2) return 2;
  if (nonWord1 || nonWord2) return 1;
  return 0;
}
