/**
 * What a pane shows of the claims a highlight is an account of: a small marker after the
 * highlight with the stance symbols ("◆✔", "◆✔≈" for two claims) and a label in words. Built once
 * per change of the claims, as a map by annotation id, so the pane's decorations can tell in one
 * look-up (and one string comparison) whether an annotation's marker must be redrawn.
 */
import { STANCES, type Claim, type Stance } from '../../../shared/claims';

/** The sign every claim marker starts with, so a marker reads as "claim" before its stances. */
export const CLAIM_SIGN = '◆';

export interface ClaimMark {
  readonly claimId: string;
  readonly accountId: string;
  readonly wording: string;
  readonly stance: Stance;
}

/** The claims one highlight is an account of, in the order of the claims list. */
export interface ClaimMarks {
  readonly marks: readonly ClaimMark[];
  /** Everything the marker shows: equal keys draw the same marker. */
  readonly key: string;
  /** "◆✔", or "◆✔≈" for two claims. */
  readonly symbols: string;
  /** "Account of claim: <wording> (supports)". */
  readonly label: string;
}

/** One claim's account as a marker says it: "Account of claim: <wording> (supports)". */
export function accountLabel(wording: string, stance: Stance): string {
  return `Account of claim: ${wording} (${stance})`;
}

export function claimMarksOf(marks: readonly ClaimMark[]): ClaimMarks {
  const symbols = CLAIM_SIGN + marks.map((mark) => STANCES[mark.stance].symbol).join('');
  const label =
    marks.length === 1
      ? accountLabel(marks[0]!.wording, marks[0]!.stance)
      : `Account of ${marks.length} claims: ${marks.map((mark) => `${mark.wording} (${mark.stance})`).join('; ')}`;
  const key = marks.map((mark) => `${mark.claimId}\u0000${mark.stance}\u0000${mark.wording}`).join('\u0001');
  return { marks, key, symbols, label };
}

/** The claim marks of every highlight that is an account of at least one claim, by annotation id. */
export function claimMarksByAnnotation(claims: readonly Claim[]): Map<string, ClaimMarks> {
  const gathered = new Map<string, ClaimMark[]>();
  for (const claim of claims) {
    for (const account of claim.accounts) {
      const mark: ClaimMark = { claimId: claim.id, accountId: account.id, wording: claim.wording, stance: account.stance };
      const list = gathered.get(account.annotationId);
      if (list) list.push(mark);
      else gathered.set(account.annotationId, [mark]);
    }
  }
  const result = new Map<string, ClaimMarks>();
  for (const [annotationId, marks] of gathered) result.set(annotationId, claimMarksOf(marks));
  return result;
}
