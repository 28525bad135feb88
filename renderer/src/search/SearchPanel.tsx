/**
 * Search over the whole project (Ctrl+Shift+F): the texts of the sources, the notes, tag names
 * and claims, as one types. Hits grouped by document with counts; ↑ ↓ move through them, Enter
 * (or a click) opens one, and next and previous (Enter and Shift+Enter once one is open, F3 and
 * Shift+F3, or the buttons) walk through them in order across the documents. A query the server
 * cannot read is told under the box.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import type { SearchHit, SearchScope } from '../../../shared/search';
import { useAnnotationIndex, useSnapshot, useStores } from '../state/store-context';
import { groupHits, hitKey, textPlace } from './hit-groups';
import { ALL_SCOPES, ScopeToggles } from './ScopeToggles';
import { SearchResults } from './SearchResults';
import { useOpenHit } from './use-open-hit';
import { useSearch } from './use-search';

/** Enough to read through; the group counts say how many there are in all. */
const SEARCH_LIMIT = 200;

interface Props {
  readonly client: ApiClient;
  readonly documents: readonly DocumentSummary[];
}

export function SearchPanel({ client, documents }: Props) {
  const { finder } = useStores();
  const { searchFocus } = useSnapshot(finder);
  const [query, setQuery] = useState('');
  const [scopes, setScopes] = useState<SearchScope[]>([...ALL_SCOPES]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [openedKey, setOpenedKey] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const search = useSearch(client, query, { scopes, limit: SEARCH_LIMIT });
  const annotationsById = useAnnotationIndex();
  const openHit = useOpenHit();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [searchFocus]);

  const documentOrder = useMemo(() => documents.map((document) => document.id), [documents]);
  const groups = useMemo(
    () =>
      search.result
        ? groupHits(search.result, documentOrder, (hit) =>
            hit.kind === 'note' && hit.annotationId ? (annotationsById.get(hit.annotationId)?.start ?? null) : textPlace(hit),
          )
        : [],
    [search.result, documentOrder, annotationsById],
  );
  const flat = useMemo(() => groups.flatMap((group) => group.hits), [groups]);
  const activeIndex = flat.findIndex((hit) => hitKey(hit) === activeKey);

  // A new answer: the first hit is where the keys start.
  useEffect(() => {
    setActiveKey(flat[0] ? hitKey(flat[0]) : null);
    setOpenedKey(null);
  }, [flat]);

  const titleOf = (documentId: string | null) => {
    if (documentId === null) return 'Tags and claims';
    const document = documents.find((d) => d.id === documentId);
    return document ? displayTitle(document) : 'A document no longer in the project';
  };
  const optionId = (hit: SearchHit) => `${id}-hit-${flat.indexOf(hit)}`;

  const open = (hit: SearchHit) => {
    const key = hitKey(hit);
    setActiveKey(key);
    setOpenedKey(key);
    openHit(hit);
  };
  const move = (direction: 1 | -1) => {
    if (flat.length === 0) return;
    const from = activeIndex === -1 ? (direction === 1 ? -1 : 0) : activeIndex;
    setActiveKey(hitKey(flat[(from + direction + flat.length) % flat.length]!));
  };
  const walk = (direction: 1 | -1) => {
    if (flat.length === 0) return;
    // The first step opens the hit the keys are on; each further one the next or previous.
    const index = activeIndex !== -1 && openedKey !== activeKey ? activeIndex : (Math.max(activeIndex, 0) + direction + flat.length) % flat.length;
    open(flat[index]!);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === 'F3') {
      event.preventDefault();
      walk(event.shiftKey ? -1 : 1);
    }
  };

  const total = search.result?.total ?? 0;
  const shown = search.result?.hits.length ?? 0;
  const documentCount = groups.filter((group) => group.documentId !== null).length;
  const errorId = `${id}-error`;
  return (
    <div className="search-panel">
      <form role="search" aria-label="Search the project" onSubmit={(event) => event.preventDefault()}>
        <input
          ref={input}
          type="search"
          role="combobox"
          className="search-input"
          aria-label="Search the sources, notes, tags and claims"
          aria-autocomplete="list"
          aria-expanded={flat.length > 0}
          aria-controls={`${id}-results`}
          aria-activedescendant={activeIndex >= 0 ? optionId(flat[activeIndex]!) : undefined}
          aria-invalid={search.error ? true : undefined}
          aria-describedby={search.error ? errorId : `${id}-hint`}
          placeholder="Search: Kirov, Кирова, “a phrase”, Stalin*"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {search.error && (
          <p id={errorId} className="search-error" role="alert">
            {search.error}
          </p>
        )}
        <p id={`${id}-hint`} className="search-hint muted">
          Words in any form (Кирова finds Киров) · “a phrase” · prefix* · OR · -word leaves out · Latin letters find Cyrillic
          (Kirov finds Киров)
        </p>
        <ScopeToggles scopes={scopes} onScopes={setScopes} />
      </form>
      <div className="search-summary">
        <span className="muted" role="status" aria-live="polite">
          {summary(query, search.busy, search.error, total, shown, documentCount)}
        </span>
        <span className="search-walk">
          <button type="button" className="tool icon" aria-label="Previous hit" title="Previous hit (Shift+Enter, Shift+F3)" disabled={flat.length === 0} onClick={() => walk(-1)}>
            ↑
          </button>
          <button type="button" className="tool icon" aria-label="Next hit" title="Next hit (Enter, F3)" disabled={flat.length === 0} onClick={() => walk(1)}>
            ↓
          </button>
        </span>
      </div>
      <SearchResults
        listId={`${id}-results`}
        optionId={optionId}
        groups={groups}
        titleOf={titleOf}
        activeKey={activeKey}
        onActive={setActiveKey}
        onOpen={open}
      />
    </div>
  );
}

function summary(query: string, busy: boolean, error: string | null, total: number, shown: number, documents: number): string {
  if (!query.trim() || error) return '';
  if (busy && shown === 0) return 'Searching…';
  if (total === 0) return 'No hits';
  const where = documents > 0 ? ` in ${documents} document${documents === 1 ? '' : 's'}` : '';
  return `${total} hit${total === 1 ? '' : 's'}${where}${total > shown ? ` (the best ${shown} listed)` : ''}`;
}
