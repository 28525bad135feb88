/**
 * The arithmetic of the virtualized lists: the spacers around the drawn rows (with a scroll
 * margin, and with rows pinned away from the run in sight), the rows kept drawn, and a grouped
 * list (search hits by document) as one list of rows with the heading of the group in sight.
 */
import { describe, expect, it } from 'vitest';
import { byGroup, flowSpacers, groupedRows, headingAbove, withPinned, type DrawnRow } from '../../../renderer/src/lists/virtual-layout';

/** Rows of `size` pixels each starting at `margin`, as the virtualizer places them. */
function placed(indexes: readonly number[], size = 10, margin = 0): DrawnRow[] {
  return indexes.map((index) => ({ index, start: margin + index * size, end: margin + (index + 1) * size, size }));
}

describe('flowSpacers', () => {
  it('stands for the rows above and below those drawn', () => {
    // 100 rows of 10 px; rows 20–29 drawn.
    expect(flowSpacers(placed([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]), 1000, 0)).toEqual({ before: 200, after: 700 });
  });

  it('leaves out the scroll margin (where the list starts in the panel that scrolls)', () => {
    expect(flowSpacers(placed([5, 6, 7], 10, 120), 1000, 120)).toEqual({ before: 50, after: 920 });
  });

  it('keeps the run in place when a row above it is pinned next to it', () => {
    // The heading (row 3, 30 px) is drawn right above row 40: the spacer shrinks by its height.
    const rows = [{ index: 3, start: 30, end: 60, size: 30 }, ...placed([40, 41, 42])];
    expect(flowSpacers(rows, 1000, 0)).toEqual({ before: 400 - 30, after: 1000 - 430 });
  });

  it('keeps the run in place when a row below it is pinned', () => {
    const rows = [...placed([10, 11]), { index: 90, start: 900, end: 910, size: 10 }];
    expect(flowSpacers(rows, 1000, 0)).toEqual({ before: 100, after: 1000 - 120 - 10 });
  });

  it('a pinned row next to the run is simply part of it', () => {
    expect(flowSpacers(placed([9, 10, 11]), 1000, 0)).toEqual({ before: 90, after: 880 });
  });

  it('takes the longest run as the one in sight', () => {
    const rows = placed([2, 50, 51, 52, 53]);
    expect(flowSpacers(rows, 1000, 0)).toEqual({ before: 500 - 10, after: 1000 - 540 });
  });

  it('nothing drawn: one spacer for the whole list', () => {
    expect(flowSpacers([], 480, 0)).toEqual({ before: 0, after: 480 });
  });

  it('never a negative spacer (sizes measured while the list is being drawn)', () => {
    expect(flowSpacers([{ index: 0, start: 0, end: 50, size: 50 }], 40, 0)).toEqual({ before: 0, after: 0 });
  });
});

describe('withPinned', () => {
  it('adds the pinned rows in order, once each, and only real rows', () => {
    expect(withPinned([10, 11, 12], [3, null, 11, 99, -1, 40], 50)).toEqual([3, 10, 11, 12, 40]);
  });

  it('without pinned rows, the run as it is', () => {
    expect(withPinned([4, 5], [], 10)).toEqual([4, 5]);
    expect(withPinned([4, 5], [null, undefined], 10)).toEqual([4, 5]);
  });
});

describe('a grouped list as rows', () => {
  const groups = [
    { name: 'Russian', hits: ['r1', 'r2'] },
    { name: 'Empty', hits: [] as string[] },
    { name: 'Volkogonov', hits: ['v1', 'v2', 'v3'] },
  ];
  const rows = groupedRows(groups, (group) => group.hits);

  it('puts each heading before its items, numbering the items across the groups', () => {
    expect(rows.map((row) => (row.kind === 'heading' ? `# ${row.group.name}` : `${row.item}@${row.position}`))).toEqual([
      '# Russian',
      'r1@0',
      'r2@1',
      '# Empty',
      '# Volkogonov',
      'v1@2',
      'v2@3',
      'v3@4',
    ]);
  });

  it('keeps the heading of the group in sight drawn, unless the first row is a heading', () => {
    expect(headingAbove(rows, 6)).toBe(4);
    expect(headingAbove(rows, 2)).toBe(0);
    expect(headingAbove(rows, 4)).toBeNull();
    expect(headingAbove(rows, 99)).toBeNull();
  });

  it('gathers the drawn rows by group, in order', () => {
    const drawn = [{ index: 0 }, { index: 2 }, { index: 3 }, { index: 4 }, { index: 5 }];
    expect(byGroup(rows, drawn).map(({ group, rows: inGroup }) => [group.name, inGroup.map(({ drawn: { index } }) => index)])).toEqual([
      ['Russian', [0, 2]],
      ['Empty', [3]],
      ['Volkogonov', [4, 5]],
    ]);
  });
});
