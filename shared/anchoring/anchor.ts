/**
 * Re-anchoring: finding where an annotation's text went in a new version of a reading text.
 *
 * Two roads, both ending in "anchored where the text is" or "orphan, with the best candidate and
 * why" — never a doubtful placement:
 *
 * - With the previous version (`options.previousText`: a re-anchoring after a revision always has
 *   both texts), the two versions are diffed once (see RevisionMap) and each annotation's stored
 *   position — checked against the previous text — is carried through the diff. Text that survived
 *   intact lands exactly where it went ('position', confidence 1). Text touched by an edit lands on
 *   the edited text if it is still similar enough ('fuzzy', confidence = similarity of the quote to
 *   what is there now); otherwise, and when all of it was deleted, it is an orphan — unless its
 *   exact quote turns up, in the right context, in text the revision inserted (a moved passage).
 *   No search of the whole text is needed, so this costs a binary search per annotation.
 *
 * - Without it (or when a stored position does not hold the quote in the previous text), the
 *   Hypothesis order, bounded and made strict:
 *   1. the stored position, accepted only if the text there equals the quote (and, for a quote
 *      shorter than 16 units, the context agrees: a short word can sit at the old offset by chance);
 *   2. exact occurrences of the quote, first within `window` units of where it is expected, then in
 *      the whole text, ranked by agreement of the 32-unit prefix and suffix (edit distance) and by
 *      distance to the expected place;
 *   3. approximate matches (at most a quarter of the quote's length in errors) only within `window`
 *      units of the expected place, their ends adjusted by up to 3 units to fit the context.
 *   A candidate is taken only if its context agrees enough — a short quote (under 16 units) 85 %, a
 *   medium one 75 %, a long one (64+) 30 %, and a short or medium one found beyond `window` 90 % —
 *   and, for a short or medium quote, touches it exactly (4 units) on one side at least, since edit
 *   distance barely notices a context shifted by a character or two. A fuzzy match also needs 75 %
 *   similarity of the quote and 75 % agreement on each side. Its confidence (quote 50, prefix 20,
 *   suffix 20, as Hypothesis weighs them) must reach `minConfidence`. Two equally good places far
 *   from the expected one make an orphan ("ambiguous") rather than a guess.
 *   `anchorAll` processes annotations in text order and learns the shift of the text from each
 *   confident placement, so that the expected place of the next one is where the text moved to;
 *   it indexes the text's 8-grams once for the searches of the whole text.
 *   Limits: without the previous version, a passage repeated word for word with its context
 *   elsewhere cannot be told from a deleted original, and an edit at the very edge of a quote can
 *   be read two ways; the previous version settles both.
 */
import { BitPattern, approximateMatches, distanceTo, editDistance } from './edit-distance';
import { GRAM, GramIndex } from './gram-index';
import { RevisionMap } from './revision-map';
import type { AnchorTarget } from './selectors';

export interface AnchorOptions {
  /**
   * The text the targets were described on (the previous version). With it, annotations are
   * carried through a diff of the two versions: exact for text that survived, and no search over
   * the whole text. Recommended whenever both versions are at hand.
   */
  previousText?: string;
  /**
   * The diff of `previousText` and the new text, made once with `RevisionMap.between`: in place of
   * `previousText`, so that many annotations anchored in several calls (a long re-anchoring that
   * reports progress between them) share one diff.
   */
  revision?: RevisionMap;
  /** Lowest confidence (0–1) at which an annotation is placed; below it, it is an orphan. Default 0.6. */
  minConfidence?: number;
  /** How far (UTF-16 units, either side of the expected place) the windowed exact and the fuzzy search look. Default 4096. */
  window?: number;
}

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; confidence: number }
  | { status: 'orphan'; reason: string; best?: { start: number; end: number; confidence: number } };

const DEFAULT_MIN_CONFIDENCE = 0.6;
const DEFAULT_WINDOW = 4096;
/** Quotes shorter than this are "short": a name, a word. */
const SHORT_QUOTE = 16;
const LONG_QUOTE = 64;
const MIN_FUZZY_QUOTE_SIMILARITY = 0.75;
const MIN_FUZZY_CONTEXT = 0.75;
/** Confidences closer than this are a tie. */
const TIE = 0.005;
/** Characters of context that must touch a short or medium quote exactly, on one side at least. */
const ADJACENT = 4;
/** Characters of old context that must touch a quote found in a moved passage. */
const MOVED_TOUCHING = 8;
/** Context agreement a short or medium quote needs when found farther than `window` from its expected place. */
const FAR_CONTEXT = 0.9;
/** How far (units) the ends of an approximate match may move to agree with the context. */
const REFINE = 3;
/** From how many annotations on, `anchorAll` without the previous text indexes the text's 8-grams. */
const INDEX_FROM = 64;
/** Most exact occurrences scored in full per annotation. */
const MAX_SCORED = 256;
/** Most approximate candidates examined per annotation. */
const FUZZY_CANDIDATES = 24;

/** Agreement of context a quote of this length needs before it is placed by search. */
function requiredContext(length: number, far = false): number {
  if (length >= LONG_QUOTE) return 0.3;
  // Found far from where the text was expected, a short or medium quote needs near-perfect context.
  if (far) return FAR_CONTEXT;
  return length < SHORT_QUOTE ? 0.85 : 0.75;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  prefixSimilarity: number;
  suffixSimilarity: number;
  /** Agreement of the context, prefix and suffix weighted by their lengths. */
  context: number;
  /** Whether the context agrees character for character right next to the match, on at least one side. */
  adjacent: boolean;
  /** The longer of the two runs of context agreeing exactly next to the match. */
  touching: number;
  confidence: number;
  distance: number;
}

/** A target prepared for search: its context as bit patterns, compared in a few operations per unit. */
class PreparedTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  private prefixPattern: BitPattern | null = null;
  private suffixPattern: BitPattern | null = null;

  constructor(readonly target: AnchorTarget) {
    this.exact = target.quote.exact;
    this.prefix = target.quote.prefix ?? '';
    this.suffix = target.quote.suffix ?? '';
  }

  prefixSimilarity(text: string, start: number): number {
    if (this.prefix.length === 0) return start === 0 ? 1 : 0.5;
    this.prefixPattern ??= new BitPattern(this.prefix);
    return 1 - distanceTo(this.prefixPattern, text, Math.max(0, start - this.prefix.length), start) / this.prefix.length;
  }

  suffixSimilarity(text: string, end: number): number {
    if (this.suffix.length === 0) return end === text.length ? 1 : 0.5;
    this.suffixPattern ??= new BitPattern(this.suffix);
    return 1 - distanceTo(this.suffixPattern, text, end, Math.min(text.length, end + this.suffix.length)) / this.suffix.length;
  }

  /** How many characters right before `start` agree with the end of the prefix. */
  runBefore(text: string, start: number): number {
    const { prefix } = this;
    let run = 0;
    while (run < prefix.length && run < start && text.charCodeAt(start - 1 - run) === prefix.charCodeAt(prefix.length - 1 - run)) run++;
    return run;
  }

  /** How many characters right after `end` agree with the start of the suffix. */
  runAfter(text: string, end: number): number {
    const { suffix } = this;
    let run = 0;
    while (run < suffix.length && end + run < text.length && text.charCodeAt(end + run) === suffix.charCodeAt(run)) run++;
    return run;
  }

  candidate(text: string, start: number, end: number, quoteSimilarity: number, expected: number): Candidate {
    const prefixSimilarity = this.prefixSimilarity(text, start);
    const suffixSimilarity = this.suffixSimilarity(text, end);
    const weights = this.prefix.length + this.suffix.length;
    const context =
      weights === 0
        ? (prefixSimilarity + suffixSimilarity) / 2
        : (prefixSimilarity * this.prefix.length + suffixSimilarity * this.suffix.length) / weights;
    const confidence = (50 * quoteSimilarity + 20 * prefixSimilarity + 20 * suffixSimilarity) / 90;
    // Edit-distance similarity barely notices a shift by a character or two (a 32-unit context
    // shifted by one is still 94 % similar), so a short quote also needs its context to touch it
    // exactly, on one side at least.
    const before = this.runBefore(text, start);
    const after = this.runAfter(text, end);
    const touchesBefore = this.prefix.length === 0 ? start === 0 : before >= Math.min(ADJACENT, this.prefix.length);
    const touchesAfter = this.suffix.length === 0 ? end === text.length : after >= Math.min(ADJACENT, this.suffix.length);
    return {
      adjacent: touchesBefore || touchesAfter,
      touching: Math.max(before, after),
      start,
      end,
      quoteSimilarity,
      prefixSimilarity,
      suffixSimilarity,
      context,
      confidence,
      distance: Math.abs(start - expected),
    };
  }
}

/** Shared state of one re-anchoring run over one text. */
class Anchorer {
  readonly minConfidence: number;
  readonly window: number;
  private inserted: [number, number][] | null = null;
  /** Built on the first search of the whole text when `indexed` (many annotations share it). */
  private grams: GramIndex | null = null;

  constructor(
    readonly text: string,
    options: AnchorOptions,
    readonly revision: RevisionMap | null,
    private readonly indexed = false,
  ) {
    this.minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    this.window = Math.max(0, options.window ?? DEFAULT_WINDOW);
  }

  anchor(target: AnchorTarget, expected?: number): AnchorResult {
    const exact = target.quote?.exact ?? '';
    // W3C allows an empty exact (a point between two characters); a highlight needs a passage.
    if (exact.length === 0) return { status: 'orphan', reason: 'The quote is empty: it selects no text to highlight.' };
    const prepared = new PreparedTarget(target);
    if (this.revision) {
      const mapped = this.throughRevision(prepared, this.revision);
      if (mapped) return mapped;
      // The stored position does not hold the quote in the previous text: search, expecting it where that position went.
      const start = target.position?.start;
      const hint = start !== undefined && Number.isInteger(start) ? this.revision.mapOffset(clamp(start, 0, this.revision.oldText.length)) : 0;
      return this.search(prepared, expected ?? hint);
    }
    return this.search(prepared, expected ?? target.position?.start ?? 0);
  }

  // --- With the previous version -----------------------------------------------------------

  private throughRevision(prepared: PreparedTarget, revision: RevisionMap): AnchorResult | null {
    const { exact } = prepared;
    const { start, end } = prepared.target.position ?? { start: -1, end: -1 };
    const old = revision.oldText;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > old.length) return null;
    if (end - start !== exact.length || !old.startsWith(exact, start)) return null;

    const mapped = revision.mapRange(start, end);
    if (mapped.intact) return anchored(mapped.start, mapped.end, 'position', 1);
    const span = this.text.slice(mapped.start, mapped.end);
    if (span === exact) return anchored(mapped.start, mapped.end, 'position', 1);
    const similar = span.length === 0 ? 0 : boundedSimilarity(exact, span);
    if (similar >= this.minConfidence) return anchored(mapped.start, mapped.end, 'fuzzy', similar);

    const moved = this.searchInserted(prepared, revision, mapped.start);
    if (moved) return moved;
    // The best candidate: what stands there now, or, for deleted text, the empty spot where it was.
    const best = { start: mapped.start, end: mapped.end, confidence: round(similar) };
    const reason =
      span.length === 0
        ? mapped.surviving === 0
          ? 'The annotated text was deleted in this version.'
          : `Most of the annotated text was deleted in this version: ${mapped.surviving} of its ${exact.length} characters survive.`
        : `The annotated text was rewritten in this version: ${percent(mapped.surviving / exact.length)} of it survives, ` +
          `and what stands there now is ${percent(similar)} similar to the quote.`;
    return { status: 'orphan', reason, best };
  }

  /** A passage moved by the revision shows up as deleted in one place and inserted in another. */
  private searchInserted(prepared: PreparedTarget, revision: RevisionMap, expected: number): AnchorResult | null {
    const { exact } = prepared;
    this.inserted ??= revision.insertedStretches();
    const candidates: Candidate[] = [];
    for (const [from, to] of this.inserted) {
      if (to - from < exact.length) continue;
      for (const at of occurrences(this.text, exact, from, to)) {
        candidates.push(prepared.candidate(this.text, at, at + exact.length, 1, expected));
      }
    }
    // The context at the edges of a moved passage is new, so it cannot be asked to agree as a whole;
    // instead the quote must be long enough to be no accident, and touched by its old context on one side.
    const best = pick(candidates);
    if (!best || isTied(best, candidates)) return null;
    const sure =
      exact.length < SHORT_QUOTE
        ? this.acceptable(best, exact.length, false)
        : best.touching >= MOVED_TOUCHING || best.context >= requiredContext(exact.length);
    return sure ? anchored(best.start, best.end, 'exact', best.confidence) : null;
  }

  // --- Without it: position, exact, bounded fuzzy -------------------------------------------

  search(prepared: PreparedTarget, expected: number): AnchorResult {
    const { text } = this;
    const { exact } = prepared;
    const m = exact.length;
    expected = clamp(Math.round(expected), 0, text.length);
    const position = prepared.target.position;
    // Another tool's selector may carry no position: then no place is "expected", and two equally good ones are a guess.
    if (!position) return this.searchUnplaced(prepared);
    let runnerUp: Candidate | undefined;
    const consider = (candidate: Candidate | undefined) => {
      if (candidate && (!runnerUp || candidate.confidence > runnerUp.confidence)) runnerUp = candidate;
    };

    // 1. The stored position, if the quote is still there.
    if (
      position &&
      Number.isInteger(position.start) &&
      position.start >= 0 &&
      position.end - position.start === m &&
      text.startsWith(exact, position.start)
    ) {
      const candidate = prepared.candidate(text, position.start, position.end, 1, expected);
      // A quote with no context at all (another tool's) has only the position to go by, and it agrees.
      const contextFree = prepared.prefix.length === 0 && prepared.suffix.length === 0;
      if (m >= SHORT_QUOTE || contextFree || (candidate.context >= 0.5 && candidate.adjacent)) {
        return anchored(candidate.start, candidate.end, 'position', candidate.confidence);
      }
      consider(candidate);
    }

    // 2. Exact occurrences: near the expected place, then anywhere.
    const from = Math.max(0, expected - this.window);
    const to = Math.min(text.length, expected + m + this.window);
    let exactCandidates = this.exactCandidates(prepared, from, to, expected);
    let best = pick(exactCandidates);
    if (!best || !this.acceptable(best, m, false)) {
      exactCandidates = this.exactCandidates(prepared, 0, text.length, expected);
      best = pick(exactCandidates);
    }
    consider(best);
    let ambiguous = 0;
    if (best && this.acceptable(best, m, false)) {
      // Equally good places: the one near the expected place wins; far from it, it is a guess.
      if (best.distance <= this.window || !isTied(best, exactCandidates)) {
        return anchored(best.start, best.end, 'exact', best.confidence);
      }
      ambiguous = exactCandidates.filter((other) => other.confidence >= best.confidence - TIE).length;
    }

    // 3. Approximate matches, only near the expected place.
    const maxErrors = Math.floor(m * (1 - MIN_FUZZY_QUOTE_SIMILARITY));
    let fuzzyCount = 0;
    if (maxErrors >= 1) {
      const fuzzy = approximateMatches(new BitPattern(exact), text, from, to, maxErrors, FUZZY_CANDIDATES)
        .filter((match) => match.errors > 0)
        .map((match) => prepared.candidate(text, match.start, match.end, 1 - match.errors / m, expected));
      fuzzyCount = fuzzy.length;
      let bestFuzzy = pick(fuzzy);
      if (bestFuzzy && !isTied(bestFuzzy, fuzzy)) bestFuzzy = this.refine(prepared, bestFuzzy, expected);
      consider(bestFuzzy);
      if (bestFuzzy && this.acceptable(bestFuzzy, m, true) && !isTied(bestFuzzy, fuzzy)) {
        return anchored(bestFuzzy.start, bestFuzzy.end, 'fuzzy', bestFuzzy.confidence);
      }
    }

    // An orphan, with the best candidate and why.
    const bestSeen = runnerUp as Candidate | undefined;
    const summary = bestSeen
      ? { start: bestSeen.start, end: bestSeen.end, confidence: round(bestSeen.confidence) }
      : undefined;
    let reason: string;
    if (ambiguous > 1) {
      reason = `The quote occurs in ${ambiguous} places whose context agrees equally well, none of them near where it was.`;
    } else if (!bestSeen) {
      reason =
        maxErrors >= 1
          ? `The quote is not in the text, and nothing within ${this.window} characters of where it was resembles it.`
          : 'The quote is not in the text (it is too short to look for approximately).';
    } else if (bestSeen.quoteSimilarity === 1) {
      reason =
        `The quote occurs ${exactCandidates.length === 1 ? 'once' : `${exactCandidates.length} times`}, but its context agrees at best ` +
        `${percent(bestSeen.context)} (${m < SHORT_QUOTE ? 'a short quote needs' : 'it needs'} ${percent(requiredContext(m, bestSeen.distance > this.window))}` +
        `${bestSeen.context >= requiredContext(m, bestSeen.distance > this.window) ? ', and right next to it' : ''}).`;
    } else {
      reason =
        `The best approximate match (of ${fuzzyCount}) is ${percent(bestSeen.quoteSimilarity)} similar to the quote, ` +
        `with ${percent(bestSeen.context)} of its context: not enough to place it.`;
    }
    return summary ? { status: 'orphan', reason, best: summary } : { status: 'orphan', reason };
  }

  /**
   * A quote without a position (as other tools write a TextQuoteSelector): its exact occurrences
   * in the whole text, the prefix and suffix (if any) telling them apart. One place that fits is
   * taken; several that fit equally well, or a bare quote found more than once, make an orphan
   * that says so. Not found exactly, it is not looked for approximately: with no place to look
   * near, an approximate match anywhere would be a guess.
   */
  private searchUnplaced(prepared: PreparedTarget): AnchorResult {
    const { exact, prefix, suffix } = prepared;
    const m = exact.length;
    const candidates = this.exactCandidates(prepared, 0, this.text.length, 0).map((candidate) => ({ ...candidate, distance: 0 }));
    if (candidates.length === 0) return { status: 'orphan', reason: 'The quote is not in the text.' };
    // exactCandidates scores only some of a very frequent quote's occurrences; the reasons count them all.
    const count = () => occurrences(this.text, exact, 0, this.text.length).length;
    if (prefix.length === 0 && suffix.length === 0) {
      if (candidates.length > 1) return { status: 'orphan', reason: `The quote occurs ${count()} times and no context tells which.` };
      const only = candidates[0]!;
      return anchored(only.start, only.end, 'exact', only.confidence);
    }
    // Ranked by the context the selector gives, not by the confidence, which also counts the edge
    // of the text as agreeing with a missing prefix or suffix: a one-sided selector would tie with it.
    let best = candidates[0]!;
    for (const candidate of candidates) if (candidate.context > best.context + TIE) best = candidate;
    const tied = candidates.filter((other) => other.context >= best.context - TIE).length;
    if (tied > 1 && this.acceptable(best, m, false)) {
      return { status: 'orphan', reason: `The quote occurs ${tied} times with context that agrees equally well, and no position tells which.` };
    }
    const summary = { start: best.start, end: best.end, confidence: round(best.confidence) };
    if (this.acceptable(best, m, false)) return anchored(best.start, best.end, 'exact', best.confidence);
    return {
      status: 'orphan',
      reason:
        `The quote occurs ${candidates.length === 1 ? 'once' : `${count()} times`}, but its context agrees at best ` +
        `${percent(best.context)} (${m < SHORT_QUOTE ? 'a short quote needs' : 'it needs'} ${percent(requiredContext(m))}` +
        `${best.context >= requiredContext(m) ? ', and right next to it' : ''}).`,
      best: summary,
    };
  }

  /**
   * Exact occurrences of the quote in text[from, to), scored. A quote found very often (a short
   * word) is first ranked by how many characters of its context agree exactly, next to it, and only
   * the best of those and the nearest to the expected place are scored in full: the true place
   * might be missed when edits touch both sides of it (an orphan then), but the cost stays bounded.
   */
  private exactCandidates(prepared: PreparedTarget, from: number, to: number, expected: number): Candidate[] {
    const { text } = this;
    const { exact, prefix, suffix } = prepared;
    let found: number[];
    if (this.indexed && exact.length >= GRAM && from === 0 && to === text.length) {
      this.grams ??= new GramIndex(text);
      found = this.grams.occurrences(exact);
    } else {
      found = occurrences(text, exact, from, to);
    }
    let chosen = found;
    if (found.length > MAX_SCORED) {
      const agreement = (at: number) => {
        let score = 0;
        while (score < prefix.length && text.charCodeAt(at - 1 - score) === prefix.charCodeAt(prefix.length - 1 - score)) score++;
        const end = at + exact.length;
        let after = 0;
        while (after < suffix.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
        return score + after;
      };
      const scores = found.map(agreement);
      const byAgreement = found.map((_, index) => index).sort((x, y) => scores[y]! - scores[x]!);
      const byDistance = found.map((_, index) => index).sort((x, y) => Math.abs(found[x]! - expected) - Math.abs(found[y]! - expected));
      const picked = new Set([...byAgreement.slice(0, MAX_SCORED / 2), ...byDistance.slice(0, MAX_SCORED / 2)]);
      chosen = [...picked].map((index) => found[index]!);
    }
    return chosen.map((at) => prepared.candidate(text, at, at + exact.length, 1, expected));
  }

  /**
   * An approximate match's ends are uncertain by a character or two (was "ment" → "mnt" a
   * substitution at the first letter or a deletion?): move each end, within a few characters, to
   * where quote and context together agree best.
   */
  private refine(prepared: PreparedTarget, candidate: Candidate, expected: number): Candidate {
    const { text } = this;
    const quote = new BitPattern(prepared.exact);
    const cost = (start: number, end: number) =>
      distanceTo(quote, text, start, end) +
      (1 - prepared.prefixSimilarity(text, start)) * prepared.prefix.length +
      (1 - prepared.suffixSimilarity(text, end)) * prepared.suffix.length;
    let { start, end } = candidate;
    let best = cost(start, end);
    const original = { start, end };
    for (let delta = -REFINE; delta <= REFINE; delta++) {
      const at = original.start + delta;
      if (delta === 0 || at < 0 || at >= end) continue;
      const value = cost(at, end);
      if (value < best) [best, start] = [value, at];
    }
    for (let delta = -REFINE; delta <= REFINE; delta++) {
      const at = original.end + delta;
      if (delta === 0 || at <= start || at > text.length) continue;
      const value = cost(start, at);
      if (value < best) [best, end] = [value, at];
    }
    if (start === candidate.start && end === candidate.end) return candidate;
    const similar = 1 - distanceTo(quote, text, start, end) / Math.max(prepared.exact.length, end - start);
    return prepared.candidate(text, start, end, similar, expected);
  }

  private acceptable(candidate: Candidate, length: number, fuzzy: boolean): boolean {
    if (fuzzy) {
      // An approximate match's ends are only as sure as the context on each side: both must agree.
      if (candidate.quoteSimilarity < MIN_FUZZY_QUOTE_SIMILARITY) return false;
      if (Math.min(candidate.prefixSimilarity, candidate.suffixSimilarity) < MIN_FUZZY_CONTEXT) return false;
    }
    if (length < LONG_QUOTE && !candidate.adjacent) return false;
    const far = candidate.distance > this.window;
    return candidate.context >= requiredContext(length, far) && candidate.confidence >= this.minConfidence;
  }
}

/** Offsets of the occurrences of `quote` lying wholly inside text[from, to) (the search stops at `to`). */
function occurrences(text: string, quote: string, from: number, to: number): number[] {
  const found: number[] = [];
  if (to - from < quote.length) return found;
  const whole = from === 0 && to === text.length;
  const haystack = whole ? text : text.slice(from, to);
  for (let at = haystack.indexOf(quote); at !== -1; at = haystack.indexOf(quote, at + 1)) found.push(from + at);
  return found;
}

/** The highest confidence, ties broken by nearness to the expected place. */
function pick(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (
      !best ||
      candidate.confidence > best.confidence + TIE ||
      (candidate.confidence > best.confidence - TIE && candidate.distance < best.distance)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** Another candidate, not overlapping the best, as good as it. */
function isTied(best: Candidate, candidates: readonly Candidate[]): boolean {
  return candidates.some(
    (other) => other !== best && (other.end <= best.start || other.start >= best.end) && other.confidence >= best.confidence - TIE,
  );
}

/** Similarity of two strings, without the full computation when their lengths alone rule it out. */
function boundedSimilarity(quote: string, span: string): number {
  const longer = Math.max(quote.length, span.length);
  const upperBound = 1 - Math.abs(quote.length - span.length) / longer;
  if (upperBound < 0.5) return upperBound;
  return 1 - editDistance(quote, span) / longer;
}

function anchored(start: number, end: number, method: 'position' | 'exact' | 'fuzzy', confidence: number): AnchorResult {
  return { status: 'anchored', start, end, method, confidence: round(confidence) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

// --- The public functions --------------------------------------------------------------------

let cachedRevision: RevisionMap | null = null;

/** The diff of two versions, kept for the last pair asked (so that repeated `anchor` calls diff once). */
function revisionFor(previousText: string, text: string): RevisionMap {
  if (!cachedRevision || cachedRevision.oldText !== previousText || cachedRevision.newText !== text) {
    cachedRevision = RevisionMap.between(previousText, text);
  }
  return cachedRevision;
}

/** The diff the options give or ask for, if any. */
function revisionOf(text: string, options: AnchorOptions, diff: (previousText: string, text: string) => RevisionMap): RevisionMap | null {
  if (options.revision) {
    if (options.revision.newText !== text) throw new RangeError('anchoring: the revision given is a diff onto another text');
    return options.revision;
  }
  return options.previousText === undefined ? null : diff(options.previousText, text);
}

/** Finds where an annotation's text went in a new version of the text. */
export function anchor(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const revision = revisionOf(text, options, revisionFor);
  return new Anchorer(text, options, revision).anchor(target);
}

/**
 * Re-anchors many annotations at once onto one new text. With `previousText`, the diff of the two
 * versions is computed once for all. Without it, annotations are taken in the order of their old
 * positions and each confident placement teaches the shift of the text around it, so the next
 * annotation is first looked for where the text moved to.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[], options: AnchorOptions = {}): AnchorResult[] {
  const revision = revisionOf(text, options, (previousText) => RevisionMap.between(previousText, text));
  const anchorer = new Anchorer(text, options, revision, !revision && targets.length >= INDEX_FROM);
  const results = new Array<AnchorResult>(targets.length);
  if (revision) {
    for (let index = 0; index < targets.length; index++) results[index] = anchorer.anchor(targets[index]!);
    return results;
  }
  const order = targets.map((_, index) => index);
  const startOf = (index: number) => targets[index]!.position?.start ?? 0;
  order.sort((x, y) => startOf(x) - startOf(y));
  let shift = 0;
  for (const index of order) {
    const target = targets[index]!;
    const result = anchorer.anchor(target, startOf(index) + shift);
    if (result.status === 'anchored' && result.method !== 'fuzzy' && target.position) shift = result.start - startOf(index);
    results[index] = result;
  }
  return results;
}
