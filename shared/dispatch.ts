/**
 * Validation and error wrapping shared by every host: each host only moves bytes, this decides
 * what a request means. Input is validated before a handler runs; output is validated too, so a
 * handler bug shows up as a clear internal error instead of malformed data in the renderer.
 */
import { apiTable, isApiMethod, type ApiHandlers, type ProjectMethod } from './api';
import { ApiError, BUSY_MESSAGE, invalidInput, isBusyError, type ApiEnvelope } from './errors';

export type Dispatch = (method: string, input: unknown) => Promise<ApiEnvelope<unknown>>;

/**
 * Over the whole table (what a host serves), or over one project's methods only (what an export
 * reads the project through), which refuses the session's methods as unknown.
 */
export function createDispatch(handlers: ApiHandlers | Pick<ApiHandlers, ProjectMethod>): Dispatch {
  return async (method, input) => {
    try {
      if (!isApiMethod(method)) {
        throw new ApiError('unknown_method', `Unknown method "${method}"`);
      }
      const spec = apiTable[method];
      const parsedInput = spec.input.safeParse(input ?? {});
      if (!parsedInput.success) throw invalidInput(method, parsedInput.error);
      const handler = (handlers as Partial<ApiHandlers>)[method] as ((input: unknown) => unknown) | undefined;
      if (handler === undefined) throw new ApiError('unknown_method', `"${method}" is not served here`);
      const value = await handler(parsedInput.data);
      const parsedOutput = spec.output.safeParse(value);
      if (!parsedOutput.success) {
        throw new ApiError('internal', `${method} produced invalid output: ${parsedOutput.error.message}`);
      }
      return { ok: true, value: parsedOutput.data };
    } catch (error) {
      return toFailure(error);
    }
  };
}

function toFailure(error: unknown): ApiEnvelope<never> {
  if (error instanceof ApiError) return error.toEnvelope();
  if (isBusyError(error)) return new ApiError('project_error', BUSY_MESSAGE).toEnvelope();
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', message).toEnvelope();
}
