/** A running export's progress bar and what it is doing now ("placing annotations (40 of 900)"). */
import type { ExportJob } from '../../../shared/export';

export function ExportProgress({ job }: { job: ExportJob }) {
  const percent = Math.round(job.progress * 100);
  return (
    <div className="progress export-progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${job.stage}`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span aria-live="polite">{job.stage}</span>
    </div>
  );
}
