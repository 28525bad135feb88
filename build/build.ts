/**
 * Builds what the hosts load: the renderer (Vite) into dist/renderer, the Electron main process
 * and preload (esbuild) into dist/electron, and the plain-Node hosts, the CLI and the launcher of
 * `npm start` (esbuild), into dist/cli. bin/ runs dist/cli, and rebuilds it first when its sources
 * changed. `icons` makes the packages' icons (build/icons.ts); `all` leaves them out, as only
 * `npm run dist` needs them. Usage: tsx build/build.ts [renderer|electron|cli|all|icons] [--if-stale]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Metafile, OutputFile } from 'esbuild';
import { apiMethods, IPC_PREFIX } from '../shared/api';
import { sourcePackageRoot } from '../electron/install/paths';

// Found as the hosts find it, not from this file: the launcher runs this code from dist/cli.
export const root = sourcePackageRoot();
const rendererOutput = path.join(root, 'dist', 'renderer', 'index.html');
const electronOutput = path.join(root, 'dist', 'electron', 'main.mjs');
const cliDir = path.join(root, 'dist', 'cli');
/** What dist/cli was built from, and when; bin/prebuilt.js reads it on every run. */
const cliManifest = path.join(cliDir, 'inputs.json');

/** Files the code reads from beside its own module at run time, so copied beside each bundle. */
const RUNTIME_FILES = ['electron/search/glossary-data.json'];

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/** A sandboxed preload must be a single CommonJS file that requires nothing but electron. */
export const preloadBuildOptions = {
  entryPoints: ['electron/hosts/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs' as const,
  external: ['electron'],
  define: {
    __SOURCEBENCH_API_METHODS__: JSON.stringify(apiMethods),
    __SOURCEBENCH_IPC_PREFIX__: JSON.stringify(IPC_PREFIX),
  },
};

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
    esbuild.build({ ...common, ...preloadBuildOptions }),
  ]);
  copyRuntimeFiles(path.join(root, 'dist', 'electron'));
}

export interface CliManifest {
  /** When the build started (ms since 1970): a source changed later makes the bundle stale. */
  readonly builtAt: number;
  /** Repository-relative paths of every file the bundle was made from. */
  readonly inputs: string[];
}

/**
 * The CLI and the launcher, split into chunks so that each command loads only the modules (and
 * packages) it uses: `--help` must not wait for the importers, the store and the API table.
 */
export async function buildCli(): Promise<void> {
  const esbuild = await import('esbuild');
  const builtAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    // `sourcebench` is the command itself: bin/sourcebench.js runs it, and so does the installed
    // app's `sourcebench-cli` (build/linux/sourcebench-cli), which has no bin/.
    entryPoints: {
      cli: 'electron/hosts/cli/cli.ts',
      sourcebench: 'electron/hosts/cli/sourcebench.ts',
      launcher: 'electron/hosts/launcher/launcher.ts',
    },
    outdir: 'dist/cli',
    // All files flat in dist/cli, two folders below the package root as electron/install/paths.ts
    // is: that file finds the corpus and the renderer by going two folders up from itself.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // package.json's oldest Node: for an older one esbuild would drop the `with { type: 'json' }`
    // that Node requires on the JSON imports it leaves to node_modules.
    target: 'node20.19',
    // As for the Electron main process: native modules and pdf.js stay in node_modules.
    packages: 'external',
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(cliDir, { recursive: true });
  // Another process may be running the old bundle or building the same one (parallel tests that
  // all found it stale): each file is replaced whole, the chunks before the entries that import
  // them, and the manifest last, so a run never loads half a file nor a half-written build.
  const isEntry = (file: OutputFile) => result.metafile.outputs[path.relative(root, file.path)]?.entryPoint !== undefined;
  const outputs = [...result.outputFiles.filter((file) => !isEntry(file)), ...result.outputFiles.filter(isEntry)];
  for (const file of outputs) replaceFile(file.path, file.contents);
  copyRuntimeFiles(cliDir);
  removeLeftovers(cliDir, new Set([...outputs.map((file) => file.path), ...RUNTIME_FILES.map((file) => path.join(cliDir, path.basename(file)))]));
  const manifest: CliManifest = { builtAt, inputs: [...sourceInputs(result.metafile), 'build/build.ts', ...RUNTIME_FILES] };
  replaceFile(cliManifest, `${JSON.stringify(manifest, null, 1)}\n`);
}

function sourceInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
}

/** Writes beside the file and renames over it, which replaces it in one step. */
function replaceFile(file: string, contents: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

function copyRuntimeFiles(outdir: string): void {
  for (const file of RUNTIME_FILES) replaceFile(path.join(outdir, path.basename(file)), fs.readFileSync(path.join(root, file)));
}

/**
 * Removes the chunks of earlier builds (their names change with their contents) and the temporary
 * files of builds that died. A file written in the last minute is left: it may be another build's.
 */
function removeLeftovers(dir: string, keep: Set<string>): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === cliManifest || keep.has(file)) continue;
    const written = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (written !== undefined && Date.now() - written > 60_000) fs.rmSync(file, { force: true });
  }
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

export async function iconsAreStale(): Promise<boolean> {
  const { generatedIconFiles, ICON_SOURCE } = await import('./icons');
  const sources = [ICON_SOURCE, 'build/icons.ts', 'build/icon-containers.ts'];
  return generatedIconFiles().some((file) => isStale(path.join(root, file), sources));
}

export async function buildIcons(): Promise<void> {
  const icons = await import('./icons');
  await icons.buildIcons(root);
}

/** Whether a file dist/cli was made from changed since (the same test as bin/prebuilt.js's). */
export function cliIsStale(): boolean {
  let manifest: CliManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(cliManifest, 'utf8')) as CliManifest;
  } catch {
    return true;
  }
  return manifest.inputs.some((input) => (fs.statSync(path.join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > manifest.builtAt);
}

async function main(argv: string[]): Promise<void> {
  const target = argv.find((arg) => !arg.startsWith('--')) ?? 'all';
  const ifStale = argv.includes('--if-stale');
  if (!['renderer', 'electron', 'cli', 'all', 'icons'].includes(target)) {
    throw new Error(`Unknown build target "${target}" (renderer, electron, cli, all or icons)`);
  }
  if ((target === 'renderer' || target === 'all') && (!ifStale || rendererIsStale())) {
    await buildRenderer();
    console.log('built dist/renderer');
  }
  if ((target === 'electron' || target === 'all') && (!ifStale || electronIsStale())) {
    await buildElectron();
    console.log('built dist/electron');
  }
  if ((target === 'cli' || target === 'all') && (!ifStale || cliIsStale())) {
    await buildCli();
    console.log('built dist/cli');
  }
  if (target === 'icons' && (!ifStale || (await iconsAreStale()))) {
    await buildIcons();
    console.log('built build/generated (icons)');
  }
}

// Only as a script: not when imported, nor in the launcher's bundle, which holds this code too.
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'build', 'build.ts')) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`build failed: ${error.message}`);
    process.exitCode = 1;
  });
}
