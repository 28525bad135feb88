/**
 * A browser host on a fresh project in a temporary folder, started once per worker, so the
 * end-to-end tests see exactly what a first-time user sees.
 */
import path from 'node:path';
import { test as base } from '@playwright/test';
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
