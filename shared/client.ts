/**
 * Turns any transport (Electron IPC, HTTP, an in-process dispatcher) into the typed client the
 * renderer and the CLI call. Failures arrive as envelopes and leave here as ApiError.
 */
import { apiMethods, type ApiClient, type ApiMethod } from './api';
import { ApiError, type ApiEnvelope } from './errors';

export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiEnvelope<unknown>>;

export function createApiClient(transport: Transport): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of apiMethods) {
    client[method] = async (input) => {
      const envelope = await transport(method, input);
      if (!envelope.ok) throw ApiError.fromEnvelope(envelope);
      return envelope.value;
    };
  }
  return client as ApiClient;
}
