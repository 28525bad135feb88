/**
 * The implementation of the API table, written once and served by every host. A handler gets
 * input that is already validated and returns plain data; the dispatcher checks the rest.
 */
import type { ApiHandlers, ProjectMethod } from '../../shared/api';
import { createApiClient } from '../../shared/client';
import { createDispatch } from '../../shared/dispatch';
import type { HostKind } from '../../shared/domain';
import { exportDate, exportNotes, quotationOf } from '../export';
import { ExportJobs } from './export-jobs';
import { ImportJobs } from './import-jobs';
import { importExchangeFile } from '../exchange';
import { searchProject } from '../search/search';
import { suggestPassages } from '../search/suggest';
import { ApiError } from '../../shared/errors';
import { decodeWithinLimit, maxImportBytesFromEnv } from '../import/limits';
import type { Project } from './project';
import { appVersion } from '../install/version';

export interface HandlerOptions {
  /** Upper bound of a file to import, in bytes. */
  readonly maxImportBytes?: number;
}

/** The methods a project serves (everything but the session's: which project is open). */
export type ProjectHandlers = Pick<ApiHandlers, ProjectMethod>;

export interface ProjectApi {
  readonly handlers: ProjectHandlers;
  /** Imports and exports still running: a project is not closed under them. */
  readonly runningJobs: () => number;
}

export function createProjectHandlers(project: Project, host: HostKind, options: HandlerOptions = {}): ProjectApi {
  const maxImportBytes = options.maxImportBytes ?? maxImportBytesFromEnv();
  const imports = new ImportJobs(project, maxImportBytes);
  const { annotations, codebook, assessments, claims, history, workspace } = project;
  const handlers: ProjectHandlers = {
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
    listAnnotations: ({ documentId, ids, status }) => annotations.query({ documentId, ids, status }),
    createAnnotation: (input) => annotations.create(input),
    updateAnnotation: (input) => annotations.update(input),
    reattachAnnotation: (input) => annotations.reattach(input),
    deleteAnnotation: ({ id }) => {
      annotations.delete(id);
      return { id };
    },
    listTags: () => codebook.tags(),
    createTag: (input) => codebook.createTag(input),
    updateTag: (input) => codebook.updateTag(input),
    mergeTags: ({ fromId, intoId }) => codebook.merge(fromId, intoId),
    deleteTag: ({ id }) => codebook.deleteTag(id),
    getAssessment: ({ documentId }) => assessments.get(documentId),
    saveAssessment: (input) => assessments.save(input),
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
    changesSince: ({ epoch, revision }) => history.changesSince(epoch, revision),
    undo: () => history.undo(),
    redo: () => history.redo(),
    getWorkspace: () => workspace.get(),
    saveWorkspace: (input) => workspace.save(input),
    importExchange: ({ fileName, data }) => importExchangeFile(project, fileName, decodeWithinLimit(data, maxImportBytes)),
    backupProject: ({ path }) => project.backupTo(path ?? null, new Date()),
    search: (input) => searchProject(project, input),
    suggestPassages: (input) => suggestPassages(project, input),
    exportNotes: (input) => exportNotes(reader, input, exportDate()),
    startExport: (input) => exports.start(input),
    getExportJob: ({ jobId }) => exports.get(jobId),
    quoteAnnotation: ({ annotationId }) => quotationOf(reader, annotations.get(annotationId)),
  };
  // An export reads the project through the read methods of this very table, as any client would.
  const reader = createApiClient(createDispatch(handlers));
  const exports = new ExportJobs(reader, exportDate);
  return { handlers, runningJobs: () => imports.running + exports.running };
}
