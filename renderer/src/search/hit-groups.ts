/**
 * The search's hits as the panel lists them: grouped by document, in the order the documents
 * were added (tags and claims, which belong to none, last), each group in the order of its text,
 * with the count of all its hits (also those beyond the limit). The flat order of the groups'
 * hits is the order next and previous walk through.
 */
import type { SearchHit, SearchResult } from '../../../shared/search';

export interface HitGroup {
  /** null: the tags and claims. */
  readonly documentId: string | null;
  readonly hits: readonly SearchHit[];
  /** Hits of this document in all, as the server counted them. */
  readonly count: number;
}

/** Where a hit stands in its document's text, for the order within a group; annotations without one go last. */
export type PlaceOf = (hit: SearchHit) => number | null;

export function groupHits(result: SearchResult, documentOrder: readonly string[], placeOf: PlaceOf): HitGroup[] {
  const rank = new Map(documentOrder.map((id, index) => [id, index]));
  const byDocument = new Map<string | null, SearchHit[]>();
  for (const hit of result.hits) {
    const list = byDocument.get(hit.documentId) ?? [];
    list.push(hit);
    byDocument.set(hit.documentId, list);
  }
  const counted = new Map(result.counts.map((entry) => [entry.documentId, entry.count]));
  const where = (hit: SearchHit) => placeOf(hit) ?? Number.POSITIVE_INFINITY;
  return [...byDocument.entries()]
    .map(([documentId, hits]) => ({
      documentId,
      // Array.prototype.sort is stable: hits at one place keep their rank order.
      hits: [...hits].sort((a, b) => where(a) - where(b)),
      count: Math.max(counted.get(documentId) ?? 0, hits.length),
    }))
    .sort((a, b) => groupRank(a.documentId, rank) - groupRank(b.documentId, rank));
}

function groupRank(documentId: string | null, rank: ReadonlyMap<string, number>): number {
  if (documentId === null) return Number.MAX_SAFE_INTEGER;
  return rank.get(documentId) ?? Number.MAX_SAFE_INTEGER - 1;
}

/** A text hit's place: its first matched word, or its passage. */
export function textPlace(hit: SearchHit): number | null {
  return hit.matches[0]?.start ?? hit.passage?.start ?? null;
}

/** A stable key of a hit within one result (the list's keys, the current hit kept across a new answer). */
export function hitKey(hit: SearchHit): string {
  return [hit.kind, hit.documentId, hit.annotationId, hit.tagId, hit.claimId, hit.passage?.start, hit.matches[0]?.start].join('|');
}
