/**
 * `npm start`: builds what is stale, then opens the workbench in Electron where its binary is
 * installed, and otherwise falls back to the browser host, saying so in one line. It never just
 * fails: the worst case is an address to open by hand. `npm run serve` comes here too, to build
 * the renderer if stale before the CLI's `serve`. Run from dist/cli by bin/launch.js.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildElectron, buildRenderer, electronIsStale, rendererIsStale, root } from '../../../build/build';
import { downloadElectronBinary, findElectronBinary } from './electron-binary';
import { dataDirectory } from '../../install/paths';
import { invocationDirectory, projectArgument } from '../project-argument';

/** Debian's Chromium first, then the other usual names on PATH. */
function findChromium(): string | null {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) candidates.push(path.join(dir, name));
  }
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/**
 * A page that sends Chromium on to `url`, in a folder only this user can read, removed when the
 * process ends: a command line is visible to every user of the machine (`ps`), and the token in
 * the address is what keeps the others out of the browser host.
 */
function redirectPage(url: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-open-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'open.html');
  const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${attribute}"><title>Sourcebench</title>\n`, { mode: 0o600 });
  return pathToFileURL(file).href;
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function runBrowserHost(reason: string, projectPath: string | null): Promise<void> {
  console.log(`Sourcebench: ${reason}; starting the browser host instead.`);
  // Loaded only here: starting Electron needs none of the app's own code.
  const { serveProject } = await import('../node-host');
  const { host, server, stop } = await serveProject(projectPath ?? undefined);
  // The address with its token, before anything else: the bare origin only leads to a page that
  // asks for the token, and a window that failed to open must not leave the user without it.
  console.log(`Open this address in a browser: ${server.url}`);

  const chromium = findChromium();
  if (chromium && hasDisplay()) {
    const profile = path.join(dataDirectory(), 'chromium-profile');
    const args = [`--app=${redirectPage(server.url)}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync'];
    // Chromium refuses to run as root without this; a desktop user is never root.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const browser = spawn(chromium, args, { stdio: 'ignore' });
    browser.on('exit', () => void stop());
    console.log(`(opened in ${chromium}; project ${host.project.path}; close the window or press Ctrl+C to stop)`);
  } else {
    console.log(`(project ${host.project.path}; press Ctrl+C to stop)`);
  }
}

/**
 * `argv`: the arguments after `npm start --` (`--browser`, a project file), or `serve` and its
 * options for `npm run serve`.
 */
export async function launch(argv: string[]): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  if (argv[0] === 'serve') {
    const { runCli } = await import('../cli/cli');
    process.exitCode = await runCli(argv);
    return;
  }
  const projectPath = projectArgument(argv, invocationDirectory());
  const forceBrowser = argv.includes('--browser') || process.env.SOURCEBENCH_BROWSER === '1';
  if (forceBrowser) return runBrowserHost('--browser was given', projectPath);

  let electron = findElectronBinary();
  if ('missing' in electron) electron = downloadElectronBinary();
  if ('missing' in electron) return runBrowserHost(electron.missing, projectPath);
  if (!hasDisplay()) return runBrowserHost('there is no display for a desktop window', projectPath);

  if (electronIsStale()) await buildElectron();
  const child = spawn(electron.binary, projectPath ? [root, projectPath] : [root], { stdio: 'inherit' });
  child.on('error', (error) => void runBrowserHost(`Electron did not start (${error.message})`, projectPath));
  child.on('exit', (code) => process.exit(code ?? 0));
}
