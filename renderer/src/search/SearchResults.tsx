/**
 * The search's hits, grouped by document with a count in each group's heading; each hit its
 * snippet with the matched words marked, and where it stands (chapter, page) or what it is (a
 * note, a tag, a claim). A listbox the search box drives (↑ ↓ Enter); a click opens a hit too.
 */
import { useEffect } from 'react';
import type { SearchHit } from '../../../shared/search';
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

export function SearchResults({ listId, optionId, groups, titleOf, activeKey, onActive, onOpen }: Props) {
  // The hit the keys move to stays in sight in a long list.
  useEffect(() => {
    const active = groups.flatMap((group) => group.hits).find((hit) => hitKey(hit) === activeKey);
    if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [activeKey, groups, optionId]);

  return (
    <div id={listId} role="listbox" aria-label="Search results" className="search-results">
      {groups.map((group) => {
        const title = titleOf(group.documentId);
        const headingId = `${listId}-group-${group.documentId ?? 'other'}`;
        return (
          <div key={group.documentId ?? 'other'} role="group" aria-labelledby={headingId} className="hit-group" data-document-id={group.documentId ?? ''}>
            <div id={headingId} className="hit-group-head" role="presentation">
              <span className="hit-group-title" title={title}>
                {title}
              </span>
              <span className="hit-count" aria-label={`${group.count} hits`}>
                {group.count}
              </span>
            </div>
            {group.hits.map((hit) => {
              const key = hitKey(hit);
              return (
                <div
                  key={key}
                  id={optionId(hit)}
                  role="option"
                  aria-selected={key === activeKey}
                  className="hit"
                  data-kind={hit.kind}
                  // Mouse down would take the focus from the box that the keys work in.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    onActive(key);
                    onOpen(hit);
                  }}
                >
                  <Snippet snippet={hit.snippet} />
                  <HitPlace hit={hit} />
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

function HitPlace({ hit }: { hit: SearchHit }) {
  const parts = [KIND_LABEL[hit.kind], hit.chapter, hit.page ? `p. ${hit.page}` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="hit-place muted">{parts.join(' · ')}</span>;
}
