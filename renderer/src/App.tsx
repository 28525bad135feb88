/**
 * The workbench shell: a quiet title bar, the sources side by side (one to four resizable panes)
 * and a narrow sidebar on the right. The text gets the space. The layout, each pane's document
 * and passage, the theme and the font size are remembered in the project. Files dropped
 * anywhere on the window, or chosen with Import…, are imported as sources; the notes are exported
 * and the project backed up from the title bar or the File menu. One App shows one project: the
 * root (projects/ProjectRoot.tsx) mounts a fresh one for each project opened.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api';
import { type DocumentSummary, displayTitle } from '../../shared/domain';
import type { ProjectFile } from '../../shared/projects';
import { AssessmentBadge } from './assessment/AssessmentBadge';
import { ClaimsPanel } from './claims/ClaimsPanel';
import { BackupDialog } from './export/BackupDialog';
import { ExportDialog } from './export/ExportDialog';
import { ImportDialog } from './import/ImportDialog';
import { SourcePane } from './panes/SourcePane';
import type { ProjectExit } from './projects/project-exit';
import { FinderDock } from './search/FinderDock';
import { NO_SIDEBAR_FILTERS, type SidebarFilters } from './sidebar/AnnotationsTab';
import { Sidebar } from './sidebar/Sidebar';
import { messageOf } from './state/errors';
import { StoresContext, useSnapshot } from './state/store-context';
import { createStores } from './state/stores';
import { FirstRun } from './workspace/FirstRun';
import { PaneLayout } from './workspace/PaneLayout';
import { ShortcutSheet } from './workspace/ShortcutSheet';
import { lastTheme, useTheme } from './workspace/theme';
import { TitleBar } from './workspace/TitleBar';
import { useWorkbenchKeys } from './workspace/use-workbench-keys';
import { MAX_PANES, normalizeWidths, type PaneState } from './workspace/workspace';

const SIDEBAR_KEY = 'sourcebench.sidebarCollapsed';
/** How often an open workbench asks whether another program changed the project file. */
const OTHER_WRITERS_POLL_MS = 2000;

interface Props {
  readonly client: ApiClient;
  /** The project this workbench shows (the root gives each project an App of its own). */
  readonly project: ProjectFile;
  /** Opens the Projects dialog (open, new, save a copy, close). */
  readonly onProjects: () => void;
  /** Hands the root the way out of this project; returns the undo for when the App goes. */
  readonly onExit: (exit: ProjectExit) => () => void;
}

export function App({ client, project, onProjects, onExit }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  const stores = useMemo(() => createStores(client, setNotice), [client]);
  const { workspace, history } = stores;
  const { layout } = useSnapshot(workspace);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [backupOpen, setBackupOpen] = useState(false);
  const [sidebarFilters, setSidebarFilters] = useState<SidebarFilters>(NO_SIDEBAR_FILTERS);
  const [sidebarCollapsed, setSidebarCollapsed] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'true');
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(
    () =>
      client.listDocuments({}).then((list) => {
        setDocuments(list);
        return list;
      }),
    [client],
  );

  // -- the workspace: loaded once, saved (debounced) by its store on every change --------------------
  useEffect(() => {
    Promise.all([
      reload(),
      client.getWorkspace({}).catch((reason: Error) => {
        setNotice(`The saved layout could not be read (${reason.message}); the three sources open side by side.`);
        return null;
      }),
    ])
      .then(([list, saved]) => {
        workspace.open(saved, list);
      })
      .catch((reason: Error) => setError(reason.message));
    history.reloadAll().catch((reason: Error) => setNotice(`Annotations could not be loaded: ${reason.message}`));
  }, [client, reload, workspace, history]);

  // Another program (the command line, a second window) may write the project file: asked on
  // focus and every few seconds while the page is shown, the server tells by a new history epoch.
  useEffect(() => {
    const stopListening = history.onReplaced(() => {
      void reload();
      setNotice('The project file was changed by another program; the workbench now shows its current state.');
    });
    const check = () => {
      if (document.visibilityState === 'visible') history.sync().catch(() => undefined);
    };
    const timer = window.setInterval(check, OTHER_WRITERS_POLL_MS);
    window.addEventListener('focus', check);
    return () => {
      stopListening();
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [history, reload]);

  useEffect(() => {
    const flush = () => void workspace.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [workspace]);

  // Before another project is opened, the layout goes into this one's file, and nothing after it.
  useEffect(
    () => onExit({ leave: () => workspace.leave(), stay: () => workspace.stay(), flush: () => workspace.flush() }),
    [onExit, workspace],
  );

  const [startTheme] = useState(lastTheme);
  useTheme(layout?.theme ?? startTheme);

  useEffect(() => localStorage.setItem(SIDEBAR_KEY, String(sidebarCollapsed)), [sidebarCollapsed]);

  // -- undo, redo, shortcuts and menu commands: a failed undo is told in the notice banner -------------
  const undo = useCallback(() => void history.undo().catch((reason: unknown) => setNotice(messageOf(reason))), [history]);
  const redo = useCallback(() => void history.redo().catch((reason: unknown) => setNotice(messageOf(reason))), [history]);
  const openImport = useCallback(() => fileInput.current?.click(), []);
  const openShortcuts = useCallback(() => setSheetOpen(true), []);
  const openExport = useCallback(() => setExportOpen(true), []);
  const openBackup = useCallback(() => setBackupOpen(true), []);
  const openSearch = useCallback(() => stores.finder.openSearch(), [stores]);
  const findInPane = useCallback(() => stores.finder.findInPane(), [stores]);
  useWorkbenchKeys({ undo, redo, openImport, openExport, openBackup, openShortcuts, openSearch, findInPane });

  // A new version of an open document moved its highlights (re-anchoring): read them again.
  const showImported = (documentId: string, replace: number | null) =>
    void reload().then(() => {
      workspace.showImported(documentId, replace);
      return stores.annotations.reloadDocument(documentId);
    });

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) setImporting(files);
  };

  const shown = (layout?.panes ?? [])
    .map((pane, index) => ({ pane, index, document: documents?.find((document) => document.id === pane.documentId) }))
    .filter((entry): entry is { pane: PaneState; index: number; document: DocumentSummary } => entry.document !== undefined);
  const visible = shown.map((entry) => entry.document.id);
  const widths = normalizeWidths(shown.map((entry) => layout?.widths[entry.index] ?? null));
  const fontSize = layout?.fontSize ?? 17;
  const ready = Boolean(documents && layout);

  // Only the open documents' highlights are loaded: a project may hold a hundred thousand. (Asked
  // for after the panes ask for their texts, as effects run: the texts come first, and a long
  // list is read while they are drawn.)
  const visibleKey = visible.join('\n');
  useEffect(() => {
    stores.annotations
      .showDocuments(visibleKey ? visibleKey.split('\n') : [])
      .catch((reason: unknown) => setNotice(`Annotations could not be loaded: ${messageOf(reason)}`));
  }, [stores, visibleKey]);

  return (
    <StoresContext.Provider value={stores}>
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
        <TitleBar
          project={project}
          onProjects={onProjects}
          documents={documents}
          ready={ready}
          onUndo={undo}
          onRedo={redo}
          onShortcuts={openShortcuts}
          fileInput={fileInput}
          onFiles={setImporting}
          onExport={openExport}
          onBackup={openBackup}
          onSearch={openSearch}
        />
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        {notice && (
          <div className="banner notice" role="status">
            {notice}{' '}
            <button type="button" className="link" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
        {!ready && !error && <div className="banner">Opening the project…</div>}
        {documents && documents.length === 0 && (
          <div className="banner">This project has no documents yet. Import a file to begin.</div>
        )}
        {ready && layout && !layout.firstRunDismissed && documents && documents.length > 0 && (
          <FirstRun
            documents={shown.map((entry) => entry.document).slice(0, 3)}
            onDismiss={() => workspace.dismissFirstRun()}
            onShortcuts={openShortcuts}
          />
        )}
        <div className="work-area">
          {documents && ready && <FinderDock client={client} documents={documents} />}
          {documents && shown.length > 0 && (
            <PaneLayout
              widths={widths}
              onWidths={(next) => workspace.setWidths(shown.map((entry) => entry.index), next)}
              style={{ '--reading-size': `${fontSize}px` } as React.CSSProperties}
              panes={shown.map(({ pane, index, document }) => ({
                key: pane.key,
                label: displayTitle(document),
                node: (
                  <SourcePane
                    key={`${pane.key}:${document.id}`}
                    client={client}
                    document={document}
                    documents={documents}
                    onPick={(id) => workspace.setPaneDocument(index, id)}
                    fontSize={fontSize}
                    initialScrollOffset={pane.initialOffset}
                    onScrollOffset={(offset: number) => workspace.scrolled(pane.key, offset)}
                    headerAccessory={<AssessmentBadge documentId={document.id} documentTitle={displayTitle(document)} />}
                    onClose={shown.length > 1 ? () => workspace.removePane(index) : undefined}
                  />
                ),
              }))}
            />
          )}
          {documents && ready && (
            <Sidebar
              documents={documents}
              visible={visible}
              collapsed={sidebarCollapsed}
              onCollapsed={setSidebarCollapsed}
              filters={sidebarFilters}
              onFilters={setSidebarFilters}
            />
          )}
        </div>
        {documents && ready && (
          <ClaimsPanel documents={documents} visible={visible} onOpenDocument={(id, offset) => workspace.openDocumentAt(id, offset)} />
        )}
        {dragging && <div className="drop-hint">Drop files to import them as sources</div>}
        {importing.length > 0 && documents && (
          <ImportDialog
            client={client}
            files={importing}
            documents={documents}
            panes={shown.map((entry) => ({ index: entry.index, documentId: entry.document.id, title: displayTitle(entry.document) }))}
            panesFull={(layout?.panes.length ?? 0) >= MAX_PANES}
            onImported={showImported}
            onClose={() => setImporting([])}
          />
        )}
        {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
        {exportOpen && documents && ready && (
          <ExportDialog
            client={client}
            documents={documents}
            sidebarFilters={sidebarFilters}
            onClose={() => setExportOpen(false)}
          />
        )}
        {backupOpen && <BackupDialog client={client} onClose={() => setBackupOpen(false)} />}
      </div>
    </StoresContext.Provider>
  );
}
