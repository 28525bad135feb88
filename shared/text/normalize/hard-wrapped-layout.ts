/**
 * The layout of a hard-wrapped text: which lines form a paragraph, a heading, verse, a list item,
 * a footnote, an epigraph and its attribution, and which lines are page furniture. Works on line
 * positions only (no text is built here); the normalizer then emits the blocks.
 *
 * The rules rest on how justified text is set: inside a paragraph every line is full, so a line
 * after which the next word would still have fitted ends something (a paragraph, a verse line, a
 * heading). Widths are estimated from the letters (capitals are wide, "i" and "l" narrow) and
 * compared with the text's own typical line width, so no column width has to be configured.
 */
import type { LocatorKind, TextBlockKind } from '../text-model';
import type { FurnitureRules } from './furniture';
import { rawLines } from './raw-lines';

export interface LayoutRules {
  readonly furniture: FurnitureRules;
  readonly chapterHeading: RegExp;
  readonly listItem: RegExp;
  readonly footnote: RegExp;
  readonly detectSections: boolean;
  readonly sectionMaxLength: number;
  /** Lower-case words a title may keep in lower case ("of", "the"). */
  readonly minorWords: ReadonlySet<string>;
  /** A line is short when it plus the next word stays under this share of the typical width. */
  readonly shortLineRatio: number;
}

/** A content line: [start, end) is its text without the white space around it. */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly width: number;
  /** The first word's estimated width. */
  readonly firstWordWidth: number;
  /** A stray glyph set off at the end of the line: a locator, not text. */
  readonly glyph?: { readonly start: number; readonly end: number };
}

export interface Furniture {
  readonly kind: LocatorKind;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** The page number a running header carries. */
  readonly page?: string;
}

export interface LayoutBlock {
  kind: TextBlockKind;
  level?: number;
  role?: 'epigraph';
  readonly lines: Line[];
  /** gaps[k]: the furniture set aside between lines[k-1] and lines[k] where a blank gap was closed. */
  readonly gaps: (readonly Furniture[] | undefined)[];
  /** No blank line between this block and the one before (split by a deliberate line break). */
  readonly sameRunAsPrevious?: boolean;
}

export type LayoutItem = { readonly furniture: Furniture } | { readonly block: LayoutBlock };

interface Run {
  readonly lines: Line[];
  readonly gapBefore: Furniture[];
}

interface Segment {
  kind: TextBlockKind;
  level?: number;
  readonly lines: Line[];
  readonly firstInRun: boolean;
  readonly lastInRun: boolean;
  /** Furniture in the gap before this segment (only for the first segment of a run). */
  readonly gapBefore: Furniture[];
}

// ---------------------------------------------------------------------------------------------
// Widths

/** Estimated width of a character, in widths of an average lower-case letter. */
function charWidth(code: number): number {
  if (code === 32) return 0.55;
  // i j l t f I . , ; : ' ! |
  if (code === 105 || code === 106 || code === 108 || code === 116 || code === 102 || code === 73) return 0.55;
  if (code === 46 || code === 44 || code === 59 || code === 58 || code === 39 || code === 33 || code === 124) return 0.55;
  if (code === 109 || code === 119 || code === 77 || code === 87) return 1.5; // m w M W
  if (code >= 65 && code <= 90) return 1.35; // capitals
  if (code === 0x2014) return 1.8; // em dash
  if (code === 0x2019) return 0.55;
  if (code >= 0x0400 && code <= 0x04ff) return code <= 0x042f ? 1.35 : 1; // Cyrillic
  return 1;
}

const WIDTHS = Float64Array.from({ length: 0x0500 }, (_, code) => charWidth(code));

function textWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    width += code < 0x0500 ? WIDTHS[code]! : charWidth(code);
  }
  return width;
}

const SPACE_WIDTH = 0.55;


// ---------------------------------------------------------------------------------------------
// Small text predicates

const CLOSERS = /["'”’)\]»]+$/u;

/** The line ends a sentence or a clause that stands on its own (., ?, !, :, ;, …). */
function endsSentence(text: string): boolean {
  const stripped = text.replace(CLOSERS, '');
  const last = stripped[stripped.length - 1];
  return last !== undefined && '.?!:;…'.includes(last);
}

/** The first letter (after opening quotes or brackets) is lower case. */
function startsLower(text: string): boolean {
  const match = /^[\s"'“‘«([]*(\p{L})/u.exec(text);
  return match !== null && /\p{Ll}/u.test(match[1]!);
}

/** The first letter (after opening quotes or brackets) is a capital. */
function startsUpper(text: string): boolean {
  const match = /^[\s"'“‘«([]*(\p{L})/u.exec(text);
  return match !== null && /\p{Lu}/u.test(match[1]!);
}

/** The line ends in a hyphen right after a letter or digit ("Dzhu-"). */
export function endsWithWordHyphen(text: string): boolean {
  return text.length >= 2 && text.endsWith('-') && /[\p{L}\p{N}]/u.test(text[text.length - 2]!);
}

export function endsWithDash(text: string): boolean {
  return text.endsWith('—') || text.endsWith('–');
}

const INITIALS = /(?:^|[\s"'])\p{Lu}\p{Ll}?\.\s?\p{Lu}/u;
const NAME_LINE = /^(?:[—–-]\s*)?(?:\p{L}{1,2}\.\s?)*\p{Lu}[\p{L}'’-]+\.?$/u;

/** A one-line name: "V.I. Lenin", "A. France.", "Euripides". */
function isNameLine(text: string): boolean {
  return text.length <= 40 && NAME_LINE.test(text);
}

/**
 * Quotes are balanced: an even number of double quotes, and no single quote opened without being
 * closed (a closing one may be an apostrophe: "Workers' Party").
 */
function quotesBalanced(text: string): boolean {
  const doubles = (text.match(/["“”]/g) ?? []).length;
  const opening = (text.match(/(?:^|[\s("“])['‘](?=\S)/gu) ?? []).length;
  const closing = (text.match(/(?<=\S)['’](?=$|[\s.,;:!?)"”])/gu) ?? []).length;
  return doubles % 2 === 0 && opening <= closing;
}

// ---------------------------------------------------------------------------------------------

export class HardWrappedLayout {
  private typicalWidth = 0;

  constructor(
    private readonly raw: string,
    private readonly rules: LayoutRules,
  ) {}

  layout(): LayoutItem[] {
    const { runs, trailing } = this.readRuns();
    this.typicalWidth = this.measureTypicalWidth(runs);
    const segments = runs.flatMap((run) => this.segmentRun(run));
    this.classifySections(segments);
    const items = this.mergeSegments(segments);
    for (const furniture of trailing) items.push({ furniture });
    this.findAttributionsAndEpigraphs(items);
    return items;
  }

  // -- lines, furniture and runs ----------------------------------------------------------------

  private readRuns(): { runs: Run[]; trailing: Furniture[] } {
    const { raw } = this;
    const runs: Run[] = [];
    let current: Line[] = [];
    let gap: Furniture[] = [];
    const flush = () => {
      if (current.length === 0) return;
      runs.push({ lines: current, gapBefore: gap });
      current = [];
      gap = [];
    };
    for (const { start, end } of rawLines(raw)) {
      if (end > start) {
        const text = raw.slice(start, end);
        const furniture = this.rules.furniture.classify(text);
        if (furniture) {
          flush();
          gap.push({ ...furniture, start, end });
        } else {
          current.push(this.makeLine(start, end, text));
        }
      } else {
        flush();
      }
    }
    flush();
    return { runs, trailing: gap };
  }

  private makeLine(start: number, end: number, text: string): Line {
    const glyphLength = this.rules.furniture.trailingGlyphLength(text);
    let glyph: Line['glyph'];
    if (glyphLength > 0) {
      const glyphStart = end - glyphLength + (/^\s+/u.exec(text.slice(text.length - glyphLength))?.[0].length ?? 0);
      glyph = { start: glyphStart, end };
      end -= glyphLength;
      text = text.slice(0, text.length - glyphLength);
    }
    const firstWord = /^\S+/u.exec(text)?.[0] ?? '';
    const line: Line = { start, end, text, width: textWidth(text), firstWordWidth: textWidth(firstWord) };
    return glyph ? { ...line, glyph } : line;
  }

  /** The median width of lines that wrap into a next line: the text's full line width. */
  private measureTypicalWidth(runs: readonly Run[]): number {
    const widths: number[] = [];
    for (const run of runs) {
      for (let index = 0; index + 1 < run.lines.length; index++) widths.push(run.lines[index]!.width);
    }
    if (widths.length === 0) return Number.POSITIVE_INFINITY;
    widths.sort((a, b) => a - b);
    return widths[widths.length >> 1]!;
  }

  /** After `line`, the next line's first word would still have fitted: the line break is deliberate. */
  private isShortBefore(line: Line, next: Line): boolean {
    return line.width + SPACE_WIDTH + next.firstWordWidth < this.rules.shortLineRatio * this.typicalWidth;
  }

  private isFullWidth(line: Line): boolean {
    return line.width >= 0.92 * this.typicalWidth;
  }

  // -- segments --------------------------------------------------------------------------------

  private isListStart(line: Line): boolean {
    return this.rules.listItem.test(line.text);
  }

  /**
   * Lines that keep their breaks: most breaks deliberate, some inside a sentence, few full lines;
   * or (songs, whose lines are long) three or more lines, nearly all capitalized and most not full.
   */
  private isVerse(lines: readonly Line[]): boolean {
    if (lines.length < 2) return false;
    let short = 0;
    let open = 0;
    let listStarts = 0;
    let full = 0;
    let capitalized = 0;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (this.isListStart(line)) listStarts++;
      if (this.isFullWidth(line)) full++;
      const next = lines[index + 1];
      if (next && this.isShortBefore(line, next)) {
        short++;
        if (!endsSentence(line.text)) open++;
      }
    }
    if (listStarts * 2 >= lines.length) return false;
    const breaks = lines.length - 1;
    if (short * 2 >= breaks && open >= 1 && full * 3 <= lines.length) return true;
    // Songs with long lines: nearly every line capitalized, most not full, and words in lower
    // case inside the lines (an address block or a list of names is capitalized throughout).
    if (lines.length < 3 || listStarts > 0 || lines.some((line) => /\p{N}/u.test(line.text))) return false;
    const fullBeforeLast = full - (this.isFullWidth(lines[breaks]!) ? 1 : 0);
    if (fullBeforeLast * 2 > breaks) return false;
    for (let index = 1; index < lines.length; index++) if (startsUpper(lines[index]!.text)) capitalized++;
    if (capitalized * 4 < breaks * 3) return false;
    let inner = 0;
    let innerCapitalized = 0;
    for (const line of lines) {
      const words = line.text.match(/\p{L}+/gu) ?? [];
      for (const word of words.slice(1)) {
        inner++;
        if (/^\p{Lu}/u.test(word)) innerCapitalized++;
      }
    }
    return innerCapitalized * 3 < inner;
  }

  /** An epigraph of a few lines that are not full: verse, whatever its breaks. */
  private isShortLined(lines: readonly Line[]): boolean {
    return lines.length >= 2 && lines.length <= 8 && lines.slice(0, -1).every((line) => !this.isFullWidth(line));
  }

  private segmentRun(run: Run): Segment[] {
    const { lines } = run;
    if (this.isVerse(lines)) {
      return [{ kind: 'verse', lines, firstInRun: true, lastInRun: true, gapBefore: run.gapBefore }];
    }
    const pieces: Line[][] = [[lines[0]!]];
    for (let index = 1; index < lines.length; index++) {
      const previous = lines[index - 1]!;
      const line = lines[index]!;
      const short = this.isShortBefore(previous, line);
      const split =
        (this.isListStart(line) && (short || endsSentence(previous.text))) ||
        (short && (endsSentence(previous.text) || this.isTitleLine(previous.text))) ||
        // A title line closing the run after a finished sentence: a heading whose blank line was lost.
        (index === lines.length - 1 && endsSentence(previous.text) && this.isTitleLine(line.text));
      if (split) pieces.push([line]);
      else pieces[pieces.length - 1]!.push(line);
    }
    return pieces.map((piece, index) => {
      const first = piece[0]!;
      const segment: Segment = {
        kind: 'paragraph',
        lines: piece,
        firstInRun: index === 0,
        lastInRun: index === pieces.length - 1,
        gapBefore: index === 0 ? run.gapBefore : [],
      };
      if (piece.length === 1 && this.rules.chapterHeading.test(first.text)) {
        segment.kind = 'heading';
        segment.level = 1;
      } else if (this.rules.footnote.test(first.text)) {
        segment.kind = 'footnote';
      } else if (this.isListStart(first)) {
        segment.kind = 'list-item';
      }
      return segment;
    });
  }

  /** A line set like a title: short, capitalized words (minor words aside), no final comma or colon. */
  isTitleLine(text: string): boolean {
    if (text.length < 3 || text.length > this.rules.sectionMaxLength) return false;
    if (/\p{N}/u.test(text) || /[,:;—–-]$/u.test(text) || INITIALS.test(text)) return false;
    if (!/^["'“‘]?\p{Lu}/u.test(text) || !quotesBalanced(text)) return false;
    const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
    if (words.length < 2) return false;
    return words.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && this.rules.minorWords.has(word)));
  }

  /** Single title lines that stand alone between a finished paragraph and a new one: section headings. */
  private classifySections(segments: Segment[]): void {
    if (!this.rules.detectSections) return;
    segments.forEach((segment, index) => {
      if (segment.kind !== 'paragraph' || segment.lines.length !== 1 || !segment.lastInRun) return;
      const text = segment.lines[0]!.text;
      if (!this.isTitleLine(text)) return;
      const previous = segments[index - 1];
      const next = segments[index + 1];
      if (next && startsLower(next.lines[0]!.text)) return;
      // Inside a letter, where every paragraph opens with a quotation mark, a quoted line is not a heading.
      if (/^["“]/u.test(text) && previous && /^["“]/u.test(previous.lines[0]!.text)) return;
      // After a comma the line finishes what came before (a signature under "On behalf of …,").
      if (previous && /,["'”’)]*$/u.test(previous.lines[previous.lines.length - 1]!.text)) return;
      if (previous?.kind === 'verse' && isNameLine(text)) return;
      segment.kind = 'heading';
      segment.level = 2;
    });
  }

  // -- closing the gaps of column breaks -------------------------------------------------------

  /** Does the blank gap before `segment` fall inside a sentence of `block`? */
  private continuesAcrossGap(block: LayoutBlock, segment: Segment): boolean {
    if (segment.kind !== 'paragraph') return false;
    const last = block.lines[block.lines.length - 1]!;
    const first = segment.lines[0]!;
    if (endsSentence(last.text)) return false;
    if (block.kind === 'verse') return startsLower(first.text);
    if (block.kind !== 'paragraph' && block.kind !== 'list-item' && block.kind !== 'footnote') return false;
    return (
      startsLower(first.text) ||
      endsWithWordHyphen(last.text) ||
      endsWithDash(last.text) ||
      !this.isShortBefore(last, first)
    );
  }

  private mergeSegments(segments: readonly Segment[]): LayoutItem[] {
    const items: LayoutItem[] = [];
    let block: LayoutBlock | null = null;
    for (const segment of segments) {
      if (segment.firstInRun && block && this.continuesAcrossGap(block, segment)) {
        block.gaps.push(segment.gapBefore, ...segment.lines.slice(1).map(() => undefined));
        block.lines.push(...segment.lines);
        continue;
      }
      for (const furniture of segment.gapBefore) items.push({ furniture });
      block = {
        kind: segment.kind,
        ...(segment.level !== undefined ? { level: segment.level } : {}),
        lines: [...segment.lines],
        gaps: segment.lines.map(() => undefined),
        sameRunAsPrevious: !segment.firstInRun,
      };
      items.push({ block });
    }
    return items;
  }

  // -- epigraphs -------------------------------------------------------------------------------

  /**
   * Names under verse or under a quotation next to a chapter heading are attributions; such a
   * quotation (with its attribution) next to a chapter heading is an epigraph. An epigraph of a
   * few lines that are not full keeps its line breaks (verse), even when they look like sentences.
   */
  private findAttributionsAndEpigraphs(items: LayoutItem[]): void {
    const blocksOf = () => items.flatMap((item) => ('block' in item ? [item.block] : []));
    const isChapter = (block: LayoutBlock | undefined) => block?.kind === 'heading' && block.level === 1;
    let blocks = blocksOf();
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!;
      if (block.kind !== 'paragraph' || block.lines.length !== 1 || !isNameLine(block.lines[0]!.text)) continue;
      const previous = blocks[index - 1];
      if (!previous) continue;
      if (previous.kind === 'verse') {
        block.kind = 'attribution';
        continue;
      }
      if (previous.kind !== 'paragraph') continue;
      // The quotation may have been cut into pieces at deliberate line breaks: take them together.
      let first = index - 1;
      let lineCount = previous.lines.length;
      while (first > 0 && blocks[first]!.sameRunAsPrevious && blocks[first - 1]!.kind === 'paragraph') {
        lineCount += blocks[first - 1]!.lines.length;
        if (lineCount > 8) break;
        first--;
      }
      if (!(isChapter(blocks[index + 1]) || isChapter(blocks[first - 1]) || first === 0)) continue;
      const quoted = blocks[first]!;
      for (let piece = first + 1; piece < index; piece++) {
        const merged = blocks[piece]!;
        quoted.lines.push(...merged.lines);
        quoted.gaps.push(...merged.gaps);
        items.splice(items.findIndex((item) => 'block' in item && item.block === merged), 1);
      }
      quoted.kind = this.isShortLined(quoted.lines) ? 'verse' : 'quote';
      block.kind = 'attribution';
      if (first < index - 1) {
        blocks = blocksOf();
        index = first + 1;
      }
    }
    blocks.forEach((block, index) => {
      if (!isChapter(block)) return;
      const isQuoted = (candidate: LayoutBlock | undefined) => candidate?.kind === 'verse' || candidate?.kind === 'quote';
      const pairs: [LayoutBlock | undefined, LayoutBlock | undefined][] = [
        [blocks[index + 1], blocks[index + 2]],
        [blocks[index - 2], blocks[index - 1]],
      ];
      for (const [quoted, attribution] of pairs) {
        if (quoted && attribution && isQuoted(quoted) && attribution.kind === 'attribution') {
          quoted.role = 'epigraph';
          attribution.role = 'epigraph';
        }
      }
    });
  }
}
