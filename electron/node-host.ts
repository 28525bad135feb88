/**
 * What the two plain-Node hosts (browser host and CLI) share: open a project file and serve the
 * API table over it. The Electron host does the same in main.ts with Electron's own paths.
 */
import type { HostKind } from '../shared/domain';
import { createDispatch, type Dispatch } from '../shared/dispatch';
import { createHandlers } from './handlers';
import { defaultProjectPath, installLayout, sourcePackageRoot, type InstallLayout } from './paths';
import { Project } from './project';

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
