/**
 * Full-text search over a project: the current texts of its documents, notes, tag names and
 * claims, ranked together. The query syntax is in query.ts; the index in search-index.ts.
 */
import { SearchScope, type SearchHit, type SearchRequest, type SearchResult, type Snippet, type TextRange } from '../../shared/search';
import { ApiError } from '../../shared/errors';
import { pageAndChapterAt } from '../../shared/text/text-model';
import type { Project } from '../app/project';
import { parseQuery } from './query';
import type { IndexMatch, ItemKind } from './search-index';
import { wordsOf } from './words';

const ITEM_SCOPES: Record<ItemKind, SearchScope> = { note: 'notes', tag: 'tags', claim: 'claims' };

/** About this many characters of context in a snippet, starting a little before the first match. */
const SNIPPET_LENGTH = 220;
const SNIPPET_LEAD = 60;

export function searchProject(project: Project, request: SearchRequest): SearchResult {
  const query = parseQuery(request.query);
  const index = project.searchIndex;
  index.catchUp();
  const scopes = new Set<SearchScope>(request.scopes?.length ? request.scopes : SearchScope.options);
  const documents = request.documentIds?.length ? new Set(request.documentIds) : null;

  let found: IndexMatch[] = [];
  const counts = new Map<string | null, number>();
  try {
    if (scopes.has('text')) {
      const passages = index.findPassages(query, request.limit, documents);
      found = passages.best;
      for (const [documentId, count] of passages.counts) counts.set(documentId, count);
    }
    const items = index
      .findItems(query)
      .filter((item) => item.item.kind !== 'text' && scopes.has(ITEM_SCOPES[item.item.kind]))
      // Narrowed to documents, a search keeps their texts and notes: tags and claims belong to none.
      .filter((item) => documents === null || (item.item.documentId !== null && documents.has(item.item.documentId)));
    for (const item of items) counts.set(item.item.documentId, (counts.get(item.item.documentId) ?? 0) + 1);
    found = found.concat(items);
  } catch (error) {
    // The expression is built from keys of letters and digits only; should FTS5 still refuse it,
    // the user hears about the query rather than meeting an internal error.
    throw new ApiError('invalid_input', `The query cannot be searched: ${(error as Error).message}`, 'query');
  }

  const positions = new Map(project.documents.list().map((document, position) => [document.id, position]));
  // Tags and claims (no document) after every document.
  const placeOf = (documentId: string | null) => (documentId === null ? positions.size : (positions.get(documentId) ?? positions.size));
  const startOf = (match: IndexMatch) => (match.item.kind === 'text' ? match.item.start : 0);
  found.sort((a, b) => b.score - a.score || placeOf(a.item.documentId) - placeOf(b.item.documentId) || startOf(a) - startOf(b));

  return {
    hits: found.slice(0, request.limit).map((match) => hitOf(project, match)),
    total: [...counts.values()].reduce((sum, count) => sum + count, 0),
    counts: [...counts].map(([documentId, count]) => ({ documentId, count })).sort((a, b) => placeOf(a.documentId) - placeOf(b.documentId)),
  };
}

function hitOf(project: Project, found: IndexMatch): SearchHit {
  const { item } = found;
  const index = project.searchIndex;
  const none = { documentId: null, versionId: null, passage: null, matches: [], annotationId: null, tagId: null, claimId: null, chapter: null, page: null };
  if (item.kind === 'text') {
    const outline = index.outline(item.versionId);
    const matches = index.wordRanges(item.versionId, item.start, found.words);
    const place = pageAndChapterAt(outline, matches[0]?.start ?? item.start);
    return {
      ...none,
      kind: 'text',
      documentId: item.documentId,
      versionId: item.versionId,
      passage: { start: item.start, end: item.end },
      matches,
      snippet: snippetOf(outline.text, item.start, item.end, matches),
      chapter: place.chapter,
      page: place.page,
      score: found.score,
    };
  }
  const text = index.itemText(item.kind, item.id) ?? '';
  const snippet = snippetOf(text, 0, text.length, rangesOf(text, 0, text.length, found.words));
  switch (item.kind) {
    case 'note':
      return { ...none, kind: 'note', documentId: item.documentId, annotationId: item.id, snippet, score: found.score };
    case 'tag':
      return { ...none, kind: 'tag', tagId: item.id, snippet, score: found.score };
    case 'claim':
      return { ...none, kind: 'claim', claimId: item.id, snippet, score: found.score };
  }
}

/** The ranges in `text` of the words of [start, end) at the given places (0: its first word). */
function rangesOf(text: string, start: number, end: number, places: ReadonlySet<number>): TextRange[] {
  if (places.size === 0) return [];
  return wordsOf(text, start, end)
    .filter((_, place) => places.has(place))
    .map((word) => ({ start: word.start, end: word.end }));
}

/**
 * A piece of [start, end) of `text` around its first match, cut at spaces, with "…" where it was
 * cut; line breaks read as spaces so a snippet stays one line.
 */
function snippetOf(text: string, start: number, end: number, matches: readonly TextRange[]): Snippet {
  const first = matches[0];
  let from = Math.max(start, (first?.start ?? start) - SNIPPET_LEAD);
  if (from > start) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < (first?.start ?? end)) from = space + 1;
  }
  let to = Math.min(end, from + SNIPPET_LENGTH);
  if (to < end) {
    const space = text.lastIndexOf(' ', to);
    if (space > from && space >= (first?.end ?? from)) to = space;
  }
  const lead = from > start ? '…' : '';
  const marks = matches
    .filter((range) => range.start >= from && range.end <= to)
    .map((range) => ({ start: range.start - from + lead.length, end: range.end - from + lead.length }));
  return { text: `${lead}${text.slice(from, to).replace(/[\r\n\t]/g, ' ')}${to < end ? '…' : ''}`, marks };
}
