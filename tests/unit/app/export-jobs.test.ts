/**
 * The export dialog runs an export as a job and shows how far it is: the job reports stages in
 * words with a rising fraction, and ends with the very file a direct export gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNotes } from '../../../electron/export';
import type { ExportRequest } from '../../../shared/export';
import { openAnnotatedProject, type AnnotatedProject } from '../export/annotated-project';

let fixture: AnnotatedProject;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
});
afterAll(() => fixture.close());

async function finished(jobId: string) {
  for (;;) {
    const job = await fixture.client.getExportJob({ jobId });
    if (job.state !== 'running') return job;
    expect(job.progress).toBeGreaterThanOrEqual(0);
    expect(job.progress).toBeLessThan(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('export jobs', () => {
  it('report their stages in words, rising to 1, while the sources are read and the annotations placed', async () => {
    const reported: { stage: string; fraction: number }[] = [];
    await exportNotes(fixture.client, { format: 'markdown', groupBy: 'document', filter: {} }, new Date(0), (stage, fraction) =>
      reported.push({ stage, fraction }),
    );
    expect(reported.map((step) => step.stage)).toEqual(
      expect.arrayContaining(['reading sources (1 of 4)', 'reading sources (4 of 4)', 'placing annotations (0 of 5)', 'writing the Markdown notes']),
    );
    const fractions = reported.map((step) => step.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(Math.max(...fractions)).toBeLessThan(1);
  });

  it('end with the same file a direct export gives', async () => {
    process.env.SOURCE_DATE_EPOCH = '1740819600';
    try {
      const request: ExportRequest = { format: 'csv', groupBy: 'document', filter: { colors: ['red'] } };
      const { jobId } = await fixture.client.startExport(request);
      const job = await finished(jobId);
      expect(job).toMatchObject({ state: 'done', progress: 1, error: null });
      expect(job.file).toEqual(await fixture.client.exportNotes(request));
      expect(job.file!.annotations).toBe(1);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });

  it('keep a failure as a message, and an unknown job is named', async () => {
    await expect(fixture.client.getExportJob({ jobId: 'no-such-job' })).rejects.toThrow(/No export job with id "no-such-job"/);
  });
});
