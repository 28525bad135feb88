/**
 * Writes the inline content of structured formats (Markdown, HTML, Word) into a TextBuilder, one
 * block at a time, with white space collapsed as a reader sees it, and keeps every character
 * tied to the raw text: parsers hand over what they decoded and where it stood, and the writer
 * finds which characters were copied verbatim and which were decoded from a reference.
 */
import { decodeHTML } from 'entities';
import type { TextBlockKind } from '../../shared/text/text-model';
import type { TextBuilder } from '../../shared/text/normalize/text-builder';

type Piece =
  | { readonly type: 'copy'; readonly start: number; readonly end: number }
  | { readonly type: 'insert'; readonly text: string; readonly at: number }
  | { readonly type: 'reference'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: 'space'; readonly at: number }
  | { readonly type: 'citation'; readonly start: number; readonly end: number; readonly label: string };

export interface BlockOptions {
  readonly level?: number;
  readonly role?: 'epigraph';
}

/** White space that collapses (HTML's and Markdown's: ASCII only; a no-break space stays). */
const SPACE = /[ \t\n\r\f\v]/;

/** Citation markers as the encyclopedia prints them: [12], [a], [note 3], [citation needed]. */
const CITATION_MARKER =
  /\[(?:\d{1,4}(?:[–-]\d{1,4})?|[a-z]{1,2}|(?:note|nb|lower-alpha) ?\d{1,3}|citation needed|clarification needed|page needed|better source needed|when\?|who\?|according to whom\?)\]/g;

/** A dash that opens an attribution line ("— Stalin, 1931"). */
const ATTRIBUTION = /^[—―]|^[–-]\s/;

/** The character reference at raw[at] ("&amp;", "&#8212;", "&nbsp"), decoded, or null. */
function characterReference(raw: string, at: number, limit = raw.length): { text: string; end: number } | null {
  const match = /^&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)/.exec(raw.slice(at, Math.min(limit, at + 40)));
  if (!match) return null;
  const candidate = match[0];
  for (let length = candidate.length; length >= 3; length--) {
    const prefix = candidate.slice(0, length);
    const text = decodeHTML(prefix);
    if (text !== prefix && text.length <= 2) return { text, end: at + length };
    if (prefix.endsWith(';')) continue;
  }
  return null;
}

export class FlowWriter {
  private pieces: Piece[] = [];
  private kind: TextBlockKind | null = null;
  private options: BlockOptions = {};

  constructor(
    readonly builder: TextBuilder,
    private readonly settings: {
      /** Set "[12]"-style markers aside as citations (encyclopedia text). */
      readonly citationMarkers?: boolean;
      /** A quote block that starts with a dash is the attribution of the quote before it. */
      readonly attributions?: boolean;
    } = {},
  ) {}

  get raw(): string {
    return this.builder.raw;
  }

  get isOpen(): boolean {
    return this.kind !== null;
  }

  get currentKind(): TextBlockKind | null {
    return this.kind;
  }

  /** Starts a block; the one before is written out. */
  open(kind: TextBlockKind, options: BlockOptions = {}): void {
    this.close();
    this.kind = kind;
    this.options = options;
  }

  /** Opens a block of `kind` unless one is open. */
  ensure(kind: TextBlockKind, options: BlockOptions = {}): void {
    if (this.kind === null) this.open(kind, options);
  }

  /** raw[start, end) as it stands. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    if (!this.settings.citationMarkers) {
      this.pieces.push({ type: 'copy', start, end });
      return;
    }
    const slice = this.raw.slice(start, end);
    let from = 0;
    for (const match of slice.matchAll(CITATION_MARKER)) {
      const at = match.index;
      if (at > from) this.pieces.push({ type: 'copy', start: start + from, end: start + at });
      this.pieces.push({ type: 'citation', start: start + at, end: start + at + match[0].length, label: match[0] });
      from = at + match[0].length;
    }
    if (from < slice.length) this.pieces.push({ type: 'copy', start: start + from, end });
  }

  /** Characters decoded from raw[at…] (a character reference): mapped to where it starts. */
  insert(text: string, at: number): void {
    if (text.length > 0) this.pieces.push({ type: 'insert', text, at });
  }

  /** A word break that is markup, not a character (a line break, <br>, the edge of a table cell). */
  space(at: number): void {
    this.pieces.push({ type: 'space', at });
  }

  citation(start: number, end: number, label: string): void {
    this.pieces.push({ type: 'citation', start, end, label });
  }

  /**
   * Appends `value`, which a parser decoded from raw[start, end): the characters found verbatim
   * are copied, references are inserted where they start, and the rest of the raw range (markup,
   * escapes, container prefixes) is left out.
   */
  aligned(value: string, start: number, end: number): void {
    const raw = this.raw;
    let i = 0;
    let j = start;
    let run = -1;
    const flush = (): void => {
      if (run !== -1) this.copy(run, j);
      run = -1;
    };
    while (i < value.length && j < end) {
      if (value[i] === raw[j]) {
        if (run === -1) run = j;
        i++;
        j++;
        continue;
      }
      flush();
      if (raw[j] === '&') {
        const reference = characterReference(raw, j, end);
        if (reference && value.startsWith(reference.text, i)) {
          this.pieces.push({ type: 'reference', text: reference.text, start: j, end: reference.end });
          i += reference.text.length;
          j = reference.end;
          continue;
        }
      }
      if (raw[j] === '\r' && value[i] === '\n' && raw[j + 1] !== '\n') {
        // A lone CR read as a line break.
        this.space(j);
        i++;
      }
      j++;
    }
    flush();
    // What could not be found in the raw range (should not happen) is kept, mapped to the range's end.
    if (i < value.length) this.insert(value.slice(i), Math.max(start, end - 1));
  }

  /** Writes the open block out: white space collapsed, trimmed; a block without text disappears. */
  close(): void {
    const kind = this.kind;
    if (kind === null) return;
    const pieces = this.pieces;
    const options = this.options;
    this.kind = null;
    this.pieces = [];
    this.options = {};

    const builder = this.builder;
    const raw = this.raw;
    builder.openBlock(this.settings.attributions && kind === 'quote' && ATTRIBUTION.test(this.leadingText(pieces)) ? 'attribution' : kind, options);
    let pending: { at: number; verbatim: boolean } | null = null;
    let started = false;
    const word = (): void => {
      if (pending && started) {
        if (pending.verbatim) builder.copy(pending.at, pending.at + 1);
        else builder.insert(' ', pending.at);
      }
      pending = null;
      started = true;
    };
    for (const piece of pieces) {
      switch (piece.type) {
        case 'copy': {
          let i = piece.start;
          while (i < piece.end) {
            let j = i;
            if (SPACE.test(raw[i]!)) {
              while (j < piece.end && SPACE.test(raw[j]!)) j++;
              pending ??= { at: i, verbatim: j - i === 1 && raw[i] === ' ' };
            } else {
              while (j < piece.end && !SPACE.test(raw[j]!)) j++;
              word();
              builder.copy(i, j);
            }
            i = j;
          }
          break;
        }
        case 'insert':
          if (/^[ \t\n\r\f\v]+$/.test(piece.text)) pending ??= { at: piece.at, verbatim: false };
          else {
            word();
            builder.insert(piece.text, piece.at);
          }
          break;
        case 'reference':
          // A character reference that stands for white space (&nbsp;) separates words; any other
          // is an edit of the raw text, listed like every other ("&eacute;" read as "é").
          if (/^[ \t\n\r\f\v]+$/.test(piece.text)) pending ??= { at: piece.start, verbatim: false };
          else if (piece.text === raw.slice(piece.start, piece.start + piece.text.length)) {
            word();
            builder.copy(piece.start, piece.start + piece.text.length);
          } else {
            word();
            builder.replace(piece.start, piece.end, piece.text, 'character-reference', `the character reference ${raw.slice(piece.start, piece.end)} stands for “${piece.text}”`);
          }
          break;
        case 'space':
          pending ??= { at: piece.at, verbatim: false };
          break;
        case 'citation':
          builder.citation(piece.start, piece.end, piece.label);
          break;
      }
    }
    builder.closeBlock();
  }

  private leadingText(pieces: readonly Piece[]): string {
    let text = '';
    for (const piece of pieces) {
      if (piece.type === 'copy') text += this.raw.slice(piece.start, piece.end);
      else if (piece.type === 'insert') text += piece.text;
      else if (piece.type === 'space') text += ' ';
      if (text.trim().length >= 2) break;
    }
    return text.trimStart();
  }
}
