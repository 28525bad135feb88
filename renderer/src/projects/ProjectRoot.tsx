/**
 * The page's root: which project file is open decides what is shown. With one open, a workbench of
 * its own (a fresh App and fresh stores per project, by key); with none, the project picker across
 * the whole window. Every switch first lets the workbench save its layout to the project it leaves.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { ProjectState } from '../../../shared/projects';
import { App } from '../App';
import { messageOf } from '../state/errors';
import { NewProjectDialog } from './NewProjectDialog';
import type { PickerProps } from './ProjectPicker';
import { switchProject, type ProjectExit } from './project-exit';
import { ProjectsDialog } from './ProjectsDialog';
import { ProjectStart } from './ProjectStart';
import { SaveCopyDialog, savedCopyMessage, type SavedCopy } from './SaveCopyDialog';
import { useProjectCommands } from './use-project-commands';
import './projects.css';

type Shown = 'projects' | 'new' | 'copy' | null;

/** A result or failure of something started from the menu, which has no dialog of its own to show it in. */
interface Notice {
  readonly text: string;
  readonly failed: boolean;
}

export function ProjectRoot({ client }: { client: ApiClient }) {
  const [state, setState] = useState<ProjectState | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const exit = useRef<ProjectExit | null>(null);
  const switching = useRef(false);
  const open = state?.open ?? null;

  const refresh = useCallback(() => client.getProjectState({}).then(setState), [client]);
  useEffect(() => {
    refresh().catch((reason: unknown) => setStartError(messageOf(reason)));
  }, [refresh]);

  const title = open ? `${open.name} — Sourcebench` : 'Sourcebench';
  useEffect(() => {
    document.title = title;
  }, [title]);

  // The folder and the recent files change behind the page (a copy saved, a file deleted): read afresh.
  const showProjects = useCallback(() => {
    setShown('projects');
    refresh().catch(() => undefined);
  }, [refresh]);

  const registerExit = useCallback((next: ProjectExit) => {
    exit.current = next;
    return () => {
      if (exit.current === next) exit.current = null;
    };
  }, []);

  /** Leaves the open project, asks the host to switch, then shows what is open now; rejects with the server's message. */
  const switchTo = useCallback(
    async (change: () => Promise<ProjectState>) => {
      if (switching.current) throw new Error('Another project is being opened; try again in a moment.');
      switching.current = true;
      setBusy(true);
      try {
        const next = await switchProject(exit.current, open?.path ?? null, change);
        setState(next);
        setShown(null);
        setNotice(null);
      } finally {
        switching.current = false;
        setBusy(false);
      }
    },
    [open],
  );

  const openProject = useCallback((path: string) => switchTo(() => client.openProject({ path })), [client, switchTo]);
  const newProject = (path: string, withCorpus: boolean) => switchTo(() => client.newProject({ path, withCorpus }));
  const closeProject = useCallback(() => switchTo(() => client.closeProject({})), [client, switchTo]);
  const clearRecent = async () => setState(await client.clearRecentProjects({}));

  // The copy is made from the file, so the layout on screen is saved into it first.
  const writeCopy = useCallback(
    async (path: string, overwrite: boolean): Promise<SavedCopy> => {
      await exit.current?.flush();
      const copy = await client.saveProjectCopy({ path, overwrite });
      refresh().catch(() => undefined);
      return copy;
    },
    [client, refresh],
  );

  const saveCopy = useCallback(() => {
    if (!open || !state) return;
    if (!state.canChooseFiles) {
      setShown('copy');
      return;
    }
    setShown(null);
    void (async () => {
      try {
        const chosen = await client.chooseProjectFile({ purpose: 'copy' });
        if (!chosen.path) return;
        // The system's dialog has already asked whether to replace a file of that name.
        const copy = await writeCopy(chosen.path, true);
        setNotice({ text: savedCopyMessage(copy, open), failed: false });
      } catch (reason) {
        setNotice({ text: messageOf(reason), failed: true });
      }
    })();
  }, [client, open, state, writeCopy]);

  /** A switch started from the menu: its failure is told in the notice, the open project stays. */
  const fromMenu = (attempt: () => Promise<void>) => {
    attempt().catch((reason: unknown) => setNotice({ text: messageOf(reason), failed: true }));
  };

  useProjectCommands({
    // Without a project the picker is already the whole window.
    openProjects: () => {
      if (open) showProjects();
    },
    newProject: () => setShown('new'),
    saveCopy,
    closeProject: () => {
      if (open) fromMenu(closeProject);
    },
    openFile: (path) => fromMenu(() => openProject(path)),
    refresh: () => fromMenu(refresh),
  });

  if (!state) {
    return startError ? (
      <p className="banner error" role="alert">
        {startError}
      </p>
    ) : (
      <p className="banner">Opening…</p>
    );
  }

  // One picker, on the start page without a project and in the Projects dialog with one.
  const picker: PickerProps = { client, state, busy, onOpen: openProject, onClearRecent: clearRecent, onNew: () => setShown('new') };
  return (
    <>
      {open ? (
        <App key={open.path} client={client} project={open} onProjects={showProjects} onExit={registerExit} />
      ) : (
        <ProjectStart {...picker} />
      )}
      {shown === 'projects' && open && (
        <ProjectsDialog
          {...picker}
          project={open}
          onSaveCopy={saveCopy}
          onCloseProject={closeProject}
          onClose={() => setShown(null)}
        />
      )}
      {shown === 'new' && (
        <NewProjectDialog client={client} state={state} busy={busy} onCreate={newProject} onClose={() => setShown(null)} />
      )}
      {shown === 'copy' && open && <SaveCopyDialog project={open} state={state} onSave={writeCopy} onClose={() => setShown(null)} />}
      {notice && (
        <div className={`project-notice${notice.failed ? ' failed' : ''}`} role={notice.failed ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
