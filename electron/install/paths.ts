/**
 * Where things live on disk for the hosts that run under plain Node (browser host and CLI).
 * The Electron host uses its own user-data folder instead.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_EXTENSION = '.sourcebench';
export const DEFAULT_PROJECT_NAME = `default${PROJECT_EXTENSION}`;

/** `$XDG_DATA_HOME/sourcebench`, falling back to `~/.local/share/sourcebench` as the XDG spec says. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'sourcebench');
}

export function defaultProjectPath(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  return path.join(dataDirectory(env, home), DEFAULT_PROJECT_NAME);
}

/** What a host needs from the installed package: the bundled corpus and the built renderer. */
export interface InstallLayout {
  readonly corpusDir: string;
  readonly rendererDir: string;
}

/**
 * In a checkout or an npm install, everything is in the package root. In the installed app the
 * package root is the app archive (resources/app.asar) and the corpus lies beside it, outside the
 * archive (extraResources in build/electron-builder.yml): there the CLI is run by the app's own
 * binary, which sets `process.resourcesPath` also when it runs a script as plain Node.
 */
export function installLayout(packageRoot: string, resourcesPath: string | undefined = electronResourcesPath()): InstallLayout {
  const packaged = resourcesPath !== undefined && path.dirname(packageRoot) === path.resolve(resourcesPath);
  return {
    corpusDir: packaged ? path.join(resourcesPath, 'corpus') : path.join(packageRoot, 'corpus'),
    rendererDir: path.join(packageRoot, 'dist', 'renderer'),
  };
}

function electronResourcesPath(): string | undefined {
  return (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
}

/**
 * The package root of the Node hosts, found from this source file so the CLI works from any
 * working directory. (The Electron host asks Electron instead: it runs from a bundle.)
 */
export function sourcePackageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
