/**
 * The preload, built as the build makes it, and run the way Electron's sandbox runs it: a
 * CommonJS script whose `require` gives only `electron`. What it hands the page is all the page
 * gets of the main process, so it is listed here in full: one function per API method that
 * invokes that method's channel, and a menu listener that passes on strings only. (This is the
 * review Electronegativity's PRELOAD_JS_CHECK asks for, which main.ts marks as done.)
 */
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { preloadBuildOptions, root } from '../../../build/build';
import { apiMethods, ipcChannel, IPC_PREFIX } from '../../../shared/api';

/** Runs the built preload with Electron's two preload modules replaced by recorders. */
async function runPreload() {
  const output = await build({ ...preloadBuildOptions, bundle: true, platform: 'node', absWorkingDir: root, write: false, logLevel: 'silent' });
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => void invoked.push(args),
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, listener),
      removeListener: (channel: string) => void listeners.delete(channel),
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const code = output.outputFiles.find((file) => file.path === path.join(root, preloadBuildOptions.outfile))!.text;
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
  return { exposed, invoked, listeners, required };
}

describe('the preload', () => {
  it('requires nothing but electron and exposes two objects to the page', async () => {
    const { exposed, required } = await runPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()].sort()).toEqual(['sourcebench', 'sourcebenchMenu']);
  });

  it('gives the page one function per API method, each invoking that method’s channel and no other', async () => {
    const { exposed, invoked } = await runPreload();
    const bridge = exposed.get('sourcebench')!;
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods].sort());
    // A page that passes more than the input cannot pick the channel or smuggle a second argument.
    for (const method of apiMethods) await bridge[method]!({ probe: method }, 'sourcebench:otherMethod', 'extra');
    expect(invoked).toEqual(apiMethods.map((method) => [ipcChannel(method), { probe: method }]));
    expect(invoked.every(([channel]) => typeof channel === 'string' && channel.startsWith(IPC_PREFIX))).toBe(true);
  });

  it('passes menu commands on as strings only, and lets the page stop listening', async () => {
    const { exposed, listeners } = await runPreload();
    const menu = exposed.get('sourcebenchMenu')!;
    expect(Object.keys(menu)).toEqual(['onCommand']);
    const heard: unknown[] = [];
    const stop = menu.onCommand!((command: unknown) => heard.push(command)) as () => void;
    const forward = listeners.get(`${IPC_PREFIX}menu`)!;
    const event = { sender: { send: () => {} }, ports: [] };
    forward(event, 'import');
    forward(event, { toString: () => 'import' });
    forward(event, ['export']);
    forward(event, 42);
    expect(heard).toEqual(['import']);
    stop();
    expect(listeners.has(`${IPC_PREFIX}menu`)).toBe(false);
  });
});
