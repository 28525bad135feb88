/**
 * Save a copy: the open project written to another file, to send or keep, while the user goes on
 * working in the open one. An existing file is replaced only when the user ticks it.
 */
import { useId, useState } from 'react';
import type { ProjectFile, ProjectState } from '../../../shared/projects';
import { sizeOf } from '../export/export-job';
import { messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { copyNameOf, projectPathFor } from './project-paths';
import './projects.css';

export interface SavedCopy {
  readonly path: string;
  readonly bytes: number;
}

interface Props {
  readonly project: ProjectFile;
  readonly state: ProjectState;
  /** Writes the copy; rejects with the server's message (an existing file, a folder that cannot be written). */
  readonly onSave: (path: string, overwrite: boolean) => Promise<SavedCopy>;
  readonly onClose: () => void;
}

/** What the user is told once the copy is written: where, how big, and that nothing switched. */
export function savedCopyMessage(copy: SavedCopy, project: ProjectFile): string {
  return `Saved a copy to ${copy.path} (${sizeOf(copy.bytes)}); you are still working in ${project.name}.`;
}

export function SaveCopyDialog({ project, state, onSave, onClose }: Props) {
  const id = useId();
  const [name, setName] = useState(() => copyNameOf(project.name));
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SavedCopy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = projectPathFor(name, state.dataDirectory);

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await onSave(name.trim(), overwrite));
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  const canSave = !busy && name.trim() !== '';
  return (
    <Dialog title="Save a copy" onClose={onClose} className="project-form-dialog" describedBy={`${id}-explanation`}>
      <p id={`${id}-explanation`} className="muted">
        Writes the whole project ({project.name}) to another file, to send or keep. You go on working in {project.name}.
      </p>
      <form
        className="project-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) void save();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name or path of the copy</label>
          <input
            id={`${id}-name`}
            value={name}
            required
            spellCheck={false}
            disabled={busy}
            aria-invalid={error !== null || undefined}
            aria-describedby={`${id}-target${error ? ` ${id}-error` : ''}`}
            onChange={(event) => setName(event.target.value)}
            data-autofocus
          />
          <span id={`${id}-target`} className="project-target">
            {target ? (
              <>
                Writes <code>{target}</code>
              </>
            ) : (
              'Give a name (the copy goes in the data folder) or a full path.'
            )}
          </span>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={overwrite} disabled={busy} onChange={(event) => setOverwrite(event.target.checked)} />
          Replace an existing file
        </label>
        {busy && <p className="muted">Saving the copy…</p>}
        {done && (
          <p className="project-saved" role="status">
            {savedCopyMessage(done, project)}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="banner error project-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={!canSave}>
            Save copy
          </button>
        </div>
      </form>
    </Dialog>
  );
}
