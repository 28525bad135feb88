/**
 * The one declaration of the API between the renderer and the main process. Every host
 * (Electron IPC, the browser host over HTTP, the command line) serves exactly this table, and the
 * renderer's client is typed from it, so a method is never described twice.
 */
import { z } from 'zod';
import { AppInfo, DocumentSummary, VersionContent } from './domain';
import type { ApiEnvelope } from './errors';

const NoInput = z.object({}).strict();
const Id = z.string().min(1, 'must not be empty').max(200);

interface MethodSpec {
  readonly summary: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const apiTable = {
  getAppInfo: {
    summary: 'Version of the workbench, the host serving it and the open project file.',
    input: NoInput,
    output: AppInfo,
  },
  listDocuments: {
    summary: 'The documents of the project, in the order they were added.',
    input: NoInput,
    output: z.array(DocumentSummary),
  },
  getVersionContent: {
    summary: 'The reading text of one document version, block by block, with raw-file offsets.',
    input: z.object({ versionId: Id }).strict(),
    output: VersionContent,
  },
} as const satisfies Record<string, MethodSpec>;

export type ApiTable = typeof apiTable;
export type ApiMethod = keyof ApiTable;
export const apiMethods = Object.keys(apiTable) as ApiMethod[];

/** What a caller may send (before defaults are applied). */
export type ApiInput<M extends ApiMethod> = z.input<ApiTable[M]['input']>;
/** What a handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiTable[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiTable[M]['output']>;

/** Implemented once, on the Node side, and served by every host. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/** What the renderer calls: one async function per method, throwing ApiError on failure. */
export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>>;
};

/** What a transport carries: the same functions, but failures come back as data. */
export type ApiBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiEnvelope<ApiOutput<M>>>;
};

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiTable, name);
}

/** A prefix keeps our IPC channels apart from Electron's own. */
export const IPC_PREFIX = 'sourcebench:';

export function ipcChannel(method: ApiMethod): string {
  return `${IPC_PREFIX}${method}`;
}
