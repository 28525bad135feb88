/**
 * Takes the README's screenshot: the workbench on a fresh project, in Debian's Chromium.
 * Usage: npm run screenshot
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../playwright.config';
import { openNodeHost } from '../electron/node-host';
import { startBrowserHost } from '../electron/serve';
import { tempDir } from '../tests/support/temp';
import { buildRenderer, rendererIsStale, root } from './build';

if (rendererIsStale()) await buildRenderer();
const temp = tempDir('sourcebench-screenshot-');
const host = openNodeHost('browser', path.join(temp.dir, 'Stalin corpus.sourcebench'));
const server = await startBrowserHost({ dispatch: host.dispatch, rendererDir: host.layout.rendererDir });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.locator('.source-text').nth(2).waitFor();
  const target = path.join(root, 'docs', 'screenshot.png');
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(root, target)}`);
} finally {
  await browser.close();
  await server.close();
  host.project.close();
  temp.cleanup();
}
