/**
 * Errors that cross a process boundary. Exceptions do not survive IPC or HTTP with their
 * properties intact, so every host sends an envelope instead and the client rebuilds the error.
 */
import { z } from 'zod';

export const ApiErrorCode = z.enum([
  'invalid_input', // the request did not match the method's input schema
  'unknown_method',
  'not_found',
  'conflict',
  'project_error', // the project file cannot be opened or used
  'no_project', // no project is open (after Close Project): the picker is the way on
  'unauthorized', // browser host: missing or wrong token, foreign origin; Electron: a sender that is not the workbench page
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiFailure = z.object({
  ok: z.literal(false),
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    /** Dotted path of the offending input field, where one is to blame. */
    field: z.string().optional(),
  }),
});
export type ApiFailure = z.infer<typeof ApiFailure>;
export type ApiSuccess<T> = { ok: true; value: T };
export type ApiEnvelope<T> = ApiSuccess<T> | ApiFailure;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toEnvelope(): ApiFailure {
    const error: ApiFailure['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    return { ok: false, error };
  }

  static fromEnvelope(failure: ApiFailure): ApiError {
    return new ApiError(failure.error.code, failure.error.message, failure.error.field);
  }
}

/** "versionId" or "blocks.3.text"; the whole input is named "(input)". */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(input)' : path.map(String).join('.');
}

/** A validation error that names the first field at fault, in words a user can act on. */
export function invalidInput(method: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const first = error.issues[0];
  return new ApiError(
    'invalid_input',
    `Invalid input for ${method}: ${issues.join('; ')}`,
    first ? fieldPath(first.path) : undefined,
  );
}

/**
 * SQLite gave up waiting for the lock (SQLITE_BUSY and its variants): another program, such as
 * the command line or a second window, kept the project file busy past the wait. Told in words,
 * not as "database is locked"; the write was rolled back whole, so nothing is lost by retrying.
 */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export const BUSY_MESSAGE =
  'The project file is busy: another program (the command line or another Sourcebench window) has been writing to it ' +
  'for more than 5 seconds. Nothing was changed; try again once it has finished.';
