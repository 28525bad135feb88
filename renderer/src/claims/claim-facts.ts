/**
 * What the claims views read off a claim: its accounts with their highlights and sources, which
 * stances each source takes, whether the sources disagree, and which claims a search or a filter
 * keeps. No React here, so the three views agree on every answer.
 */
import type { Tag } from '../../../shared/annotations';
import { STANCE_ORDER, type Claim, type Stance } from '../../../shared/claims';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import { withDescendants } from '../codebook/tag-tree';
import type { AccountView, AnnotationIndex } from './account-view';
import { figureDifferences, type QuoteDifference } from './differences';

/** A title short enough for a column head or a comparison: without subtitle or parenthesis. */
export function shortTitle(document: DocumentSummary): string {
  const title = document.title.replace(/\s*\([^)]*\)\s*$/, '').split(/:\s/)[0]!.trim() || document.title;
  return displayTitle({ title, titleSupplied: document.titleSupplied });
}

/** A claim's accounts with their highlights and sources, grouped by source in the order of the documents. */
export function accountViews(claim: Claim, byId: AnnotationIndex, documents: readonly DocumentSummary[]): AccountView[] {
  const order = new Map(documents.map((document, index) => [document.id, index]));
  const views = claim.accounts.map((account, index) => {
    const annotation = byId.get(account.annotationId) ?? null;
    const document = annotation ? documents.find((d) => d.id === annotation.documentId) ?? null : null;
    return {
      index,
      view: {
        account,
        annotation,
        document,
        label: document ? shortTitle(document) : 'Unknown source',
        title: document ? displayTitle(document) : 'Unknown source',
      },
    };
  });
  const rank = (view: AccountView) => (view.document ? order.get(view.document.id) ?? documents.length : documents.length + 1);
  return views
    .sort(
      (a, b) =>
        rank(a.view) - rank(b.view) ||
        (a.view.annotation?.start ?? Infinity) - (b.view.annotation?.start ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ view }) => view);
}

/** The stances a source takes toward a claim (one per account of that source), in the usual order. */
export function stancesOf(claim: Claim, documentId: string, byId: AnnotationIndex): Stance[] {
  const stances = claim.accounts
    .filter((account) => byId.get(account.annotationId)?.documentId === documentId)
    .map((account) => account.stance);
  return stances.sort((a, b) => STANCE_ORDER.indexOf(a) - STANCE_ORDER.indexOf(b));
}

/** Some accounts support the claim and some contradict it. */
export function stancesConflict(claim: Claim): boolean {
  const stances = new Set(claim.accounts.map((account) => account.stance));
  return stances.has('supports') && stances.has('contradicts');
}

export interface Agreement {
  readonly state: 'agreed' | 'disputed' | 'unattested';
  /** Why, in words ("Sources both support and contradict it", "Dates differ — year: …"). */
  readonly reasons: readonly string[];
  readonly differences: readonly QuoteDifference[];
}

/**
 * Whether the sources agree on a claim: disputed when accounts both support and contradict it, or
 * when qualifying accounts tell its dates or numbers differently.
 */
export function agreementOf(views: readonly AccountView[], claim: Claim): Agreement {
  if (views.length === 0) return { state: 'unattested', reasons: ['No account attached yet'], differences: [] };
  const differences = figureDifferences(views);
  const reasons: string[] = [];
  if (stancesConflict(claim)) reasons.push('Sources both support and contradict it');
  const qualified = views.some((view) => view.account.stance === 'qualifies');
  if (qualified && differences.length > 0) reasons.push(...differences.map((difference) => difference.summary));
  return { state: reasons.length > 0 ? 'disputed' : 'agreed', reasons, differences };
}

export interface MatrixFilter {
  /** A tag id ('' any): claims with an account whose highlight carries it or one of its sub-tags. */
  readonly tag: string;
  /** A person ('' any). */
  readonly person: string;
  /** A stance ('' any): claims with at least one account of that stance. */
  readonly stance: Stance | '';
}

export function filterClaims(claims: readonly Claim[], filter: MatrixFilter, byId: AnnotationIndex, tags: readonly Tag[]): Claim[] {
  const wantedTags = filter.tag ? new Set(withDescendants(tags, [filter.tag])) : null;
  return claims.filter((claim) => {
    if (filter.person && !claim.people.includes(filter.person)) return false;
    if (filter.stance && !claim.accounts.some((account) => account.stance === filter.stance)) return false;
    if (wantedTags) {
      const tagged = claim.accounts.some((account) => byId.get(account.annotationId)?.tagIds.some((id) => wantedTags.has(id)));
      if (!tagged) return false;
    }
    return true;
  });
}

/** Every person named in any claim, in alphabetical order. */
export function allPeople(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((claim) => claim.people))].sort((a, b) => a.localeCompare(b));
}

export function allPlaces(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((claim) => claim.places))].sort((a, b) => a.localeCompare(b));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
