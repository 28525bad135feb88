/**
 * Page furniture of printed and OCR'd books: lines that are not content (running headers, page
 * numbers, issue markers, "[Text]" markers, stray glyphs). They leave the reading flow and are
 * kept as locators. The patterns are per-source settings; this module only applies them.
 */
import { z } from 'zod';
import type { LocatorKind } from '../text-model';

/** A regular expression given as a string in the settings (compiled with the "u" flag). */
export const RegexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const FurnitureSettings = z.object({
  /** Whole lines that mark where the text proper starts ("[Text]"). */
  textMarkers: z.array(RegexSource).default([]),
  /** Whole lines naming the issue of a serial ("[No 12, Dec 88 pp 46-166]"). */
  issueMarkers: z.array(RegexSource).default([]),
  /**
   * Whole lines of a running header or footer. A named group `page` ("(?<page>\\d+)") makes the
   * line also a page locator labelled with the number as printed.
   */
  runningHeaders: z.array(RegexSource).default([]),
  /** A line that is only a page number. */
  pageNumber: RegexSource.default('^\\d{1,4}$'),
  /** A line that is only a stray glyph: one or two symbols (not punctuation), or one lower-case letter. */
  glyphLine: RegexSource.default('^(?:[^\\p{L}\\p{N}\\s.,;:!?"\'’”)\\]…—-]{1,2}|\\p{Ll})$'),
  /** A stray glyph set off by a wide gap at the end of a content line ("… Secretary.    ^"). */
  trailingGlyph: RegexSource.default('\\s{2,}[^\\p{L}\\p{N}\\s.,;:!?"\'’”)\\]…—-]$'),
});
export type FurnitureSettings = z.infer<typeof FurnitureSettings>;

export interface FurnitureMatch {
  readonly kind: LocatorKind;
  /** The label of the locator: the line as printed, or the page number for a page. */
  readonly label: string;
  /** For a running header that carries a page number: that number as printed. */
  readonly page?: string;
}

/** Compiled furniture rules: classify one trimmed line. */
export class FurnitureRules {
  private readonly textMarkers: RegExp[];
  private readonly issueMarkers: RegExp[];
  private readonly runningHeaders: RegExp[];
  private readonly pageNumber: RegExp;
  private readonly glyphLine: RegExp;
  private readonly trailingGlyph: RegExp;

  constructor(settings: FurnitureSettings) {
    const compile = (source: string) => new RegExp(source, 'u');
    this.textMarkers = settings.textMarkers.map(compile);
    this.issueMarkers = settings.issueMarkers.map(compile);
    this.runningHeaders = settings.runningHeaders.map(compile);
    this.pageNumber = compile(settings.pageNumber);
    this.glyphLine = compile(settings.glyphLine);
    this.trailingGlyph = compile(settings.trailingGlyph);
  }

  /** What a whole (trimmed, non-empty) line is, if it is furniture. */
  classify(line: string): FurnitureMatch | null {
    if (this.textMarkers.some((pattern) => pattern.test(line))) return { kind: 'text-marker', label: line };
    if (this.issueMarkers.some((pattern) => pattern.test(line))) return { kind: 'issue-marker', label: line };
    for (const pattern of this.runningHeaders) {
      const match = pattern.exec(line);
      if (match) {
        const page = match.groups?.['page'];
        return page ? { kind: 'running-header', label: line, page } : { kind: 'running-header', label: line };
      }
    }
    if (this.pageNumber.test(line)) return { kind: 'page', label: line };
    if (this.glyphLine.test(line)) return { kind: 'glyph', label: line };
    return null;
  }

  /** Length of a stray glyph (with the gap before it) at the end of a trimmed line, or 0. */
  trailingGlyphLength(line: string): number {
    const match = this.trailingGlyph.exec(line);
    return match ? match[0].length : 0;
  }
}
