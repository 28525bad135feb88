/** Opening a source in another pane: the panes' widths and places stay as the reader set them. */
import { describe, expect, it } from 'vitest';
import { NO_PANE, firstChoice } from '../../../renderer/src/import/PaneChoice';
import { layoutFrom, withPaneAdded, withPaneReplaced } from '../../../renderer/src/workspace/workspace';

const saved = {
  panes: [
    { documentId: 'russian', scrollOffset: 0, width: 0.5 },
    { documentId: 'wikipedia', scrollOffset: 1200, width: 0.3 },
    { documentId: 'volkogonov', scrollOffset: 90_000, width: 0.2 },
  ],
  theme: 'system' as const,
  fontSize: 17,
  firstRunDismissed: true,
};
const documents = ['russian', 'wikipedia', 'volkogonov', 'imported'].map((id) => ({ id }) as never);

describe('adding and replacing panes', () => {
  it('a new pane at the right takes its share from the others in proportion to their widths', () => {
    const before = layoutFrom(saved, documents);
    const after = withPaneAdded(before, 'imported', 4200);
    expect(after.panes.map((pane) => [pane.documentId, pane.initialOffset])).toEqual([
      ['russian', 0],
      ['wikipedia', 1200],
      ['volkogonov', 90_000],
      ['imported', 4200],
    ]);
    expect(after.widths.map((width) => Number(width.toFixed(3)))).toEqual([0.375, 0.225, 0.15, 0.25]);
    expect(after.panes.slice(0, 3)).toEqual(before.panes); // the open panes are kept, keys and all
  });

  it('a replaced pane is a new pane (its own key and place) in the same width', () => {
    const before = layoutFrom(saved, documents);
    const after = withPaneReplaced(before, 2, 'imported', 10);
    expect(after.panes[2]).toMatchObject({ documentId: 'imported', initialOffset: 10 });
    expect(after.panes[2]!.key).not.toBe(before.panes[2]!.key);
    expect(after.panes.slice(0, 2)).toEqual(before.panes.slice(0, 2));
    expect(after.widths).toEqual(before.widths);
  });
});

describe('the pane an import offers to replace when all four are open', () => {
  const panes = ['russian', 'wikipedia', 'volkogonov', 'imported'].map((documentId, index) => ({ index, documentId, title: documentId }));

  it('is the rightmost pane without highlights', () => {
    expect(firstChoice(panes, new Map([['imported', 3]]))).toBe('2');
    expect(firstChoice(panes, new Map())).toBe('3');
  });

  it('is none when every pane holds highlights', () => {
    expect(firstChoice(panes, new Map(panes.map((pane) => [pane.documentId, 1])))).toBe(NO_PANE);
  });
});
