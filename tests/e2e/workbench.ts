/**
 * A browser host on a fresh project in a temporary folder, started once per worker, so the
 * end-to-end tests see exactly what a first-time user sees.
 */
import path from 'node:path';
import { test as base } from '@playwright/test';
import { DEFAULT_FONT_SIZE, type Workspace } from '../../shared/annotations';
import { openNodeHost } from '../../electron/node-host';
import { startBrowserHost, type BrowserHost } from '../../electron/serve';
import { tempDir } from '../support/temp';

export interface Workbench {
  readonly server: BrowserHost;
  readonly projectPath: string;
}

export const test = base.extend<object, { workbench: Workbench }>({
  workbench: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = tempDir('sourcebench-e2e-');
      const host = openNodeHost('browser', path.join(temp.dir, 'e2e.sourcebench'));
      const server = await startBrowserHost({ dispatch: host.dispatch, rendererDir: host.layout.rendererDir });
      await use({ server, projectPath: host.project.path });
      await server.close();
      host.project.close();
      temp.cleanup();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

/** The workspace of a fresh project, for specs that put the layout back after changing it. */
export const DEFAULT_WORKSPACE: Workspace = { panes: [], theme: 'system', fontSize: DEFAULT_FONT_SIZE, firstRunDismissed: false };

/** Calls the API from the test process, with the host's token (to set up or clean up a test). */
export async function hostApi<T>(workbench: Workbench, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${workbench.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${workbench.server.token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}
