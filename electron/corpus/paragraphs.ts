/**
 * Splits a decoded raw text into reading paragraphs, keeping for each the span of the raw text
 * it came from. This is deliberately plain: hard line breaks become spaces, nothing else is
 * changed. Structure (headings, verse, hyphenation, page furniture) is the normalizer's job.
 */
import { z } from 'zod';
import type { Block } from '../../shared/domain';

/** How a raw file lays out its paragraphs. */
export const TextLayout = z.enum([
  'line-per-block', // one paragraph per line (exported web text)
  'hard-wrapped', // lines wrapped at a fixed width, paragraphs separated by blank lines (OCR)
]);
export type TextLayout = z.infer<typeof TextLayout>;

interface Line {
  readonly start: number; // offset of the first non-blank character
  readonly end: number; // offset after the last non-blank character
  readonly text: string;
}

export function splitIntoParagraphs(raw: string, layout: TextLayout): Block[] {
  const lines = contentLines(raw);
  if (layout === 'line-per-block') {
    return lines.filter((line) => line !== null).map((line) => paragraph([line]));
  }
  const blocks: Block[] = [];
  let run: Line[] = [];
  for (const line of lines) {
    if (line === null) {
      if (run.length > 0) blocks.push(paragraph(run));
      run = [];
    } else {
      run.push(line);
    }
  }
  if (run.length > 0) blocks.push(paragraph(run));
  return blocks;
}

/** Each raw line trimmed, with its offsets; null for a blank line. */
function contentLines(raw: string): (Line | null)[] {
  const result: (Line | null)[] = [];
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = raw.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isBlank(raw.charCodeAt(start))) start++;
    while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
    result.push(start === end ? null : { start, end, text: raw.slice(start, end) });
    lineStart = lineEnd + 1;
  }
  return result;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0;
}

function paragraph(lines: readonly Line[]): Block {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return {
    kind: 'paragraph',
    text: lines.map((line) => line.text).join(' '),
    rawStart: first.start,
    rawEnd: last.end,
  };
}
