/**
 * Finding things: full-text search over the sources' reading texts, notes, tag names and claims,
 * and suggestions of the passages in other sources that most likely tell the same event. Declared
 * here because the API, the CLI and the search panel all pass these across a process boundary.
 */
import { z } from 'zod';
import { withinHighlightLength } from './limits';

const Id = z.string().min(1).max(200);

/** What a search looks through; all of them unless narrowed. */
export const SearchScope = z.enum(['text', 'notes', 'tags', 'claims']);
export type SearchScope = z.infer<typeof SearchScope>;

/**
 * A query in the search syntax (see the README): words (any form: Кирова finds Киров), "a phrase",
 * prefix*, OR, a leading - or NOT to leave out; words in Latin letters also find Cyrillic and
 * the reverse (Kirov finds Киров).
 */
export const SearchRequest = z
  .object({
    query: z.string().min(1, 'must not be empty').max(500),
    /** Only these documents' texts and annotations; all documents when absent or empty. */
    documentIds: z.array(Id).max(10_000).optional(),
    scopes: z.array(SearchScope).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type SearchRequest = z.output<typeof SearchRequest>;

/** [start, end) in UTF-16 code units. */
export const TextRange = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type TextRange = z.infer<typeof TextRange>;

/** A short piece of text around the hits, with the matched words marked (offsets into `text`). */
export const Snippet = z.object({ text: z.string(), marks: z.array(TextRange) });
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  kind: z.enum(['text', 'note', 'tag', 'claim']),
  /** The document of a text hit or of an annotation's note; null for a tag or a claim. */
  documentId: z.string().nullable(),
  /** For a text hit: the version and the passage (offsets into its reading text) that matched. */
  versionId: z.string().nullable(),
  passage: TextRange.nullable(),
  /** For a text hit: each matched word in the reading text, to scroll to and flash. */
  matches: z.array(TextRange),
  annotationId: z.string().nullable(),
  tagId: z.string().nullable(),
  claimId: z.string().nullable(),
  snippet: Snippet,
  /** Where a text hit stands, for the result list: the chapter and the printed page. */
  chapter: z.string().nullable(),
  page: z.string().nullable(),
  /** Higher is better; comparable within one result only. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  /** Hits in rank order, at most `limit`. */
  hits: z.array(SearchHit),
  /** All hits found, also beyond the limit. */
  total: z.number().int().nonnegative(),
  /** Hits per document (null: tags and claims), for the grouped result list. */
  counts: z.array(z.object({ documentId: z.string().nullable(), count: z.number().int().nonnegative() })),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** The passage to find counterparts of: a range of a version, a highlight, or a claim (its wording and accounts). */
export const SuggestRequest = z
  .object({
    from: z.discriminatedUnion('kind', [
      withinHighlightLength(
        z.object({ kind: z.literal('range'), versionId: Id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict(),
      ),
      z.object({ kind: z.literal('annotation'), annotationId: Id }).strict(),
      z.object({ kind: z.literal('claim'), claimId: Id }).strict(),
    ]),
    /** Only passages of these documents; every other document when absent or empty. */
    documentIds: z.array(Id).max(10_000).optional(),
    limit: z.number().int().min(1).max(50).default(5),
  })
  .strict();
export type SuggestRequest = z.output<typeof SuggestRequest>;

export const Suggestion = z.object({
  documentId: z.string(),
  versionId: z.string(),
  /** The suggested passage, offsets into the version's reading text. */
  passage: TextRange,
  /** The passage's text, at most 1,500 characters. */
  text: z.string(),
  score: z.number(),
  /** Why it was suggested, in the words of the texts: names matched across scripts and spellings, dates, distinctive terms. */
  reasons: z.object({ names: z.array(z.string()), dates: z.array(z.string()), terms: z.array(z.string()) }),
  chapter: z.string().nullable(),
  page: z.string().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;
