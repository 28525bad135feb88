/**
 * Importers: a user's file (bytes and name) → a structured reading text that traces back, character
 * by character, to the file (txt, md, html) or to the document's text layer (docx, pdf).
 *
 *   inspectFile: what the file is, its encoding and alternatives, a preview, title and language,
 *                for the user to check (and change the encoding) before importing.
 *   importFile:  the full import.
 *
 * Bad input throws ImportError, whose message says what is wrong and what the user can do next.
 * Pure Node: no Electron, no DOM.
 */
import { normalize, NormalizeSettings } from '../../shared/text/normalize';
import type { NormalizedText } from '../../shared/text/text-model';
import { convertDocx } from './docx';
import { decode, detectEncoding, type Detection } from './encoding';
import { ImportError } from './errors';
import { convertHtml } from './html';
import { declaredLanguage, guessLanguage } from './language';
import { layoutEvidence } from './layout';
import { convertMarkdown } from './markdown';
import { convertPdf } from './pdf';
import { namedFormat, resolveFormat } from './sniff';
import { cleanTitle } from './title';
import { DEFAULT_MAX_IMPORT_BYTES, formatMegabytes } from './limits';
import { TOTAL_UNPACKED_BYTES } from './zip';
import {
  type EncodingGuess,
  type ImportedText,
  type ImportFormat,
  type ImportOptions,
  type Inspection,
  type TextLayout,
} from './types';

export type { EncodingGuess, ImportedText, ImportFormat, ImportOptions, Inspection, TextLayout } from './types';
export { ImportError, type ImportErrorCode } from './errors';
export { guessLayout } from './layout';
export { cleanTitle, titleFromFileName } from './title';

/** Stages reported through onProgress, in order (a format skips those it has no use for). */
export type ImportStage = 'check' | 'decode' | 'parse' | 'pages' | 'done';

const PREVIEW_LINES = 20;
const PREVIEW_LINE_LENGTH = 300;
/** How many PDF pages inspectFile reads. */
const INSPECT_PDF_PAGES = 3;

interface Checked {
  readonly format: ImportFormat;
  readonly progress: (stage: ImportStage, fraction: number) => void;
}

function check(options: ImportOptions): Checked {
  const { fileName, bytes } = options;
  const progress = (stage: ImportStage, fraction: number): void => options.onProgress?.(stage, Math.max(0, Math.min(1, fraction)));
  progress('check', 0);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImportError(
      'too-large',
      `${fileName} is ${formatMegabytes(bytes.length)}; Sourcebench imports files of up to ${formatMegabytes(maxBytes)}. ` +
        'Split the source into parts (chapters, volumes) and import them one by one.',
    );
  }
  if (bytes.length === 0) {
    namedFormat(fileName); // an unsupported extension is named as such even for an empty file
    throw new ImportError('empty', `${fileName} is empty (0 bytes). Check that you chose the right file, or that it was saved completely.`);
  }
  const format = resolveFormat(fileName, bytes);
  progress('check', 1);
  return { format, progress };
}

/** Decoded text of a text format, refused when it is no text at all. */
function decodeText(options: ImportOptions, format: ImportFormat): { text: string; encoding: string; detection: Detection } {
  const detection = detectEncoding(options.bytes, { html: format === 'html' });
  const { text, encoding } = decode(options.bytes, options.encoding?.trim() ? options.encoding : detection.best.encoding);
  const sample = text.slice(0, 65536);
  const nuls = sample.split('\u0000').length - 1;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  if (nuls > 0 || controls > sample.length * 0.05) {
    throw new ImportError(
      'binary',
      `${options.fileName} does not contain text (it holds binary data, with ${nuls > 0 ? 'zero bytes' : 'control characters'} in it)` +
        (options.encoding ? ` when read as ${encoding}. Choose another encoding, or check that you chose the right file.` : '. Check that you chose the right file; if it is a document, save it as .txt, .docx or .pdf and import that.'),
    );
  }
  if (!text.trim()) {
    throw new ImportError('empty', `${options.fileName} contains no text, only white space. Check that you chose the right file, or that it was saved completely.`);
  }
  return { text, encoding, detection };
}

function firstLines(text: string): string {
  return text
    .split('\n')
    .slice(0, PREVIEW_LINES)
    .map((line) => {
      const trimmed = line.replace(/\r$/, '');
      return trimmed.length > PREVIEW_LINE_LENGTH ? `${trimmed.slice(0, PREVIEW_LINE_LENGTH)}…` : trimmed;
    })
    .join('\n');
}

function readingPreview(normalized: NormalizedText): string {
  return firstLines(normalized.blocks.slice(0, PREVIEW_LINES).map((block) => normalized.text.slice(block.start, block.end).replace(/\n/g, ' ')).join('\n'));
}

/** The heading the document opens with (a heading further on names a section, not the document). */
function firstHeading(normalized: NormalizedText): string | null {
  const first = normalized.blocks[0];
  return first?.kind === 'heading' ? normalized.text.slice(first.start, first.end).replace(/\s+/g, ' ').trim() || null : null;
}

interface Converted {
  readonly format: ImportFormat;
  readonly encoding: string;
  readonly detection: Detection | null;
  readonly rawText: string;
  readonly normalized: NormalizedText;
  readonly title: string | null;
  readonly language: string | null;
  readonly layout: TextLayout | null;
  readonly preview: string;
}

async function convert(options: ImportOptions, forInspection: boolean): Promise<Converted> {
  const { format, progress } = check(options);
  const { fileName } = options;
  const languageOf = (normalized: NormalizedText, declared: string | null, preferDeclared: boolean): string | null => {
    const tag = declaredLanguage(declared);
    if (preferDeclared && tag) return tag;
    return guessLanguage(normalized.text) ?? tag;
  };

  if (format === 'txt' || format === 'md' || format === 'html') {
    progress('decode', 0);
    const { text, encoding, detection } = decodeText(options, format);
    progress('decode', 1);
    progress('parse', 0);
    let normalized: NormalizedText;
    let metadataTitle: string | null = null;
    let declared: string | null = null;
    let layout: TextLayout | null = null;
    if (format === 'txt') {
      layout = layoutEvidence(text).layout;
      // The settings' defaults suit any text of the layout; the English word list only English text.
      const english = layout === 'hard-wrapped' && guessLanguage(text) === 'en';
      // A plain text holds no images, so a blank line in it only separates (after a title, between
      // sections): the line after it is a paragraph, never an image's caption.
      normalized = normalize(
        text,
        NormalizeSettings.parse(layout === 'hard-wrapped' ? { layout, wordList: english ? 'english' : 'none' } : { layout, captions: false }),
      );
    } else if (format === 'md') {
      ({ normalized, metadataTitle } = convertMarkdown(text, fileName));
    } else {
      ({ normalized, metadataTitle, declaredLanguage: declared } = convertHtml(text, fileName));
    }
    progress('parse', 1);
    if (!normalized.text.trim()) {
      throw new ImportError(
        'no-text',
        `${fileName} has no reading text: ${format === 'html' ? 'the page holds only markup, scripts or styles' : 'nothing but markup'}. Check that you chose the right file.`,
      );
    }
    return {
      format,
      encoding,
      detection,
      rawText: text,
      normalized,
      title: cleanTitle(metadataTitle ?? firstHeading(normalized)),
      language: languageOf(normalized, declared, format === 'html'),
      layout,
      preview: format === 'html' ? readingPreview(normalized) : firstLines(text),
    };
  }

  if (format === 'docx') {
    progress('parse', 0);
    const limits = { entryBytes: options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES, totalBytes: TOTAL_UNPACKED_BYTES };
    const result = await convertDocx(options.bytes, fileName, limits, (fraction) => progress('parse', fraction));
    if (!result.normalized.text.trim()) {
      throw new ImportError(
        'no-text',
        `${fileName} has no text: it may hold only pictures (for example scanned pages). Run OCR on the pictures first, then import the recognized text.`,
      );
    }
    return fromTextLayer(format, result, languageOf(result.normalized, result.declaredLanguage, false), result.rawText);
  }

  progress('pages', 0);
  const result = await convertPdf(options.bytes, {
    fileName,
    progress: (fraction) => progress('pages', fraction),
    ...(forInspection ? { maxPages: INSPECT_PDF_PAGES } : {}),
  });
  return fromTextLayer(format, result, languageOf(result.normalized, null, false), result.rawText.replace(/\f/g, '\n'));
}

/** A .docx or .pdf: its text is an extracted text layer, not the file's bytes decoded. */
function fromTextLayer(
  format: ImportFormat,
  result: { readonly rawText: string; readonly normalized: NormalizedText; readonly metadataTitle: string | null },
  language: string | null,
  previewText: string,
): Converted {
  return {
    format,
    encoding: 'binary',
    detection: null,
    rawText: result.rawText,
    normalized: result.normalized,
    title: cleanTitle(result.metadataTitle ?? firstHeading(result.normalized)),
    language,
    layout: null,
    preview: firstLines(previewText),
  };
}

export async function inspectFile(options: ImportOptions): Promise<Inspection> {
  const converted = await convert(options, true);
  options.onProgress?.('done', 1);
  const detection = converted.detection;
  // With an encoding chosen by the user, that one is the one shown first.
  const chosen: EncodingGuess | null = detection
    ? (detection.candidates.find((guess) => guess.encoding === converted.encoding) ?? { encoding: converted.encoding, confidence: 0 })
    : null;
  return {
    format: converted.format,
    encoding: chosen,
    alternatives: detection && chosen ? [chosen, ...detection.candidates.filter((guess) => guess.encoding !== chosen.encoding)] : [],
    preview: converted.preview,
    title: converted.title,
    language: converted.language,
  };
}

export async function importFile(options: ImportOptions): Promise<ImportedText> {
  const converted = await convert(options, false);
  options.onProgress?.('done', 1);
  return {
    format: converted.format,
    encoding: converted.encoding,
    detected: converted.detection?.best ?? null,
    rawText: converted.rawText,
    rawTextIsFile: converted.format === 'txt' || converted.format === 'md' || converted.format === 'html',
    normalized: converted.normalized,
    title: converted.title,
    language: converted.language,
    layout: converted.layout,
  };
}
