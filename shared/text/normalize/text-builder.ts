/**
 * Builds a NormalizedText while keeping, for every character appended, where it came from in
 * the raw file. Normalizers and importers only say what to copy, insert, replace or set aside;
 * the map back to the raw file is kept here, in one place, so it cannot drift.
 */
import type {
  CitationMarker,
  Locator,
  LocatorKind,
  NormalizedText,
  TextBlock,
  TextBlockKind,
  TextEdit,
} from '../text-model';

const BLOCK_SEPARATOR = '\n\n';

interface OpenBlock {
  kind: TextBlockKind;
  level?: number;
  role?: 'epigraph';
  start: number;
  /** Length of `text` before this block's separator, to take both back if the block stays empty. */
  before: number;
  mapLength: number;
}

export interface EditMark {
  readonly textStart: number;
}

export class TextBuilder {
  private text = '';
  private readonly map: number[] = [];
  private readonly blocks: TextBlock[] = [];
  private readonly citations: CitationMarker[] = [];
  private readonly locators: Locator[] = [];
  private readonly edits: TextEdit[] = [];
  private open: OpenBlock | null = null;

  constructor(readonly raw: string) {}

  /** Current length of the reading text: where the next character will go. */
  get offset(): number {
    return this.text.length;
  }

  get inBlock(): boolean {
    return this.open !== null;
  }

  /** The reading text of the block being built, so far (for rules that look back). */
  get currentBlockText(): string {
    return this.open ? this.text.slice(this.open.start) : '';
  }

  openBlock(kind: TextBlockKind, options: { level?: number; role?: 'epigraph' } = {}): void {
    if (this.open) this.closeBlock();
    const before = this.text.length;
    const mapLength = this.map.length;
    if (this.blocks.length > 0) this.append(BLOCK_SEPARATOR, null);
    this.open = { kind, ...options, start: this.text.length, before, mapLength };
  }

  /** Ends the open block; a block left empty disappears with its separator. */
  closeBlock(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (this.text.length === open.start) {
      this.text = this.text.slice(0, open.before);
      this.map.length = open.mapLength;
      return;
    }
    const block: TextBlock = { kind: open.kind, start: open.start, end: this.text.length };
    if (open.level !== undefined) block.level = open.level;
    if (open.role !== undefined) block.role = open.role;
    this.blocks.push(block);
  }

  /** Appends raw[rawStart, rawEnd) verbatim. */
  copy(rawStart: number, rawEnd: number): void {
    this.requireBlock();
    if (rawEnd > rawStart) this.append(this.raw.slice(rawStart, rawEnd), rawStart);
  }

  /** Appends characters that are not in the raw file (a space where a line was joined). */
  insert(text: string, rawAt: number): void {
    this.requireBlock();
    this.append(text, rawAt);
  }

  /**
   * Appends `text` in place of raw[rawStart, rawEnd) and records the edit. Characters map
   * position by position, so use it for same-length fixes ("V.l." → "V.I."); for edits that drop
   * characters, copy the kept pieces between beginEdit and endEdit instead.
   */
  replace(rawStart: number, rawEnd: number, text: string, kind: TextEdit['kind'], reason: string): void {
    const mark = this.beginEdit();
    this.insert(text, rawStart);
    this.endEdit(mark, kind, rawStart, rawEnd, reason);
  }

  beginEdit(): EditMark {
    return { textStart: this.text.length };
  }

  endEdit(mark: EditMark, kind: TextEdit['kind'], rawStart: number, rawEnd: number, reason: string): void {
    this.edits.push({ kind, start: mark.textStart, end: this.text.length, raw: this.raw.slice(rawStart, rawEnd), reason });
  }

  citation(rawStart: number, rawEnd: number, label: string): void {
    this.citations.push({ at: this.text.length, label, rawStart, rawEnd });
  }

  locator(kind: LocatorKind, rawStart: number, rawEnd: number, label: string = this.raw.slice(rawStart, rawEnd).trim()): void {
    this.locators.push({ kind, label, at: this.text.length, rawStart, rawEnd });
  }

  build(): NormalizedText {
    this.closeBlock();
    return {
      text: this.text,
      blocks: this.blocks,
      citations: this.citations,
      locators: this.locators,
      edits: this.edits,
      map: this.map,
    };
  }

  private requireBlock(): void {
    if (!this.open) throw new Error('TextBuilder: text appended outside a block');
  }

  /** rawAt null: a separator, mapped wherever the previous segment points. */
  private append(text: string, rawAt: number | null): void {
    if (text.length === 0) return;
    const textStart = this.text.length;
    if (rawAt !== null) {
      const pairs = this.map.length;
      const predicted = pairs === 0 ? -1 : this.map[pairs - 1]! + (textStart - this.map[pairs - 2]!);
      if (predicted !== rawAt) this.map.push(textStart, rawAt);
    } else if (this.map.length === 0) {
      this.map.push(textStart, 0);
    }
    this.text += text;
  }
}
