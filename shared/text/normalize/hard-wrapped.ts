/**
 * Normalizer for hard-wrapped OCR text (the Volkogonov translation, or any OCR'd book exported
 * as plain text): paragraphs rejoined across line breaks and column breaks, line-end hyphenation
 * decided from evidence, verse and epigraphs kept line by line, headings found, page furniture
 * set aside as locators, OCR corrections applied from per-source rules and logged.
 *
 * The rules are shared; what differs between sources (running headers, chapter headings,
 * corrections) is in the settings, and every setting has a default that suits an arbitrary
 * hard-wrapped text.
 */
import { z } from 'zod';
import type { NormalizedText } from '../text-model';
import { FurnitureRules, FurnitureSettings, RegexSource } from './furniture';
import { endsWithDash, endsWithWordHyphen, HardWrappedLayout, type Furniture, type LayoutBlock, type Line } from './hard-wrapped-layout';
import {
  decideInlineHyphen,
  decideLineEndHyphen,
  englishWordList,
  HyphenEvidence,
  NO_WORDS,
  type HyphenContext,
} from './hyphenation';
import { findOcrCorrections, OcrCorrectionRule } from './ocr-corrections';
import { TextBuilder } from './text-builder';

const ENGLISH_MINOR_WORDS = [
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with',
  'from', 'as', 'into', 'onto', 'over', 'under', 'upon', 'without', 'versus', 'vs', 'via', 'per',
];

const SectionHeadingSettings = z.object({
  detect: z.boolean().default(true),
  maxLength: z.number().int().positive().default(60),
  /** Words a title keeps in lower case. */
  minorWords: z.array(z.string()).default(ENGLISH_MINOR_WORDS),
});

/** The settings with every default filled in: what the rules run with. */
export const ResolvedHardWrappedSettings = z.object({
  layout: z.literal('hard-wrapped'),
  /** Page furniture: running headers, page numbers, issue and text markers, stray glyphs. */
  furniture: FurnitureSettings.prefault({}),
  /** A line that is a chapter heading (level 1). */
  chapterHeading: RegexSource.default('^(?:CHAPTER|Chapter|PART|Part|BOOK|Book)\\s+(?:[IVXLC]+|\\d+)\\b'),
  /** Section headings (level 2): single title-case lines standing between paragraphs. */
  sectionHeadings: SectionHeadingSettings.prefault({}),
  /** The start of a numbered or lettered list item ("1)", "a)", "2."). */
  listItem: RegexSource.default('^["\']?\\s?(?:\\d{1,2}|[a-z]\\d?)[.)]\\s'),
  /** The start of a footnote's text ("* During the Italian campaign …"). */
  footnote: RegexSource.default('^[*†‡]+\\s*\\S'),
  /** Join words broken at line ends, keep compounds (decided from evidence, then the word list). */
  dehyphenate: z.boolean().default(true),
  /** The word list consulted when the document itself gives no evidence. */
  wordList: z.enum(['english', 'none']).default('english'),
  /** Words before which a hyphen is suspended ("first- and second-echelon"). */
  suspendedHyphenBefore: z.array(z.string()).default(['and', 'or', 'nor', 'to']),
  /** OCR corrections: certain misreadings only, never names. Each is logged. */
  corrections: z.array(OcrCorrectionRule).default([]),
  /** A line is deliberately short when it and the next word stay under this share of the typical width. */
  shortLineRatio: z.number().min(0.5).max(1).default(0.85),
});
export type ResolvedHardWrappedSettings = z.infer<typeof ResolvedHardWrappedSettings>;

/**
 * Per-source settings of the hard-wrapped layout, as the manifest or an importer gives them:
 * everything but the layout may be left out (`{ "layout": "hard-wrapped" }` suits an arbitrary
 * hard-wrapped text); parsing fills in the defaults above.
 */
export const HardWrappedSettings = ResolvedHardWrappedSettings.omit({ furniture: true, sectionHeadings: true })
  .partial()
  .required({ layout: true })
  .extend({
    furniture: FurnitureSettings.partial().optional(),
    sectionHeadings: SectionHeadingSettings.partial().optional(),
  });
export type HardWrappedSettings = z.infer<typeof HardWrappedSettings>;

/** An edit inside a line, found before emitting: an OCR correction or a hyphen followed by a space. */
interface InlineEdit {
  readonly start: number;
  readonly end: number;
  /** null: the raw text stays as it is, the decision is only logged. */
  readonly text: string | null;
  readonly kind: 'ocr-correction' | 'hyphen-kept';
  readonly reason: string;
}

const WORD_AT = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/uy;
/** A hyphen and spaces inside a line, before a word: "first- and", "resolutions- the". */
const INLINE_HYPHEN = /-[ \t]+(?=[\p{L}\p{N}])/gu;
const WIDE_SPACE = /[ \t]{2,}/g;

export function normalizeHardWrapped(raw: string, settings: HardWrappedSettings): NormalizedText {
  return new HardWrappedNormalizer(raw, ResolvedHardWrappedSettings.parse(settings)).run();
}

class HardWrappedNormalizer {
  private readonly builder: TextBuilder;
  private readonly hyphens: HyphenContext;
  private readonly inlineEdits: InlineEdit[];
  private nextInlineEdit = 0;
  /** Runs of two or more spaces inside lines, as [start, end) pairs: copied as one space. */
  private readonly wideSpaces: number[] = [];
  private nextWideSpace = 0;

  constructor(
    private readonly raw: string,
    private readonly settings: ResolvedHardWrappedSettings,
  ) {
    this.builder = new TextBuilder(raw);
    this.hyphens = {
      evidence: settings.dehyphenate ? HyphenEvidence.fromText(raw) : new HyphenEvidence(),
      words: settings.wordList === 'english' ? englishWordList() : NO_WORDS,
      suspendedBefore: new Set(settings.suspendedHyphenBefore.map((word) => word.toLowerCase())),
    };
    this.inlineEdits = this.findInlineEdits();
    WIDE_SPACE.lastIndex = 0;
    for (let match = WIDE_SPACE.exec(raw); match; match = WIDE_SPACE.exec(raw)) {
      this.wideSpaces.push(match.index, match.index + match[0].length);
    }
  }

  run(): NormalizedText {
    const { settings } = this;
    const layout = new HardWrappedLayout(this.raw, {
      furniture: new FurnitureRules(settings.furniture),
      chapterHeading: new RegExp(settings.chapterHeading, 'u'),
      listItem: new RegExp(settings.listItem, 'u'),
      footnote: new RegExp(settings.footnote, 'u'),
      detectSections: settings.sectionHeadings.detect,
      sectionMaxLength: settings.sectionHeadings.maxLength,
      minorWords: new Set(settings.sectionHeadings.minorWords),
      shortLineRatio: settings.shortLineRatio,
    });
    for (const item of layout.layout()) {
      if ('furniture' in item) this.setAside(item.furniture);
      else this.emitBlock(item.block);
    }
    return this.builder.build();
  }

  // -- furniture -------------------------------------------------------------------------------

  private setAside(furniture: Furniture): void {
    this.builder.locator(furniture.kind, furniture.start, furniture.end, furniture.label);
    if (furniture.page !== undefined) this.builder.locator('page', furniture.start, furniture.end, furniture.page);
  }

  private setAsideAll(furniture: readonly Furniture[] | undefined): void {
    for (const item of furniture ?? []) this.setAside(item);
  }

  private setAsideGlyph(line: Line): void {
    if (line.glyph) this.builder.locator('glyph', line.glyph.start, line.glyph.end);
  }

  // -- blocks ----------------------------------------------------------------------------------

  private emitBlock(block: LayoutBlock): void {
    const { builder } = this;
    const options: { level?: number; role?: 'epigraph' } = {};
    if (block.level !== undefined) options.level = block.level;
    if (block.role !== undefined) options.role = block.role;
    builder.openBlock(block.kind, options);
    const keepBreaks = block.kind === 'verse';
    let from = block.lines[0]!.start;
    block.lines.forEach((line, index) => {
      const next = block.lines[index + 1];
      if (!next) {
        this.emitRange(from, line.end);
        this.setAsideGlyph(line);
        return;
      }
      const gap = block.gaps[index + 1];
      if (keepBreaks) {
        this.emitRange(from, line.end);
        this.setAsideGlyph(line);
        this.setAsideAll(gap);
        builder.insert('\n', line.end);
        from = next.start;
        return;
      }
      if (this.settings.dehyphenate && !line.glyph && endsWithWordHyphen(line.text)) {
        from = this.joinHyphenated(from, line, next, gap);
        return;
      }
      this.emitRange(from, line.end);
      this.setAsideGlyph(line);
      this.setAsideAll(gap);
      if (!endsWithDash(line.text)) builder.insert(' ', line.end);
      from = next.start;
    });
    builder.closeBlock();
  }

  /**
   * Emits `line` from `from`, joined to `next` at its hyphen as the evidence decides; returns
   * where to go on copying `next`.
   */
  private joinHyphenated(from: number, line: Line, next: Line, gap: readonly Furniture[] | undefined): number {
    const { builder, raw } = this;
    const hyphen = line.end - 1;
    let wordStart = hyphen;
    while (wordStart > from && /[\p{L}\p{N}'’-]/u.test(raw[wordStart - 1]!)) wordStart--;
    while (wordStart < hyphen && !/[\p{L}\p{N}]/u.test(raw[wordStart]!)) wordStart++;
    WORD_AT.lastIndex = next.start;
    const after = WORD_AT.exec(raw)?.[0];
    if (wordStart === hyphen || after === undefined) {
      // Nothing to decide (no word before the hyphen, or none after it): keep the line as printed.
      this.emitRange(from, line.end);
      this.setAsideAll(gap);
      return next.start;
    }
    // The whole next word, with its own hyphens, for the evidence ("vili-Stalin" → "vili").
    const afterEnd = next.start + after.length;
    const before = raw.slice(wordStart, hyphen);
    // Only the last part of a compound is joined ("Trotskiyite-Bukha- rinite").
    const partStart = wordStart + before.lastIndexOf('-') + 1;
    const fullAfter = /^[\p{L}\p{N}'’-]*/u.exec(raw.slice(next.start, next.start + 80))![0].replace(/-+$/u, '');
    const decision = decideLineEndHyphen(before, fullAfter, this.hyphens, raw.slice(afterEnd, afterEnd + 40));
    this.emitRange(from, partStart);
    this.setAsideAll(gap);
    switch (decision.action) {
      case 'join': {
        const mark = builder.beginEdit();
        this.emitRange(partStart, hyphen);
        this.emitRange(next.start, afterEnd);
        builder.endEdit(mark, 'dehyphenation', partStart, afterEnd, decision.reason);
        return afterEnd;
      }
      case 'keep': {
        const mark = builder.beginEdit();
        this.emitRange(partStart, hyphen + 1);
        this.emitRange(next.start, afterEnd);
        builder.endEdit(mark, 'hyphen-kept', partStart, afterEnd, decision.reason);
        return afterEnd;
      }
      case 'suspended': {
        const mark = builder.beginEdit();
        this.emitRange(partStart, hyphen + 1);
        builder.insert(' ', hyphen + 1);
        this.emitRange(next.start, afterEnd);
        builder.endEdit(mark, 'hyphen-kept', partStart, afterEnd, decision.reason);
        return afterEnd;
      }
      case 'dash': {
        const mark = builder.beginEdit();
        this.emitRange(partStart, hyphen);
        builder.insert('—', hyphen);
        this.emitRange(next.start, afterEnd);
        builder.endEdit(mark, 'ocr-correction', partStart, afterEnd, decision.reason);
        return afterEnd;
      }
    }
  }

  // -- copying with inline edits ---------------------------------------------------------------

  /** OCR corrections and in-line "word- word" hyphens, sorted, none overlapping. */
  private findInlineEdits(): InlineEdit[] {
    const { raw, settings } = this;
    const edits: InlineEdit[] = findOcrCorrections(raw, settings.corrections).map((correction) => ({
      ...correction,
      kind: 'ocr-correction' as const,
    }));
    if (settings.dehyphenate) {
      INLINE_HYPHEN.lastIndex = 0;
      for (let match = INLINE_HYPHEN.exec(raw); match; match = INLINE_HYPHEN.exec(raw)) {
        const hyphen = match.index;
        let wordStart = hyphen;
        while (wordStart > 0 && /[\p{L}\p{N}]/u.test(raw[wordStart - 1]!)) wordStart--;
        if (wordStart === hyphen) continue;
        const afterStart = hyphen + match[0].length;
        WORD_AT.lastIndex = afterStart;
        const after = WORD_AT.exec(raw)![0];
        const before = raw.slice(wordStart, hyphen);
        const decision = decideInlineHyphen(before, after, this.hyphens);
        if (decision.action === 'dash') {
          edits.push({ start: hyphen, end: afterStart, text: '—', kind: 'ocr-correction', reason: decision.reason });
        } else {
          edits.push({ start: wordStart, end: afterStart + after.length, text: null, kind: 'hyphen-kept', reason: decision.reason });
        }
      }
    }
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    const kept: InlineEdit[] = [];
    let reached = 0;
    for (const edit of edits) {
      if (edit.start < reached) continue;
      kept.push(edit);
      reached = edit.end;
    }
    return kept;
  }

  /** Copies raw[start, end): wide gaps become one space, inline edits are applied and logged. */
  private emitRange(start: number, end: number): void {
    const edits = this.inlineEdits;
    let position = start;
    while (position < end) {
      while (this.nextInlineEdit < edits.length && edits[this.nextInlineEdit]!.start < position) this.nextInlineEdit++;
      const edit = edits[this.nextInlineEdit];
      const applies = edit !== undefined && edit.start < end && edit.end <= end;
      const stop = applies ? edit.start : end;
      this.copyCollapsingSpaces(position, stop);
      if (!applies) return;
      if (edit.text === null) {
        const mark = this.builder.beginEdit();
        this.copyCollapsingSpaces(edit.start, edit.end);
        this.builder.endEdit(mark, edit.kind, edit.start, edit.end, edit.reason);
      } else {
        this.builder.replace(edit.start, edit.end, edit.text, edit.kind, edit.reason);
      }
      this.nextInlineEdit++;
      position = edit.end;
    }
  }

  private copyCollapsingSpaces(start: number, end: number): void {
    const spaces = this.wideSpaces;
    let position = start;
    while (position < end) {
      while (this.nextWideSpace < spaces.length && spaces[this.nextWideSpace + 1]! <= position) this.nextWideSpace += 2;
      const spaceStart = spaces[this.nextWideSpace];
      if (spaceStart === undefined || spaceStart >= end) {
        this.builder.copy(position, end);
        return;
      }
      // Keep the first space of the run (or none, if the range starts inside the run).
      if (spaceStart >= position) this.builder.copy(position, spaceStart + 1);
      position = Math.min(end, spaces[this.nextWideSpace + 1]!);
    }
  }
}
