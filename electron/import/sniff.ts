/**
 * Which importer a file goes to: decided from its extension, then checked against what the bytes
 * say they are (a PDF starts with "%PDF-", a .docx is a zip with word/document.xml), so a
 * misnamed file is handled or reported instead of being read as garbage.
 */
import { ImportError } from './errors';
import type { ImportFormat } from './types';

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS).map((extension) => `.${extension}`);

/** What to do with formats people often have instead of the supported ones. */
const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  doc: 'Open it in Word or LibreOffice and save it as .docx',
  rtf: 'Open it in Word or LibreOffice and save it as .docx',
  odt: 'Open it in LibreOffice and save it as .docx',
  pages: 'Export it from Pages as .docx',
  epub: 'Convert it to .html or .txt (for example with Calibre)',
  djvu: 'Convert it to a searchable PDF with OCR',
  png: 'It is an image: run OCR on it and import the text or a searchable PDF',
  jpg: 'It is an image: run OCR on it and import the text or a searchable PDF',
  jpeg: 'It is an image: run OCR on it and import the text or a searchable PDF',
  tif: 'It is an image: run OCR on it and import the text or a searchable PDF',
  tiff: 'It is an image: run OCR on it and import the text or a searchable PDF',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Binary signatures that are not a supported format. */
const SIGNATURES: readonly { readonly bytes: readonly (number | null)[]; readonly what: string; readonly image?: boolean }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image', image: true },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', image: true },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', image: true },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image', image: true },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image', image: true },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'a WebP image', image: true },
  { bytes: [0x41, 0x54, 0x26, 0x54, 0x46, 0x4f, 0x52, 0x4d], what: 'a DjVu document', image: true },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
];

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, signature: readonly (number | null)[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, index) => byte === null || bytes[at + index] === byte);
}

/** Offset of "%PDF-" in the first KiB (readers accept some junk before it), or -1. */
function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let index = 0; index <= limit; index++) {
    if (bytes[index] === 0x25 && bytes[index + 1] === 0x50 && bytes[index + 2] === 0x44 && bytes[index + 3] === 0x46 && bytes[index + 4] === 0x2d) {
      return index;
    }
  }
  return -1;
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
}

/** A zip names its entries uncompressed: enough to tell a .docx from another zip without unpacking it. */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1');
}

function zipKind(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mimetype = /^PK\x03\x04[\s\S]{26}mimetype(application\/[\w.+-]+)/.exec(buffer.subarray(0, 200).toString('latin1'));
  if (mimetype?.[1] === 'application/epub+zip') return 'an EPUB e-book';
  if (mimetype?.[1]?.includes('opendocument')) return 'an OpenDocument file (LibreOffice)';
  if (zipHasEntry(bytes, 'xl/workbook.xml')) return 'an Excel workbook';
  if (zipHasEntry(bytes, 'ppt/presentation.xml')) return 'a PowerPoint presentation';
  return 'a zip archive';
}

/** The format a file's extension names; 'unsupported' when no importer reads it. */
export function namedFormat(fileName: string): ImportFormat {
  const extension = extensionOf(fileName);
  const named = EXTENSIONS[extension];
  if (named) return named;
  const what = extension ? `“.${extension}” files` : 'files without an extension';
  const hint = UNSUPPORTED_HINTS[extension];
  throw new ImportError(
    'unsupported',
    `Sourcebench cannot import ${what} (${fileName}). It imports ${SUPPORTED_EXTENSIONS.join(', ')}. ` +
      (hint ? `${hint}, then import that.` : 'Save or export the source in one of these formats, then import that.'),
  );
}

/**
 * The format to import `bytes` as. Throws 'unsupported' for an extension no importer reads,
 * 'binary' for content that is not text nor a supported document, 'corrupt' when a .pdf or
 * .docx does not even start like one.
 */
export function resolveFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const named = namedFormat(fileName);
  const supported = SUPPORTED_EXTENSIONS.join(', ');

  // Content that is a supported document under another name: import it as what it is.
  if (pdfHeaderOffset(bytes) !== -1) return 'pdf';
  if (isZip(bytes)) {
    if (named === 'docx' || zipHasEntry(bytes, 'word/document.xml')) return 'docx';
    throw new ImportError(
      'binary',
      `${fileName} is ${zipKind(bytes)}, not ${describe(named)}. Extract or export the text you want to import as ${supported}.`,
    );
  }
  if (startsWith(bytes, OLE)) {
    throw new ImportError(
      'unsupported',
      `${fileName} is an old-style Office file (a .doc from Word 97–2003, or a password-protected document). ` +
        'Open it in Word or LibreOffice and save it as .docx without a password, then import that.',
    );
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw new ImportError(
        'binary',
        `${fileName} is ${signature.what}, not ${describe(named)}. ` +
          (signature.image
            ? 'Sourcebench imports text: run OCR on the scan and import the text or a searchable PDF.'
            : `Sourcebench imports ${supported}: extract the text and import that.`),
      );
    }
  }
  if (named === 'pdf') {
    throw new ImportError(
      'corrupt',
      `${fileName} is named as a PDF but is not one (it does not start with “%PDF-”). ` +
        'If it is a text file, rename it to .txt; otherwise export the source as a PDF again.',
    );
  }
  if (named === 'docx') {
    throw new ImportError(
      'corrupt',
      `${fileName} is named as a Word document but is not one (a .docx is a zip archive, and this is not). ` +
        'If it is a text file, rename it to .txt; otherwise open it in Word or LibreOffice and save it as .docx again.',
    );
  }
  return named;
}

export function describe(format: ImportFormat): string {
  switch (format) {
    case 'txt':
      return 'a text file';
    case 'md':
      return 'a Markdown file';
    case 'html':
      return 'an HTML page';
    case 'docx':
      return 'a Word document';
    case 'pdf':
      return 'a PDF';
  }
}
