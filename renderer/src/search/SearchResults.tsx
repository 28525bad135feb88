/**
 * The search's hits, grouped by document with a count in each group's heading; each hit its
 * snippet with the matched words marked, and where it stands (chapter, page) or what it is (a
 * note, a tag, a claim). A listbox the search box drives (↑ ↓ Enter); a click opens a hit too.
 *
 * Only the hits near the visible part are drawn (see lists/use-virtual-rows.ts): headings and
 * hits are one list of rows, and the heading of the group in sight is always drawn above its
 * hits, where it sticks to the top as before. Each hit tells its place among all of them.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { SearchHit } from '../../../shared/search';
import { useVirtualRows } from '../lists/use-virtual-rows';
import { byGroup, groupedRows, headingAbove, type GroupedRow } from '../lists/virtual-layout';
import { hitKey, type HitGroup } from './hit-groups';
import { Snippet } from './Snippet';

interface Props {
  readonly listId: string;
  readonly optionId: (hit: SearchHit) => string;
  readonly groups: readonly HitGroup[];
  readonly titleOf: (documentId: string | null) => string;
  readonly activeKey: string | null;
  readonly onActive: (key: string) => void;
  readonly onOpen: (hit: SearchHit) => void;
}

const KIND_LABEL: Record<SearchHit['kind'], string> = { text: '', note: 'Note', tag: 'Tag', claim: 'Claim' };

/** Heights in pixels before a row is drawn and measured: a group's heading, a hit of two lines. */
const HEADING_HEIGHT = 28;
const HIT_HEIGHT = 62;

type Row = GroupedRow<HitGroup, SearchHit>;

const groupKey = (group: HitGroup) => group.documentId ?? 'other';
const hitsOf = (group: HitGroup) => group.hits;

export function SearchResults({ listId, optionId, groups, titleOf, activeKey, onActive, onOpen }: Props) {
  const rows = useMemo(() => groupedRows(groups, hitsOf), [groups]);
  const hitCount = rows.length - groups.length;
  const getItemKey = useCallback((index: number) => rowKey(rows[index]!), [rows]);
  const estimateSize = useCallback((index: number) => (rows[index]?.kind === 'heading' ? HEADING_HEIGHT : HIT_HEIGHT), [rows]);
  const pinned = useCallback((first: number) => [headingAbove(rows, first)], [rows]);
  const virtual = useVirtualRows<HTMLDivElement>({
    count: rows.length,
    estimateSize,
    getItemKey,
    overscan: 8,
    pinned,
    // The sticky heading covers the top of the list: a hit brought into sight goes below it.
    scrollPaddingStart: HEADING_HEIGHT,
  });

  // The hit the keys move to stays in sight in a long list (it may not be drawn yet).
  const { scrollToIndex } = virtual;
  useEffect(() => {
    const index = rows.findIndex((row) => row.kind === 'item' && hitKey(row.item) === activeKey);
    if (index >= 0) scrollToIndex(index);
  }, [activeKey, rows, scrollToIndex]);

  return (
    <div id={listId} role="listbox" aria-label="Search results" className="search-results">
      <div ref={virtual.startRef} className="virtual-rows" style={{ paddingTop: virtual.before, paddingBottom: virtual.after }}>
        {byGroup(rows, virtual.rows).map(({ group, rows: drawn }) => {
          const title = titleOf(group.documentId);
          const headingId = `${listId}-group-${groupKey(group)}`;
          return (
            <div key={groupKey(group)} role="group" aria-labelledby={headingId} className="hit-group" data-document-id={group.documentId ?? ''}>
              {drawn.map(({ row, drawn: { index, key } }) =>
                row.kind === 'heading' ? (
                  <div key={key as string} ref={virtual.measure} data-index={index} id={headingId} className="hit-group-head" role="presentation">
                    <span className="hit-group-title" title={title}>
                      {title}
                    </span>
                    <span className="hit-count" aria-label={`${group.count} hits`}>
                      {group.count}
                    </span>
                  </div>
                ) : (
                  <div
                    key={key as string}
                    ref={virtual.measure}
                    data-index={index}
                    id={optionId(row.item)}
                    role="option"
                    aria-selected={hitKey(row.item) === activeKey}
                    aria-setsize={hitCount}
                    aria-posinset={row.position + 1}
                    className="hit"
                    data-kind={row.item.kind}
                    // Mouse down would take the focus from the box that the keys work in.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      onActive(hitKey(row.item));
                      onOpen(row.item);
                    }}
                  >
                    <Snippet snippet={row.item.snippet} />
                    <HitPlace hit={row.item} />
                  </div>
                ),
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function rowKey(row: Row): string {
  return row.kind === 'heading' ? `group:${groupKey(row.group)}` : `hit:${hitKey(row.item)}`;
}

function HitPlace({ hit }: { hit: SearchHit }) {
  const parts = [KIND_LABEL[hit.kind], hit.chapter, hit.page ? `p. ${hit.page}` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="hit-place muted">{parts.join(' · ')}</span>;
}
