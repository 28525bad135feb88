/** What the window shows when no project is open (at first start, after Close Project): the picker. */
import { ProjectPicker, type PickerProps } from './ProjectPicker';
import './projects.css';

export function ProjectStart(picker: PickerProps) {
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
        <ProjectPicker {...picker} headingLevel="h2" />
      </main>
    </div>
  );
}
