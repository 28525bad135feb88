/**
 * Normalizer for text exported from the web, one logical block per line (the encyclopedia
 * article, the Russian account): headings with inferred levels, image captions, hatnotes, block
 * quotes with their attributions, and citation markers set aside as atoms. Every character of the
 * reading text is copied from the raw file (nothing is inserted), so all of it maps back.
 *
 * The rules are shared; what differs between sources is in the settings (the manifest's
 * `normalize` object). Each feature can be switched off with `false`; an absent one takes its
 * defaults, so `{ "layout": "line-per-block" }` alone suits any text exported this way.
 */
import { z } from 'zod';
import type { NormalizedText, TextBlockKind } from '../text-model';
import { citationFinder, CitationSettings, type CitationMatch } from './citations';
import { HeadingSettings, inferHeadingLevels, isHeadingShaped, type HeadingCandidate } from './line-per-block-headings';
import { rawLines } from './raw-lines';
import { TextBuilder } from './text-builder';

export const CaptionSettings = z.strictObject({
  /**
   * A blank line stands where an image was; the line after it is the image's caption. Switched
   * off by itself when blank lines separate most blocks (then they are only separators).
   */
  afterBlankLine: z.boolean().default(true),
  /** A longer line after a blank line is a paragraph, not a caption. */
  maxLength: z.number().int().positive().default(400),
  /**
   * A caption that starts with one of these labels ("Left: …") describes one image of a row; the
   * lines after it that start with another label ("Middle: …", "Right: …") are captions too.
   */
  partLabels: z
    .array(z.string().min(1))
    .default(['Left', 'Middle', 'Centre', 'Center', 'Right', 'Top', 'Bottom', 'Above', 'Below', 'Inset', 'Clockwise from top left', 'From left to right']),
});

export const HatnoteSettings = z.strictObject({
  /** A line starting with one of these is a hatnote. */
  prefixes: z
    .array(z.string().min(1))
    .default(['Main article:', 'Main articles:', 'See also:', 'Further information:', 'Further:', 'Related articles:', 'For more details', 'Not to be confused with']),
});

export const QuoteSettings = z.strictObject({
  /** A short line starting with one of these is the attribution of the quotation before it. */
  attributionDashes: z.array(z.string().min(1)).default(['—', '―', '– ']),
  maxAttributionLength: z.number().int().positive().default(200),
  /**
   * A short line that is no sentence, ends with a citation marker and follows a paragraph without
   * any ("Lenin, 4 January 1923[252]" after Lenin's words) is an attribution without a dash.
   */
  attributionWithoutDash: z.boolean().default(true),
  /**
   * How far back a quotation reaches from its attribution: the paragraphs without citation
   * markers right before it (an article cites its own sentences; a quotation is cited once, on
   * its attribution), at most this many.
   */
  maxParagraphs: z.number().int().positive().default(5),
});

export const LinePerBlockSettings = z.strictObject({
  layout: z.literal('line-per-block'),
  headings: z.union([z.literal(false), HeadingSettings]).optional(),
  captions: z.union([z.literal(false), CaptionSettings]).optional(),
  hatnotes: z.union([z.literal(false), HatnoteSettings]).optional(),
  quotes: z.union([z.literal(false), QuoteSettings]).optional(),
  citations: z.union([z.literal(false), CitationSettings]).optional(),
});
export type LinePerBlockSettings = z.infer<typeof LinePerBlockSettings>;
/** The settings as written in a manifest: every field but `layout` may be left out. */
export type LinePerBlockSettingsInput = z.input<typeof LinePerBlockSettings>;

interface Line {
  /** [start, end) of the line without its surrounding white space. */
  readonly start: number;
  readonly end: number;
  /** Blank lines right before this one. */
  readonly blanksBefore: number;
  readonly citations: CitationMatch[];
  kind: TextBlockKind;
  level?: number;
}

function resolve<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | null {
  return value === false ? null : (schema.parse(value ?? {}) as z.infer<T>);
}

function splitLines(raw: string): { start: number; end: number; blanksBefore: number }[] {
  const lines: { start: number; end: number; blanksBefore: number }[] = [];
  let blanks = 0;
  for (const { start, end, lineStart, lineEnd } of rawLines(raw)) {
    if (end > start) {
      lines.push({ start, end, blanksBefore: lines.length === 0 ? 0 : blanks });
      blanks = 0;
    } else if (lineEnd < raw.length || lineEnd > lineStart) {
      // The empty remainder after a final newline is no blank line of the text.
      blanks++;
    }
  }
  return lines;
}

function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => text.startsWith(prefix));
}

function startsWithPartLabel(text: string, labels: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return labels.some((label) => {
    const l = label.toLowerCase();
    return lower.startsWith(l) && /^\s*:/.test(lower.slice(l.length));
  });
}

export function normalizeLinePerBlock(raw: string, input: LinePerBlockSettingsInput): NormalizedText {
  const settings = LinePerBlockSettings.parse(input);
  const headingSettings = resolve(HeadingSettings, settings.headings);
  const captionSettings = resolve(CaptionSettings, settings.captions);
  const hatnoteSettings = resolve(HatnoteSettings, settings.hatnotes);
  const quoteSettings = resolve(QuoteSettings, settings.quotes);
  const citationSettings = resolve(CitationSettings, settings.citations);
  const finder = citationSettings ? citationFinder(citationSettings) : null;

  const lines: Line[] = splitLines(raw).map((line) => ({
    ...line,
    citations: finder ? finder.find(raw, line.start, line.end) : [],
    kind: 'paragraph',
  }));
  const anyCitations = lines.some((line) => line.citations.length > 0);

  // Blank lines mark images only where they are exceptions, not where they separate most blocks.
  const afterBlank = lines.filter((line) => line.blanksBefore > 0).length;
  const captionsAfterBlank =
    captionSettings !== null && captionSettings.afterBlankLine && afterBlank * 2 <= Math.max(0, lines.length - 1);

  // 1. Each line's kind, from its own shape and the lines before it.
  let partCaption = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = raw.slice(line.start, line.end);
    const previous = lines[index - 1];
    const continuesCaption = partCaption && line.blanksBefore === 0 && previous?.kind === 'caption';
    partCaption = false;
    if (hatnoteSettings && startsWithAny(text, hatnoteSettings.prefixes)) {
      line.kind = 'hatnote';
    } else if (captionSettings && captionsAfterBlank && line.blanksBefore > 0 && text.length <= captionSettings.maxLength) {
      line.kind = 'caption';
      partCaption = startsWithPartLabel(text, captionSettings.partLabels);
    } else if (captionSettings && continuesCaption && startsWithPartLabel(text, captionSettings.partLabels)) {
      line.kind = 'caption';
      partCaption = true;
    } else if (quoteSettings && text.length <= quoteSettings.maxAttributionLength && startsWithAny(text, quoteSettings.attributionDashes)) {
      line.kind = 'attribution';
    } else if (headingSettings && line.citations.length === 0 && isHeadingShaped(text, headingSettings)) {
      line.kind = 'heading';
    } else if (quoteSettings && isAttributionWithoutDash(raw, line, previous, quoteSettings.attributionWithoutDash)) {
      line.kind = 'attribution';
    }
  }

  // 2. The quotation before each attribution.
  if (quoteSettings) {
    for (let index = 0; index < lines.length; index++) {
      if (lines[index]!.kind !== 'attribution') continue;
      const reach = anyCitations ? quoteSettings.maxParagraphs : 1;
      let first = index;
      while (first > 0 && index - first < reach) {
        const candidate = lines[first - 1]!;
        if (candidate.kind !== 'paragraph' || (anyCitations && candidate.citations.length > 0)) break;
        first--;
      }
      // A quotation that carries its own citation: only the paragraph right before.
      if (first === index && lines[index - 1]?.kind === 'paragraph') first = index - 1;
      for (let quote = first; quote < index; quote++) lines[quote]!.kind = 'quote';
    }
  }

  // 3. Heading levels.
  if (headingSettings) {
    const candidates: HeadingCandidate[] = [];
    const headingLines: Line[] = [];
    let onlyFurnitureSinceHeading = false;
    for (const line of lines) {
      if (line.kind === 'heading') {
        candidates.push({ title: raw.slice(line.start, line.end), directlyAfterHeading: onlyFurnitureSinceHeading });
        headingLines.push(line);
        onlyFurnitureSinceHeading = true;
      } else if (line.kind !== 'hatnote' && line.kind !== 'caption') {
        onlyFurnitureSinceHeading = false;
      }
    }
    const levels = inferHeadingLevels(candidates, headingSettings);
    headingLines.forEach((line, index) => (line.level = levels[index]!));
  }

  // 4. The reading text.
  const builder = new TextBuilder(raw);
  for (const line of lines) {
    builder.openBlock(line.kind, line.level !== undefined ? { level: line.level } : {});
    copyWithoutCitations(builder, raw, line);
    builder.closeBlock();
  }
  return builder.build();
}

/** "Lenin, 4 January 1923[252]" right after an uncited paragraph. */
function isAttributionWithoutDash(raw: string, line: Line, previous: Line | undefined, enabled: boolean): boolean {
  if (!enabled || !previous || previous.kind !== 'paragraph' || previous.citations.length > 0) return false;
  const last = line.citations[line.citations.length - 1];
  if (!last || last.end !== line.end) return false;
  let textEnd = line.end;
  for (let index = line.citations.length - 1; index >= 0 && line.citations[index]!.end === textEnd; index--) {
    textEnd = line.citations[index]!.start;
  }
  const text = raw.slice(line.start, textEnd).trimEnd();
  return text.length > 0 && text.length <= 100 && /\p{L}/u.test(text) && !/[.!?…:;,]["'”’»)]*$/u.test(text) && !/^[^\p{L}]*\p{Ll}/u.test(text);
}

const SPACE = /\s/;
/** What may follow a marker that took the white space before it: white space, closing punctuation, the end. */
const AFTER_DETACHED = /[\s.,;:!?)\]»”’"'…]/;

/**
 * Copies a line into the open block, leaving its citation markers out as atoms. The raw text
 * around a marker is copied as it is, so "Stalin[a] (18 December" reads "Stalin (18 December" and
 * "1953.[12] He" reads "1953. He". A run of markers standing apart ("people [416][417] were") takes
 * the white space before it along, so that no doubled space is left; at the start of a line it
 * takes the white space after it.
 */
function copyWithoutCitations(builder: TextBuilder, raw: string, line: Line): void {
  const { start, end, citations } = line;
  const covered = citations.reduce((sum, match) => sum + (match.end - match.start), 0);
  if (citations.length === 0 || covered === end - start) {
    // A line of nothing but markers stays text rather than vanish.
    builder.copy(start, end);
    return;
  }
  let position = start;
  let index = 0;
  while (index < citations.length) {
    const runStart = citations[index]!.start;
    let runEnd = citations[index]!.end;
    let last = index;
    while (last + 1 < citations.length && citations[last + 1]!.start === runEnd) runEnd = citations[++last]!.end;
    let copyEnd = runStart;
    if (runStart > position && SPACE.test(raw[runStart - 1]!) && (runEnd === end || AFTER_DETACHED.test(raw[runEnd]!))) {
      while (copyEnd > position && SPACE.test(raw[copyEnd - 1]!)) copyEnd--;
    }
    builder.copy(position, copyEnd);
    for (let marker = index; marker <= last; marker++) {
      const match = citations[marker]!;
      builder.citation(match.start, match.end, match.label);
    }
    position = runEnd;
    if (copyEnd === start) while (position < end && SPACE.test(raw[position]!)) position++;
    index = last + 1;
  }
  builder.copy(position, end);
}
