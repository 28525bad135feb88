/** An export run in the background for the Save button, its progress told as it goes, and the file saved by a download. */
import type { ApiClient } from '../../../shared/api';
import type { ExportedFile, ExportJob, ExportRequest } from '../../../shared/export';

const POLL_MS = 150;

/**
 * Starts the export and polls it until it is done; `onJob` sees every state on the way.
 * `stillWanted` lets a closed dialog stop polling (the export itself finishes on its own).
 */
export async function runExport(
  client: ApiClient,
  request: ExportRequest,
  onJob: (job: ExportJob) => void,
  stillWanted: () => boolean,
): Promise<ExportedFile | null> {
  const { jobId } = await client.startExport(request);
  for (;;) {
    if (!stillWanted()) return null;
    const job = await client.getExportJob({ jobId });
    onJob(job);
    if (job.state === 'failed') throw new Error(job.error ?? 'The export failed.');
    if (job.state === 'done') {
      if (!job.file) throw new Error('The export finished without a file.');
      return job.file;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The file's bytes, whichever way it travelled. */
export function fileBlob(file: ExportedFile): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: file.mediaType });
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: file.mediaType });
}

/**
 * Saves the file as a download: the browser puts it in its downloads, Electron asks where with
 * its save dialog. The same path for both hosts, and no file system access in the renderer.
 */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(fileBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes by the time the next tasks run; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "12 kB", "3.4 MB": a file's size for a status line. */
export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
