/** What the packaging tests read: the electron-builder configuration, package.json, the built parts. */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  buildCli,
  buildElectron,
  buildIcons,
  buildRenderer,
  cliIsStale,
  electronIsStale,
  iconsAreStale,
  rendererIsStale,
} from '../../build/build';
import { repoRoot } from './temp';

export const builderConfigFile = path.join(repoRoot, 'build', 'electron-builder.yml');

/** The parts of the configuration the tests look at; the schema test checks all of it. */
export interface BuilderConfig {
  appId?: string;
  productName?: string;
  version?: unknown;
  extraMetadata?: Record<string, unknown>;
  files?: string[];
  extraResources?: { from: string; to: string }[];
  fileAssociations?: { ext: string; name?: string; icon?: string; mimeType?: string }[];
  publish?: unknown;
  linux?: {
    target?: string[];
    executableName?: string;
    icon?: string;
    maintainer?: string;
    mimeTypes?: string[];
    category?: string;
    extraFiles?: { from: string; to: string }[];
  };
  deb?: { fpm?: string[] };
  mac?: { target?: string[]; icon?: string; category?: string };
  win?: { target?: string[]; icon?: string };
  [key: string]: unknown;
}

export function builderConfig(): BuilderConfig {
  return parseYaml(fs.readFileSync(builderConfigFile, 'utf8')) as BuilderConfig;
}

export interface PackageJson {
  name: string;
  version: string;
  description?: string;
  homepage?: string;
  author?: { name?: string; email?: string } | string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

export function packageJson(): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
}

/** The icons electron-builder is given, made from build/icon.svg as `tsx build/build.ts icons` makes them. */
export async function ensureIcons(): Promise<void> {
  if (await iconsAreStale()) await buildIcons();
}

/** dist/renderer, dist/electron and dist/cli as `npm run dist` packs them, rebuilt where stale. */
export async function ensureDist(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  if (electronIsStale()) await buildElectron();
  if (cliIsStale()) await buildCli();
}
