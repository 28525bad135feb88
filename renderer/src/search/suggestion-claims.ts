/**
 * Which claims a suggested passage is most likely wanted for: the claim it was suggested for, or
 * the claims the highlight (or, for a selected passage, any highlight over it) is an account of.
 * Also the highlight a passage already has, so attaching it twice does not highlight it twice.
 */
import type { Annotation } from '../../../shared/annotations';
import type { Claim } from '../../../shared/claims';
import type { SuggestRequest, TextRange } from '../../../shared/search';

export function claimsFor(from: SuggestRequest['from'], claims: readonly Claim[], annotations: readonly Annotation[]): Claim[] {
  if (from.kind === 'claim') return claims.filter((claim) => claim.id === from.claimId);
  const told = (annotationIds: ReadonlySet<string>) =>
    claims.filter((claim) => claim.accounts.some((account) => annotationIds.has(account.annotationId)));
  if (from.kind === 'annotation') return told(new Set([from.annotationId]));
  const over = annotations.filter(
    (a) => a.status === 'anchored' && a.versionId === from.versionId && a.start !== null && a.end !== null && a.start < from.end && a.end > from.start,
  );
  return told(new Set(over.map((a) => a.id)));
}

export function highlightOf(annotations: readonly Annotation[], versionId: string, passage: TextRange): Annotation | null {
  return (
    annotations.find((a) => a.status === 'anchored' && a.versionId === versionId && a.start === passage.start && a.end === passage.end) ?? null
  );
}
