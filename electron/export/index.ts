/**
 * The exporters' public face, for the API, the command line and the UI to call: read a snapshot
 * of the open project once, then write it in the format the user chose.
 */
import { ApiError } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat, type ExportGrouping, type ExportRequest } from '../../shared/export';
import { exportCsv } from './csv';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import type { ExportSnapshot } from './model';

export type { ExportFilter, ExportSnapshot } from './model';
export { EXPORT_FORMATS, type ExportFormat, type ExportGrouping } from '../../shared/export';
import { readExportSnapshotFrom, type ExportSource } from './snapshot';
export { readExportSnapshotFrom, type ExportSource, type SnapshotOptions } from './snapshot';
export { exportCsv, exportHtml, exportMarkdown };

/** The file's text in the chosen format (the CSV's carries its byte order mark). Grouping does not apply to CSV, one row per annotation. */
export function writeExport(snapshot: ExportSnapshot, format: ExportFormat, groupBy: ExportGrouping = 'document'): string {
  switch (format) {
    case 'markdown':
      return exportMarkdown(snapshot, { groupBy });
    case 'html':
      return exportHtml(snapshot, { groupBy });
    case 'csv':
      return exportCsv(snapshot);
  }
}

/** One export as the API returns it: the file's text, with a file name and media type to save it under. */
export async function exportNotes(source: ExportSource, request: ExportRequest, exportedAt: Date): Promise<ExportedFile> {
  const snapshot = await readExportSnapshotFrom(source, { exportedAt, filter: request.filter });
  const { extension, mediaType } = EXPORT_FORMATS[request.format];
  return {
    fileName: `${snapshot.project}.${extension}`,
    mediaType,
    text: writeExport(snapshot, request.format, request.groupBy),
    annotations: snapshot.annotations.length,
  };
}

/**
 * The date printed in an export: now, or the moment SOURCE_DATE_EPOCH names (the reproducible
 * builds convention, in seconds), so that the same project can give the same bytes on demand.
 */
export function exportDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new ApiError('invalid_input', `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`, 'SOURCE_DATE_EPOCH');
  }
  return new Date(seconds * 1000);
}
