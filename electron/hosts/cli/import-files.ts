/**
 * `sourcebench import`: each file goes through the same API calls as an import from the
 * workbench (inspect, start, follow the job), so the CLI reports the same detection, progress
 * and errors. A file that fails leaves the project as it was; the others are still imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary, SourceKind } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { exchangeFormatOf } from '../../../shared/exchange';
import { maxImportBytesFromEnv, refuseFileOverLimit } from '../../import/limits';
import { reportError } from './usage';

export interface ImportOptions {
  encoding?: string;
  title?: string;
  author?: string;
  language?: string;
  date?: string;
  kind: SourceKind;
  versionOf?: string;
}

const POLL_MS = 100;

export function pickDocument(documents: DocumentSummary[], which: string): DocumentSummary {
  const byNumber = /^\d+$/.test(which) ? documents[Number(which) - 1] : undefined;
  const found = byNumber ?? documents.find((document) => document.id === which);
  if (!found) throw new ApiError('not_found', `No document "${which}" (the project has ${documents.length}; see: sourcebench documents)`);
  return found;
}

/**
 * `json`: each imported file as one JSON line on stdout (what was added, with the ids to use next),
 * each failure as one on stderr, and no progress lines among them.
 */
export async function importFiles(client: ApiClient, files: string[], options: ImportOptions, out: (text: string) => void, json = false): Promise<void> {
  const versionOf = options.versionOf ? pickDocument(await client.listDocuments({}), options.versionOf).id : undefined;
  const failures: string[] = [];
  for (const file of files) {
    try {
      const imported = await importOne(client, file, options, versionOf, !json);
      out(`${json ? JSON.stringify({ file, ...imported.value }) : imported.text}\n`);
    } catch (error) {
      failures.push(file);
      reportError(error, json, (text) => process.stderr.write(text), file);
    }
  }
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${files.length} file(s) not imported; the project is unchanged for those.`);
  }
}

/** One file imported: as a line for people, and as the values behind it. */
interface Imported {
  readonly text: string;
  readonly value: Record<string, unknown>;
}

async function importOne(client: ApiClient, file: string, options: ImportOptions, versionOf: string | undefined, progress: boolean): Promise<Imported> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new Error('no such file');
  refuseFileOverLimit(stat.size, maxImportBytesFromEnv());
  const data = fs.readFileSync(file).toString('base64');
  const fileName = path.basename(file);
  if (exchangeFormatOf(fileName)) {
    const added = await client.importExchange({ fileName, data });
    const skipped = added.skipped.map((reason) => `\n  skipped: ${reason}`).join('');
    return {
      text: `imported ${file}: ${added.format}, ${added.annotations} annotations, ${added.tags} tags, ${added.notes} notes, ${added.claims} claims, ${added.documents} new documents${skipped}`,
      value: added,
    };
  }
  const encoding = options.encoding ? { encoding: options.encoding } : {};
  const inspection = await client.inspectImport({ fileName, data, ...encoding });
  const { jobId } = await client.startImport({
    fileName,
    data,
    ...encoding,
    ...(versionOf
      ? { versionOf }
      : {
          record: {
            ...(options.title ? { title: options.title } : {}),
            ...(options.author ? { author: options.author } : {}),
            ...(options.language ? { language: options.language } : {}),
            ...(options.date ? { date: options.date } : {}),
            sourceKind: options.kind,
          },
        }),
  });
  let lastStage = '';
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (job.state === 'failed') throw new Error(job.error?.message ?? 'the import failed');
    if (job.state === 'done') {
      const detected = inspection.encoding ? `, ${job.encoding} (detected ${inspection.encoding.encoding})` : '';
      return {
        text: `imported ${file}: ${inspection.format}${detected} → document ${job.documentId}, version ${job.versionId}`,
        value: {
          format: inspection.format,
          encoding: job.encoding,
          detectedEncoding: inspection.encoding?.encoding ?? null,
          documentId: job.documentId,
          versionId: job.versionId,
        },
      };
    }
    if (progress && job.stage !== lastStage) {
      process.stderr.write(`  ${fileName}: ${job.stage} (${Math.round(job.progress * 100)}%)\n`);
      lastStage = job.stage;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
