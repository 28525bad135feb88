/**
 * Find in one pane: the words a search of this document's text matched, in the order of the
 * text (the search answers by rank), each once, and stepping through them with wrap-around.
 */
import type { SearchResult, TextRange } from '../../../shared/search';

export function matchesInOrder(result: SearchResult | null, versionId: string): TextRange[] {
  if (!result) return [];
  const ranges = result.hits
    .filter((hit) => hit.kind === 'text' && hit.versionId === versionId)
    .flatMap((hit) => hit.matches)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return ranges.filter((range, index) => index === 0 || range.start !== ranges[index - 1]!.start || range.end !== ranges[index - 1]!.end);
}

/** The next (or previous) of `count` places after `current`, round the end. */
export function step(current: number | null, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first match at or after a reading-text offset (where the reader is), or the first. */
export function firstFrom(ranges: readonly TextRange[], offset: number | null): number | null {
  if (ranges.length === 0) return null;
  if (offset === null) return 0;
  const index = ranges.findIndex((range) => range.start >= offset);
  return index === -1 ? 0 : index;
}
