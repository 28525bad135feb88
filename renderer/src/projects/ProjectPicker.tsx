/**
 * The project picker: the recently opened projects, the projects in the data folder, a project
 * file opened by its path (or, in the desktop app, with the system's file dialog) and a new
 * project. Shown full-window when no project is open, and in the Projects dialog.
 */
import { useId, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { ProjectFile, ProjectState, RecentProject } from '../../../shared/projects';
import { messageOf } from '../state/errors';
import './projects.css';

/** What the picker shows and does, wherever it stands (the start page, the Projects dialog). */
export interface PickerProps {
  readonly client: ApiClient;
  readonly state: ProjectState;
  /** A switch is under way: nothing else may start one. */
  readonly busy: boolean;
  /** Opens a project by its path or name; rejects with the server's message, which the picker shows. */
  readonly onOpen: (path: string) => Promise<void>;
  readonly onClearRecent: () => Promise<void>;
  readonly onNew: () => void;
}

interface Props extends PickerProps {
  /** h2 on the start page, h3 inside a dialog (whose title is the h2). */
  readonly headingLevel: 'h2' | 'h3';
}

type Where = 'list' | 'path';

export function ProjectPicker({ client, state, busy, onOpen, onClearRecent, onNew, headingLevel: Heading }: Props) {
  const id = useId();
  const [path, setPath] = useState('');
  const [error, setError] = useState<{ message: string; where: Where } | null>(null);

  const open = async (given: string, where: Where) => {
    setError(null);
    try {
      await onOpen(given);
    } catch (reason) {
      setError({ message: messageOf(reason), where });
    }
  };

  const browse = async () => {
    setError(null);
    try {
      const chosen = await client.chooseProjectFile({ purpose: 'open' });
      if (chosen.path) await onOpen(chosen.path);
    } catch (reason) {
      setError({ message: messageOf(reason), where: 'path' });
    }
  };

  const clearRecent = async () => {
    setError(null);
    try {
      await onClearRecent();
    } catch (reason) {
      setError({ message: messageOf(reason), where: 'list' });
    }
  };

  const errorLine = (where: Where) =>
    error?.where === where && (
      <p id={`${id}-${where}-error`} className="banner error project-error" role="alert">
        {error.message}
      </p>
    );

  return (
    <div className="project-picker">
      <div className="project-picker-actions">
        <button type="button" className="tool" onClick={onNew} disabled={busy}>
          New project…
        </button>
      </div>

      <section className="project-section" aria-labelledby={`${id}-recent`}>
        <div className="project-section-head">
          <Heading id={`${id}-recent`}>Recent projects</Heading>
          <button type="button" className="link" onClick={() => void clearRecent()} disabled={busy || state.recent.length === 0}>
            Clear recent
          </button>
        </div>
        {state.recent.length > 0 ? (
          <ProjectList label="Recent projects" projects={state.recent} openPath={state.open?.path ?? null} busy={busy} onPick={(file) => void open(file, 'list')} />
        ) : (
          <p className="muted">No recent projects.</p>
        )}
      </section>

      <section className="project-section" aria-labelledby={`${id}-folder`}>
        <div className="project-section-head">
          <Heading id={`${id}-folder`}>In the data folder</Heading>
          <code className="project-folder" title="New projects go here unless you give a full path">
            {state.dataDirectory}
          </code>
        </div>
        {state.inDataDirectory.length > 0 ? (
          <ProjectList
            label="Projects in the data folder"
            projects={state.inDataDirectory}
            openPath={state.open?.path ?? null}
            busy={busy}
            onPick={(file) => void open(file, 'list')}
          />
        ) : (
          <p className="muted">No projects in this folder yet.</p>
        )}
      </section>
      {errorLine('list')}

      <form
        className="project-open-path"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '' && !busy) void open(path, 'path');
        }}
      >
        <label className="field">
          Open a project file by its path
          <input
            value={path}
            placeholder="/path/to/project.sourcebench, or a name in the data folder"
            spellCheck={false}
            aria-invalid={error?.where === 'path' || undefined}
            aria-describedby={error?.where === 'path' ? `${id}-path-error` : undefined}
            onChange={(event) => setPath(event.target.value)}
            data-autofocus
          />
        </label>
        <div className="project-open-buttons">
          <button type="submit" className="tool" disabled={busy || path.trim() === ''}>
            Open
          </button>
          {state.canChooseFiles && (
            <button type="button" className="tool" onClick={() => void browse()} disabled={busy}>
              Browse…
            </button>
          )}
        </div>
      </form>
      {errorLine('path')}
    </div>
  );
}

interface ListProps {
  readonly label: string;
  readonly projects: readonly (ProjectFile | RecentProject)[];
  readonly openPath: string | null;
  readonly busy: boolean;
  readonly onPick: (path: string) => void;
}

/** Projects as buttons (name over path); a recent one whose file is gone is shown, greyed, and cannot be picked. */
function ProjectList({ label, projects, openPath, busy, onPick }: ListProps) {
  return (
    <ul className="project-list" aria-label={label}>
      {projects.map((project) => {
        const missing = 'exists' in project && !project.exists;
        const isOpen = project.path === openPath;
        return (
          <li key={project.path}>
            <button
              type="button"
              className={`project-entry${missing ? ' missing' : ''}`}
              title={project.path}
              disabled={busy || missing}
              aria-current={isOpen || undefined}
              onClick={() => onPick(project.path)}
            >
              {/* The spaces keep the accessible name in words ("name not found path"); the grid hides them. */}
              <span className="project-entry-name">{project.name}</span>{' '}
              {isOpen && <span className="project-entry-flag">open now</span>}{' '}
              {missing && <span className="project-entry-flag">not found</span>}{' '}
              <span className="project-entry-path">{project.path}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
