/**
 * The implementation of the API table, written once and served by every host. A handler gets
 * input that is already validated and returns plain data; the dispatcher checks the rest.
 */
import type { ApiHandlers } from '../shared/api';
import type { HostKind } from '../shared/domain';
import type { Project } from './project';
import { appVersion } from './version';

export function createHandlers(project: Project, host: HostKind): ApiHandlers {
  return {
    getAppInfo: () => ({
      appVersion,
      host,
      projectPath: project.path,
      schemaVersion: project.schemaVersion,
    }),
    listDocuments: () => project.documents.list(),
    getVersionContent: ({ versionId }) => project.documents.getVersionContent(versionId),
  };
}
