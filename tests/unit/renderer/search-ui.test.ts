/**
 * The search's pure parts in the renderer: hits grouped by document in the documents' order with
 * the server's counts, each group in the order of its text; find in a pane stepping through the
 * matched words in text order with wrap-around; S as the toolbar's "Similar" key.
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../../shared/search';
import { toolbarActionOf } from '../../../renderer/src/annotations/keys';
import { firstFrom, matchesInOrder, step } from '../../../renderer/src/search/find-in-pane';
import { groupHits, textPlace } from '../../../renderer/src/search/hit-groups';
import { isFindKey } from '../../../renderer/src/search/use-pane-find-key';

function hit(documentId: string | null, start: number, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: documentId ? 'text' : 'claim',
    documentId,
    versionId: documentId ? `v-${documentId}` : null,
    passage: documentId ? { start, end: start + 50 } : null,
    matches: documentId ? [{ start: start + 5, end: start + 10 }] : [],
    annotationId: null,
    tagId: null,
    claimId: documentId ? null : 'c1',
    snippet: { text: 'Kirov', marks: [{ start: 0, end: 5 }] },
    chapter: null,
    page: null,
    score: 1,
    ...extra,
  };
}

describe('search hits grouped by document', () => {
  it('orders groups as the documents, claims and tags last, each group in text order, with the counts', () => {
    const result: SearchResult = {
      hits: [hit('b', 900), hit(null, 0), hit('a', 40), hit('b', 100), hit('a', 10)],
      total: 30,
      counts: [
        { documentId: 'b', count: 25 },
        { documentId: 'a', count: 2 },
        { documentId: null, count: 1 },
      ],
    };
    const groups = groupHits(result, ['a', 'b'], textPlace);
    expect(groups.map((group) => [group.documentId, group.count, group.hits.map(textPlace)])).toEqual([
      ['a', 2, [15, 45]],
      ['b', 25, [105, 905]],
      [null, 1, [null]],
    ]);
  });
});

describe('find in a pane', () => {
  it('lists the matched words of this version in text order, each once', () => {
    const result: SearchResult = {
      hits: [
        hit('a', 500, { matches: [{ start: 505, end: 510 }, { start: 520, end: 525 }] }),
        hit('a', 10, { matches: [{ start: 12, end: 17 }] }),
        hit('a', 500, { matches: [{ start: 505, end: 510 }] }),
        hit('a', 0, { versionId: 'old', matches: [{ start: 1, end: 2 }] }),
      ],
      total: 4,
      counts: [],
    };
    expect(matchesInOrder(result, 'v-a')).toEqual([
      { start: 12, end: 17 },
      { start: 505, end: 510 },
      { start: 520, end: 525 },
    ]);
    expect(matchesInOrder(null, 'v-a')).toEqual([]);
  });

  it('steps round the ends and starts from where the reader is', () => {
    expect(step(null, 3, 1)).toBe(0);
    expect(step(null, 3, -1)).toBe(2);
    expect(step(2, 3, 1)).toBe(0);
    expect(step(0, 3, -1)).toBe(2);
    expect(step(0, 0, 1)).toBeNull();
    const ranges = [{ start: 10, end: 12 }, { start: 50, end: 52 }];
    expect(firstFrom(ranges, 20)).toBe(1);
    expect(firstFrom(ranges, 60)).toBe(0);
    expect(firstFrom(ranges, null)).toBe(0);
    expect(firstFrom([], 0)).toBeNull();
  });
});

describe('search keys', () => {
  const key = (code: string, extra: Partial<KeyboardEvent> = {}) =>
    ({ code, key: extra.key ?? code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra }) as KeyboardEvent;

  it('maps S to Similar in the toolbar, Mod-F to find in the pane, by physical key', () => {
    expect(toolbarActionOf(key('KeyS', { key: 's' }))).toEqual({ kind: 'similar' });
    expect(toolbarActionOf(key('KeyS', { key: 'ы' }))).toEqual({ kind: 'similar' }); // Russian layout
    expect(toolbarActionOf(key('KeyS', { key: 's', ctrlKey: true }))).toBeNull();
    expect(isFindKey(key('KeyF', { key: 'f', ctrlKey: true }))).toBe(true);
    expect(isFindKey(key('KeyF', { key: 'а', metaKey: true }))).toBe(true);
    expect(isFindKey(key('KeyF', { key: 'F', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFindKey(key('KeyF', { key: 'f' }))).toBe(false);
  });
});
