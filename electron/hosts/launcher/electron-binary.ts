/**
 * Finds Electron's binary without loading Electron: `npm install` deliberately skips its
 * download (it fails the whole install where the network is closed), so it may well be missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronLookup = { binary: string } | { missing: string };

function electronPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function findElectronBinary(): ElectronLookup {
  const packageDir = electronPackageDir();
  if (!packageDir) return { missing: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { missing: "Electron's binary was not downloaded" };
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { binary } : { missing: `Electron's binary is missing (${binary})` };
}

/** Runs Electron's own installer, which fetches the binary; cheap to try where it cannot. */
export function downloadElectronBinary(): ElectronLookup {
  const packageDir = electronPackageDir();
  if (!packageDir) return { missing: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status === 0) return findElectronBinary();
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const reason = /\bE[A-Z_]{3,}\b[^\n]*/.exec(output)?.[0] ?? result.error?.message ?? 'the download failed';
  return { missing: `Electron's binary could not be downloaded (${reason.trim()})` };
}
