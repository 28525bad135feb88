/** What the window shows when no project is open (at first start, after Close Project): the picker. */
import type { ApiClient } from '../../../shared/api';
import type { ProjectState } from '../../../shared/projects';
import { ProjectPicker } from './ProjectPicker';
import './projects.css';

interface Props {
  readonly client: ApiClient;
  readonly state: ProjectState;
  readonly busy: boolean;
  readonly onOpen: (path: string) => Promise<void>;
  readonly onClearRecent: () => Promise<void>;
  readonly onNew: () => void;
}

export function ProjectStart({ client, state, busy, onOpen, onClearRecent, onNew }: Props) {
  return (
    <div className="project-start">
      <header className="titlebar">
        <span className="brand">Sourcebench</span>
      </header>
      <main className="project-start-body" aria-labelledby="project-start-title">
        <h1 id="project-start-title">Open a project</h1>
        <p className="muted">
          No project is open. Pick one you worked on, open a project file, or start a new project for your own sources.
        </p>
        <ProjectPicker client={client} state={state} busy={busy} onOpen={onOpen} onClearRecent={onClearRecent} onNew={onNew} headingLevel="h2" />
      </main>
    </div>
  );
}
