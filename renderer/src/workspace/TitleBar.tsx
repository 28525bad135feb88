/** The workbench's quiet title bar: project, undo and redo, search, panes, text size, theme, claims, shortcuts, projects, import, export, backup. */
import type { RefObject } from 'react';
import type { DocumentSummary } from '../../../shared/domain';
import type { ProjectFile } from '../../../shared/projects';
import { ClaimsButton } from '../claims/ClaimsPanel';
import { useSnapshot, useStores } from '../state/store-context';
import { MOD } from './shortcuts';
import { THEME_LABELS } from './theme';
import { MAX_FONT_SIZE, MAX_PANES, MIN_FONT_SIZE, type Theme } from './workspace';

interface Props {
  readonly project: ProjectFile;
  /** Opens the Projects dialog (open another, new, save a copy, close). */
  readonly onProjects: () => void;
  readonly documents: readonly DocumentSummary[] | null;
  readonly ready: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onShortcuts: () => void;
  /** The hidden file input that Import…, Mod+Shift+I and the menu open. */
  readonly fileInput: RefObject<HTMLInputElement | null>;
  readonly onFiles: (files: File[]) => void;
  readonly onExport: () => void;
  readonly onBackup: () => void;
  readonly onSearch: () => void;
}

export function TitleBar({ project, onProjects, documents, ready, onUndo, onRedo, onShortcuts, fileInput, onFiles, onExport, onBackup, onSearch }: Props) {
  const { history, workspace } = useStores();
  const { canUndo, canRedo, undoLabel, redoLabel } = useSnapshot(history);
  const { layout } = useSnapshot(workspace);
  const fontSize = layout?.fontSize ?? 17;
  return (
    <header className="titlebar">
      <span className="brand">Sourcebench</span>
      <span className="project" title={project.path}>
        {project.name}
      </span>
      <span className="spacer" />
      <div className="tool-group" role="group" aria-label="History">
        <button
          type="button"
          className="tool icon"
          aria-label="Undo"
          title={canUndo ? `Undo ${undoLabel ?? 'the last change'} (${MOD}+Z)` : 'Nothing to undo'}
          disabled={!canUndo}
          onClick={onUndo}
          data-testid="undo"
        >
          ↶
        </button>
        <button
          type="button"
          className="tool icon"
          aria-label="Redo"
          title={canRedo ? `Redo ${redoLabel ?? 'the last undone change'} (${MOD}+Shift+Z)` : 'Nothing to redo'}
          disabled={!canRedo}
          onClick={onRedo}
          data-testid="redo"
        >
          ↷
        </button>
      </div>
      <button type="button" className="tool" title={`Search the sources, notes, tags and claims (${MOD}+Shift+F)`} aria-keyshortcuts="Control+Shift+F" onClick={onSearch} disabled={!ready}>
        Search
      </button>
      <div className="tool-group" role="group" aria-label="Panes">
        <button
          type="button"
          className="tool"
          onClick={() => documents && workspace.addPane(documents)}
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
          onClick={() => workspace.setFontSize(fontSize - 1)}
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
          onClick={() => workspace.setFontSize(fontSize + 1)}
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
          onChange={(event) => workspace.setTheme(event.target.value as Theme)}
        >
          {(Object.keys(THEME_LABELS) as Theme[]).map((theme) => (
            <option key={theme} value={theme}>
              {theme === 'system' ? '◐ System' : theme === 'dark' ? '☾ Dark' : '☀ Light'}
            </option>
          ))}
        </select>
      </label>
      <ClaimsButton />
      <button type="button" className="tool icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShortcuts}>
        ?
      </button>
      <div className="tool-group" role="group" aria-label="Project file">
        <button type="button" className="tool" title={`Open another project, start a new one, save a copy or close this one (${MOD}+O)`} aria-keyshortcuts="Control+O" onClick={onProjects}>
          Projects…
        </button>
        <button type="button" className="tool" title={`Import a file as a source (${MOD}+Shift+I)`} aria-keyshortcuts="Control+Shift+I" onClick={() => fileInput.current?.click()} disabled={!documents}>
          Import…
        </button>
        <button type="button" className="tool" title={`Export the notes (${MOD}+E)`} onClick={onExport} disabled={!ready}>
          Export…
        </button>
        <button type="button" className="tool" title="Back up the project while it is open" onClick={onBackup} disabled={!ready}>
          Back up…
        </button>
      </div>
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
          if (files.length > 0) onFiles(files);
        }}
      />
    </header>
  );
}
