/**
 * The find bar's state: the query, the words it matched in this pane's text (marked in the pane,
 * the current one stronger) and which one the reader is at; next and previous scroll to it.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { TextRange } from '../../../shared/search';
import type { ReadOnlySourceHandle } from '../prosemirror/source-handle';
import { firstFrom, matchesInOrder, step } from './find-in-pane';
import { useSearch } from './use-search';

/** Enough for every occurrence of a name in a long book. */
const FIND_LIMIT = 1000;

export interface FindInPane {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly matches: readonly TextRange[];
  readonly current: number | null;
  readonly error: string | null;
  readonly busy: boolean;
  /** The search found more passages than it lists: the count is a lower bound. */
  readonly more: boolean;
  readonly next: () => void;
  readonly previous: () => void;
}

export function useFindInPane(
  client: ApiClient,
  documentId: string,
  versionId: string,
  source: RefObject<ReadOnlySourceHandle | null>,
  open: boolean,
): FindInPane {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number | null>(null);
  const documentIds = useMemo(() => [documentId], [documentId]);
  const search = useSearch(client, open ? query : '', { documentIds, scopes: ['text'], limit: FIND_LIMIT });
  const matches = useMemo(() => matchesInOrder(search.result, versionId), [search.result, versionId]);

  const go = useCallback(
    (index: number | null) => {
      setCurrent(index);
      const range = index === null ? undefined : matches[index];
      if (range) source.current?.revealRange(range.start, range.end);
    },
    [matches, source],
  );

  // New matches: start at the first one from where the reader is.
  useEffect(() => {
    go(firstFrom(matches, source.current?.offsetAtTop() ?? null));
  }, [matches, go, source]);

  useEffect(() => {
    source.current?.showFindHits(open ? matches : [], open ? current : null);
  }, [open, matches, current, source]);

  // Closed: the marks go with the bar.
  useEffect(() => () => source.current?.showFindHits([], null), [source]);

  return {
    query,
    setQuery,
    matches,
    current,
    error: search.error,
    busy: search.busy,
    more: (search.result?.total ?? 0) > (search.result?.hits.length ?? 0),
    next: () => go(step(current, matches.length, 1)),
    previous: () => go(step(current, matches.length, -1)),
  };
}
