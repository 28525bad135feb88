/** The reader converts between reading-text offsets and editor positions without drift. */
import { describe, expect, it } from 'vitest';
import { TextPositions } from '../../renderer/src/prosemirror/text-positions';

describe('reading-text offsets and editor positions', () => {
  // "Chapter I" (0–9), "\n\n", "Stalin was dying." (11–28), "\n\n", "When the moon\nSuddenly" (30–52)
  const blocks = [
    { kind: 'heading' as const, level: 1, start: 0, end: 9 },
    { kind: 'paragraph' as const, start: 11, end: 28 },
    { kind: 'verse' as const, start: 30, end: 52 },
  ];
  const positions = new TextPositions(blocks);

  it('puts each block one position after the previous block closes', () => {
    expect(positions.toPosition(0)).toBe(1);
    expect(positions.toPosition(9)).toBe(10);
    expect(positions.toPosition(11)).toBe(12); // heading: 9 characters + 2 boundaries
    expect(positions.toPosition(30)).toBe(31);
    expect(positions.toPosition(52)).toBe(53);
  });

  it('round-trips every offset inside a block', () => {
    for (const block of blocks) {
      for (let offset = block.start; offset <= block.end; offset++) {
        expect(positions.toOffset(positions.toPosition(offset))).toBe(offset);
      }
    }
  });

  it('sends offsets between blocks to the end of the earlier block', () => {
    expect(positions.toPosition(10)).toBe(10);
    expect(positions.toOffset(11)).toBe(9); // the closing boundary of the heading
  });
});
