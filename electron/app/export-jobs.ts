/**
 * Exports run as jobs for the export dialog: the dialog gets a job id at once and shows the
 * job's progress, since a project of many thousand annotations takes a moment to write. The
 * file stays with the job until the dialog has fetched it (or a later job pushes it out).
 */
import { randomUUID } from 'node:crypto';
import type { ExportJob, ExportRequest } from '../../shared/export';
import { ApiError } from '../../shared/errors';
import { exportNotes, type ExportSource } from '../export';

/** Finished jobs kept for their files; a file can be large, so few. */
const KEPT_JOBS = 5;

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  /** Jobs not finished yet: the project must stay open until they are. */
  get running(): number {
    let count = 0;
    for (const job of this.jobs.values()) if (job.state === 'running') count++;
    return count;
  }

  constructor(
    private readonly source: ExportSource,
    private readonly date: () => Date,
  ) {}

  start(request: ExportRequest): { jobId: string } {
    const job: ExportJob = { jobId: randomUUID(), state: 'running', stage: 'starting', progress: 0, file: null, error: null };
    this.remember(job);
    void this.run(job, request);
    return { jobId: job.jobId };
  }

  get(jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `No export job with id "${jobId}"`, 'jobId');
    return { ...job };
  }

  private async run(job: ExportJob, request: ExportRequest): Promise<void> {
    try {
      const file = await exportNotes(this.source, request, this.date(), (stage, fraction) => {
        job.stage = stage;
        job.progress = fraction;
      });
      Object.assign(job, { state: 'done', stage: 'done', progress: 1, file });
    } catch (error) {
      Object.assign(job, { state: 'failed', stage: 'failed', error: (error as Error).message });
    }
  }

  private remember(job: ExportJob): void {
    this.jobs.set(job.jobId, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (old.state !== 'running') this.jobs.delete(id);
    }
  }
}
