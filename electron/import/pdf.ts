/**
 * PDF → reading text, from the PDF's text layer (pdf.js, its legacy build for Node: no worker
 * thread, no font faces, no eval, and its CMaps and standard fonts read from the package on disk,
 * so nothing is fetched). The text layer is laid out as `rawText`: pages separated by "\f",
 * lines by "\n", a blank line where the page's geometry shows a new paragraph (a wider gap, an
 * indented first line, a line in a larger type). The reading text joins the lines of each
 * paragraph (across pages too), decides line-end hyphens from the document's own words and
 * records each as an edit, sets printed page numbers aside, and records a `page` locator where
 * each page starts (label: the page's number in the PDF, 1-based).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NormalizedText, TextBlockKind } from '../../shared/text/text-model';
import { TextBuilder } from '../../shared/text/normalize/text-builder';
import { ImportError } from './errors';
import { keepingBuiltins } from './keep-builtins';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js is large: loaded on the first PDF only. In Node it runs its "worker" in this thread; we
 * hand it the worker module ourselves (pdf.js looks for it as globalThis.pdfjsWorker) instead of
 * letting it import "./pdf.worker.mjs" relative to itself, which breaks once bundled.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= keepingBuiltins(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  }).then(({ value }) => value);
  return pdfjsPromise;
}

/** A folder of pdf.js's data (CMaps, standard fonts), read from disk: nothing is fetched. */
function assetDirectory(name: string): string | undefined {
  try {
    const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return path.join(path.dirname(packageJson), name) + path.sep;
  } catch {
    return undefined; // without them, text in fonts that need them may come out incomplete
  }
}

interface Line {
  /** Offsets of the line's text in rawText. */
  start: number;
  end: number;
  page: number;
  /** Font size, in PDF units. */
  size: number;
  /** A new paragraph starts here (gap, indent or type size). */
  paragraphStart: boolean;
}

interface LayoutLine {
  text: string;
  x: number;
  y: number;
  size: number;
}

export interface PdfResult {
  readonly rawText: string;
  readonly normalized: NormalizedText;
  readonly metadataTitle: string | null;
  readonly pageCount: number;
}

export interface PdfOptions {
  readonly fileName: string;
  /** Read only the first pages (for a preview). */
  readonly maxPages?: number;
  readonly progress: (fraction: number) => void;
}

const PRINTED_PAGE_NUMBER = /^[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?$/i;

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function convertPdf(bytes: Uint8Array, options: PdfOptions): Promise<PdfResult> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch (error) {
    pdfjsPromise = null;
    // pdf.js needs its package on disk (and @napi-rs/canvas for DOMMatrix in Node): an installation problem, not the file's.
    throw new ImportError(
      'unsupported',
      `PDF import is not available in this installation: its PDF reader could not be loaded (${(error as Error).message}). ` +
        'Reinstall Sourcebench, or save the PDF’s text as .txt and import that.',
      { cause: error },
    );
  }
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js may take the buffer over: give it a copy
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: assetDirectory('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDirectory('standard_fonts'),
    wasmUrl: assetDirectory('wasm'),
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'PasswordException') {
        throw new ImportError(
          'unsupported',
          `${options.fileName} is protected by a password. Open it, save or print it as a PDF without a password, then import that.`,
          { cause: error },
        );
      }
      throw new ImportError(
        'corrupt',
        `${options.fileName} is damaged: it cannot be read as a PDF (${(error as Error).message}). ` +
          'Get the file again (it may be truncated), or open it in a PDF viewer and save or print it as a new PDF, then import that.',
        { cause: error },
      );
    }

    let metadataTitle: string | null = null;
    try {
      const { info, metadata } = await document.getMetadata();
      const title = metadata?.get('dc:title') ?? (info as { Title?: unknown }).Title;
      if (typeof title === 'string' && title.trim()) metadataTitle = title.replace(/\s+/g, ' ').trim();
    } catch {
      // Metadata is optional.
    }

    const pageCount = Math.min(document.numPages, options.maxPages ?? Infinity);
    const pages: LayoutLine[][] = [];
    for (let number = 1; number <= pageCount; number++) {
      let page;
      try {
        page = await document.getPage(number);
      } catch (error) {
        throw new ImportError(
          'corrupt',
          `${options.fileName} is damaged: page ${number} cannot be read (${(error as Error).message}). ` +
            'Open it in a PDF viewer and save or print it as a new PDF, then import that.',
          { cause: error },
        );
      }
      const content = await page.getTextContent();
      pages.push(layoutLines(content.items));
      page.cleanup();
      options.progress(number / pageCount);
    }
    const { rawText, lines, pageStarts } = textLayer(pages);
    const normalized = rawText.trim() ? buildReadingText(rawText, lines, pageStarts) : null;
    // No text at all, or nothing but printed page numbers.
    if (!normalized?.text.trim()) {
      throw new ImportError(
        'no-text',
        `${options.fileName} has no text layer: it looks like a scan (its pages are pictures of text). ` +
          'Run OCR on it first (for example with OCRmyPDF or your scanner’s software), then import the searchable PDF or the recognized text.',
      );
    }
    return { rawText, normalized, metadataTitle, pageCount: document.numPages };
  } finally {
    await task.destroy();
  }
}

/** The lines of a page, in the order pdf.js gives them (content order), with their position and type size. */
function layoutLines(items: readonly unknown[]): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let current: LayoutLine | null = null;
  for (const item of items) {
    if (!item || typeof item !== 'object' || !('str' in item)) continue;
    const { str, transform, hasEOL, height } = item as { str: string; transform: number[]; hasEOL: boolean; height: number };
    const x = transform[4] ?? 0;
    const y = transform[5] ?? 0;
    const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0) || height || 0;
    // A jump in y without an end-of-line mark is a new line all the same.
    if (current && str && Math.abs(y - current.y) > Math.max(current.size, size) * 0.6) {
      lines.push(current);
      current = null;
    }
    if (str) {
      if (!current) current = { text: '', x, y, size };
      current.text += str;
      current.size = Math.max(current.size, size);
    }
    if (hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/[\r\n\f\v]/g, ' ').replace(/\s+$/, '') }))
    .filter((line) => line.text.trim() !== '');
}

/** Lays the pages out as text, and marks where paragraphs start. */
function textLayer(pages: readonly LayoutLine[][]): { rawText: string; lines: Line[]; pageStarts: number[] } {
  const all = pages.flat();
  const bodySize = median(all.map((line) => line.size));
  const gaps: number[] = [];
  for (const page of pages) {
    for (let index = 1; index < page.length; index++) {
      const gap = page[index - 1]!.y - page[index]!.y;
      if (gap > 0) gaps.push(gap);
    }
  }
  const leading = median(gaps) || bodySize * 1.2;

  let rawText = '';
  const lines: Line[] = [];
  const pageStarts: number[] = [];
  pages.forEach((page, pageIndex) => {
    if (pageIndex > 0) rawText += '\f';
    pageStarts.push(rawText.length);
    const margin = Math.min(...page.map((line) => line.x));
    page.forEach((line, index) => {
      const previous = page[index - 1];
      const larger = (size: number): boolean => size > bodySize * 1.15;
      let paragraphStart: boolean;
      if (previous) {
        const gap = previous.y - line.y;
        paragraphStart =
          gap > leading * 1.45 ||
          gap < -leading * 0.5 || // back up the page: another column
          (line.x - margin > bodySize * 0.8 && previous.x - margin <= bodySize * 0.8) ||
          larger(line.size) !== larger(previous.size);
        if (paragraphStart) rawText += '\n\n';
        else rawText += '\n';
      } else {
        paragraphStart = line.x - margin > bodySize * 0.8 || larger(line.size);
      }
      const start = rawText.length;
      rawText += line.text;
      lines.push({ start, end: rawText.length, page: pageIndex, size: line.size, paragraphStart });
    });
  });
  return { rawText, lines, pageStarts };
}

function buildReadingText(rawText: string, lines: readonly Line[], pageStarts: readonly number[]): NormalizedText {
  const pageCount = pageStarts.length;
  const builder = new TextBuilder(rawText);
  const bodySize = median(lines.map((line) => line.size));
  const lineLengths = lines.map((line) => rawText.slice(line.start, line.end).trim().length);
  const typicalLength = median(lineLengths);

  // Printed page numbers: the first or last line of a page, a number alone.
  const furniture = new Set<number>();
  for (let page = 0; page < pageCount; page++) {
    const onPage = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.page === page);
    for (const candidate of [onPage[0], onPage[onPage.length - 1]]) {
      if (candidate && PRINTED_PAGE_NUMBER.test(rawText.slice(candidate.line.start, candidate.line.end).trim())) furniture.add(candidate.index);
    }
  }

  // Words of the document, for deciding line-end hyphens from evidence.
  const words = new Map<string, number>();
  for (const match of rawText.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const word = match[0].toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
  }

  const startPage = (page: number): void => {
    const pageStart = pageStarts[page]!;
    builder.locator('page', pageStart, pageStart, String(page + 1));
  };

  let open = false;
  let lastPage = -1;
  let previousEnd = -1; // raw end of the last line copied
  let previousIndex = -1;
  let skipTo = -1; // raw offset up to which the next line was already copied (the rest of a hyphenated word)
  const content = lines.map((line, index) => ({ line, index })).filter(({ index }) => !furniture.has(index));
  content.forEach(({ line, index }, position) => {
    const text = rawText.slice(line.start, line.end);
    const trimmedStart = line.start + (text.length - text.trimStart().length);
    const trimmedEnd = line.start + text.trimEnd().length;
    const previous = previousIndex === -1 ? null : lines[previousIndex]!;
    const heading = line.size > bodySize * 1.15;
    const previousText = previous ? rawText.slice(previous.start, previous.end).trim() : '';
    // Across a page break a paragraph goes on unless the page ended on a short, finished line.
    const newParagraph =
      !open ||
      line.paragraphStart ||
      (previous !== null &&
        previous.page !== line.page &&
        (/[.!?…:"”»)]$/.test(previousText) && previousText.length < typicalLength * 0.8));
    const from = Math.max(trimmedStart, skipTo);
    skipTo = -1;
    if (newParagraph) {
      const kind: TextBlockKind = heading ? 'heading' : 'paragraph';
      builder.openBlock(kind, heading ? { level: line.size > bodySize * 1.3 ? 1 : 2 } : {});
      open = true;
    } else if (previousEnd !== -1 && from === trimmedStart) {
      // The line break inside a paragraph becomes a space.
      builder.insert(' ', previousEnd);
    }
    // The page's locator goes where its first character lands in the reading text.
    if (line.page !== lastPage) {
      for (let page = lastPage + 1; page <= line.page; page++) startPage(page);
      lastPage = line.page;
    }
    // A hyphen at the end of the line, a lowercase letter at the start of the next line of the paragraph.
    const next = content[position + 1];
    const hyphen = /(\p{L}+)-$/u.exec(rawText.slice(from, trimmedEnd));
    if (hyphen && next && !next.line.paragraphStart && !heading) {
      const nextText = rawText.slice(next.line.start, next.line.end);
      const nextStart = next.line.start + (nextText.length - nextText.trimStart().length);
      const tail = /^(\p{Ll}[\p{L}]*)/u.exec(rawText.slice(nextStart, next.line.end));
      if (tail) {
        const head = hyphen[1]!;
        const wordStart = trimmedEnd - 1 - head.length;
        const joined = (head + tail[1]!).toLowerCase();
        const hyphenated = `${head}-${tail[1]!}`.toLowerCase();
        const joinedCount = words.get(joined) ?? 0;
        const hyphenatedCount = words.get(hyphenated) ?? 0;
        const keep = hyphenatedCount > joinedCount;
        builder.copy(from, wordStart);
        const mark = builder.beginEdit();
        builder.copy(wordStart, keep ? trimmedEnd : trimmedEnd - 1);
        if (next.line.page !== line.page) {
          for (let page = line.page + 1; page <= next.line.page; page++) startPage(page);
          lastPage = next.line.page;
        }
        const tailEnd = nextStart + tail[1]!.length;
        builder.copy(nextStart, tailEnd);
        const reason = keep
          ? `“${hyphenated}” is written with a hyphen ${hyphenatedCount} time${hyphenatedCount === 1 ? '' : 's'} elsewhere in the document`
          : joinedCount > 0
            ? `“${joined}” occurs ${joinedCount} time${joinedCount === 1 ? '' : 's'} elsewhere in the document`
            : `a hyphen at the end of a line before a lowercase letter; “${hyphenated}” does not occur elsewhere in the document`;
        builder.endEdit(mark, keep ? 'hyphen-kept' : 'dehyphenation', wordStart, tailEnd, reason);
        skipTo = tailEnd;
        previousEnd = -1;
        previousIndex = index;
        return;
      }
    }
    builder.copy(from, trimmedEnd);
    previousEnd = trimmedEnd;
    previousIndex = index;
  });
  // Pages after the last line of text (blank pages) still start somewhere.
  if (open) for (let page = lastPage + 1; page < pageCount; page++) startPage(page);
  return builder.build();
}
