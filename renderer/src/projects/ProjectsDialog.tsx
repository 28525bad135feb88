/**
 * Projects… (the title bar, Mod+O, File › Open Project…): the open project with what can be done
 * to it (save a copy, close), and the picker to open or start another.
 */
import { useState } from 'react';
import type { ProjectFile } from '../../../shared/projects';
import { messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { ProjectPicker, type PickerProps } from './ProjectPicker';
import './projects.css';

interface Props extends PickerProps {
  readonly project: ProjectFile;
  readonly onSaveCopy: () => void;
  /** Rejects with the server's message when the project cannot be closed (an import still running). */
  readonly onCloseProject: () => Promise<void>;
  readonly onClose: () => void;
}

export function ProjectsDialog({ project, onSaveCopy, onCloseProject, onClose, ...picker }: Props) {
  const { busy } = picker;
  const [closeError, setCloseError] = useState<string | null>(null);
  const closeProject = async () => {
    setCloseError(null);
    try {
      await onCloseProject();
    } catch (reason) {
      setCloseError(messageOf(reason));
    }
  };
  return (
    <Dialog title="Projects" onClose={onClose} className="projects-dialog">
      <section className="project-current" aria-label="Open project">
        <p>
          Working in <strong>{project.name}</strong> <code className="project-entry-path">{project.path}</code>
        </p>
        <div className="project-current-buttons">
          <button type="button" className="tool" onClick={onSaveCopy} disabled={busy}>
            Save a copy…
          </button>
          <button type="button" className="tool" onClick={() => void closeProject()} disabled={busy}>
            Close project
          </button>
        </div>
        {closeError && (
          <p className="banner error project-error" role="alert">
            {closeError}
          </p>
        )}
      </section>
      <ProjectPicker {...picker} headingLevel="h3" />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
