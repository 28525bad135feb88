/**
 * The promise every normalizer and importer keeps: each character of the reading text maps back
 * to the same character of the raw file, except where an edit is recorded or white space was
 * put in place of a line break. Returns the characters that break it (empty when all is well).
 */
import { rawOffsetOf, type NormalizedText } from '../../shared/text/text-model';

export interface Untraceable {
  readonly textOffset: number;
  readonly textChar: string;
  readonly rawOffset: number;
  readonly rawChar: string | undefined;
  readonly context: string;
}

export function untraceableCharacters(normalized: NormalizedText, raw: string, limit = 20): Untraceable[] {
  const { text, edits, map } = normalized;
  const edited = new Uint8Array(text.length + 1);
  for (const edit of edits) edited.fill(1, edit.start, edit.end);
  const problems: Untraceable[] = [];
  for (let offset = 0; offset < text.length && problems.length < limit; offset++) {
    const char = text[offset]!;
    if (edited[offset] || /\s/.test(char)) continue;
    const rawOffset = rawOffsetOf(map, offset);
    if (raw[rawOffset] !== char) {
      problems.push({
        textOffset: offset,
        textChar: char,
        rawOffset,
        rawChar: raw[rawOffset],
        context: text.slice(Math.max(0, offset - 20), offset + 20),
      });
    }
  }
  return problems;
}

/** Structural sanity: blocks in order, inside the text, separated exactly by a blank line. */
export function structuralProblems(normalized: NormalizedText): string[] {
  const problems: string[] = [];
  const { text, blocks } = normalized;
  blocks.forEach((block, index) => {
    if (block.end <= block.start) problems.push(`block ${index} is empty`);
    if (block.end > text.length) problems.push(`block ${index} ends past the text`);
    const previous = blocks[index - 1];
    if (previous && text.slice(previous.end, block.start) !== '\n\n') {
      problems.push(`blocks ${index - 1} and ${index} are not separated by one blank line`);
    }
  });
  if (blocks.length > 0 && (blocks[0]!.start !== 0 || blocks[blocks.length - 1]!.end !== text.length)) {
    problems.push('the blocks do not cover the text from start to end');
  }
  return problems;
}
