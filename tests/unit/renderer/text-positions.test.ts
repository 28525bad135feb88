/** The reader converts between reading-text offsets and editor positions without drift. */
import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_CHUNK, TextPositions } from '../../../renderer/src/prosemirror/text-positions';

describe('reading-text offsets and editor positions', () => {
  // "Chapter I" (0–9), "\n\n", "Stalin was dying." (11–28), "\n\n", "When the moon\nSuddenly" (30–52)
  const blocks = [
    { kind: 'heading' as const, level: 1, start: 0, end: 9 },
    { kind: 'paragraph' as const, start: 11, end: 28 },
    { kind: 'verse' as const, start: 30, end: 52 },
  ];
  const positions = new TextPositions(blocks);

  it('puts each block one position after the previous block closes', () => {
    // Position 0 opens the first chunk, 1 the heading.
    expect(positions.toPosition(0)).toBe(2);
    expect(positions.toPosition(9)).toBe(11);
    expect(positions.toPosition(11)).toBe(13); // heading: 9 characters + 2 boundaries
    expect(positions.toPosition(30)).toBe(32);
    expect(positions.toPosition(52)).toBe(54);
  });

  it('round-trips every offset inside a block', () => {
    for (const block of blocks) {
      for (let offset = block.start; offset <= block.end; offset++) {
        expect(positions.toOffset(positions.toPosition(offset))).toBe(offset);
      }
    }
  });

  it('counts the chunk boundaries the view groups blocks in', () => {
    // 70 one-character blocks "a\n\nb\n\n…": chunks of BLOCKS_PER_CHUNK blocks add two positions each.
    const many = Array.from({ length: 70 }, (_, index) => ({ kind: 'paragraph' as const, start: index * 3, end: index * 3 + 1 }));
    const chunked = new TextPositions(many);
    expect(chunked.toPosition(0)).toBe(2); // doc → chunk → paragraph
    expect(chunked.toPosition(3)).toBe(5);
    const firstOfSecondChunk = BLOCKS_PER_CHUNK * 3;
    expect(chunked.toPosition(firstOfSecondChunk)).toBe(chunked.toPosition(firstOfSecondChunk - 3) + 5);
    for (const block of many) expect(chunked.toOffset(chunked.toPosition(block.start + 1))).toBe(block.start + 1);
  });

  it('sends offsets between blocks to the end of the earlier block', () => {
    expect(positions.toPosition(10)).toBe(11);
    expect(positions.toOffset(12)).toBe(9); // the closing boundary of the heading
  });
});
