/** The public types of the importers (re-exported by index.ts). */
import type { ImportFormat } from '../../shared/domain';
import type { NormalizedText } from '../../shared/text/text-model';

export type { ImportFormat };

/** An encoding by its WHATWG name ('utf-8', 'windows-1251', 'koi8-r', …) and the detector's confidence, 0..1. */
export interface EncodingGuess {
  readonly encoding: string;
  readonly confidence: number;
}

export interface Inspection {
  readonly format: ImportFormat;
  /** For text formats: the detector's best guess and alternatives (best first); null for docx/pdf. */
  readonly encoding: EncodingGuess | null;
  readonly alternatives: readonly EncodingGuess[];
  /** The first ~20 lines decoded with `encoding`, for the user to judge before importing. */
  readonly preview: string;
  /** Title from the document's own metadata or first heading, else null. */
  readonly title: string | null;
  /** BCP 47 guess ('ru', 'en', …) or null. */
  readonly language: string | null;
}

export interface ImportOptions {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Overrides the detected encoding (text formats only); a WHATWG encoding label. */
  readonly encoding?: string;
  /** Default DEFAULT_MAX_IMPORT_BYTES (./limits). */
  readonly maxBytes?: number;
  /** Called with a stage name and a fraction 0..1 as the work goes on (e.g. per PDF page). */
  readonly onProgress?: (stage: string, fraction: number) => void;
}

/** How a .txt file was laid out, as guessed from its lines (null for the other formats). */
export type TextLayout = 'line-per-block' | 'hard-wrapped';

export interface ImportedText {
  readonly format: ImportFormat;
  /** The encoding used to decode, or 'binary' for docx/pdf. */
  readonly encoding: string;
  readonly detected: EncodingGuess | null;
  /**
   * The text that `normalized.map` points into, and that "line:column" refers to: for txt, md and
   * html the decoded file itself; for docx the document's text layer (one line per paragraph); for
   * pdf the text layer (pages separated by a form feed "\f", lines by "\n").
   */
  readonly rawText: string;
  /** True when rawText is the decoded file (txt, md, html), false when it is an extracted text layer. */
  readonly rawTextIsFile: boolean;
  readonly normalized: NormalizedText;
  readonly title: string | null;
  readonly language: string | null;
  /** For txt: the layout guessed and passed to `normalize` (record it with the version); null otherwise. */
  readonly layout: TextLayout | null;
}
