/**
 * What the two plain-Node hosts (browser host and CLI) share: a project session on a file, and the
 * API table served over it. The Electron host does the same in main.ts with Electron's own paths.
 */
import path from 'node:path';
import type { HostKind } from '../../shared/domain';
import { createDispatch, type Dispatch } from '../../shared/dispatch';
import { maxImportBytesFromEnv, maxRequestBytes } from '../import/limits';
import { dataDirectory, defaultProjectPath, installLayout, sourcePackageRoot, type InstallLayout } from '../install/paths';
import type { Project } from '../app/project';
import { ProjectSession } from '../app/project-session';
import { Settings, SETTINGS_FILE_NAME } from '../app/settings';
import { startBrowserHost, type BrowserHost } from './http/browser-host';

export interface NodeHost {
  readonly session: ProjectSession;
  readonly dispatch: Dispatch;
  readonly layout: InstallLayout;
  /** The open project: the one the host started with, until the user opens another. */
  readonly project: Project;
  /** Closes whichever project is open. */
  readonly close: () => void;
}

export interface NodeHostOptions {
  /** The data folder (new projects by bare name, the picker's list, settings.json); XDG's by default. */
  readonly dataDirectory?: string;
  /** Whether the recent list is kept in the data folder's settings.json (the browser host: yes). */
  readonly rememberRecent?: boolean;
}

export function openNodeHost(host: HostKind, projectPath: string = defaultProjectPath(), options: NodeHostOptions = {}): NodeHost {
  const layout = installLayout(sourcePackageRoot());
  const data = options.dataDirectory ?? dataDirectory();
  // The command line works on the one file it was given and leaves the desktop's recent list alone.
  const switches = host === 'browser';
  const settings = switches && (options.rememberRecent ?? true) ? new Settings(path.join(data, SETTINGS_FILE_NAME)) : null;
  if (settings?.problem) console.error(`Sourcebench: ${settings.problem}`);
  const session = new ProjectSession({ host, corpusDir: layout.corpusDir, dataDirectory: data, settings, canSwitch: switches });
  session.start(projectPath);
  return {
    session,
    dispatch: createDispatch(session.handlers()),
    layout,
    get project(): Project {
      const open = session.project;
      if (open === null) throw new Error('No project is open');
      return open;
    },
    close: () => session.dispose(),
  };
}

export interface ServedProject {
  readonly host: NodeHost;
  readonly server: BrowserHost;
  /** Closes the server and the project, then ends the process. */
  readonly stop: () => Promise<void>;
}

/** The browser host on a project until Ctrl+C (or `stop`): what `serve` and `npm start` run. */
export async function serveProject(projectPath?: string, port = 0): Promise<ServedProject> {
  const host = openNodeHost('browser', projectPath);
  const server = await startBrowserHost({
    dispatch: host.dispatch,
    rendererDir: host.layout.rendererDir,
    port,
    maxRequestBytes: maxRequestBytes(maxImportBytesFromEnv()),
  });
  const stop = async () => {
    await server.close();
    host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { host, server, stop };
}
