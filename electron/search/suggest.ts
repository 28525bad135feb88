/**
 * Corresponding passages: for a passage, a highlight or a claim, the passages of the other
 * sources that most likely tell the same event. The query's keys (names, dates, numbers, content
 * and loan words, see event-keys.ts; and its words' translations, see glossary.ts) are looked up
 * in every other current version; a passage scores by the keys it shares, each weighed by its kind
 * and its rarity over all passages of the project (BM25), and a little by its neighbours' scores,
 * because an account often runs over a paragraph break. The reasons are the shared keys as written
 * in the suggested passage.
 *
 * When several documents are searched, the best passage found is also read as a second query
 * into the other documents (feedback): its most distinctive keys the query lacks add to their
 * passages' scores. A Russian sentence shares only names, dates, loan words and translated words
 * with an English account, but once it has found one English account by them, that account's
 * English words find the other English account, however differently it is worded. Those keys
 * raise the score only; the reasons stay the keys shared with the query. And the list is spread
 * over the documents: each passage taken from a document lowers the score of the next from the
 * same one.
 */
import type { Suggestion, SuggestRequest, TextRange } from '../../shared/search';
import { ApiError } from '../../shared/errors';
import { pageAndChapterAt } from '../../shared/text/text-model';
import type { Project } from '../app/project';
import { KIND_WEIGHT, keyKindOf, keysOf, type KeyedText } from './event-keys';
import { VersionIndexCache, type VersionIndex } from './suggest-index';
import { crossKey, wordsOf } from './words';

export const MAX_SUGGESTION_TEXT = 1500;
/**
 * How much of a passage the query is made from, and how many of a claim's accounts: the words of
 * a few pages already say which event a passage tells, while forty highlights of 25 pages each
 * made one request take 14 s and 300 MB. Past these, more text only adds common words.
 */
export const MAX_QUERY_RANGE = 5_000;
export const MAX_QUERY_ACCOUNTS = 50;
const INDEX_CAPACITY = 16;
/** A selection shorter than this is read with the passage around it, at CONTEXT_WEIGHT. */
const SHORT_QUERY = 300;
const CONTEXT_WEIGHT = 0.35;
/** How much of the better neighbour's score a passage borrows. */
const NEIGHBOUR_SHARE = 0.3;
const BM25_K1 = 1.2;
const BM25_B = 0.5;
const MAX_TERMS_SHOWN = 12;
/** How many of the feedback passage's keys make the second query, and how much its score adds. */
const FEEDBACK_KEYS = 10;
const FEEDBACK_GAIN = 0.6;
/** A translated word counts less than the word itself: a dictionary gives senses the text may not mean. */
const GLOSS_WEIGHT = 0.6;
/** The factor on a passage's score for each passage of its document already in the list. */
const SAME_DOCUMENT_FACTOR = 0.8;

const caches = new WeakMap<Project, VersionIndexCache>();

function indexOf(project: Project, versionId: string): VersionIndex {
  let cache = caches.get(project);
  if (!cache) caches.set(project, (cache = new VersionIndexCache(INDEX_CAPACITY)));
  return cache.get(versionId, () => project.documents.getVersionContent(versionId));
}

/** Query keys with their weights. */
type QueryKeys = Map<string, number>;

interface Scored {
  readonly index: VersionIndex;
  readonly passage: number;
  score: number;
  /** The query keys the passage shares, by what each contributed: the reasons. */
  readonly shared: Map<string, number>;
}

interface Query {
  readonly keys: QueryKeys;
  /** Documents not to suggest from (the query's own). */
  readonly excludedDocuments: ReadonlySet<string>;
  /** Ranges not to suggest (a claim's own accounts), by version. */
  readonly excludedRanges: ReadonlyMap<string, TextRange[]>;
}

export function suggestPassages(project: Project, request: SuggestRequest): Suggestion[] {
  const query = queryOf(project, request);
  const wanted = request.documentIds && request.documentIds.length > 0 ? new Set(request.documentIds) : null;
  const indexes = project.documents.list().map((document) => indexOf(project, document.currentVersionId));
  const idf = idfOf(query.keys, indexes);

  const scored: Scored[] = [];
  for (const index of indexes) {
    if (query.excludedDocuments.has(index.documentId) || (wanted && !wanted.has(index.documentId))) continue;
    const scores = scoresIn(index, query.keys, idf);
    const excluded = query.excludedRanges.get(index.versionId) ?? [];
    scores.forEach((own, passage) => {
      const neighbour = Math.max(scores.get(passage - 1)?.total ?? 0, scores.get(passage + 1)?.total ?? 0);
      const { start, end } = index.passages[passage]!;
      if (excluded.some((range) => range.start < end && start < range.end)) return;
      scored.push({ index, passage, score: own.total + NEIGHBOUR_SHARE * neighbour, shared: own.shared });
    });
  }
  scored.sort((a, b) => b.score - a.score);
  addFeedback(scored, query.keys, indexes);
  return spreadOverDocuments(scored, request.limit).map(({ index, passage, score, shared }) => suggestionOf(index, passage, score, shared));
}

/** Each passage's score in one version, and what each shared key contributed. */
function scoresIn(index: VersionIndex, keys: QueryKeys, idf: Map<string, number>): Map<number, { total: number; shared: Map<string, number> }> {
  const scores = new Map<number, { total: number; shared: Map<string, number> }>();
  for (const [key, weight] of keys) {
    const postings = index.postings.get(key);
    if (!postings) continue;
    const keyWeight = weight * KIND_WEIGHT[keyKindOf(key)] * idf.get(key)!;
    for (const { passage, count } of postings) {
      const lengthRatio = index.keyed[passage]!.length / index.averageLength;
      const contribution = (keyWeight * count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
      let score = scores.get(passage);
      if (!score) scores.set(passage, (score = { total: 0, shared: new Map() }));
      score.total += contribution;
      score.shared.set(key, contribution);
    }
  }
  return scores;
}

/**
 * Adds to the score of each passage of another document than the best passage's what it (and a
 * little, its better neighbour) scores for the best passage's most distinctive keys that the
 * query lacks: names and content words, each weighed by its count and rarity.
 */
function addFeedback(scored: Scored[], keys: QueryKeys, indexes: readonly VersionIndex[]): void {
  const best = scored[0];
  if (!best || !scored.some((item) => item.index.documentId !== best.index.documentId)) return;
  const candidates: QueryKeys = new Map();
  for (const [key, count] of best.index.keyed[best.passage]!.counts) {
    const kind = keyKindOf(key);
    if (!keys.has(key) && (kind === 'term' || kind === 'name')) candidates.set(key, 1 + Math.log(count));
  }
  const rarity = idfOf(candidates, indexes);
  const chosen = [...candidates]
    .map(([key, weight]) => [key, weight * rarity.get(key)!] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, FEEDBACK_KEYS);
  if (chosen.length === 0) return;
  const feedback: QueryKeys = new Map(chosen.map(([key, weight]) => [key, weight / chosen[0]![1]]));
  const scoresByIndex = new Map<VersionIndex, ReturnType<typeof scoresIn>>();
  for (const item of scored) {
    if (item.index.documentId === best.index.documentId) continue;
    let scores = scoresByIndex.get(item.index);
    if (!scores) scoresByIndex.set(item.index, (scores = scoresIn(item.index, feedback, rarity)));
    const own = scores.get(item.passage)?.total ?? 0;
    const neighbour = Math.max(scores.get(item.passage - 1)?.total ?? 0, scores.get(item.passage + 1)?.total ?? 0);
    item.score += FEEDBACK_GAIN * (own + NEIGHBOUR_SHARE * neighbour);
  }
  scored.sort((a, b) => b.score - a.score);
}

/**
 * The best `limit` passages, a passage's score multiplied by SAME_DOCUMENT_FACTOR for each passage
 * of its document already taken: when several documents are asked for, one that tells the event
 * in many passages does not fill the list before the others' accounts are in it.
 */
function spreadOverDocuments(scored: readonly Scored[], limit: number): Scored[] {
  const taken: Scored[] = [];
  const perDocument = new Map<string, number>();
  const rest = [...scored];
  while (taken.length < limit && rest.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    // The scores are sorted: within a document the first not taken is its best, so the scan can
    // stop once a score cannot beat the best adjusted one.
    for (let i = 0; i < rest.length && rest[i]!.score > bestScore; i++) {
      const adjusted = rest[i]!.score * SAME_DOCUMENT_FACTOR ** (perDocument.get(rest[i]!.index.documentId) ?? 0);
      if (adjusted > bestScore) [best, bestScore] = [i, adjusted];
    }
    const [item] = rest.splice(best, 1);
    taken.push(item!);
    perDocument.set(item!.index.documentId, (perDocument.get(item!.index.documentId) ?? 0) + 1);
  }
  return taken;
}

/** Rarity of each query key over all passages of the project's current versions. */
function idfOf(keys: QueryKeys, indexes: readonly VersionIndex[]): Map<string, number> {
  const passages = indexes.reduce((sum, index) => sum + index.passages.length, 0);
  const idf = new Map<string, number>();
  for (const key of keys.keys()) {
    const frequency = indexes.reduce((sum, index) => sum + (index.postings.get(key)?.length ?? 0), 0);
    idf.set(key, Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5)));
  }
  return idf;
}

function queryOf(project: Project, request: SuggestRequest): Query {
  const { from } = request;
  if (from.kind === 'range') {
    const documentId = project.documents.documentOfVersion(from.versionId);
    return { keys: rangeKeys(project, from.versionId, from), excludedDocuments: new Set([documentId]), excludedRanges: new Map() };
  }
  if (from.kind === 'annotation') {
    const annotation = project.annotations.get(from.annotationId);
    if (annotation.start === null || annotation.end === null) {
      throw new ApiError('invalid_input', 'This highlight has lost its place in the text; reattach it first', 'annotationId');
    }
    const range = { start: annotation.start, end: annotation.end };
    return { keys: rangeKeys(project, annotation.versionId, range), excludedDocuments: new Set([annotation.documentId]), excludedRanges: new Map() };
  }
  const claim = project.claims.list().find((candidate) => candidate.id === from.claimId);
  if (!claim) throw new ApiError('not_found', `No claim with id "${from.claimId}"`, 'claimId');
  const wording = [claim.wording, claim.date?.text ?? '', ...claim.people, ...claim.places].join('. ');
  const keys: QueryKeys = new Map();
  addKeys(keys, keysOf(wording, 0, wording.length, { query: true }), 1);
  // The historian's people and places are names however they are written.
  for (const word of wordsOf([...claim.people, ...claim.places].join(' '))) {
    const cross = crossKey(word.text);
    if (cross) keys.set(`n:${cross}`, 1);
  }
  const excludedRanges = new Map<string, TextRange[]>();
  for (const [n, account] of claim.accounts.entries()) {
    const annotation = project.annotations.get(account.annotationId);
    if (annotation.start === null || annotation.end === null) continue;
    const range = { start: annotation.start, end: annotation.end };
    if (n < MAX_QUERY_ACCOUNTS) addKeys(keys, selectionKeys(project, annotation.versionId, range), 1);
    excludedRanges.set(annotation.versionId, [...(excludedRanges.get(annotation.versionId) ?? []), range]);
  }
  return { keys, excludedDocuments: new Set(), excludedRanges };
}

/** A range's keys, and for a short one also the passage around it, at a lower weight. */
function rangeKeys(project: Project, versionId: string, range: TextRange): QueryKeys {
  const keys: QueryKeys = new Map();
  addKeys(keys, selectionKeys(project, versionId, range), 1);
  if (range.end - range.start < SHORT_QUERY) {
    const index = indexOf(project, versionId);
    const around = index.passages.filter((passage) => passage.start < Math.max(range.end, range.start + 1) && range.start < passage.end);
    const start = Math.min(range.start, ...around.map((passage) => passage.start));
    const end = Math.max(range.end, ...around.map((passage) => passage.end));
    addKeys(keys, keysOf(index.content.text, start, end, { query: true, lowerForms: index.lowerForms }), CONTEXT_WEIGHT);
  }
  return keys;
}

function selectionKeys(project: Project, versionId: string, range: TextRange): KeyedText {
  const index = indexOf(project, versionId);
  const { text } = index.content;
  if (range.end > text.length || range.start > range.end) {
    throw new ApiError('invalid_input', `The range ${range.start}–${range.end} is outside the text (${text.length} characters)`, 'from');
  }
  return keysOf(text, range.start, Math.min(range.end, range.start + MAX_QUERY_RANGE), { query: true, lowerForms: index.lowerForms });
}

/**
 * Adds keys at a weight, the glosses at GLOSS_WEIGHT of it; a key repeated in the query counts
 * more, but with diminishing returns.
 */
function addKeys(keys: QueryKeys, keyed: KeyedText, weight: number): void {
  const put = (key: string, value: number) => keys.set(key, Math.max(keys.get(key) ?? 0, value));
  for (const [key, count] of keyed.counts) put(key, weight * (1 + Math.log(count)));
  for (const [key, count] of keyed.glosses) put(key, GLOSS_WEIGHT * weight * (1 + Math.log(count)));
}

function suggestionOf(index: VersionIndex, passage: number, score: number, shared: Map<string, number>): Suggestion {
  const { start, end } = index.passages[passage]!;
  const surfaces = index.keyed[passage]!.surfaces;
  const byContribution = [...shared].sort((a, b) => b[1] - a[1]);
  const shown = (kinds: readonly string[]) => [
    ...new Set(byContribution.filter(([key]) => kinds.includes(keyKindOf(key))).map(([key]) => surfaces.get(key)!)),
  ];
  const { page, chapter } = pageAndChapterAt(index.content, start);
  return {
    documentId: index.documentId,
    versionId: index.versionId,
    passage: { start, end },
    text: index.content.text.slice(start, Math.min(end, start + MAX_SUGGESTION_TEXT)),
    score,
    reasons: {
      names: shown(['name']),
      dates: shown(['day', 'month', 'year', 'date', 'number']),
      terms: shown(['term', 'loan']).slice(0, MAX_TERMS_SHOWN),
    },
    chapter,
    page,
  };
}
