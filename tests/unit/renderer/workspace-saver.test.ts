/**
 * The layout is saved before a project switch: WorkspaceSaver.flush resolves only once the server
 * has the layout (also one already on its way), and a closed saver writes nothing until reopened,
 * so no late save lands in the project opened next.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import type { Workspace } from '../../../shared/annotations';
import { WorkspaceSaver } from '../../../renderer/src/workspace/workspace';

const layout = (fontSize: number): Workspace => ({ panes: [], theme: 'system', fontSize, firstRunDismissed: false });

/** A client whose saveWorkspace answers only when the test says so. */
function slowServer() {
  const saved: Workspace[] = [];
  const answers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const client = {
    saveWorkspace: (workspace: Workspace) =>
      new Promise<void>((resolve, reject) => {
        answers.push({
          resolve: () => {
            saved.push(workspace);
            resolve();
          },
          reject,
        });
      }),
  } as unknown as ApiClient;
  return { client, saved, answers };
}

/** Whether a promise has settled by the time the queued callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('WorkspaceSaver.flush', () => {
  it('resolves once the server has saved the pending layout, not before', async () => {
    const server = slowServer();
    const saver = new WorkspaceSaver(server.client, 10_000);
    saver.schedule(() => layout(20));
    const flushed = saver.flush();
    expect(server.answers).toHaveLength(1);
    expect(await settled(flushed)).toBe(false);
    server.answers[0]!.resolve();
    expect(await settled(flushed)).toBe(true);
    expect(server.saved).toEqual([layout(20)]);
  });

  it('with nothing pending, waits for a save already on its way', async () => {
    const server = slowServer();
    const saver = new WorkspaceSaver(server.client, 1);
    saver.schedule(() => layout(21));
    await vi.waitFor(() => expect(server.answers).toHaveLength(1)); // the debounce fired by itself
    const flushed = saver.flush();
    expect(await settled(flushed)).toBe(false);
    server.answers[0]!.resolve();
    expect(await settled(flushed)).toBe(true);
  });

  it('with nothing pending or on its way, resolves at once without a request', async () => {
    const server = slowServer();
    const saver = new WorkspaceSaver(server.client, 10_000);
    expect(await settled(saver.flush())).toBe(true);
    expect(server.answers).toHaveLength(0);
  });

  it('resolves after a failed save too, and says why through onError', async () => {
    const server = slowServer();
    const onError = vi.fn();
    const saver = new WorkspaceSaver(server.client, 10_000, onError);
    saver.schedule(() => layout(22));
    const flushed = saver.flush();
    server.answers[0]!.reject(new Error('disk full'));
    expect(await settled(flushed)).toBe(true);
    expect(onError).toHaveBeenCalledWith('The layout could not be saved: disk full');
  });
});

describe('WorkspaceSaver.close and reopen', () => {
  it('a closed saver sends nothing, on its timer or on flush; reopened, it saves what changed meanwhile', async () => {
    const server = slowServer();
    const saver = new WorkspaceSaver(server.client, 1);
    saver.close();
    saver.schedule(() => layout(23));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await settled(saver.flush())).toBe(true);
    expect(server.answers).toHaveLength(0);

    saver.reopen();
    const flushed = saver.flush();
    expect(server.answers).toHaveLength(1);
    server.answers[0]!.resolve();
    await flushed;
    expect(server.saved).toEqual([layout(23)]);
  });
});
