/**
 * The workbench shell: a quiet title bar and the sources side by side. The text gets the space.
 * Files dropped anywhere on the window, or chosen with Import…, are imported as sources.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api';
import type { AppInfo, DocumentSummary } from '../../shared/domain';
import { ImportDialog } from './import/ImportDialog';
import { SourcePane } from './panes/SourcePane';

/** The reader shows up to this many sources at once; more would leave too little width to read. */
const MAX_PANES = 3;

export function App({ client }: { client: ApiClient }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [panes, setPanes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(
    () =>
      client.listDocuments({}).then((list) => {
        setDocuments(list);
        return list;
      }),
    [client],
  );

  useEffect(() => {
    Promise.all([client.getAppInfo({}), reload()])
      .then(([appInfo, list]) => {
        setInfo(appInfo);
        setPanes(list.slice(0, MAX_PANES).map((document) => document.id));
      })
      .catch((reason: Error) => setError(reason.message));
  }, [client, reload]);

  // The desktop app's File > Import… arrives as a menu command.
  useEffect(() => window.sourcebenchMenu?.onCommand((command) => command === 'import' && fileInput.current?.click()), []);

  const showImported = (documentId: string) => {
    void reload().then(() =>
      setPanes((current) => (current.includes(documentId) ? current : [...current.slice(0, MAX_PANES - 1), documentId])),
    );
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) setImporting(files);
  };

  const projectName = info?.projectPath.split(/[\\/]/).pop();
  const shown = panes
    .map((id) => documents?.find((document) => document.id === id))
    .filter((document): document is DocumentSummary => document !== undefined);
  return (
    <div
      className={`workbench${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => event.currentTarget === event.target && setDragging(false)}
      onDrop={onDrop}
    >
      <header className="titlebar">
        <span className="brand">Sourcebench</span>
        {projectName && (
          <span className="project" title={info?.projectPath}>
            {projectName}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="tool" onClick={() => fileInput.current?.click()} disabled={!documents}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf"
          data-testid="import-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) setImporting(files);
          }}
        />
      </header>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {!documents && !error && <div className="banner">Opening the project…</div>}
      {documents && documents.length === 0 && <div className="banner">This project has no documents yet. Import a file to begin.</div>}
      {documents && shown.length > 0 && (
        <main className="panes" style={{ gridTemplateColumns: `repeat(${shown.length}, minmax(0, 1fr))` }}>
          {shown.map((document, index) => (
            <SourcePane
              key={`${index}:${document.id}`}
              client={client}
              document={document}
              documents={documents}
              onPick={(id) => setPanes((current) => current.map((paneId, i) => (i === index ? id : paneId)))}
            />
          ))}
        </main>
      )}
      {dragging && <div className="drop-hint">Drop files to import them as sources</div>}
      {importing.length > 0 && documents && (
        <ImportDialog
          client={client}
          files={importing}
          documents={documents}
          onImported={showImported}
          onClose={() => setImporting([])}
        />
      )}
    </div>
  );
}
