/**
 * The desktop app itself: Electron opens the window with the three sources, and the page has
 * the API bridge but no Node. Runs wherever Electron's binary is installed; elsewhere it is
 * skipped and says why.
 */
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// Declares window.sourcebench (the preload's bridge) for the page code below.
import type {} from '../../renderer/src/api/transport';
import { findElectronBinary } from '../../electron/hosts/launcher/electron-binary';
import { repoRoot, tempDir } from '../support/temp';

const lookup = findElectronBinary();
const skipReason =
  'missing' in lookup
    ? `Electron end-to-end test skipped: ${lookup.missing}. Run \`node node_modules/electron/install.js\` on a connected machine to get it.`
    : null;
// Printed once, by the worker that runs the test, so the log says why nothing ran.
if (skipReason && process.env.TEST_WORKER_INDEX !== undefined) console.log(skipReason);

test('the desktop window shows the three sources with an isolated page', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  if ('missing' in lookup) return;
  const temp = tempDir('sourcebench-electron-');
  const app = await electron.launch({
    executablePath: lookup.binary,
    args: [repoRoot],
    env: { ...process.env, SOURCEBENCH_PROJECT: path.join(temp.dir, 'electron.sourcebench') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('section.pane')).toHaveCount(3);
    await expect(page.locator('section.pane').nth(2).locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    const isolation = await page.evaluate(() => ({
      hasBridge: typeof window.sourcebench?.listDocuments === 'function',
      hasNode: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
    }));
    expect(isolation).toEqual({ hasBridge: true, hasNode: false, hasRequire: false });
    // A page that tries to leave the workbench stays where it is.
    const ownUrl = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(ownUrl);
  } finally {
    await app.close();
    temp.cleanup();
  }
});

test('a project file named on the command line (as a double-click passes it) opens, named in the title', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  if ('missing' in lookup) return;
  const temp = tempDir('sourcebench-electron-file-');
  const file = path.join(temp.dir, 'Kirov 1934.sourcebench');
  const app = await electron.launch({ executablePath: lookup.binary, args: [repoRoot, file] });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('section.pane')).toHaveCount(3);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toBe('Kirov 1934 — Sourcebench');
    const info = await page.evaluate(() => window.sourcebench!.getProjectState({}));
    expect(info).toMatchObject({ ok: true, value: { open: { path: file, name: 'Kirov 1934' }, canChooseFiles: true } });
  } finally {
    await app.close();
    temp.cleanup();
  }
});
