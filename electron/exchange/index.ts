/**
 * Exchange files in: each format has one importer, chosen here by the file's name. An importer
 * reads and checks the whole file first and writes in one transaction at the end, so a file that
 * fails leaves the project exactly as it was.
 */
import type { ExchangeFormat, ExchangeImportResult } from '../../shared/exchange';
import { exchangeFormatOf } from '../../shared/exchange';
import { ApiError } from '../../shared/errors';
import type { Project } from '../app/project';
import { importQdpx } from './refi-qda/import';
import { importWebAnnotations } from './web-annotation/import';

export type ExchangeImporter = (project: Project, bytes: Buffer, fileName: string) => ExchangeImportResult | Promise<ExchangeImportResult>;

/** The importer of each exchange format. */
const importers: Record<ExchangeFormat, ExchangeImporter> = { jsonld: importWebAnnotations, qdpx: importQdpx };

export async function importExchangeFile(project: Project, fileName: string, bytes: Buffer): Promise<ExchangeImportResult> {
  const format = exchangeFormatOf(fileName);
  if (!format) {
    throw new ApiError('invalid_input', `${fileName} is not an exchange file this version reads (W3C Web Annotation .jsonld, REFI-QDA .qdpx)`, 'fileName');
  }
  return importers[format](project, bytes, fileName);
}
