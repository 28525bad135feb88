/**
 * The exporters' public face, for the API, the command line and the UI to call: read a snapshot
 * of the open project once, then write it in the format the user chose.
 */
import { ApiError } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat, type ExportGrouping, type ExportRequest } from '../../shared/export';
import { exportCsv } from './csv';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { exportWebAnnotations } from '../exchange/web-annotation/export';
import { exportQdpx } from '../exchange/refi-qda/export';
import type { ExportSnapshot } from './model';

export type { ExportFilter, ExportSnapshot } from './model';
export { EXPORT_FORMATS, type ExportFormat, type ExportGrouping } from '../../shared/export';
import { readExportSnapshotFrom, type ExportProgress, type ExportSource } from './snapshot';
export { readExportSnapshotFrom, type ExportProgress, type ExportSource, type SnapshotOptions } from './snapshot';
export { quotationOf } from './quotation';
export { exportCsv, exportHtml, exportMarkdown };

/**
 * The file in the chosen format: text for the text formats (the CSV's carries its byte order
 * mark), bytes for an archive. Grouping shapes only the formats read by people.
 */
export function writeExport(snapshot: ExportSnapshot, format: ExportFormat, groupBy: ExportGrouping = 'document'): string | Uint8Array {
  switch (format) {
    case 'markdown':
      return exportMarkdown(snapshot, { groupBy });
    case 'html':
      return exportHtml(snapshot, { groupBy });
    case 'csv':
      return exportCsv(snapshot);
    case 'jsonld':
      return exportWebAnnotations(snapshot);
    case 'qdpx':
      return exportQdpx(snapshot);
  }
}

/** One export as the API returns it: the file, with a file name and media type to save it under. */
export async function exportNotes(source: ExportSource, request: ExportRequest, exportedAt: Date, onProgress?: ExportProgress): Promise<ExportedFile> {
  const snapshot = await readExportSnapshotFrom(source, { exportedAt, filter: request.filter, ...(onProgress ? { onProgress } : {}) });
  const { extension, mediaType, label } = EXPORT_FORMATS[request.format];
  onProgress?.(`writing the ${label}`, 0.9);
  const file = writeExport(snapshot, request.format, request.groupBy);
  return {
    fileName: `${snapshot.project}.${extension}`,
    mediaType,
    ...encoded(file),
    annotations: snapshot.annotations.length,
  };
}

/** Text travels as it is; bytes as base64, since the API speaks JSON. */
function encoded(file: string | Uint8Array): Pick<ExportedFile, 'encoding' | 'content'> {
  return typeof file === 'string' ? { encoding: 'utf8', content: file } : { encoding: 'base64', content: Buffer.from(file).toString('base64') };
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
