/**
 * `npm start`: builds what is stale, then opens the workbench in Electron where its binary is
 * installed, and otherwise falls back to the browser host, saying so in one line. It never just
 * fails: the worst case is an address to open by hand.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildElectron, buildRenderer, electronIsStale, rendererIsStale, root } from '../../../build/build';
import { downloadElectronBinary, findElectronBinary } from './electron-binary';
import { serveProject } from '../node-host';
import { dataDirectory } from '../../install/paths';

/** Debian's Chromium first, then the other usual names on PATH. */
function findChromium(): string | null {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) candidates.push(path.join(dir, name));
  }
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function runBrowserHost(reason: string): Promise<void> {
  console.log(`Sourcebench: ${reason}; starting the browser host instead.`);
  const { host, server, stop } = await serveProject();

  const chromium = findChromium();
  if (chromium && hasDisplay()) {
    const profile = path.join(dataDirectory(), 'chromium-profile');
    const args = [`--app=${server.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync'];
    // Chromium refuses to run as root without this; a desktop user is never root.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const browser = spawn(chromium, args, { stdio: 'ignore' });
    browser.on('exit', () => void stop());
    console.log(`Opened in ${chromium} (project ${host.project.path}). Close the window or press Ctrl+C to stop.`);
  } else {
    console.log(`Open this address in a browser: ${server.url}`);
    console.log(`(project ${host.project.path}; press Ctrl+C to stop)`);
  }
}

async function main(): Promise<void> {
  const forceBrowser = process.argv.includes('--browser') || process.env.SOURCEBENCH_BROWSER === '1';
  if (rendererIsStale()) await buildRenderer();
  if (forceBrowser) return runBrowserHost('--browser was given');

  let electron = findElectronBinary();
  if ('missing' in electron) electron = downloadElectronBinary();
  if ('missing' in electron) return runBrowserHost(electron.missing);
  if (!hasDisplay()) return runBrowserHost('there is no display for a desktop window');

  if (electronIsStale()) await buildElectron();
  const child = spawn(electron.binary, [root], { stdio: 'inherit' });
  child.on('error', (error) => void runBrowserHost(`Electron did not start (${error.message})`));
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`Sourcebench could not start: ${error.message}`);
  process.exitCode = 1;
});
