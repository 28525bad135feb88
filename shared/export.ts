/**
 * What a user can ask an export for: the format, how the notes are grouped, and which annotations
 * (filtered as the sidebar filters them). Declared here because the API, the CLI and the export
 * dialog all pass it across a process boundary.
 */
import { z } from 'zod';
import { Credibility, HighlightColor } from './annotations';

export const ExportFormat = z.enum(['markdown', 'html', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** File extension and media type of each format, for a save dialog, the CLI or an HTTP download. */
export const EXPORT_FORMATS: Record<ExportFormat, { readonly extension: string; readonly mediaType: string }> = {
  markdown: { extension: 'md', mediaType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8; header=present' },
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
  /** The file's text; a CSV's starts with a byte order mark. */
  text: z.string(),
  annotations: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
