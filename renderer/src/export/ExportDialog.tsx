/**
 * File → Export…: the notes in a format to read (Markdown, HTML, CSV) or to hand to another tool
 * (W3C Web Annotation, REFI-QDA), grouped and filtered, with a live preview of the file. Save
 * runs the export in the background with its progress shown, then hands the file to the
 * browser or Electron as a download.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary } from '../../../shared/domain';
import { EXPORT_FORMATS, ExportFormat, ExportGrouping, type ExportFilter, type ExportJob, type ExportRequest } from '../../../shared/export';
import type { SidebarFilters } from '../sidebar/AnnotationsTab';
import { messageOf } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { Dialog } from '../workspace/Dialog';
import { download, fileBlob, runExport, sizeOf } from './export-job';
import { filterFromSidebar, requestFilter } from './export-filter';
import { ExportFilterFields } from './ExportFilterFields';
import { ExportPreview } from './ExportPreview';
import { ExportProgress } from './ExportProgress';
import { useExportPreview } from './use-export-preview';
import './export.css';

const GROUPING_LABELS: Record<ExportGrouping, string> = {
  document: 'by source',
  tag: 'by tag',
  claim: 'by claim',
};

interface Props {
  readonly client: ApiClient;
  readonly documents: readonly DocumentSummary[];
  /** The sidebar's own filters; with its tag filter, where the export's filter starts. */
  readonly sidebarFilters: SidebarFilters;
  readonly onClose: () => void;
}

export function ExportDialog({ client, documents, sidebarFilters, onClose }: Props) {
  const { tags, tagFilter } = useSnapshot(useStores().codebook);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [groupBy, setGroupBy] = useState<ExportGrouping>('document');
  const [filter, setFilter] = useState<ExportFilter>(() => filterFromSidebar(tags, tagFilter, sidebarFilters));
  const [job, setJob] = useState<ExportJob | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // A closed dialog stops polling its export (the export itself runs to its end on the server).
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const request: ExportRequest = { format, groupBy, filter: requestFilter(filter) };
  const preview = useExportPreview(client, request);
  const grouped = EXPORT_FORMATS[format].grouped;
  const running = job?.state === 'running';

  const save = async () => {
    setError(null);
    setSaved(null);
    setJob({ jobId: '', state: 'running', stage: 'starting', progress: 0, file: null, error: null });
    try {
      const file = await runExport(client, request, setJob, () => open.current);
      if (!file) return;
      download(file);
      setSaved(`Saved ${file.fileName}: ${file.annotations} annotation${file.annotations === 1 ? '' : 's'}, ${sizeOf(fileBlob(file).size)}.`);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      if (open.current) setJob(null);
    }
  };

  return (
    <Dialog title="Export notes" onClose={onClose} className="export-dialog">
      <div className="export-layout">
        <div className="export-choices">
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-format`}>Format</label>
              <select id={`${id}-format`} value={format} disabled={running} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
                {ExportFormat.options.map((option) => (
                  <option key={option} value={option}>
                    {EXPORT_FORMATS[option].label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-grouping`}>Grouping</label>
              <select
                id={`${id}-grouping`}
                value={groupBy}
                disabled={running || !grouped}
                aria-describedby={grouped ? undefined : `${id}-grouping-note`}
                onChange={(event) => setGroupBy(event.target.value as ExportGrouping)}
              >
                {ExportGrouping.options.map((option) => (
                  <option key={option} value={option}>
                    {GROUPING_LABELS[option]}
                  </option>
                ))}
              </select>
              {!grouped && (
                <span id={`${id}-grouping-note`} className="muted">
                  This format has one fixed shape.
                </span>
              )}
            </div>
          </div>
          <ExportFilterFields filter={filter} onFilter={setFilter} documents={documents} tags={tags} disabled={running} />
        </div>
        <ExportPreview preview={preview} sourceCount={documents.length} tagCount={tags.length} />
      </div>
      {job && <ExportProgress job={job} />}
      {saved && (
        <p className="export-saved" role="status">
          {saved}
        </p>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={running}>
          Save…
        </button>
      </div>
    </Dialog>
  );
}
