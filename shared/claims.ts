/**
 * Claims: statements about the past that several sources tell, each in its own way. A claim
 * gathers its accounts (highlights in any document, each with a stance toward the claim) so a
 * historian can weigh them side by side. Like annotations, all of it is stand-off data.
 */
import { z } from 'zod';
import { Credibility } from './annotations';

/** How an account stands toward a claim. */
export const Stance = z.enum(['supports', 'contradicts', 'qualifies', 'mentions']);
export type Stance = z.infer<typeof Stance>;

/**
 * Each stance has a word and a symbol as well as a colour, so the matrix and the badges are
 * readable without colour (printed in black and white, or by a reader who cannot tell red from green).
 */
export const STANCES: Record<Stance, { readonly label: string; readonly symbol: string; readonly description: string }> = {
  supports: { label: 'Supports', symbol: '✔', description: 'tells the claim as it is worded' },
  contradicts: { label: 'Contradicts', symbol: '✘', description: 'tells something that cannot be true together with the claim' },
  qualifies: { label: 'Qualifies', symbol: '≈', description: 'agrees in substance, differs in a detail (a date, a number, a name)' },
  mentions: { label: 'Mentions', symbol: '○', description: 'refers to it without taking a position' },
};
export const STANCE_ORDER: readonly Stance[] = ['supports', 'qualifies', 'contradicts', 'mentions'];

/**
 * A date as historians write it: exact ("8 November 1932"), partial ("November 1932", "1932",
 * "1930s"), a span ("1932–33", "1936–1938") or approximate ("c. 1932"). Kept as written, with
 * the earliest and latest day it can mean, so claims sort and sit on a timeline.
 */
export const DatePrecision = z.enum(['day', 'month', 'year', 'decade', 'span']);
export type DatePrecision = z.infer<typeof DatePrecision>;
export const HistoricalDate = z.object({
  /** As the historian wrote it. */
  text: z.string(),
  /** Earliest and latest day meant, ISO 8601 (YYYY-MM-DD). */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  precision: DatePrecision,
  circa: z.boolean(),
});
export type HistoricalDate = z.infer<typeof HistoricalDate>;

/** One highlight told as an account of a claim. */
export const Account = z.object({
  id: z.string(),
  claimId: z.string(),
  annotationId: z.string(),
  stance: Stance,
  /** What differs, in the historian's words ("date: 1931 vs 1932"). */
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const Claim = z.object({
  id: z.string(),
  wording: z.string(),
  date: HistoricalDate.nullable(),
  people: z.array(z.string()),
  places: z.array(z.string()),
  /** The historian's judgement of the claim, in words. */
  verdict: z.string(),
  /** Admiralty information credibility of the claim as a whole, 1–6. */
  credibility: Credibility.nullable(),
  /** In the order they were attached. */
  accounts: z.array(Account),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Claim = z.infer<typeof Claim>;

/** Limits of what a user types, checked on every host. */
export const ClaimWording = z.string().trim().min(1, 'must not be empty').max(2_000);
export const ClaimDateText = z.string().trim().max(100);
export const ClaimName = z.string().trim().min(1, 'must not be empty').max(200);
export const ClaimVerdict = z.string().max(20_000);
export const AccountNote = z.string().max(5_000);
/**
 * The most accounts one claim may gather. A claim compared across a thousand sources is beyond any
 * study we know of; past that the comparison view and the exports would crawl, and an unbounded
 * list could no longer be sent whole.
 */
export const MAX_ACCOUNTS_PER_CLAIM = 1_000;

/** The order claims are listed in everywhere: by earliest historical day (undated last), then by wording. */
export function compareClaims(a: Pick<Claim, 'date' | 'wording'>, b: Pick<Claim, 'date' | 'wording'>): number {
  if (a.date && b.date && a.date.from !== b.date.from) return a.date.from < b.date.from ? -1 : 1;
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return a.wording.localeCompare(b.wording);
}
