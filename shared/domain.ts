/**
 * Domain types shared by every host and the renderer. Each type is a zod schema first, so the
 * same definition validates data crossing a process boundary and types the code on both sides.
 */
import { z } from 'zod';
import { NormalizedText } from './text/text-model';

/** Historians rank a witness above a later synthesis, and a synthesis above a reference work. */
export const SourceKind = z.enum(['primary', 'secondary', 'tertiary']);
export type SourceKind = z.infer<typeof SourceKind>;

/** BCP 47 language tag as used for `lang` attributes and spell checking ("ru", "en", "de-CH"). */
const LanguageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'expected a BCP 47 language tag such as "en" or "ru"');

/** The bibliographic record of a source: what a historian asks of it before reading a line. */
export const DocumentRecord = z.object({
  title: z.string().min(1),
  /** True where the source has no title of its own and the title was written by an editor. */
  titleSupplied: z.boolean(),
  author: z.string().nullable(),
  translator: z.string().nullable(),
  language: LanguageTag,
  /** Date of writing or publication as far as it is known, in words ("1988", "between 1953 and 1967"). */
  date: z.string().nullable(),
  sourceKind: SourceKind,
  description: z.string().nullable(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** The title as shown and cited. Archival convention: a title supplied by an editor stands in square brackets. */
export function displayTitle(document: Pick<DocumentRecord, 'title' | 'titleSupplied'>): string {
  return document.titleSupplied ? `[${document.title}]` : document.title;
}

/** A document as listed: its record, and where its text is. The text lives in immutable versions. */
export const DocumentSummary = DocumentRecord.extend({
  id: z.string(),
  /** The version a reader opens by default: the newest one. */
  currentVersionId: z.string(),
  /** The current version's file name as imported (base name), e.g. 002_10df7f476cedd2f2.txt. */
  fileName: z.string(),
  versionCount: z.number().int().positive(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const ImportFormat = z.enum(['txt', 'md', 'html', 'docx', 'pdf']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/**
 * Encodings a user is likely to want to switch to (WHATWG names): the import dialog offers them
 * after the detector's guesses, and a message about an unknown label names the first few.
 */
export const COMMON_ENCODINGS: readonly string[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'koi8-r',
  'ibm866',
  'iso-8859-5',
  'x-mac-cyrillic',
  'macintosh',
  'windows-1252',
  'iso-8859-2',
  'windows-1250',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'iso-8859-7',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
];

/** A document version as the reader gets it: its reading text and structure, not the raw map. */
export const VersionContent = z.object({
  versionId: z.string(),
  documentId: z.string(),
  /** Hex SHA-256 of the raw bytes: the version's fingerprint, shown so a citation can name it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  format: ImportFormat,
  encoding: z.string(),
  importedAt: z.string(),
  normalizer: z.string(),
  text: NormalizedText.shape.text,
  blocks: NormalizedText.shape.blocks,
  citations: NormalizedText.shape.citations,
  locators: NormalizedText.shape.locators,
  edits: NormalizedText.shape.edits,
});
export type VersionContent = z.infer<typeof VersionContent>;

/** Where a passage of the reading text stands in the raw file, and near which printed page. */
export const RawLocation = z.object({
  textOffset: z.number().int().nonnegative(),
  rawOffset: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The last page locator at or before the offset ("143"), where the source has pages. */
  page: z.string().nullable(),
  /** The chapter (top-level heading) the offset falls in, for a citation ("Chapter IV. …"). */
  chapter: z.string().nullable(),
  /** True where line:column point into an extracted text layer (.docx, .pdf), not the file's bytes. */
  inTextLayer: z.boolean(),
});
export type RawLocation = z.infer<typeof RawLocation>;

export const HostKind = z.enum(['electron', 'browser', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  appVersion: z.string(),
  host: HostKind,
  projectPath: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;
