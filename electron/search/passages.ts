/**
 * The passages a reading text is searched and compared in: its blocks (paragraphs, verse,
 * quotes, headings), a long block cut at sentence ends into pieces of at most MAX_PASSAGE
 * characters, so that a hit or a suggestion points at a passage a reader takes in at a glance.
 */
import type { TextBlock } from '../../shared/text/text-model';

export interface Passage {
  /** [start, end) in the reading text, UTF-16 code units. */
  readonly start: number;
  readonly end: number;
}

export const MAX_PASSAGE = 1200;

// A sentence ends at . ! ? … (and a closing quote or bracket) before white space and a capital,
// a digit or an opening quote; abbreviations such as "J. V. Stalin" are rare enough in these
// texts that a cut there only makes two shorter passages.
const SENTENCE_END = /[.!?…]["»”')\]]*\s+(?=["«“(\p{Lu}\p{N}])/gu;

export function passagesOf(text: string, blocks: readonly Pick<TextBlock, 'start' | 'end'>[]): Passage[] {
  const passages: Passage[] = [];
  for (const block of blocks) {
    if (text.slice(block.start, block.end).trim() === '') continue;
    if (block.end - block.start <= MAX_PASSAGE) {
      passages.push({ start: block.start, end: block.end });
      continue;
    }
    passages.push(...sentenceWindows(text, block.start, block.end));
  }
  return passages;
}

/** Consecutive sentences gathered up to MAX_PASSAGE; a single longer sentence is cut at a space. */
function sentenceWindows(text: string, start: number, end: number): Passage[] {
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  const body = text.slice(start, end);
  for (let match = SENTENCE_END.exec(body); match; match = SENTENCE_END.exec(body)) cuts.push(start + match.index + match[0].length);
  cuts.push(end);
  const windows: Passage[] = [];
  let windowStart = start;
  let last = start;
  for (const cut of cuts) {
    if (cut - windowStart > MAX_PASSAGE && last > windowStart) {
      windows.push({ start: windowStart, end: trimEnd(text, windowStart, last) });
      windowStart = last;
    }
    while (cut - windowStart > MAX_PASSAGE) {
      const space = text.lastIndexOf(' ', windowStart + MAX_PASSAGE);
      const at = space > windowStart ? space + 1 : windowStart + MAX_PASSAGE;
      windows.push({ start: windowStart, end: trimEnd(text, windowStart, at) });
      windowStart = at;
    }
    last = cut;
  }
  if (end > windowStart) windows.push({ start: windowStart, end: trimEnd(text, windowStart, end) });
  return windows;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
