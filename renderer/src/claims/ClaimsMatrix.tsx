/**
 * Every claim against every source: a row per claim, a column per source, and in each cell the
 * stances of that source's accounts (symbol, colour and words). Sortable by date and wording,
 * filterable by tag, person and stance. A row or a cell opens the claim in the compare view.
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { Claim, Stance } from '../../../shared/claims';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import { TagOptions } from '../codebook/TagOptions';
import { buildTagTree, flattenTree } from '../codebook/tag-tree';
import { useVirtualRows } from '../lists/use-virtual-rows';
import { useAnnotationIndex, useSnapshot, useStores } from '../state/store-context';
import { accountViews, agreementOf, allPeople, filterClaims, shortTitle, stancesConflict, stancesOf, type MatrixFilter } from './claim-facts';
import { StanceLegend, StanceMark, StanceOptions } from './StanceMark';

type SortKey = 'date' | 'wording';
interface Sort {
  readonly key: SortKey;
  readonly ascending: boolean;
}

/** Undated claims stay last whichever way the dates are sorted. */
function sortClaims(claims: readonly Claim[], sort: Sort): Claim[] {
  const direction = sort.ascending ? 1 : -1;
  return [...claims].sort((a, b) => {
    if (sort.key === 'wording') return direction * a.wording.localeCompare(b.wording) || compareDates(a, b);
    if (!a.date !== !b.date) return a.date ? -1 : 1;
    return direction * compareDates(a, b) || a.wording.localeCompare(b.wording);
  });
}

function compareDates(a: Claim, b: Claim): number {
  if (!a.date || !b.date) return 0;
  return a.date.from.localeCompare(b.date.from) || a.date.to.localeCompare(b.date.to);
}

interface RowFacts {
  readonly conflict: boolean;
  readonly agreement: ReturnType<typeof agreementOf>;
  readonly stances: ReadonlyMap<string, ReturnType<typeof stancesOf>>;
}

/** A row with a one-line wording, in pixels; a longer wording wraps (each row is measured once drawn). */
const estimateRow = () => 34;

/**
 * The rows scroll with the claims panel's tab panel: the box around the table scrolls it
 * sideways only (it grows with the table, though its overflow-x makes it look like a vertical
 * scroller too).
 */
const scrollContainer = (start: HTMLElement) => start.closest<HTMLElement>('[role="tabpanel"]');

/** The space of the rows not drawn, above or below those drawn. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="virtual-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

export function ClaimsMatrix({ documents }: { documents: readonly DocumentSummary[] }) {
  const { claims: claimStore, codebook, workspace } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { tags } = useSnapshot(codebook);
  const { claimsPanel } = useSnapshot(workspace);
  const annotationsById = useAnnotationIndex();
  const [sort, setSort] = useState<Sort>({ key: 'date', ascending: true });
  const [filter, setFilter] = useState<MatrixFilter>({ tag: '', person: '', stance: '' });

  const tagRows = useMemo(() => flattenTree(buildTagTree(tags)), [tags]);
  const people = useMemo(() => allPeople(claims), [claims]);
  const rows = useMemo(
    () => sortClaims(filterClaims(claims, filter, annotationsById, tags), sort),
    [claims, filter, annotationsById, tags, sort],
  );
  // What each row shows, worked out only for the rows drawn (a thousand claims, a screenful in
  // sight) and kept by claim: a changed claim is a new object, so its facts are worked out again,
  // and all of them when the highlights or the sources change.
  const facts = useMemo(() => {
    const known = new WeakMap<Claim, RowFacts>();
    return (claim: Claim): RowFacts => {
      let found = known.get(claim);
      if (!found) {
        found = {
          conflict: stancesConflict(claim),
          agreement: agreementOf(accountViews(claim, annotationsById, documents), claim),
          stances: new Map(documents.map((document) => [document.id, stancesOf(claim, document.id, annotationsById)])),
        };
        known.set(claim, found);
      }
      return found;
    };
  }, [annotationsById, documents]);
  const getItemKey = useCallback((index: number) => rows[index]!.id, [rows]);
  const virtual = useVirtualRows<HTMLTableSectionElement>({ count: rows.length, estimateSize: estimateRow, getItemKey, overscan: 10, scrollContainer });
  const labels = useMemo(() => new Map(documents.map((document) => [document.id, shortTitle(document)])), [documents]);
  const filtering = filter.tag !== '' || filter.person !== '' || filter.stance !== '';
  // Claim, date, a column a source, disputed.
  const columns = documents.length + 3;

  const open = (claim: Claim) => workspace.compareClaim(claim.id);
  // By index, not by the next row in the page: the next claim may not be drawn yet.
  const onRowKey = (claim: Claim, index: number) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(claim);
    } else if (event.key in step) {
      event.preventDefault();
      virtual.focusIndex(Math.max(0, Math.min(rows.length - 1, index + step[event.key]!)));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      virtual.focusIndex(event.key === 'Home' ? 0 : rows.length - 1);
    }
  };

  const sortHeader = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'} className={`sortable col-${key}`}>
        <button
          type="button"
          onClick={() => setSort(active ? { key, ascending: !sort.ascending } : { key, ascending: true })}
          title={`Sort by ${label.toLowerCase()}${active ? (sort.ascending ? ', descending' : ', ascending') : ''}`}
        >
          {label}
          <span aria-hidden="true" className="sort-arrow">
            {active ? (sort.ascending ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };

  if (claims.length === 0) {
    return (
      <div className="claims-empty">
        <p>
          <strong>No claims yet.</strong> Select a passage in a pane and choose <em>Claim…</em> to record what it says; each
          claim becomes a row here, with what every source says of it.
        </p>
      </div>
    );
  }

  return (
    <div className="matrix-view">
      <div className="matrix-tools">
        <div className="matrix-filters" role="group" aria-label="Filter claims">
          <label>
            <span>Tag</span>
            <select aria-label="Filter by tag" value={filter.tag} onChange={(event) => setFilter({ ...filter, tag: event.target.value })}>
              <option value="">Any tag</option>
              <TagOptions rows={tagRows} />
            </select>
          </label>
          <label>
            <span>Person</span>
            <select aria-label="Filter by person" value={filter.person} onChange={(event) => setFilter({ ...filter, person: event.target.value })}>
              <option value="">Anyone</option>
              {people.map((person) => (
                <option key={person} value={person}>
                  {person}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Stance</span>
            <select
              aria-label="Filter by stance"
              value={filter.stance}
              onChange={(event) => setFilter({ ...filter, stance: event.target.value as Stance | '' })}
            >
              <option value="">Any stance</option>
              <StanceOptions />
            </select>
          </label>
          {filtering && (
            <button type="button" className="link" onClick={() => setFilter({ tag: '', person: '', stance: '' })}>
              Clear filters
            </button>
          )}
          <span className="muted matrix-count" aria-live="polite">
            {filtering ? `${rows.length} of ${claims.length} claims` : `${claims.length} claims`}
          </span>
        </div>
        <StanceLegend />
      </div>
      {rows.length === 0 ? (
        <p className="claims-empty muted">No claim matches the filter.</p>
      ) : (
        <div className="matrix-scroll">
          {/* Only the rows near the visible part are drawn: the row count and each row's place are told. */}
          <table className="claims-matrix" aria-label="Claims by source" aria-rowcount={rows.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                {sortHeader('wording', 'Claim')}
                {sortHeader('date', 'Date')}
                {documents.map((document) => (
                  <th key={document.id} scope="col" className="col-source" title={displayTitle(document)}>
                    {labels.get(document.id)}
                  </th>
                ))}
                <th scope="col" className="col-disputed">
                  Disputed
                </th>
              </tr>
            </thead>
            <tbody ref={virtual.startRef}>
              {virtual.before > 0 && <SpacerRow height={virtual.before} columns={columns} />}
              {virtual.rows.map(({ index, key }) => {
                const claim = rows[index]!;
                const { conflict, agreement, stances: stancesBySource } = facts(claim);
                const figuresDiffer = !conflict && agreement.state === 'disputed';
                return (
                  <tr
                    key={key as string}
                    ref={virtual.measure}
                    data-index={index}
                    aria-rowindex={index + 2}
                    tabIndex={0}
                    className={claim.id === claimsPanel.claimId ? 'current' : undefined}
                    aria-current={claim.id === claimsPanel.claimId ? 'true' : undefined}
                    data-claim-id={claim.id}
                    title="Open in the compare view (Enter)"
                    onClick={() => open(claim)}
                    onKeyDown={onRowKey(claim, index)}
                  >
                    <th scope="row" className="col-wording">
                      {claim.wording}
                    </th>
                    <td className="col-date">{claim.date?.text ?? <span className="muted">undated</span>}</td>
                    {documents.map((document) => {
                      const stances = stancesBySource.get(document.id) ?? [];
                      const label = labels.get(document.id) ?? '';
                      return (
                        <td key={document.id} className="col-source cell" data-source={label}>
                          {stances.length === 0 ? (
                            <span className="no-account" role="img" aria-label={`${label}: no account`} title={`${label}: no account`}>
                              ·
                            </span>
                          ) : (
                            stances.map((stance, index) => <StanceMark key={index} stance={stance} source={label} />)
                          )}
                        </td>
                      );
                    })}
                    <td className="col-disputed">
                      {conflict ? (
                        <span className="agreement agreement-disputed" title="Some accounts support it, some contradict it">
                          <span aria-hidden="true">≠ </span>Disputed
                        </span>
                      ) : figuresDiffer ? (
                        <span className="agreement agreement-figures" title={agreement.reasons.join('; ')}>
                          <span aria-hidden="true">≈ </span>Figures differ
                        </span>
                      ) : (
                        <span className="visually-hidden">Not disputed</span>
                      )}
                    </td>
                  </tr>
                );
              })}
              {virtual.after > 0 && <SpacerRow height={virtual.after} columns={columns} />}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
