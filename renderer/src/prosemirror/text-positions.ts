/**
 * Converts between offsets of the reading text (what the store, selectors and citations use)
 * and ProseMirror positions (what the view uses). Each block node adds one position before and
 * one after its text, and so does each chunk of `BLOCKS_PER_CHUNK` blocks around them (see the
 * schema); the reading text puts "\n\n" between blocks. Nothing else differs.
 */
import { lastIndexAtOrBefore } from '../../../shared/sorted';
import type { TextBlock } from '../../../shared/text/text-model';

/** Blocks per chunk of the view's document (see the schema). */
export const BLOCKS_PER_CHUNK = 32;

export class TextPositions {
  /** ProseMirror position of each block's first character. */
  private readonly contentStarts: number[] = [];

  constructor(private readonly blocks: readonly TextBlock[]) {
    let position = 0;
    blocks.forEach((block, index) => {
      // A new chunk: the previous one closes (one position) and this one opens (one position).
      if (index % BLOCKS_PER_CHUNK === 0) position += index === 0 ? 1 : 2;
      this.contentStarts.push(position + 1);
      position += block.end - block.start + 2;
    });
  }

  /** The position of a text offset; an offset between blocks goes to the end of the earlier one. */
  toPosition(offset: number): number {
    const index = this.blockAtOffset(offset);
    const block = this.blocks[index];
    if (!block) return 1;
    return this.contentStarts[index]! + Math.min(Math.max(offset - block.start, 0), block.end - block.start);
  }

  /** The text offset of a position; a position on a block boundary goes to the nearest text. */
  toOffset(position: number): number {
    const index = Math.max(0, lastIndexAtOrBefore(this.contentStarts.length, (i) => this.contentStarts[i]!, position));
    const block = this.blocks[index];
    if (!block) return 0;
    return block.start + Math.min(Math.max(position - this.contentStarts[index]!, 0), block.end - block.start);
  }

  private blockAtOffset(offset: number): number {
    return Math.max(0, lastIndexAtOrBefore(this.blocks.length, (i) => this.blocks[i]!.start, offset));
  }
}
