/**
 * Serves the API table over Electron IPC: one `ipcMain.handle` per method, generated from the
 * table. Only our own page in our own window may call; anything else gets a refusal, not data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethods, ipcChannel } from '../../../shared/api';
import type { Dispatch } from '../../../shared/dispatch';
import { ApiError, type ApiEnvelope } from '../../../shared/errors';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
): () => void {
  for (const method of apiMethods) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown): Promise<ApiEnvelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve(
          new ApiError('unauthorized', `${method} was called from a page that is not the workbench`).toEnvelope(),
        );
      }
      return dispatch(method, input);
    });
  }
  return () => apiMethods.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}
