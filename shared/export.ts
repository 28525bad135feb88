/**
 * What a user can ask an export for: the format, how the notes are grouped, and which annotations
 * (filtered as the sidebar filters them). Declared here because the API, the CLI and the export
 * dialog all pass it across a process boundary.
 */
import { z } from 'zod';
import { Credibility, HighlightColor } from './annotations';

/** Notes to read (Markdown, HTML, CSV) and exchange files for other tools (W3C Web Annotation, REFI-QDA). */
export const ExportFormat = z.enum(['markdown', 'html', 'csv', 'jsonld', 'qdpx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export interface ExportFormatInfo {
  readonly extension: string;
  readonly mediaType: string;
  /** What the export dialog calls it. */
  readonly label: string;
  /** Whether the grouping choice shapes the file (an exchange file or a table has one fixed shape). */
  readonly grouped: boolean;
}

/** File extension and media type of each format, for a save dialog, the CLI or an HTTP download. */
export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { extension: 'md', mediaType: 'text/markdown; charset=utf-8', label: 'Markdown notes', grouped: true },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8', label: 'HTML report (printable)', grouped: true },
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8; header=present', label: 'CSV table (spreadsheets)', grouped: false },
  jsonld: {
    extension: 'jsonld',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    label: 'W3C Web Annotation (JSON-LD)',
    grouped: false,
  },
  qdpx: { extension: 'qdpx', mediaType: 'application/zip', label: 'REFI-QDA project (.qdpx)', grouped: false },
};

export const ExportGrouping = z.enum(['document', 'tag', 'claim']);
export type ExportGrouping = z.infer<typeof ExportGrouping>;

const Id = z.string().min(1).max(200);

/** Which annotations to export. Every list given narrows the export; absent or empty lists do not. */
export const ExportFilter = z
  .object({
    documentIds: z.array(Id).max(10_000).optional(),
    /** Tags of the codebook; an annotation matches if it carries one of them or one of their sub-tags. */
    tagIds: z.array(Id).max(10_000).optional(),
    colors: z.array(HighlightColor).optional(),
    /** Credibility grades 1–6; null stands for "not graded". */
    credibility: z.array(Credibility.nullable()).optional(),
    /** Words the quote or the note contains, ignoring case. */
    text: z.string().max(1000).optional(),
    /** Orphans (annotations whose text is gone from the current version) are left out unless asked for. */
    includeOrphans: z.boolean().optional(),
  })
  .strict();
export type ExportFilter = z.infer<typeof ExportFilter>;

export const ExportRequest = z
  .object({
    format: ExportFormat,
    groupBy: ExportGrouping.default('document'),
    filter: ExportFilter.default({}),
  })
  .strict();
export type ExportRequest = z.output<typeof ExportRequest>;

export const ExportedFile = z.object({
  /** A suggested file name: the project's name and the format's extension. */
  fileName: z.string(),
  mediaType: z.string(),
  /** Text formats travel as UTF-8 text (a CSV's starts with a byte order mark), archives as base64. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  annotations: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A running export, for a progress bar: large projects take a moment, and the user should see it move. */
export const ExportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** What is being done now, in words ("reading annotations", "writing Markdown"). */
  stage: z.string(),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  /** The file, once done. */
  file: ExportedFile.nullable(),
  /** Why it failed, in words, once failed. */
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

/** A highlight's quote with its citation, ready for the clipboard as plain text and as HTML. */
export const Quotation = z.object({ text: z.string(), html: z.string() });
export type Quotation = z.infer<typeof Quotation>;
