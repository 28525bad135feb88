/**
 * A search that follows what is typed: asked ~200 ms after the last key, and an answer that
 * comes back after a newer question was asked is dropped, so the list never shows an older query's
 * hits. A malformed query ("unclosed) is the server's to judge: its message is kept for the box.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { SearchRequest, SearchResult, SearchScope } from '../../../shared/search';
import { messageOf } from '../state/errors';

export const SEARCH_DELAY_MS = 200;

export interface SearchState {
  /** The last answer, for `query` (null before the first, or when the box is empty). */
  readonly result: SearchResult | null;
  readonly query: string;
  readonly error: string | null;
  readonly busy: boolean;
}

const IDLE: SearchState = { result: null, query: '', error: null, busy: false };

interface Options {
  readonly documentIds?: readonly string[];
  readonly scopes?: readonly SearchScope[];
  readonly limit: number;
}

export function useSearch(client: ApiClient, query: string, { documentIds, scopes, limit }: Options): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  // Arrays change identity on every render; the search is asked again only when their contents change.
  const documentKey = documentIds?.join('\n') ?? '';
  const scopeKey = scopes?.join(',') ?? '';

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setState(IDLE);
      return;
    }
    let current = true;
    setState((now) => ({ ...now, busy: true }));
    const timer = setTimeout(() => {
      const request: SearchRequest = { query: trimmed, limit };
      if (documentKey) request.documentIds = documentKey.split('\n');
      if (scopeKey) request.scopes = scopeKey.split(',') as SearchScope[];
      client
        .search(request)
        .then((result) => current && setState({ result, query: trimmed, error: null, busy: false }))
        .catch((reason: unknown) => current && setState({ result: null, query: trimmed, error: plainMessage(reason), busy: false }));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query, documentKey, scopeKey, limit]);

  return state;
}

/** The server's words without the method's name in front ("search: …"). */
function plainMessage(reason: unknown): string {
  return messageOf(reason).replace(/^search:\s*/, '');
}
