/**
 * The annotations of the documents open in the panes, in document order (pane by pane), filtered
 * by tag (shared with the panes), by the grade of the source and by the credibility of the
 * information (the sidebar's own), and by a search over their words, tags, colours, grades,
 * claims, stances and documents.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CREDIBILITY_WORDING, SOURCE_RELIABILITY_WORDING, type Annotation } from '../../../shared/annotations';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import { CREDIBILITIES, GRADES } from '../assessment/grades';
import { claimMarksByAnnotation } from '../claims/claim-marks';
import { TagOptions } from '../codebook/TagOptions';
import { buildTagTree, filterRoots, flattenTree, tagPath, withDescendants } from '../codebook/tag-tree';
import { VirtualList, type VirtualListHandle } from '../lists/VirtualList';
import { useSnapshot, useStores } from '../state/store-context';
import { AnnotationCard } from './AnnotationCard';
import { compileQuery, parseAnnotationQuery } from './annotation-query';
import { AnnotationQueryBox } from './AnnotationQueryBox';
import { useNow } from './time';

export interface SidebarFilters {
  /** '' any, 'none' ungraded, or a grade letter. */
  readonly grade: string;
  /** '' any, 'none' unrated, or '1'…'6'. */
  readonly credibility: string;
}

/** A card with a quote of three lines and its footer, in pixels; a note or tags make it taller (each is measured once drawn). */
const CARD_HEIGHT = 110;
const annotationKey = (annotation: Annotation) => annotation.id;

export const NO_SIDEBAR_FILTERS: SidebarFilters = { grade: '', credibility: '' };

interface Props {
  readonly documents: readonly DocumentSummary[];
  /** Documents open in the panes, in pane order. */
  readonly visible: readonly string[];
  readonly filters: SidebarFilters;
  readonly onFilters: (filters: SidebarFilters) => void;
}

export function AnnotationsTab({ documents, visible, filters, onFilters }: Props) {
  const stores = useStores();
  const { annotations } = useSnapshot(stores.annotations);
  const { hovered } = useSnapshot(stores.annotations.hovering);
  const { tags, tagFilter } = useSnapshot(stores.codebook);
  const { assessments } = useSnapshot(stores.assessments);
  const { claims } = useSnapshot(stores.claims);
  const claimMarks = useMemo(() => claimMarksByAnnotation(claims), [claims]);
  const now = useNow();
  const pointerIn = useRef(false);
  const list = useRef<VirtualListHandle>(null);

  const rows = useMemo(() => flattenTree(buildTagTree(tags)), [tags]);
  const roots = filterRoots(tags, tagFilter);
  const filterSet = useMemo(() => new Set(tagFilter), [tagFilter]);

  const titles = useMemo(() => new Map(documents.map((document) => [document.id, displayTitle(document)])), [documents]);
  const [query, setQuery] = useState('');
  const parsed = useMemo(() => parseAnnotationQuery(query), [query]);
  const matchesQuery = useMemo(
    () => compileQuery(parsed, { tags, claims, documentTitle: (id) => titles.get(id) ?? '' }),
    [parsed, tags, claims, titles],
  );
  const order = useMemo(() => new Map([...new Set(visible)].map((id, index) => [id, index])), [visible]);

  const inView = useMemo(
    () =>
      annotations
        .filter((annotation) => annotation.status === 'anchored' && order.has(annotation.documentId))
        .map((annotation, index) => ({ annotation, index }))
        .sort((a, b) => order.get(a.annotation.documentId)! - order.get(b.annotation.documentId)! || a.index - b.index)
        .map(({ annotation }) => annotation),
    [annotations, order],
  );
  // Not worked out again when only the hovered highlight changes: thousands of cards.
  const shown = useMemo(
    () =>
      inView.filter((annotation: Annotation) => {
        if (filterSet.size > 0 && !annotation.tagIds.some((id) => filterSet.has(id))) return false;
        if (!matchesQuery(annotation)) return false;
        const grade = assessments[annotation.documentId]?.reliability ?? null;
        if (filters.grade === 'none' ? grade !== null : filters.grade && grade !== filters.grade) return false;
        const credibility = annotation.credibility;
        if (filters.credibility === 'none' ? credibility !== null : filters.credibility && String(credibility) !== filters.credibility)
          return false;
        return true;
      }),
    [inView, filterSet, matchesQuery, assessments, filters],
  );
  const filtering = filterSet.size > 0 || filters.grade !== '' || filters.credibility !== '' || parsed.terms.length > 0;

  // A highlight lit in a pane brings its card into sight (its card may not be drawn yet); not
  // while the pointer is over the list, which would then move under it.
  useEffect(() => {
    if (!hovered || pointerIn.current) return;
    const index = shown.findIndex((annotation) => annotation.id === hovered);
    if (index >= 0) list.current?.scrollToIndex(index);
  }, [hovered, shown]);

  return (
    <div className="tab-body annotations-tab">
      <AnnotationQueryBox query={query} onQuery={setQuery} problems={parsed.problems} />
      <div className="filters" role="group" aria-label="Filter annotations">
        <label className="filter">
          <span>Tag</span>
          <select
            aria-label="Filter by tag"
            value={roots.length === 1 ? roots[0] : roots.length > 1 ? '*' : ''}
            onChange={(event) => {
              const value = event.target.value;
              if (value === '*') return;
              stores.codebook.setTagFilter(value ? withDescendants(tags, [value]) : []);
            }}
          >
            <option value="">Any tag</option>
            {roots.length > 1 && <option value="*">{roots.length} tags (from the codebook)</option>}
            <TagOptions rows={rows} />
          </select>
        </label>
        <label className="filter">
          <span>Source</span>
          <select
            aria-label="Filter by source reliability"
            value={filters.grade}
            onChange={(event) => onFilters({ ...filters, grade: event.target.value })}
          >
            <option value="">Any grade</option>
            {GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {grade} — {SOURCE_RELIABILITY_WORDING[grade]}
              </option>
            ))}
            <option value="none">Not graded</option>
          </select>
        </label>
        <label className="filter">
          <span>Credibility</span>
          <select
            aria-label="Filter by credibility"
            value={filters.credibility}
            onChange={(event) => onFilters({ ...filters, credibility: event.target.value })}
          >
            <option value="">Any</option>
            {CREDIBILITIES.map((value) => (
              <option key={value} value={String(value)}>
                {value} — {CREDIBILITY_WORDING[value]}
              </option>
            ))}
            <option value="none">Not rated</option>
          </select>
        </label>
      </div>
      {roots.length > 0 && (
        <div className="active-filter" aria-live="polite">
          Tag filter (panes too):{' '}
          {roots.map((id) => (
            <span key={id} className="chip">
              {tagPath(tags, id)}
            </span>
          ))}
          <button type="button" className="link" onClick={() => stores.codebook.setTagFilter([])}>
            Clear
          </button>
        </div>
      )}
      <p className="list-count muted" aria-live="polite">
        {filtering ? `${shown.length} of ${inView.length}` : inView.length} annotation{inView.length === 1 ? '' : 's'} in the open
        documents
      </p>
      {inView.length === 0 && (
        <p className="empty muted">Select a passage in a pane to highlight it; it appears here, in the order of the text.</p>
      )}
      {inView.length > 0 && shown.length === 0 && <p className="empty muted">No annotation matches the filter.</p>}
      <VirtualList
        className="cards"
        aria-label="Annotations"
        items={shown}
        itemKey={annotationKey}
        estimateSize={CARD_HEIGHT}
        handle={list}
        onMouseEnter={() => (pointerIn.current = true)}
        onMouseLeave={() => (pointerIn.current = false)}
        renderItem={(annotation, props) => (
          <li {...props}>
            <AnnotationCard
              annotation={annotation}
              tags={tags}
              grade={assessments[annotation.documentId]?.reliability}
              documentTitle={titles.get(annotation.documentId) ?? ''}
              lit={hovered === annotation.id}
              now={now}
              claimMarks={claimMarks.get(annotation.id)}
            />
          </li>
        )}
      />
    </div>
  );
}
