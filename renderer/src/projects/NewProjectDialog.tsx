/**
 * New project: a name (a file in the data folder) or a full path, and whether to start with the
 * three bundled accounts. A new project is for the user's own sources, so it starts empty unless
 * asked. The file it will make is shown under the field before anything is written.
 */
import { useId, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { ProjectState } from '../../../shared/projects';
import { messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { projectPathFor } from './project-paths';
import './projects.css';

interface Props {
  readonly client: ApiClient;
  readonly state: ProjectState;
  readonly busy: boolean;
  /** Creates and opens the project; rejects with the server's message (a name that exists, say). */
  readonly onCreate: (path: string, withCorpus: boolean) => Promise<void>;
  readonly onClose: () => void;
}

export function NewProjectDialog({ client, state, busy, onCreate, onClose }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [withCorpus, setWithCorpus] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = projectPathFor(name, state.dataDirectory);

  const create = async () => {
    setError(null);
    try {
      await onCreate(name.trim(), withCorpus);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const chooseLocation = async () => {
    setError(null);
    try {
      const chosen = await client.chooseProjectFile({ purpose: 'new' });
      if (chosen.path) setName(chosen.path);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const canCreate = !busy && name.trim() !== '';
  return (
    <Dialog title="New project" onClose={onClose} className="project-form-dialog">
      <form
        className="project-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canCreate) void create();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name of the new project</label>
          <div className="project-path-row">
            <input
              id={`${id}-name`}
              value={name}
              required
              spellCheck={false}
              placeholder="e.g. Alliluyeva 1932, or a full path"
              aria-invalid={error !== null || undefined}
              aria-describedby={`${id}-target${error ? ` ${id}-error` : ''}`}
              onChange={(event) => setName(event.target.value)}
              data-autofocus
            />
            {state.canChooseFiles && (
              <button type="button" className="tool" onClick={() => void chooseLocation()} disabled={busy}>
                Choose location…
              </button>
            )}
          </div>
          <span id={`${id}-target`} className="project-target">
            {target ? (
              <>
                Creates <code>{target}</code>
              </>
            ) : name.trim() === '' ? (
              'A name alone makes the project in the data folder.'
            ) : (
              'Give a name, or a full path to the new file.'
            )}
          </span>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={withCorpus} onChange={(event) => setWithCorpus(event.target.checked)} />
          Start with the three bundled accounts
        </label>
        {busy && <p className="muted">Creating the project…</p>}
        {error && (
          <p id={`${id}-error`} className="banner error project-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canCreate}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
