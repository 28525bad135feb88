/**
 * Serves the API table over Electron IPC: one `ipcMain.handle` per method, generated from the
 * table. Only our own page in our own window may call; anything else gets a refusal, not data.
 * This is the only place that registers IPC handlers (an architecture test holds the code to it).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiMethods, ipcChannel } from '../../../shared/api';
import type { Dispatch } from '../../../shared/dispatch';
import { ApiError, type ApiEnvelope } from '../../../shared/errors';
import { isOwnPage } from './window';

/** The part of an IPC event the check reads: which page, and which frame of it, sent the call. */
export type IpcSender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Null when the sender may call; otherwise why it may not, for the refusal it gets. */
export type SenderCheck = (event: IpcSender) => string | null;

/**
 * Calls are taken from the main frame of the workbench window only, and only while that frame
 * shows the workbench page: not from a frame inside it, another window or webContents (DevTools
 * included), or the window after it was somehow taken elsewhere.
 */
export function workbenchSenderCheck(workbench: () => Pick<WebContents, 'mainFrame'> | null, rendererUrl: string): SenderCheck {
  return ({ sender, senderFrame }) => {
    const contents = workbench();
    if (contents === null) return 'the workbench window is not open';
    if (sender !== contents) return 'the call came from another window';
    if (senderFrame === null) return 'the calling frame is gone';
    if (senderFrame !== contents.mainFrame || senderFrame.parent !== null) return 'the call came from a frame inside the page';
    if (!isOwnPage(senderFrame.url, rendererUrl)) return 'the window is not showing the workbench page';
    return null;
  };
}

export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  checkSender: SenderCheck,
): () => void {
  for (const method of apiMethods) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown): Promise<ApiEnvelope<unknown>> => {
      const refusal = checkSender(event);
      if (refusal !== null) {
        return Promise.resolve(new ApiError('unauthorized', `${method} was refused: ${refusal}`).toEnvelope());
      }
      return dispatch(method, input);
    });
  }
  return () => apiMethods.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}
