/**
 * The implementation of the API table, written once and served by every host. A handler gets
 * input that is already validated and returns plain data; the dispatcher checks the rest.
 */
import type { ApiHandlers } from '../../shared/api';
import type { HostKind } from '../../shared/domain';
import { ImportJobs, maxImportBytesFromEnv } from './import-jobs';
import type { Project } from './project';
import { appVersion } from '../install/version';

export interface HandlerOptions {
  /** Upper bound of a file to import, in bytes. */
  readonly maxImportBytes?: number;
}

export function createHandlers(project: Project, host: HostKind, options: HandlerOptions = {}): ApiHandlers {
  const imports = new ImportJobs(project, options.maxImportBytes ?? maxImportBytesFromEnv());
  const { annotations, claims, history } = project;
  return {
    getAppInfo: () => ({
      appVersion,
      host,
      projectPath: project.path,
      schemaVersion: project.schemaVersion,
    }),
    listDocuments: () => project.documents.list(),
    getVersionContent: ({ versionId }) => project.documents.getVersionContent(versionId),
    locateText: ({ versionId, offset }) => project.documents.locate(versionId, offset),
    inspectImport: (input) => imports.inspect(input),
    startImport: (input) => imports.start(input),
    getImportJob: ({ jobId }) => imports.get(jobId),
    listAnnotations: ({ documentId }) => annotations.list(documentId),
    createAnnotation: (input) => annotations.create(input),
    updateAnnotation: (input) => annotations.update(input),
    reattachAnnotation: (input) => annotations.reattach(input),
    deleteAnnotation: ({ id }) => {
      annotations.delete(id);
      return { id };
    },
    listTags: () => annotations.tags(),
    createTag: (input) => annotations.createTag(input),
    updateTag: (input) => annotations.updateTag(input),
    mergeTags: ({ fromId, intoId }) => annotations.merge(fromId, intoId),
    deleteTag: ({ id }) => annotations.deleteTag(id),
    getAssessment: ({ documentId }) => annotations.assessment(documentId),
    saveAssessment: (input) => annotations.saveAssessment(input),
    listClaims: () => claims.list(),
    createClaim: (input) => claims.create(input),
    updateClaim: (input) => claims.update(input),
    deleteClaim: ({ id }) => {
      claims.delete(id);
      return { id };
    },
    attachAccount: (input) => claims.attach(input),
    updateAccount: (input) => claims.updateAccount(input),
    detachAccount: ({ id }) => claims.detach(id),
    getHistory: () => history.state(),
    undo: () => history.undo(),
    redo: () => history.redo(),
    getWorkspace: () => annotations.workspace(),
    saveWorkspace: (workspace) => annotations.saveWorkspace(workspace),
  };
}
