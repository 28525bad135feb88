/**
 * Finding a claim to attach a passage to: by its wording, the people and places it names and its
 * date as written. Every word typed must be found somewhere (in any order, ignoring case, accents
 * and "ё"); whole words count more than beginnings of words, beginnings more than pieces, and
 * the wording more than names and dates. Best matches first; equal ones in the claims' own order.
 *
 * Also the small pure helpers of the attach form: names typed as a list, and which field a
 * server's error is about.
 */
import { compareClaims, type Claim } from '../../../shared/claims';

/** Lower case, without accents (so "Ё" finds "е" and "é" finds "e"), dashes made one. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase()
    .replace(/[‐-―−]/g, '-');
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

type SearchClaim = Pick<Claim, 'id' | 'wording' | 'people' | 'places' | 'date'>;

interface Field {
  readonly words: readonly string[];
  readonly folded: string;
  readonly weight: number;
}

const WEIGHT = { wording: 3, name: 2, date: 2 } as const;

function fieldsOf(claim: SearchClaim): Field[] {
  const field = (text: string, weight: number): Field => ({ words: words(text), folded: foldText(text), weight });
  return [
    field(claim.wording, WEIGHT.wording),
    ...claim.people.map((name) => field(name, WEIGHT.name)),
    ...claim.places.map((name) => field(name, WEIGHT.name)),
    ...(claim.date ? [field(claim.date.text, WEIGHT.date)] : []),
  ];
}

/** How well one typed word matches one field: 3 a whole word, 2 a word's beginning, 1 a piece, 0 not at all. */
function wordScore(word: string, field: Field): number {
  let best = 0;
  for (const candidate of field.words) {
    if (candidate === word) return 3;
    if (candidate.startsWith(word)) best = 2;
    else if (best === 0 && candidate.includes(word)) best = 1;
  }
  return best;
}

/** The score of a claim for the typed words (0: not a match). */
export function claimScore(claim: SearchClaim, query: string): number {
  const typed = words(query);
  if (typed.length === 0) return 0;
  const fields = fieldsOf(claim);
  let score = 0;
  for (const word of typed) {
    let best = 0;
    for (const field of fields) best = Math.max(best, wordScore(word, field) * field.weight);
    if (best === 0) return 0; // every word must be found
    score += best;
  }
  // The words as typed, together: a phrase of the wording, or a whole name.
  const phrase = typed.join(' ');
  if (typed.length > 1 && words(claim.wording).join(' ').includes(phrase)) score += 6;
  for (const name of [...claim.people, ...claim.places]) {
    if (words(name).join(' ') === phrase) score += 4;
  }
  return score;
}

/**
 * The claims matching the query, best first (ties in the claims' own order: by date, then
 * wording). An empty query lists every claim in that order. `exclude` leaves claims out (those
 * the passage is already an account of).
 */
export function rankClaims<C extends SearchClaim>(claims: readonly C[], query: string, exclude: ReadonlySet<string> = new Set()): C[] {
  const candidates = claims.filter((claim) => !exclude.has(claim.id));
  if (words(query).length === 0) return [...candidates].sort(compareClaims);
  return candidates
    .map((claim) => ({ claim, score: claimScore(claim, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || compareClaims(a.claim, b.claim))
    .map((entry) => entry.claim);
}

/** People or places typed as one line: separated by commas or semicolons, blanks dropped, each once. */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const piece of text.split(/[;,\n]/)) {
    const name = piece.replace(/\s+/g, ' ').trim();
    const folded = foldText(name);
    if (!name || seen.has(folded)) continue;
    seen.add(folded);
    names.push(name);
  }
  return names;
}

export type ClaimField = 'wording' | 'date' | 'people' | 'places' | 'stance' | 'note';

/**
 * Which field of the attach form a server's error is about, so it is shown next to that field:
 * from a named input path ("date: …", "people.1: …", "account.note: …") or, failing that, from
 * what the message speaks of ("Cannot read "…" as a date"). Null: the error is the form's as a whole.
 */
export function errorField(message: string, field?: string | null): ClaimField | null {
  const named = (path: string): ClaimField | null => {
    const match = /(?:^|\.)(wording|date|people|places|stance|note)(?:\.\d+)?$/.exec(path);
    return match ? (match[1] as ClaimField) : null;
  };
  if (field) {
    const found = named(field);
    if (found) return found;
  }
  const paths = message.matchAll(/(?:^|[\s:;])((?:account\.)?(?:wording|date|people|places|stance|note)(?:\.\d+)?):/g);
  for (const match of paths) {
    const found = named(match[1]!);
    if (found) return found;
  }
  if (/\bdates?\b/i.test(message)) return 'date';
  if (/\bwording\b/i.test(message)) return 'wording';
  return null;
}
