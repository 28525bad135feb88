/**
 * The sidebar's search over the annotations: free words (found in the quote or the note, in any
 * case and without accents; "a phrase" as a whole) and field terms, all of which must hold:
 *
 *   tag:NAME        a tag whose name or path holds NAME, or one of its sub-tags
 *   color:red       the highlight's colour (colour: too)
 *   grade:2         the credibility of the information, 1–6; grade:none for unrated
 *   claim:WORDS     an account of a claim whose wording holds the words ("claim:"shot herself"")
 *   stance:mentions the stance of an account (supports, contradicts, qualifies, mentions);
 *                   with claim: too, the same account must have both
 *   doc:WORDS       the document's title holds the words
 *
 * A term that cannot mean anything (color:pink) is told, and left out rather than hiding all.
 */
import { HighlightColor, type Annotation, type Tag } from '../../../shared/annotations';
import { Stance, type Claim } from '../../../shared/claims';
import { foldText } from '../claims/claim-search';
import { tagPath, withDescendants } from '../codebook/tag-tree';

export type QueryTerm =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tag'; readonly value: string }
  | { readonly kind: 'color'; readonly value: HighlightColor }
  | { readonly kind: 'grade'; readonly value: number | 'none' }
  | { readonly kind: 'claim'; readonly value: string }
  | { readonly kind: 'stance'; readonly value: Stance }
  | { readonly kind: 'doc'; readonly value: string };

export interface ParsedQuery {
  readonly terms: readonly QueryTerm[];
  /** What could not be understood, in a sentence each. */
  readonly problems: readonly string[];
}

const FIELDS = new Set(['tag', 'color', 'colour', 'grade', 'claim', 'stance', 'doc']);
/**
 * A field (optional), then a "quoted value" (the closing quote may be missing while typing) or a
 * bare one, which may be empty ("tag:" while the name is still being typed).
 */
const TOKEN = /(?:([a-z]+):)?(?:"([^"]*)"?|(\S*))/giu;

export function parseAnnotationQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const problems: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const field = match[1]?.toLowerCase();
    const raw = (match[2] ?? match[3] ?? '').trim();
    if (field && !FIELDS.has(field)) {
      // Not one of ours ("10:30", "re:"): the whole of it is words to find.
      terms.push({ kind: 'text', value: foldText(match[0].replace(/"/g, '')) });
      continue;
    }
    // Nothing yet: neither a term nor a problem.
    if (!raw) continue;
    const value = foldText(raw);
    switch (field) {
      case undefined:
        terms.push({ kind: 'text', value });
        break;
      case 'tag':
      case 'claim':
      case 'doc':
        terms.push({ kind: field, value });
        break;
      case 'color':
      case 'colour': {
        const color = HighlightColor.safeParse(value);
        if (color.success) terms.push({ kind: 'color', value: color.data });
        else problems.push(`${field}: is one of ${HighlightColor.options.join(', ')}.`);
        break;
      }
      case 'grade':
        if (value === 'none') terms.push({ kind: 'grade', value: 'none' });
        else if (/^[1-6]$/.test(value)) terms.push({ kind: 'grade', value: Number(value) });
        else problems.push('grade: is a credibility from 1 to 6, or none.');
        break;
      case 'stance': {
        const stance = Stance.safeParse(value);
        if (stance.success) terms.push({ kind: 'stance', value: stance.data });
        else problems.push(`stance: is one of ${Stance.options.join(', ')}.`);
        break;
      }
    }
  }
  return { terms, problems };
}

export interface QueryContext {
  readonly tags: readonly Tag[];
  readonly claims: readonly Claim[];
  readonly documentTitle: (documentId: string) => string;
}

/** The test an annotation must pass; made once per query, then run over every card. */
export function compileQuery(parsed: ParsedQuery, { tags, claims, documentTitle }: QueryContext): (annotation: Annotation) => boolean {
  const { terms } = parsed;
  if (terms.length === 0) return () => true;
  const of = <K extends QueryTerm['kind']>(kind: K) => terms.filter((term): term is Extract<QueryTerm, { kind: K }> => term.kind === kind);

  const texts = of('text').map((term) => term.value);
  const tagSets = of('tag').map((term) => {
    const named = tags.filter((tag) => foldText(tag.name).includes(term.value) || foldText(tagPath(tags, tag.id)).includes(term.value));
    return new Set(withDescendants(tags, named.map((tag) => tag.id)));
  });
  const colors = of('color').map((term) => term.value);
  const grades = of('grade').map((term) => term.value);
  const claimWords = of('claim').map((term) => term.value);
  const stances = of('stance').map((term) => term.value);
  const docWords = of('doc').flatMap((term) => term.value.split(/\s+/));

  const accountsOf = new Map<string, { wording: string; stance: Stance }[]>();
  if (claimWords.length > 0 || stances.length > 0) {
    for (const claim of claims) {
      const wording = foldText(claim.wording);
      for (const account of claim.accounts) {
        const list = accountsOf.get(account.annotationId) ?? [];
        list.push({ wording, stance: account.stance });
        accountsOf.set(account.annotationId, list);
      }
    }
  }
  const titles = new Map<string, string>();
  const titleOf = (documentId: string) => {
    let title = titles.get(documentId);
    if (title === undefined) titles.set(documentId, (title = foldText(documentTitle(documentId))));
    return title;
  };

  return (annotation) => {
    if (texts.length > 0) {
      const body = `${foldText(annotation.quote.exact)}\n${foldText(annotation.noteText)}`;
      if (!texts.every((text) => body.includes(text))) return false;
    }
    if (!tagSets.every((set) => annotation.tagIds.some((id) => set.has(id)))) return false;
    if (!colors.every((color) => annotation.color === color)) return false;
    if (!grades.every((grade) => (grade === 'none' ? annotation.credibility === null : annotation.credibility === grade))) return false;
    if (claimWords.length > 0 || stances.length > 0) {
      const accounts = accountsOf.get(annotation.id) ?? [];
      const fits = accounts.some(
        (account) => claimWords.every((words) => account.wording.includes(words)) && stances.every((stance) => account.stance === stance),
      );
      if (!fits) return false;
    }
    if (docWords.length > 0) {
      const title = titleOf(annotation.documentId);
      if (!docWords.every((word) => title.includes(word))) return false;
    }
    return true;
  };
}
