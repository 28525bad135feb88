/**
 * The dock left of the panes for finding things: the search over the project (Ctrl+Shift+F) and
 * the passages suggested as telling the same event. Both stay mounted while the dock is open, so
 * switching between them keeps the query and the list; × or Escape closes the dock.
 */
import type { KeyboardEvent } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary } from '../../../shared/domain';
import type { FinderView } from '../state/finder-store';
import { useSnapshot, useStores } from '../state/store-context';
import { SearchPanel } from './SearchPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import './search.css';

const TABS: readonly { id: FinderView; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'suggestions', label: 'Similar passages' },
];
const tabId = (view: FinderView) => `finder-tab-${view}`;
const panelId = (view: FinderView) => `finder-panel-${view}`;

interface Props {
  readonly client: ApiClient;
  readonly documents: readonly DocumentSummary[];
}

export function FinderDock({ client, documents }: Props) {
  const { finder } = useStores();
  const { open } = useSnapshot(finder);
  if (!open) return null;

  const close = () => {
    finder.close();
    // The focus goes back to the text the reader was in, not to the page's start.
    document.querySelector<HTMLElement>('section.pane .source-text')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  };
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.findIndex((tab) => tab.id === open) + 1) % TABS.length]!;
    finder.show(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <aside className="finder-dock" aria-label="Find" onKeyDown={onKeyDown}>
      <div className="finder-head">
        <div className="tabs" role="tablist" aria-label="Find" onKeyDown={onTabKey}>
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              id={tabId(id)}
              type="button"
              role="tab"
              aria-selected={open === id}
              aria-controls={panelId(id)}
              tabIndex={open === id ? 0 : -1}
              onClick={() => (id === 'search' ? finder.openSearch() : finder.show(id))}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="tool icon" aria-label="Close the find panel" title="Close (Escape)" onClick={close}>
          ×
        </button>
      </div>
      {TABS.map(({ id }) => (
        <div key={id} className="finder-body" role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={open !== id}>
          {id === 'search' ? <SearchPanel client={client} documents={documents} /> : <SuggestionsPanel client={client} documents={documents} />}
        </div>
      ))}
    </aside>
  );
}
