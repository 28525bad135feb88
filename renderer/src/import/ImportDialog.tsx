/**
 * Importing one's own sources: the file's detected format and encoding are shown with a preview
 * of its first lines, the encoding can be changed before anything is stored, the record of the
 * source can be filled in, and the import's progress is shown until the document opens.
 */
import { useEffect, useState } from 'react';
import type { ApiClient, ImportInspection, ImportJob } from '../../../shared/api';
import { COMMON_ENCODINGS, type DocumentSummary, type SourceKind, displayTitle } from '../../../shared/domain';
import { NO_PANE, PaneChoice, firstChoice, useHighlightCounts, type OpenPane } from './PaneChoice';

const POLL_MS = 150;

interface Props {
  readonly client: ApiClient;
  readonly files: readonly File[];
  readonly documents: readonly DocumentSummary[];
  /** The panes shown, in order; `panesFull` when no pane can be added. */
  readonly panes: readonly OpenPane[];
  readonly panesFull: boolean;
  /**
   * Called when a file has been imported, with the document to show and, when all panes are
   * open, the index of the pane the user chose to replace (null: none).
   */
  readonly onImported: (documentId: string, replace: number | null) => void;
  readonly onClose: () => void;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function ImportDialog({ client, files, documents, panes, panesFull, onImported, onClose }: Props) {
  const [index, setIndex] = useState(0);
  const file = files[index];
  const [data, setData] = useState<string | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [encoding, setEncoding] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [language, setLanguage] = useState('');
  const [date, setDate] = useState('');
  const [sourceKind, setSourceKind] = useState<SourceKind>('secondary');
  const [versionOf, setVersionOf] = useState('');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paneChoice, setPaneChoice] = useState<string | null>(null);
  const highlights = useHighlightCounts();

  // Read and inspect each file in turn; nothing is stored until the user says Import.
  useEffect(() => {
    if (!file) return;
    let current = true;
    setData(null);
    setInspection(null);
    setEncoding(undefined);
    setJob(null);
    setError(null);
    setVersionOf('');
    setPaneChoice(null);
    readAsBase64(file)
      .then((base64) => {
        if (!current) return undefined;
        setData(base64);
        return client.inspectImport({ fileName: file.name, data: base64 });
      })
      .then((result) => {
        if (!current || !result) return;
        setInspection(result);
        setTitle(result.title ?? file.name.replace(/\.[^.]+$/, ''));
        setLanguage(result.language ?? '');
      })
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [client, file]);

  const changeEncoding = (next: string) => {
    if (!file || !data) return;
    setEncoding(next);
    client
      .inspectImport({ fileName: file.name, data, encoding: next })
      .then((result) => setInspection(result))
      .catch((reason: Error) => setError(reason.message));
  };

  // Asked only when the document would need a pane and none can be added; until the user picks,
  // the first choice offered stands (it follows the highlights as they load).
  const askForPane = panesFull && !(versionOf && panes.some((pane) => pane.documentId === versionOf));
  const replace = paneChoice ?? firstChoice(panes, highlights);

  const next = () => {
    if (index + 1 < files.length) setIndex(index + 1);
    else onClose();
  };

  const startImport = async () => {
    if (!file || !data) return;
    setError(null);
    try {
      const { jobId } = await client.startImport({
        fileName: file.name,
        data,
        ...(encoding ? { encoding } : {}),
        ...(versionOf
          ? { versionOf }
          : {
              record: {
                title: title.trim() || file.name,
                titleSupplied: title.trim() !== (inspection?.title ?? ''),
                author: author.trim() || null,
                language: language.trim() || 'und',
                date: date.trim() || null,
                sourceKind,
              },
            }),
      });
      for (;;) {
        const state = await client.getImportJob({ jobId });
        setJob(state);
        if (state.state === 'failed') {
          setError(state.error?.message ?? 'The import failed.');
          return;
        }
        if (state.state === 'done') {
          onImported(state.documentId!, askForPane && replace !== NO_PANE ? Number(replace) : null);
          next();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (reason) {
      setError((reason as Error).message);
    }
  };

  if (!file) return null;
  const encodings = inspection?.encoding
    ? [...new Set([inspection.encoding.encoding, ...inspection.alternatives.map((a) => a.encoding), ...COMMON_ENCODINGS])]
    : [];
  const running = job?.state === 'running';
  return (
    <div className="dialog-backdrop">
      <div className="dialog with-body" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">
          Import {file.name}
          {files.length > 1 && <span className="muted"> (file {index + 1} of {files.length})</span>}
        </h2>
        {/* Only this part scrolls: progress, errors, Import and Cancel stay in sight whatever the file holds. */}
        <div className="dialog-body">
          {!inspection && !error && <p className="muted">Reading the file…</p>}
          {inspection && (
            <>
              <p className="muted">
                {inspection.format.toUpperCase()} · {(inspection.size / 1024).toFixed(0)} kB
                {inspection.encoding &&
                  ` · detected ${inspection.encoding.encoding} (${Math.round(inspection.encoding.confidence * 100)}% sure)`}
              </p>
              {inspection.encoding && (
                <label className="field">
                  Encoding
                  <select value={encoding ?? inspection.encoding.encoding} onChange={(event) => changeEncoding(event.target.value)} disabled={running}>
                    {encodings.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <pre className="preview" aria-label="Preview of the first lines">
                {inspection.preview}
              </pre>
              <label className="field">
                Import as
                <select value={versionOf} onChange={(event) => setVersionOf(event.target.value)} disabled={running}>
                  <option value="">a new document</option>
                  {documents.map((document) => (
                    <option key={document.id} value={document.id}>
                      a new version of {displayTitle(document)}
                    </option>
                  ))}
                </select>
              </label>
              {!versionOf && (
                <div className="field-grid">
                  <label className="field">
                    Title
                    <input value={title} onChange={(event) => setTitle(event.target.value)} disabled={running} />
                  </label>
                  <label className="field">
                    Author
                    <input value={author} onChange={(event) => setAuthor(event.target.value)} disabled={running} />
                  </label>
                  <label className="field">
                    Language
                    <input value={language} placeholder="en, ru, de…" onChange={(event) => setLanguage(event.target.value)} disabled={running} />
                  </label>
                  <label className="field">
                    Date
                    <input value={date} placeholder="1988, c. 1932…" onChange={(event) => setDate(event.target.value)} disabled={running} />
                  </label>
                  <label className="field">
                    Kind of source
                    <select value={sourceKind} onChange={(event) => setSourceKind(event.target.value as SourceKind)} disabled={running}>
                      <option value="primary">primary</option>
                      <option value="secondary">secondary</option>
                      <option value="tertiary">tertiary</option>
                    </select>
                  </label>
                </div>
              )}
              {askForPane && <PaneChoice panes={panes} highlights={highlights} value={replace} onChange={setPaneChoice} disabled={running} />}
            </>
          )}
        </div>
        {job && running && (
          <div className="progress">
            <progress max={1} value={job.progress} aria-label="Import progress" />
            <span>{job.stage}</span>
          </div>
        )}
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={next} disabled={running}>
            {files.length > index + 1 ? 'Skip' : 'Cancel'}
          </button>
          <button type="button" className="primary" onClick={() => void startImport()} disabled={!inspection || running}>
            Import
          </button>
        </div>
      </div>
    </div>
  );
}
