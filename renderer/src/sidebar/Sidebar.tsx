/**
 * The sidebar on the right: Annotations, Codebook, Orphans. Quiet and narrow (the text gets the
 * space), and collapsible to a thin strip.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/domain';
import { CodebookPanel } from '../codebook/CodebookPanel';
import { withDescendants, filterRoots } from '../codebook/tag-tree';
import { useSnapshot, useStores } from '../state/store-context';
import { AnnotationsTab, type SidebarFilters } from './AnnotationsTab';
import { OrphansTab } from './OrphansTab';

type TabId = 'annotations' | 'codebook' | 'orphans';
const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'orphans', label: 'Orphans' },
];

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly visible: readonly string[];
  readonly collapsed: boolean;
  readonly onCollapsed: (collapsed: boolean) => void;
  /** The grade and credibility filters: kept by the shell, where the export dialog starts from them. */
  readonly filters: SidebarFilters;
  readonly onFilters: (filters: SidebarFilters) => void;
}

export function Sidebar({ documents, visible, collapsed, onCollapsed, filters, onFilters }: Props) {
  const { annotations: annotationStore, codebook } = useStores();
  const { annotations } = useSnapshot(annotationStore);
  const { tags, tagFilter } = useSnapshot(codebook);
  const [tab, setTab] = useState<TabId>('annotations');
  const orphanCount = useMemo(() => annotations.filter((annotation) => annotation.status === 'orphan').length, [annotations]);

  // The tag filter follows the codebook: a new sub-tag of a chosen tag joins it, a removed tag leaves it.
  useEffect(() => {
    if (tagFilter.length === 0) return;
    const next = withDescendants(tags, filterRoots(tags, tagFilter));
    if (next.length !== tagFilter.length || next.some((id) => !tagFilter.includes(id))) codebook.setTagFilter(next);
  }, [tags, tagFilter, codebook]);

  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`sidebar-tab-${next.id}`)?.focus();
  };

  if (collapsed) {
    return (
      <aside className="sidebar collapsed" aria-label="Sidebar">
        <button type="button" className="tool" aria-label="Show the sidebar" title="Show the sidebar" onClick={() => onCollapsed(false)}>
          «
        </button>
        {orphanCount > 0 && (
          <span className="orphan-flag" title={`${orphanCount} orphaned annotations`}>
            {orphanCount}
          </span>
        )}
      </aside>
    );
  }

  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="sidebar-head">
        <div className="tabs" role="tablist" aria-label="Sidebar" onKeyDown={onTabKey}>
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              id={`sidebar-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls={`sidebar-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {label}
              {id === 'orphans' && orphanCount > 0 && <span className="tab-count"> {orphanCount}</span>}
              {id === 'codebook' && tags.length > 0 && <span className="tab-count muted"> {tags.length}</span>}
            </button>
          ))}
        </div>
        <button type="button" className="tool collapse" aria-label="Hide the sidebar" title="Hide the sidebar" onClick={() => onCollapsed(true)}>
          »
        </button>
      </div>
      <div className="tab-panel" role="tabpanel" id={`sidebar-panel-${tab}`} aria-labelledby={`sidebar-tab-${tab}`}>
        {tab === 'annotations' && <AnnotationsTab documents={documents} visible={visible} filters={filters} onFilters={onFilters} />}
        {tab === 'codebook' && <CodebookPanel />}
        {tab === 'orphans' && <OrphansTab documents={documents} />}
      </div>
    </aside>
  );
}
