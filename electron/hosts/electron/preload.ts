/**
 * The preload: exposes the API table to the page as one typed object, `window.sourcebench`,
 * with one function per method. It runs sandboxed and passes nothing else through.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiBridge, ApiMethod } from '../../../shared/api';

/**
 * The method names of the API table, put in by the build from shared/api.ts: the preload then
 * needs no validation library, and the table is still declared in one place only.
 */
declare const __SOURCEBENCH_API_METHODS__: readonly ApiMethod[];
declare const __SOURCEBENCH_IPC_PREFIX__: string;

const bridge = Object.fromEntries(
  __SOURCEBENCH_API_METHODS__.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(`${__SOURCEBENCH_IPC_PREFIX__}${method}`, input),
  ]),
) as ApiBridge;

contextBridge.exposeInMainWorld('sourcebench', bridge);

/** Native menu commands (File > Import…) reach the page as plain strings, nothing else. */
contextBridge.exposeInMainWorld('sourcebenchMenu', {
  onCommand(listener: (command: string) => void): () => void {
    const forward = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(`${__SOURCEBENCH_IPC_PREFIX__}menu`, forward);
    return () => ipcRenderer.removeListener(`${__SOURCEBENCH_IPC_PREFIX__}menu`, forward);
  },
});
