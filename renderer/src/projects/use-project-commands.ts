/**
 * The project commands from the desktop app's File menu (New, Open, Open Recent, Save a Copy,
 * Close, a file handed over by the system) and, in the browser where no native menu exists, their
 * keys: Mod+O opens the projects, Mod+Shift+S saves a copy. Mod+N and Mod+Shift+W stay the
 * browser's own (new window, close window): a page cannot have them.
 */
import { useEffect, useRef } from 'react';
import { hasNativeMenu } from '../workspace/shortcuts';

/** The menu's Open Recent, a double-clicked file and a second launch: `open-file:<absolute path>`. */
const OPEN_FILE = 'open-file:';

export interface ProjectCommands {
  readonly openProjects: () => void;
  readonly newProject: () => void;
  readonly saveCopy: () => void;
  readonly closeProject: () => void;
  readonly openFile: (path: string) => void;
  /** The host changed the state behind the page's back (the menu's Clear Recent). */
  readonly refresh: () => void;
}

export function useProjectCommands(commands: ProjectCommands): void {
  // The listeners stay put; they call whatever the commands are now.
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    // In the desktop app the native menu owns these keys and sends its commands instead.
    if (hasNativeMenu()) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (!event.shiftKey && key === 'o') {
        event.preventDefault();
        latest.current.openProjects();
      } else if (event.shiftKey && (key === 's' || event.code === 'KeyS')) {
        event.preventDefault();
        latest.current.saveCopy();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(
    () =>
      window.sourcebenchMenu?.onCommand((command) => {
        const now = latest.current;
        if (command === 'new-project') now.newProject();
        else if (command === 'open-project') now.openProjects();
        else if (command === 'save-copy') now.saveCopy();
        else if (command === 'close-project') now.closeProject();
        else if (command === 'project-state') now.refresh();
        else if (command.startsWith(OPEN_FILE)) now.openFile(command.slice(OPEN_FILE.length));
      }),
    [],
  );
}
