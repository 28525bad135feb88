/**
 * Save a copy: the open project written to another file, to send or keep, while the user goes on
 * working in the open one. An existing file is replaced only when the user ticks it.
 */
import { useId, useState } from 'react';
import type { ProjectFile, ProjectState } from '../../../shared/projects';
import { sizeOf } from '../export/export-job';
import { messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { copyNameOf } from './project-paths';
import { ProjectFileForm } from './ProjectFileForm';

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

  return (
    <Dialog title="Save a copy" onClose={onClose} className="project-form-dialog" describedBy={`${id}-explanation`}>
      <p id={`${id}-explanation`} className="muted">
        Writes the whole project ({project.name}) to another file, to send or keep. You go on working in {project.name}.
      </p>
      <ProjectFileForm
        label="Name or path of the copy"
        name={name}
        onName={setName}
        dataDirectory={state.dataDirectory}
        verb="Writes"
        hint="Give a name (the copy goes in the data folder) or a full path."
        busy={busy}
        busyText="Saving the copy…"
        lockedWhileBusy
        error={error}
        submitLabel="Save copy"
        cancelLabel={done ? 'Close' : 'Cancel'}
        onSubmit={() => void save()}
        onCancel={onClose}
        status={
          done && (
            <p className="project-saved" role="status">
              {savedCopyMessage(done, project)}
            </p>
          )
        }
      >
        <label className="checkbox">
          <input type="checkbox" checked={overwrite} disabled={busy} onChange={(event) => setOverwrite(event.target.checked)} />
          Replace an existing file
        </label>
      </ProjectFileForm>
    </Dialog>
  );
}
