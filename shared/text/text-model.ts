/**
 * The structured reading text of a document version, and how each of its characters maps back
 * to the raw file. This is what the normalizer and every importer produce, what the store keeps,
 * what the reader shows and what annotations anchor to.
 *
 * Offsets are UTF-16 code units of JavaScript strings: `text` offsets into the reading text,
 * `raw` offsets into the decoded raw file. (W3C selectors count code points; they are converted
 * at that boundary.)
 */
import { z } from 'zod';
import { codePointLength } from '../anchoring/selectors';
import { lastIndexAtOrBefore } from '../sorted';

/** Blocks of the reading flow. */
export const TextBlockKind = z.enum([
  'heading', // chapter, section, subsection: `level` 1–6
  'paragraph',
  'verse', // poems, songs, epigraphs in verse: line breaks inside `text` are kept as "\n"
  'quote', // a block quotation (epigraph, letter, transcript)
  'attribution', // the "— Author" line that belongs to the quote or verse before it
  'caption', // an image caption
  'hatnote', // "Main article: …", "See also: …"
  'list-item',
  'footnote',
]);
export type TextBlockKind = z.infer<typeof TextBlockKind>;

export const TextBlock = z.object({
  kind: TextBlockKind,
  /** 1 for a chapter or top section, 2 for a section within it, … */
  level: z.number().int().min(1).max(6).optional(),
  /** Epigraphs are quotes or verse set before a chapter or section. */
  role: z.enum(['epigraph']).optional(),
  /** [start, end) of the block in `text`. Blocks are separated by "\n\n" in `text`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextBlock = z.infer<typeof TextBlock>;

/**
 * A citation marker of the source (`[12]`, `[a]`, `[citation needed]`): not part of the reading
 * text (search and quotes skip it) but kept, at the text offset where it stood.
 */
export const CitationMarker = z.object({
  at: z.number().int().nonnegative(),
  label: z.string(),
  rawStart: z.number().int().nonnegative(),
  rawEnd: z.number().int().nonnegative(),
});
export type CitationMarker = z.infer<typeof CitationMarker>;

/**
 * Something printed that is not content (page numbers, running headers, issue markers, `[Text]`,
 * stray glyphs): out of the reading flow, kept as an invisible locator at the text offset where it
 * stood, so that a citation can say "near p. 143".
 */
export const LocatorKind = z.enum(['page', 'running-header', 'issue-marker', 'text-marker', 'glyph']);
export type LocatorKind = z.infer<typeof LocatorKind>;

export const Locator = z.object({
  kind: LocatorKind,
  /** For a page: the page number as printed ("143"); otherwise the line as printed. */
  label: z.string(),
  at: z.number().int().nonnegative(),
  rawStart: z.number().int().nonnegative(),
  rawEnd: z.number().int().nonnegative(),
});
export type Locator = z.infer<typeof Locator>;

/**
 * An edit the normalizer made to the words of the source (an OCR misreading, a joined line-end
 * hyphen). Never silent: each is listed, and the raw form stays one click away.
 */
const TextEditKind = z.enum(['ocr-correction', 'dehyphenation', 'hyphen-kept', 'character-reference']);
export const TextEdit = z.object({
  kind: TextEditKind,
  /** [start, end) of the edited form in `text`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The raw form, exactly as in the file (for a dehyphenation: "Dzhu- \ngashvili"). */
  raw: z.string(),
  /** Why, in words a reader understands ("“gashvili” alone is no word; “Dzhugashvili” occurs 12 times"). */
  reason: z.string(),
});
export type TextEdit = z.infer<typeof TextEdit>;

export const NormalizedText = z.object({
  /** Reading text: blocks joined by "\n\n". */
  text: z.string(),
  blocks: z.array(TextBlock),
  citations: z.array(CitationMarker),
  locators: z.array(Locator),
  edits: z.array(TextEdit),
  /**
   * The map back to the raw file, as flat pairs [textStart0, rawStart0, textStart1, rawStart1, …]
   * sorted by text offset: text offset t maps to raw offset rawStart + (t − textStart) of the last
   * pair with textStart ≤ t. A new pair starts wherever the text stops copying the raw file
   * character for character (a joined line, a dropped hyphen, a removed page number).
   */
  map: z.array(z.number().int().nonnegative()),
});
export type NormalizedText = z.infer<typeof NormalizedText>;

/** Raw offset of a text offset, by binary search over the map. */
export function rawOffsetOf(map: readonly number[], textOffset: number): number {
  if (map.length === 0) return textOffset;
  const pair = Math.max(0, lastIndexAtOrBefore(map.length / 2, (index) => map[index * 2]!, textOffset));
  return map[pair * 2 + 1]! + (textOffset - map[pair * 2]!);
}

/**
 * Where a reading-text offset stands for a citation: the last printed page at or before it
 * ("near p. 143"), and the chapter (top-level heading) it falls in, by its words.
 */
export function pageAndChapterAt(
  normalized: Pick<NormalizedText, 'text' | 'blocks' | 'locators'>,
  textOffset: number,
): { page: string | null; chapter: string | null } {
  // Locators and blocks are in text order: search back from the offset rather than through the whole text.
  let page: string | null = null;
  const { locators, blocks } = normalized;
  for (let index = lastIndexAtOrBefore(locators.length, (at) => locators[at]!.at, textOffset); index >= 0; index--) {
    if (locators[index]!.kind === 'page') {
      page = locators[index]!.label;
      break;
    }
  }
  let chapter: string | null = null;
  for (let index = lastIndexAtOrBefore(blocks.length, (at) => blocks[at]!.start, textOffset); index >= 0; index--) {
    const block = blocks[index]!;
    if (block.kind === 'heading' && (block.level ?? 1) === 1) {
      chapter = normalized.text.slice(block.start, block.end);
      break;
    }
  }
  return { page, chapter };
}

/**
 * Where a reading-text offset comes from in the raw file (line and column) and where it stands for
 * a citation (page, chapter): what the API's `locateText` and the CLI's `locate` both report.
 */
export function rawPlaceAt(
  normalized: Pick<NormalizedText, 'text' | 'blocks' | 'locators' | 'map'>,
  rawText: string,
  lines: LineIndex,
  textOffset: number,
): { rawOffset: number; line: number; column: number; page: string | null; chapter: string | null } {
  // The map can point one past a trailing newline the raw text was read without: stay inside it.
  const rawOffset = Math.min(rawOffsetOf(normalized.map, textOffset), rawText.length);
  return { rawOffset, ...lines.lineColumn(rawOffset), ...pageAndChapterAt(normalized, textOffset) };
}

/** 1-based line and column (in code points) of a raw offset, as editors and `locate` show them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Line starts of a raw text, for turning offsets into line:column and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly raw: string) {
    for (let index = raw.indexOf('\n'); index !== -1; index = raw.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.raw.length;
  }

  lineColumn(offset: number): LineColumn {
    const line = Math.max(0, lastIndexAtOrBefore(this.starts.length, (index) => this.starts[index]!, offset));
    const lineStart = this.starts[line]!;
    // Columns count code points, as editors do: a character outside the BMP is one column, not two.
    const column = codePointLength(this.raw.slice(lineStart, offset)) + 1;
    return { line: line + 1, column };
  }
}
