/**
 * Builds what the hosts load: the renderer (Vite) into dist/renderer, and the Electron main
 * process and preload (esbuild) into dist/electron. The Node hosts run from source and need
 * no build. Usage: tsx build/build.ts [renderer|electron|all] [--if-stale]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiMethods, IPC_PREFIX } from '../shared/api';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererOutput = path.join(root, 'dist', 'renderer', 'index.html');
const electronOutput = path.join(root, 'dist', 'electron', 'main.mjs');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

export async function buildElectron(): Promise<void> {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
    absWorkingDir: root,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['electron/hosts/electron/main.ts'],
      outfile: 'dist/electron/main.mjs',
      format: 'esm',
      // Packages stay in node_modules, where electron-builder packs the production dependencies:
      // native modules (better-sqlite3) and pdf.js (which reads its fonts and maps from disk)
      // cannot live inside a bundle.
      packages: 'external',
    }),
    // A sandboxed preload must be a single CommonJS file that requires nothing but electron.
    esbuild.build({
      ...common,
      entryPoints: ['electron/hosts/electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      external: ['electron'],
      define: {
        __SOURCEBENCH_API_METHODS__: JSON.stringify(apiMethods),
        __SOURCEBENCH_IPC_PREFIX__: JSON.stringify(IPC_PREFIX),
      },
    }),
  ]);
}

/** Newest modification time under the given paths (files or folders). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((entry) => visit(path.join(root, entry)));
  return newest;
}

function isStale(output: string, sources: string[]): boolean {
  const built = fs.statSync(output, { throwIfNoEntry: false });
  return !built || newestMtime([...sources, 'package.json']) > built.mtimeMs;
}

export const rendererIsStale = () => isStale(rendererOutput, ['renderer', 'shared', 'vite.config.ts']);
export const electronIsStale = () => isStale(electronOutput, ['electron', 'shared']);

async function main(argv: string[]): Promise<void> {
  const target = argv.find((arg) => !arg.startsWith('--')) ?? 'all';
  const ifStale = argv.includes('--if-stale');
  if (!['renderer', 'electron', 'all'].includes(target)) {
    throw new Error(`Unknown build target "${target}" (renderer, electron or all)`);
  }
  if ((target === 'renderer' || target === 'all') && (!ifStale || rendererIsStale())) {
    await buildRenderer();
    console.log('built dist/renderer');
  }
  if ((target === 'electron' || target === 'all') && (!ifStale || electronIsStale())) {
    await buildElectron();
    console.log('built dist/electron');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`build failed: ${error.message}`);
    process.exitCode = 1;
  });
}
