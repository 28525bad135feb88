/**
 * The workbench shell: a quiet title bar and the sources side by side. The text gets the space.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api';
import type { AppInfo, DocumentSummary } from '../../shared/domain';
import { SourcePane } from './panes/SourcePane';

/** The reader shows up to this many sources at once; more would leave too little width to read. */
const MAX_PANES = 3;

type Loaded = { info: AppInfo; documents: DocumentSummary[] };

export function App({ client }: { client: ApiClient }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([client.getAppInfo({}), client.listDocuments({})])
      .then(([info, documents]) => setLoaded({ info, documents }))
      .catch((reason: Error) => setError(reason.message));
  }, [client]);

  const projectName = loaded?.info.projectPath.split(/[\\/]/).pop();
  return (
    <div className="workbench">
      <header className="titlebar">
        <span className="brand">Sourcebench</span>
        {projectName && <span className="project" title={loaded?.info.projectPath}>{projectName}</span>}
      </header>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {!loaded && !error && <div className="banner">Opening the project…</div>}
      {loaded && loaded.documents.length === 0 && (
        <div className="banner">This project has no documents yet.</div>
      )}
      {loaded && loaded.documents.length > 0 && (
        <main className="panes" style={{ gridTemplateColumns: `repeat(${Math.min(loaded.documents.length, MAX_PANES)}, minmax(0, 1fr))` }}>
          {loaded.documents.slice(0, MAX_PANES).map((document) => (
            <SourcePane key={document.id} client={client} document={document} />
          ))}
        </main>
      )}
    </div>
  );
}
