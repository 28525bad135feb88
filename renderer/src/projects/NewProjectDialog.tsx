/**
 * New project: a name (a file in the data folder) or a full path, and whether to start with the
 * three bundled accounts. A new project is for the user's own sources, so it starts empty unless
 * asked. The file it will make is shown under the field before anything is written.
 */
import { useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { ProjectState } from '../../../shared/projects';
import { messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { ProjectFileForm } from './ProjectFileForm';

interface Props {
  readonly client: ApiClient;
  readonly state: ProjectState;
  readonly busy: boolean;
  /** Creates and opens the project; rejects with the server's message (a name that exists, say). */
  readonly onCreate: (path: string, withCorpus: boolean) => Promise<void>;
  readonly onClose: () => void;
}

export function NewProjectDialog({ client, state, busy, onCreate, onClose }: Props) {
  const [name, setName] = useState('');
  const [withCorpus, setWithCorpus] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  return (
    <Dialog title="New project" onClose={onClose} className="project-form-dialog">
      <ProjectFileForm
        label="Name of the new project"
        name={name}
        onName={setName}
        dataDirectory={state.dataDirectory}
        verb="Creates"
        hint={name.trim() === '' ? 'A name alone makes the project in the data folder.' : 'Give a name, or a full path to the new file.'}
        placeholder="e.g. Alliluyeva 1932, or a full path"
        busy={busy}
        busyText="Creating the project…"
        lockedWhileBusy={false}
        error={error}
        chooseLocation={state.canChooseFiles ? () => void chooseLocation() : undefined}
        submitLabel="Create"
        cancelLabel="Cancel"
        onSubmit={() => void create()}
        onCancel={onClose}
      >
        <label className="checkbox">
          <input type="checkbox" checked={withCorpus} onChange={(event) => setWithCorpus(event.target.checked)} />
          Start with the three bundled accounts
        </label>
      </ProjectFileForm>
    </Dialog>
  );
}
