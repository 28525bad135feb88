/**
 * Picks how the renderer reaches the API: through the Electron preload's bridge when it is
 * there, otherwise over HTTP to the browser host with the token it was opened with.
 */
import type { ApiBridge, ApiClient } from '../../../shared/api';
import { createApiClient, type Transport } from '../../../shared/client';
import { ApiError, type ApiEnvelope } from '../../../shared/errors';
import { API_PATH_PREFIX, TOKEN_HEADER, tokenHeaderValue } from '../../../shared/security';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in a plain browser. */
    sourcebench?: ApiBridge;
    /** Commands from the desktop app's native menu; absent in a plain browser. */
    sourcebenchMenu?: { onCommand(listener: (command: string) => void): () => void };
  }
}

const TOKEN_KEY = 'sourcebench.token';

export function connect(): { client: ApiClient; transport: 'electron' | 'http' } {
  const bridge = window.sourcebench;
  if (bridge) {
    const viaBridge: Transport = (method, input) =>
      (bridge[method] as (input: unknown) => Promise<ApiEnvelope<unknown>>)(input);
    return { client: createApiClient(viaBridge), transport: 'electron' };
  }
  return { client: createApiClient(httpTransport(takeToken())), transport: 'http' };
}

/**
 * The browser host opens us at `/#token=…`. The token is kept for this tab only and removed
 * from the address bar so it does not end up in bookmarks or screenshots.
 */
function takeToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string | null): Transport {
  return async (method, input) => {
    if (!token) {
      return new ApiError(
        'unauthorized',
        'This page was opened without its access token. Open the address printed by `npm run serve`.',
      ).toEnvelope();
    }
    let response: Response;
    try {
      response = await fetch(`${API_PATH_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: tokenHeaderValue(token) },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return new ApiError('internal', `The browser host cannot be reached (${(error as Error).message}). Is it still running?`).toEnvelope();
    }
    try {
      return (await response.json()) as ApiEnvelope<unknown>;
    } catch {
      return new ApiError('internal', `The browser host answered ${response.status} without a JSON body`).toEnvelope();
    }
  };
}
