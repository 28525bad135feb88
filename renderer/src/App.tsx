/**
 * The workbench shell: a quiet title bar, the sources side by side (one to four resizable panes)
 * and a narrow sidebar on the right. The text gets the space. The layout, each pane's document
 * and passage, the theme and the font size are remembered between sessions. Files dropped
 * anywhere on the window, or chosen with Import…, are imported as sources.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../shared/api';
import type { Workspace } from '../../shared/annotations';
import type { AppInfo, DocumentSummary } from '../../shared/domain';
import { hasOwnUndo, isTypingTarget, undoRedoOf } from './annotations/use-store';
import { AssessmentBadge } from './assessment/AssessmentBadge';
import { ClaimsButton, ClaimsPanel } from './claims/ClaimsPanel';
import { ImportDialog } from './import/ImportDialog';
import { SourcePane } from './panes/SourcePane';
import { displayTitle } from './panes/titles';
import { Sidebar } from './sidebar/Sidebar';
import { AnnotationStore } from './state/annotation-store';
import { StoreContext } from './state/store-context';
import { FirstRun } from './workspace/FirstRun';
import { PaneLayout } from './workspace/PaneLayout';
import { ShortcutSheet } from './workspace/ShortcutSheet';
import { MOD } from './workspace/shortcuts';
import { THEME_LABELS, lastTheme, useTheme } from './workspace/theme';
import {
  MAX_FONT_SIZE,
  MAX_PANES,
  MIN_FONT_SIZE,
  WorkspaceSaver,
  clampFontSize,
  layoutFrom,
  normalizeWidths,
  toWorkspace,
  withPaneAdded,
  withPaneReplaced,
  type Layout,
  type PaneState,
  type Theme,
} from './workspace/workspace';

const SIDEBAR_KEY = 'sourcebench.sidebarCollapsed';
const IMPORT_NEW_PANE_BELOW = 3;

/** Keys typed into a text field belong to the field, not to the workbench's shortcuts. */

export function App({ client }: { client: ApiClient }) {
  const store = useMemo(() => new AnnotationStore(client), [client]);
  const { history } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importing, setImporting] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [sidebarCollapsed, setSidebarCollapsed] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'true');
  const fileInput = useRef<HTMLInputElement>(null);

  // -- the workspace: loaded once, saved (debounced) on every change ------------------------------
  const offsets = useRef(new Map<string, number>());
  const layoutRef = useRef<Layout | null>(null);
  layoutRef.current = layout;
  const saver = useMemo(() => new WorkspaceSaver(client, 400, setNotice), [client]);
  const readWorkspace = useCallback(
    (): Workspace => toWorkspace(layoutRef.current!, offsets.current, store.getSnapshot().claimsPanel),
    [store],
  );
  const scheduleSave = useCallback(() => layoutRef.current && saver.schedule(readWorkspace), [saver, readWorkspace]);

  const reload = useCallback(
    () =>
      client.listDocuments({}).then((list) => {
        setDocuments(list);
        return list;
      }),
    [client],
  );

  useEffect(() => {
    Promise.all([
      client.getAppInfo({}),
      reload(),
      client.getWorkspace({}).catch((reason: Error) => {
        setNotice(`The saved layout could not be read (${reason.message}); the three sources open side by side.`);
        return null;
      }),
    ])
      .then(([appInfo, list, saved]) => {
        setInfo(appInfo);
        const loaded = layoutFrom(saved, list);
        if (saved) saver.remember(saved);
        if (saved?.claimsPanel) store.showClaims(saved.claimsPanel);
        setLayout(loaded);
      })
      .catch((reason: Error) => setError(reason.message));
    store.refresh().catch((reason: Error) => setNotice(`Annotations could not be loaded: ${reason.message}`));
  }, [client, reload, saver, store]);

  useEffect(() => {
    scheduleSave();
  }, [layout, scheduleSave]);

  // The claims panel is part of the workspace too: reopened as it was left.
  useEffect(() => {
    let last = store.getSnapshot().claimsPanel;
    return store.subscribe(() => {
      const now = store.getSnapshot().claimsPanel;
      if (now === last) return;
      last = now;
      scheduleSave();
    });
  }, [store, scheduleSave]);

  useEffect(() => {
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saver]);

  const [startTheme] = useState(lastTheme);
  useTheme(layout?.theme ?? startTheme);

  const change = useCallback((update: (now: Layout) => Layout) => setLayout((now) => (now ? update(now) : now)), []);

  const setPaneDocument = (index: number, documentId: string) =>
    change((now) => {
      const old = now.panes[index];
      if (!old || old.documentId === documentId) return now;
      offsets.current.delete(old.key);
      return withPaneReplaced(now, index, documentId);
    });

  /** Shows a document that no pane shows, at a reading-text offset: in a new pane, or in the last one when all four are open. */
  const openDocumentAt = (documentId: string, offset: number) =>
    change((now) => {
      if (now.panes.some((pane) => pane.documentId === documentId)) return now;
      const initialOffset = Math.max(0, offset);
      if (now.panes.length < MAX_PANES) return withPaneAdded(now, documentId, initialOffset);
      const last = now.panes.length - 1;
      offsets.current.delete(now.panes[last]!.key);
      return withPaneReplaced(now, last, documentId, initialOffset);
    });

  const addPane = (documentId?: string) =>
    change((now) => {
      if (now.panes.length >= MAX_PANES || !documents || documents.length === 0) return now;
      const open = new Set(now.panes.map((pane) => pane.documentId));
      const chosen = documentId ?? (documents.find((document) => !open.has(document.id)) ?? documents[0]!).id;
      return withPaneAdded(now, chosen);
    });

  const removePane = (index: number) =>
    change((now) => {
      if (now.panes.length <= 1) return now;
      const removed = now.panes[index];
      if (removed) offsets.current.delete(removed.key);
      return {
        ...now,
        panes: now.panes.filter((_, i) => i !== index),
        widths: normalizeWidths(now.widths.filter((_, i) => i !== index)),
      };
    });

  const setFontSize = (size: number) => change((now) => ({ ...now, fontSize: clampFontSize(size) }));
  const setTheme = (theme: Theme) => change((now) => ({ ...now, theme }));
  const dismissFirstRun = () => change((now) => ({ ...now, firstRunDismissed: true }));

  const onScrollOffset = useCallback(
    (key: string, offset: number) => {
      if (offsets.current.get(key) === offset) return;
      offsets.current.set(key, offset);
      scheduleSave();
    },
    [scheduleSave],
  );

  useEffect(() => localStorage.setItem(SIDEBAR_KEY, String(sidebarCollapsed)), [sidebarCollapsed]);

  // -- undo, redo, shortcuts and menu commands -------------------------------------------------------
  const undo = useCallback(() => void store.undo(), [store]);
  const redo = useCallback(() => void store.redo(), [store]);

  useEffect(() => {
    // In the desktop app the native menu owns Mod+Z, Mod+Shift+Z and Mod+O and sends them here.
    const desktop = Boolean(window.sourcebenchMenu);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // One history for every pane and panel; by physical key too, so any keyboard layout works.
      const action = desktop ? null : undoRedoOf(event);
      if (action) {
        if (hasOwnUndo(event.target)) return; // the field's own undo
        event.preventDefault();
        if (action === 'redo') redo();
        else undo();
        return;
      }
      if (mod && !event.altKey && !event.shiftKey && key === 'o' && !desktop) {
        event.preventDefault();
        fileInput.current?.click();
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        setSheetOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // The desktop app's File > Import… and Edit > Undo/Redo arrive as menu commands.
  useEffect(
    () =>
      window.sourcebenchMenu?.onCommand((command) => {
        if (command === 'import') fileInput.current?.click();
        else if (command === 'undo' || command === 'redo') {
          // Typing in a text field is undone there; everything else in the workbench's history.
          if (hasOwnUndo(document.activeElement)) document.execCommand(command);
          else if (command === 'undo') undo();
          else redo();
        } else if (command === 'shortcuts') setSheetOpen(true);
      }),
    [undo, redo],
  );

  const showImported = (documentId: string) => {
    void reload().then(() =>
      change((now) => {
        if (now.panes.some((pane) => pane.documentId === documentId)) return now;
        // A new pane while there are fewer than three; beyond that, the last pane shows the import
        // (a fourth pane is for the user to open: it takes reading width from the others).
        if (now.panes.length < IMPORT_NEW_PANE_BELOW) return withPaneAdded(now, documentId);
        return withPaneReplaced(now, now.panes.length - 1, documentId);
      }),
    );
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) setImporting(files);
  };

  const projectName = info?.projectPath.split(/[\\/]/).pop();
  const shown = (layout?.panes ?? [])
    .map((pane, index) => ({ pane, index, document: documents?.find((document) => document.id === pane.documentId) }))
    .filter((entry): entry is { pane: PaneState; index: number; document: DocumentSummary } => entry.document !== undefined);
  const visible = shown.map((entry) => entry.document.id);
  const widths = normalizeWidths(shown.map((entry) => layout?.widths[entry.index] ?? null));
  const fontSize = layout?.fontSize ?? 17;
  const ready = Boolean(documents && layout);

  return (
    <StoreContext.Provider value={store}>
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
          <div className="tool-group" role="group" aria-label="History">
            <button
              type="button"
              className="tool icon"
              aria-label="Undo"
              title={history.canUndo ? `Undo ${history.undoLabel ?? 'the last change'} (${MOD}+Z)` : 'Nothing to undo'}
              disabled={!history.canUndo}
              onClick={undo}
              data-testid="undo"
            >
              ↶
            </button>
            <button
              type="button"
              className="tool icon"
              aria-label="Redo"
              title={history.canRedo ? `Redo ${history.redoLabel ?? 'the last undone change'} (${MOD}+Shift+Z)` : 'Nothing to redo'}
              disabled={!history.canRedo}
              onClick={redo}
              data-testid="redo"
            >
              ↷
            </button>
          </div>
          <div className="tool-group" role="group" aria-label="Panes">
            <button
              type="button"
              className="tool"
              onClick={() => addPane()}
              disabled={!ready || (layout?.panes.length ?? 0) >= MAX_PANES || !documents?.length}
              title={`Open another pane (up to ${MAX_PANES})`}
            >
              + Pane
            </button>
          </div>
          <div className="tool-group" role="group" aria-label="Reading text size">
            <button
              type="button"
              className="tool"
              aria-label="Smaller text"
              title="Smaller text"
              disabled={!ready || fontSize <= MIN_FONT_SIZE}
              onClick={() => setFontSize(fontSize - 1)}
            >
              A−
            </button>
            <span className="font-size" aria-live="polite" title="Size of the reading text">
              {fontSize}px
            </span>
            <button
              type="button"
              className="tool"
              aria-label="Larger text"
              title="Larger text"
              disabled={!ready || fontSize >= MAX_FONT_SIZE}
              onClick={() => setFontSize(fontSize + 1)}
            >
              A+
            </button>
          </div>
          <label className="theme-choice" title="Colour theme">
            <span className="visually-hidden">Theme</span>
            <select
              aria-label="Theme"
              value={layout?.theme ?? 'system'}
              disabled={!ready}
              onChange={(event) => setTheme(event.target.value as Theme)}
            >
              {(Object.keys(THEME_LABELS) as Theme[]).map((theme) => (
                <option key={theme} value={theme}>
                  {theme === 'system' ? '◐ System' : theme === 'dark' ? '☾ Dark' : '☀ Light'}
                </option>
              ))}
            </select>
          </label>
          <ClaimsButton />
          <button
            type="button"
            className="tool icon"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setSheetOpen(true)}
          >
            ?
          </button>
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
            onDismiss={dismissFirstRun}
            onShortcuts={() => setSheetOpen(true)}
          />
        )}
        <div className="work-area">
          {documents && shown.length > 0 && (
            <PaneLayout
              widths={widths}
              onWidths={(next) =>
                change((now) => {
                  // Only panes whose document exists are shown; map their widths back.
                  const all = [...now.widths];
                  shown.forEach((entry, i) => (all[entry.index] = next[i] ?? all[entry.index] ?? 0));
                  return { ...now, widths: normalizeWidths(all) };
                })
              }
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
                    onPick={(id) => setPaneDocument(index, id)}
                    fontSize={fontSize}
                    initialScrollOffset={pane.initialOffset}
                    onScrollOffset={(offset: number) => onScrollOffset(pane.key, offset)}
                    headerAccessory={
                      <span className="pane-accessory">
                        <AssessmentBadge documentId={document.id} documentTitle={displayTitle(document)} />
                        {shown.length > 1 && (
                          <button
                            type="button"
                            className="tool icon close-pane"
                            aria-label="Close this pane"
                            title="Close this pane"
                            onClick={() => removePane(index)}
                          >
                            ×
                          </button>
                        )}
                      </span>
                    }
                  />
                ),
              }))}
            />
          )}
          {documents && ready && (
            <Sidebar documents={documents} visible={visible} collapsed={sidebarCollapsed} onCollapsed={setSidebarCollapsed} />
          )}
        </div>
        {documents && ready && <ClaimsPanel documents={documents} visible={visible} onOpenDocument={openDocumentAt} />}
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
        {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
      </div>
    </StoreContext.Provider>
  );
}
