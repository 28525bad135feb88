/**
 * Imports run as jobs: the caller gets a job id at once and follows its progress, so a large
 * PDF never freezes the workbench and every host (IPC, HTTP, CLI) reports progress the same way.
 * A job writes the project in one transaction at its very end: a failed import changes nothing.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ApiParsedInput, ImportInspection, ImportJob } from '../../shared/api';
import type { DocumentRecord } from '../../shared/domain';
import { ApiError, BUSY_MESSAGE, isBusyError } from '../../shared/errors';
import { NORMALIZER } from '../../shared/text/normalize';
import { ImportError, importFile, inspectFile, titleFromFileName, type ImportOptions } from '../import';
import { decodeWithinLimit, DEFAULT_MAX_IMPORT_BYTES } from '../import/limits';
import type { AddedVersion, NewVersion } from '../store/documents';
import type { Project } from './project';

const KEPT_JOBS = 50;
/**
 * The share of the progress bar for reading the file; storing it is quick, and indexing it for
 * search (about as long as reading a large plain text) fills the rest.
 */
const READING_SHARE = 0.8;
const INDEXING_FROM = 0.85;
/** A new version's highlights are re-anchored between reading and indexing. */
const REANCHORING_SHARE = INDEXING_FROM - READING_SHARE;

type StartInput = ApiParsedInput<'startImport'>;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** Jobs not finished yet: the project must stay open until they are. */
  get running(): number {
    let count = 0;
    for (const job of this.jobs.values()) if (job.state === 'running') count++;
    return count;
  }

  constructor(
    private readonly project: Project,
    readonly maxBytes: number = DEFAULT_MAX_IMPORT_BYTES,
  ) {}

  async inspect(input: ApiParsedInput<'inspectImport'>): Promise<ImportInspection> {
    const bytes = this.decode(input.data);
    try {
      const inspection = await inspectFile(this.importOptions(input, bytes));
      return { ...inspection, alternatives: [...inspection.alternatives], size: bytes.length, maxSize: this.maxBytes };
    } catch (error) {
      throw asApiError(error);
    }
  }

  start(input: StartInput): { jobId: string } {
    const bytes = this.decode(input.data);
    if (input.versionOf !== undefined) this.project.documents.checkDocument(input.versionOf, 'versionOf');
    const job: ImportJob = {
      jobId: randomUUID(),
      fileName: input.fileName,
      state: 'running',
      stage: 'starting',
      progress: 0,
      documentId: null,
      versionId: null,
      encoding: null,
      error: null,
    };
    this.remember(job);
    void this.run(job, input, bytes);
    return { jobId: job.jobId };
  }

  get(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `No import job with id "${jobId}"`, 'jobId');
    return { ...job };
  }

  private async run(job: ImportJob, input: StartInput, bytes: Buffer): Promise<void> {
    try {
      const imported = await importFile({
        ...this.importOptions(input, bytes),
        onProgress: (stage, fraction) => {
          job.stage = describeStage(stage, fraction);
          job.progress = Math.min(READING_SHARE, fraction * READING_SHARE);
        },
      });
      job.stage = 'saving';
      job.encoding = imported.encoding;
      const version = {
        fileName: path.basename(input.fileName),
        format: imported.format,
        encoding: imported.encoding,
        raw: bytes,
        rawText: imported.rawText,
        normalizer: `${NORMALIZER} (${imported.format})`,
        normalized: imported.normalized,
      };
      const added =
        input.versionOf !== undefined
          ? await this.addVersion(job, input.versionOf, version)
          : this.project.documents.addDocument(this.recordFor(input, imported), version);
      Object.assign(job, { stage: 'indexing for search', progress: INDEXING_FROM, documentId: added.documentId, versionId: added.versionId });
      await this.project.searchIndex.catchUpInSteps((fraction) => {
        job.progress = INDEXING_FROM + fraction * (1 - INDEXING_FROM);
      });
      Object.assign(job, { state: 'done', stage: 'done', progress: 1 });
    } catch (error) {
      const apiError = asApiError(error);
      Object.assign(job, { state: 'failed', stage: 'failed', error: { code: apiError.code, message: apiError.message } });
    }
  }

  /**
   * The document's highlights are re-anchored onto the new text first, in steps the job reports
   * ("re-anchoring 12,000 of 40,000 highlights"); the transaction that stores the version then
   * only writes them, redoing any highlight edited meanwhile.
   */
  private async addVersion(job: ImportJob, documentId: string, version: NewVersion): Promise<AddedVersion> {
    const report = (done: number, total: number) => {
      job.stage = `re-anchoring ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} highlights`;
      job.progress = READING_SHARE + (total === 0 ? 1 : done / total) * REANCHORING_SHARE;
    };
    const plan = await this.project.annotations.planReanchoring(documentId, version.normalized.text, report);
    job.stage = 'saving';
    return this.project.addVersion(documentId, version, { plan });
  }

  private importOptions(input: { fileName: string; encoding?: string | undefined }, bytes: Buffer): ImportOptions {
    return { fileName: input.fileName, bytes, maxBytes: this.maxBytes, ...(input.encoding ? { encoding: input.encoding } : {}) };
  }

  private recordFor(input: StartInput, imported: { title: string | null; language: string | null }): DocumentRecord {
    const fallbackTitle = titleFromFileName(input.fileName);
    const given = input.record ?? {};
    return {
      title: given.title ?? imported.title ?? fallbackTitle,
      // Named after the file rather than by the source itself: an editor's title.
      titleSupplied: given.titleSupplied ?? (given.title === undefined && imported.title === null),
      author: given.author ?? null,
      translator: given.translator ?? null,
      language: given.language ?? imported.language ?? 'und',
      date: given.date ?? null,
      sourceKind: given.sourceKind ?? 'secondary',
      description: given.description ?? null,
    };
  }

  private decode(data: string): Buffer {
    return decodeWithinLimit(data, this.maxBytes);
  }

  private remember(job: ImportJob): void {
    this.jobs.set(job.jobId, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (old.state !== 'running') this.jobs.delete(id);
    }
  }
}

/** The importer's stage names, in the words the progress bar shows. */
function describeStage(stage: string, fraction: number): string {
  switch (stage) {
    case 'check':
      return 'checking the file';
    case 'decode':
      return 'decoding the text';
    case 'parse':
      return 'reading the structure';
    case 'pages':
      return `reading pages (${Math.round(fraction * 100)}%)`;
    case 'normalize':
      return 'normalizing the text';
    case 'done':
      return 'saving';
    default:
      return stage;
  }
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ImportError) return new ApiError('invalid_input', error.message, 'data');
  if (isBusyError(error)) return new ApiError('project_error', BUSY_MESSAGE);
  return new ApiError('internal', `The import failed: ${(error as Error).message}`);
}
