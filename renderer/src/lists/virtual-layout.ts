/**
 * The arithmetic of a virtualized list that keeps its rows in the normal flow of the page (so
 * that a table keeps its columns, a list its grid, a sticky heading its stickiness): the rows
 * drawn sit between two spacers that stand for the rows not drawn.
 *
 * Besides the run of rows around what is in sight, a list may keep a few rows drawn that lie
 * elsewhere ("pinned"): the heading of the group in sight, the row that has the focus, the row
 * being dragged. They are drawn next to the run (before it if they come before it), and the
 * spacers shrink by their size, so that the run stays exactly where the virtualizer put it.
 */

/** What the spacers need of a drawn row (the virtualizer's VirtualItem has these). */
export interface DrawnRow {
  readonly index: number;
  /** Offsets in the scroll container, scroll margin included; end = start + size. */
  readonly start: number;
  readonly end: number;
  readonly size: number;
}

export interface Spacers {
  /** Height of the space above the first drawn row, in pixels. */
  readonly before: number;
  /** Height of the space below the last drawn row, in pixels. */
  readonly after: number;
}

/**
 * The spacers around the drawn rows (sorted by index): `totalSize` is the height of all rows
 * (without the scroll margin), `scrollMargin` where the first row starts in the scroll container.
 */
export function flowSpacers(rows: readonly DrawnRow[], totalSize: number, scrollMargin: number): Spacers {
  if (rows.length === 0) return { before: 0, after: Math.max(0, totalSize) };
  const [from, to] = longestRun(rows);
  let pinnedBefore = 0;
  for (let i = 0; i < from; i++) pinnedBefore += rows[i]!.size;
  let pinnedAfter = 0;
  for (let i = to + 1; i < rows.length; i++) pinnedAfter += rows[i]!.size;
  return {
    before: Math.max(0, rows[from]!.start - scrollMargin - pinnedBefore),
    after: Math.max(0, totalSize - (rows[to]!.end - scrollMargin) - pinnedAfter),
  };
}

/** First and last position (in `rows`) of the longest run of consecutive indexes; the first such run on a tie. */
function longestRun(rows: readonly DrawnRow[]): [number, number] {
  let best: [number, number] = [0, 0];
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.index === rows[i - 1]!.index + 1) continue;
    if (i - 1 - from > best[1] - best[0]) best = [from, i - 1];
    from = i;
  }
  return best;
}

/** The indexes to draw: the virtualizer's run, and the pinned ones that are real rows, once each, in order. */
export function withPinned(run: readonly number[], pinned: readonly (number | null | undefined)[], count: number): number[] {
  const extra = pinned.filter((index): index is number => index !== null && index !== undefined && index >= 0 && index < count);
  if (extra.length === 0) return [...run];
  return [...new Set([...run, ...extra])].sort((a, b) => a - b);
}

/** A list of groups as one list of rows: each group's heading, then its items. */
export type GroupedRow<G, T> =
  | { readonly kind: 'heading'; readonly group: G; readonly groupIndex: number }
  | {
      readonly kind: 'item';
      readonly group: G;
      readonly groupIndex: number;
      readonly item: T;
      /** Position of the item among all items of all groups, from 0. */
      readonly position: number;
      /** Row of its group's heading. */
      readonly heading: number;
    };

export function groupedRows<G, T>(groups: readonly G[], itemsOf: (group: G) => readonly T[]): GroupedRow<G, T>[] {
  const rows: GroupedRow<G, T>[] = [];
  let position = 0;
  groups.forEach((group, groupIndex) => {
    const heading = rows.length;
    rows.push({ kind: 'heading', group, groupIndex });
    for (const item of itemsOf(group)) rows.push({ kind: 'item', group, groupIndex, item, position: position++, heading });
  });
  return rows;
}

/** The heading to keep drawn above the first drawn row: that of its group, when it is not itself drawn. */
export function headingAbove<G, T>(rows: readonly GroupedRow<G, T>[], firstIndex: number): number | null {
  const row = rows[firstIndex];
  return row?.kind === 'item' ? row.heading : null;
}

/** Drawn rows (in order) by the group they belong to, for drawing each group's element around its rows. */
export function byGroup<G, T, R extends { readonly index: number }>(
  rows: readonly GroupedRow<G, T>[],
  drawn: readonly R[],
): { readonly group: G; readonly groupIndex: number; readonly rows: { readonly row: GroupedRow<G, T>; readonly drawn: R }[] }[] {
  const result: { group: G; groupIndex: number; rows: { row: GroupedRow<G, T>; drawn: R }[] }[] = [];
  for (const item of drawn) {
    const row = rows[item.index];
    if (!row) continue;
    const last = result.at(-1);
    if (last && last.groupIndex === row.groupIndex) last.rows.push({ row, drawn: item });
    else result.push({ group: row.group, groupIndex: row.groupIndex, rows: [{ row, drawn: item }] });
  }
  return result;
}
