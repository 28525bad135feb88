/**
 * The reading text as the command line prints it: blocks separated by a blank line, headings
 * marked with "#" by level, as in Markdown. Offsets into that printout (in characters, i.e.
 * code points) lead back to offsets of the reading text, so `locate` can take what `text` shows.
 */
import { toUtf16Offset } from '../anchoring/selectors';
import type { NormalizedText } from './text-model';

interface Segment {
  readonly printedStart: number; // UTF-16 offset in the printout where this block's text begins
  readonly readingStart: number; // the same place in the reading text
  readonly markStart: number; // where the heading mark begins (== printedStart for other blocks)
}

export interface PrintedText {
  readonly printed: string;
  /** Reading-text offset (UTF-16) of a code-point offset into `printed`; null past its end. */
  readingOffset(printedCodePoint: number): number | null;
}

export function printedText({ text, blocks }: Pick<NormalizedText, 'text' | 'blocks'>): PrintedText {
  let printed = '';
  const segments: Segment[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) printed += '\n\n';
    const markStart = printed.length;
    if (block.kind === 'heading') printed += `${'#'.repeat(block.level ?? 1)} `;
    segments.push({ printedStart: printed.length, readingStart: block.start, markStart });
    printed += text.slice(block.start, block.end);
  });
  return {
    printed,
    readingOffset(printedCodePoint) {
      let utf16: number;
      try {
        utf16 = toUtf16Offset(printed, printedCodePoint);
      } catch {
        return null; // past the end of the printout
      }
      let segment = segments[0];
      for (const candidate of segments) {
        if (candidate.markStart > utf16) break;
        segment = candidate;
      }
      if (!segment) return null;
      // A heading mark stands for the heading's first character; the blank line between blocks
      // for the reading text's own "\n\n" separator.
      return segment.readingStart + Math.max(0, utf16 - segment.printedStart);
    },
  };
}
