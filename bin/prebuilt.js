/**
 * The Node hosts (the CLI, the launcher of `npm start`) run from the JavaScript that
 * `tsx build/build.ts cli` bundles into dist/cli, because compiling their TypeScript at every
 * start made `sourcebench --help` take two seconds. `npm install` builds it (the `prepare`
 * script); if it is missing, or a file it was made from changed since, it is rebuilt here before
 * it runs, so a checkout never runs code older than its sources. That test only reads the build's
 * list of inputs and their modification times: a few milliseconds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'cli');

/** Why dist/cli must be built first, or null if it is up to date (as build/build.ts's cliIsStale). */
function staleReason() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dist, 'inputs.json'), 'utf8'));
  } catch {
    return 'it is not built yet';
  }
  const changed = manifest.inputs.find((input) => (fs.statSync(path.join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > manifest.builtAt);
  return changed === undefined ? null : `${changed} changed`;
}

/** Imports dist/cli/ENTRY.mjs (`cli` or `launcher`), building dist/cli first if it is stale. */
export async function importPrebuilt(entry) {
  const reason = staleReason();
  if (reason !== null) {
    process.stderr.write(`sourcebench: building dist/cli first (${reason})…\n`);
    // The build's own output goes nowhere: stdout belongs to the command being run.
    const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'build', 'build.ts'), 'cli'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) {
      process.stderr.write(`sourcebench: the build failed${build.error ? ` (${build.error.message})` : ''}; try: npm run build\n`);
      process.exit(1);
    }
  }
  return import(pathToFileURL(path.join(dist, `${entry}.mjs`)).href);
}
