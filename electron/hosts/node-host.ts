/**
 * What the two plain-Node hosts (browser host and CLI) share: open a project file and serve the
 * API table over it. The Electron host does the same in main.ts with Electron's own paths.
 */
import type { HostKind } from '../../shared/domain';
import { createDispatch, type Dispatch } from '../../shared/dispatch';
import { createHandlers } from '../app/api-handlers';
import { maxImportBytesFromEnv, maxRequestBytes } from '../import/limits';
import { defaultProjectPath, installLayout, sourcePackageRoot, type InstallLayout } from '../install/paths';
import { Project } from '../app/project';
import { startBrowserHost, type BrowserHost } from './http/browser-host';

export interface NodeHost {
  readonly project: Project;
  readonly dispatch: Dispatch;
  readonly layout: InstallLayout;
}

export function openNodeHost(host: HostKind, projectPath: string = defaultProjectPath()): NodeHost {
  const layout = installLayout(sourcePackageRoot());
  const project = Project.open(projectPath, { corpusDir: layout.corpusDir });
  return { project, dispatch: createDispatch(createHandlers(project, host)), layout };
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
    host.project.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { host, server, stop };
}
