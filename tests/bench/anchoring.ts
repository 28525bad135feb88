/**
 * Re-anchoring speed and accuracy after a realistic revision of the 1.3 MB Volkogonov text (see
 * tests/fixtures/anchoring/revision.ts: ~420 OCR-style corrections, moved whitespace, a deleted
 * three-paragraph passage, deleted sentences, an inserted paragraph and remarks), with 10,000
 * seeded annotations on the old text:
 * - ours: `anchorAll(newText, targets, { previousText })` (one diff, then each annotation mapped);
 * - ours without the previous text (quote and context only, windowed search);
 * - the baseline: the Hypothesis client's method — the stored position if the quote is still there,
 *   else `matchQuote`: every exact occurrence, or failing that approx-string-match over the whole
 *   text with min(256, quote length / 2) errors, candidates ranked by quote 50 / prefix 20 /
 *   suffix 20 / position 2, the best taken whatever its score. It is slow, so it is timed on a
 *   seeded sample of 300 annotations and extrapolated per annotation to 10,000.
 * Each annotation is judged against the truth the revision recorded: misplaced means placed where
 * its text is not.
 */
import { performance } from 'node:perf_hooks';
import approxSearch from 'approx-string-match';
import type { BenchRow } from './rows';
import { RevisionMap, anchorAll, type AnchorTarget } from '../../shared/anchoring';
import {
  insertionParagraph,
  judge,
  makeAnnotations,
  random,
  readingText,
  reviseText,
  truthOf,
  type Truth,
} from '../fixtures/anchoring/revision';


const SEED = 1;
const ANNOTATIONS = 10_000;
const BASELINE_SAMPLE = 300;

interface Placement {
  start: number;
  end: number;
}

// --- The Hypothesis client's quote matching, as its match-quote module does it ------------------

/** Exact occurrences if there are any (approx-string-match does not look for them first), else approximate ones. */
function hypothesisSearch(text: string, pattern: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 − errors / length of the best match of `pattern` in `text` (0 if either is empty). */
function hypothesisTextScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = hypothesisSearch(text, pattern, pattern.length);
  return 1 - matches[0]!.errors / pattern.length;
}

function hypothesisMatchQuote(text: string, quote: string, context: { prefix: string; suffix: string; hint: number }): Placement | null {
  if (quote.length === 0) return null;
  const matches = hypothesisSearch(text, quote, Math.min(256, quote.length / 2));
  if (matches.length === 0) return null;
  let best: (Placement & { score: number }) | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? hypothesisTextScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1;
    const suffixScore = context.suffix ? hypothesisTextScore(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1;
    const positionScore = 1 - Math.abs(match.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}

/** The client's order: the position selector if the text there equals the quote, then the quote. */
export function hypothesisAnchor(text: string, target: AnchorTarget): Placement | null {
  const { start, end } = target.position ?? { start: 0, end: 0 };
  if (text.slice(start, end) === target.quote.exact) return { start, end };
  return hypothesisMatchQuote(text, target.quote.exact, { prefix: target.quote.prefix, suffix: target.quote.suffix, hint: start });
}

// --- Measuring ---------------------------------------------------------------------------------

function timed(runs: number, run: () => void): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let index = 0; index < Math.max(1, runs); index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
}

function tally(
  truths: readonly Truth[],
  results: readonly Parameters<typeof judge>[1][],
): { misplaced: number; misplacedDeleted: number; orphans: number; lost: number } {
  let misplaced = 0;
  let misplacedDeleted = 0;
  let orphans = 0;
  let lost = 0;
  results.forEach((result, index) => {
    const verdict = judge(truths[index]!, result);
    if (verdict === 'misplaced') {
      misplaced++;
      if (truths[index]!.kind === 'deleted') misplacedDeleted++;
    }
    if (result === null || result.status === 'orphan') orphans++;
    if (verdict === 'orphaned') lost++;
  });
  return { misplaced, misplacedDeleted, orphans, lost };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

export async function anchoringBench(runs: number): Promise<BenchRow[]> {
  const oldText = readingText('002');
  const revision = reviseText(oldText, SEED, insertionParagraph(SEED + 1));
  const annotations = makeAnnotations(revision, ANNOTATIONS, SEED + 2);
  const targets = annotations.map((annotation) => annotation.target);
  const truths = annotations.map((annotation) => truthOf(revision, annotation.start, annotation.end));
  const { newText } = revision;
  const input = `002 Volkogonov (${(oldText.length / 1e6).toFixed(2)} M chars), ${revision.edits.length} edits, ${ANNOTATIONS} annotations`;
  const survived = truths.filter((truth) => truth.kind !== 'deleted').length;

  // Ours, with the previous text: warm up once, then `runs` runs.
  let ours = anchorAll(newText, targets, { previousText: oldText });
  const oursTimes = timed(runs, () => {
    ours = anchorAll(newText, targets, { previousText: oldText });
  });
  const oursTally = tally(truths, ours);
  const diffTimes = timed(runs, () => RevisionMap.between(oldText, newText));

  // Ours, quote and context only (slower, and blind to duplicated passages): one run.
  let quoteOnly = anchorAll(newText, targets);
  const quoteOnlyTimes = timed(1, () => {
    quoteOnly = anchorAll(newText, targets);
  });
  const quoteOnlyTally = tally(truths, quoteOnly);

  // The baseline on a seeded sample.
  const next = random(SEED + 3);
  const sample = new Set<number>();
  while (sample.size < BASELINE_SAMPLE) sample.add(Math.floor(next() * annotations.length));
  const sampled = [...sample].sort((a, b) => a - b);
  let baseline: (Placement | null)[] = [];
  const baselineRuns = Math.max(1, Math.min(runs, 3));
  const baselineTimes = timed(baselineRuns, () => {
    baseline = sampled.map((index) => hypothesisAnchor(newText, targets[index]!));
  });
  const baselineTally = tally(
    sampled.map((index) => truths[index]!),
    baseline.map((placement) => (placement ? { status: 'anchored' as const, ...placement } : null)),
  );
  const oursOnSample = tally(
    sampled.map((index) => truths[index]!),
    sampled.map((index) => ours[index]!),
  );
  const scale = ANNOTATIONS / BASELINE_SAMPLE;
  const baselinePer10k = { median: baselineTimes.median * scale, min: baselineTimes.min * scale, max: baselineTimes.max * scale };
  const ratio = baselinePer10k.median / oursTimes.median;
  const likeForLike = baselinePer10k.median / quoteOnlyTimes.median;

  return [
    {
      benchmark: 're-anchor with the previous version (diff + map)',
      input,
      ...oursTimes,
      note:
        `anchorAll with previousText (the diff alone: ${ms(diffTimes.median)}); ${oursTally.misplaced} misplaced of ${ANNOTATIONS}; ` +
        `${oursTally.orphans} orphans ` +
        `(${truths.length - survived} whose text was deleted, ${oursTally.lost} touched by an edit)`,
    },
    {
      benchmark: 're-anchor with quote and context only',
      input,
      ...quoteOnlyTimes,
      note:
        `anchorAll without previousText, what Hypothesis has too (the like-for-like row), 1 run; ${quoteOnlyTally.misplaced} misplaced of ${ANNOTATIONS} ` +
        `(on word-for-word repetitions elsewhere, which only the diff tells apart); ${quoteOnlyTally.orphans} orphans`,
    },
    {
      benchmark: 're-anchor baseline (Hypothesis)',
      input: `same, sample of ${BASELINE_SAMPLE}, extrapolated ×${scale.toFixed(1)} to ${ANNOTATIONS}`,
      ...baselinePer10k,
      note:
        `position, then approx-string-match over the whole text, 50/20/20/2; ${baselineRuns} run(s) of ${ms(baselineTimes.median)} ` +
        `for ${BASELINE_SAMPLE}; ${baselineTally.misplaced} misplaced of ${BASELINE_SAMPLE} ` +
        `(${baselineTally.misplacedDeleted} of them deleted text put elsewhere; ours on the same sample: ${oursOnSample.misplaced}); ` +
        `${baselineTally.orphans} orphans`,
    },
    {
      benchmark: 're-anchor speed-up vs Hypothesis: with the previous version',
      input: 'baseline per 10,000 / ours with the previous version',
      median: ratio,
      min: baselinePer10k.min / oursTimes.max,
      max: baselinePer10k.max / oursTimes.min,
      note: `×${ratio.toFixed(0)} (ratios, not ms); Hypothesis has no previous version to diff, so this is not like for like`,
    },
    {
      benchmark: 're-anchor speed-up vs Hypothesis: quote and context only',
      input: 'baseline per 10,000 / ours with quote and context only',
      median: likeForLike,
      min: baselinePer10k.min / quoteOnlyTimes.max,
      max: baselinePer10k.max / quoteOnlyTimes.min,
      note: `×${likeForLike.toFixed(1)} (ratios, not ms); the like-for-like comparison: both read only the stored selectors`,
    },
  ];
}
