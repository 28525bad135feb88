/**
 * The packaging configuration (build/electron-builder.yml with package.json), checked without
 * building a package: against electron-builder's own JSON schema, then for what each target
 * needs, the icons resolved by electron-builder's own icon code from what `build.ts icons` made.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, ensureIcons, packageJson, type BuilderConfig } from '../../support/packaging';
import { repoRoot } from '../../support/temp';

const require = createRequire(import.meta.url);
const schemaFile = path.join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json');

interface ResolvedIcon {
  readonly file: string;
  readonly size: number;
}
const { convertIcon, getPngSize } = require('app-builder-lib/out/util/iconConverter.js') as {
  convertIcon: (options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: 'set' | 'ico' | 'icns'; outDir: string }) => Promise<{ icons: ResolvedIcon[]; isFallback: boolean }>;
  getPngSize: (file: string) => Promise<{ width: number; height: number }>;
};
const { getPlatformIconFileName } = require('builder-util') as { getPlatformIconFileName: (value: string, isMac: boolean) => string };

/** Where electron-builder looks for a relative resource: the build resources folder, then the project. */
const resourceRoots = [path.join(repoRoot, 'build'), repoRoot];

/**
 * The icon electron-builder would use for `source` in `format`. These sources need no conversion
 * (a folder of NxN.png, an .ico, an .icns), which is the one case that downloads nothing: the
 * call fails rather than convert if one is missing or wrong.
 */
async function resolveIcon(source: string | undefined, format: 'set' | 'ico' | 'icns'): Promise<ResolvedIcon[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-icon-'));
  try {
    const result = await convertIcon({ sources: source ? [source] : [], fallbackSources: [], roots: resourceRoots, format, outDir });
    expect(fs.readdirSync(outDir), `electron-builder converted the ${format} icon instead of using it`).toEqual([]);
    return result.icons;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

function schemaErrors(config: unknown): string[] {
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema: string };
  // electron-builder's schema uses annotations of its own (e.g. tsType); strict mode would refuse them.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(config) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

let config: BuilderConfig;
beforeAll(async () => {
  config = builderConfig();
  await ensureIcons();
}, 60_000);

describe('the electron-builder configuration', () => {
  it("is valid by electron-builder's own JSON schema (draft-07), which refuses a misspelt key or a wrong type", () => {
    expect((JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schemaErrors(config)).toEqual([]);
    expect(schemaErrors({ ...config, debb: { priority: 'optional' } })).not.toEqual([]);
    expect(schemaErrors({ ...config, linux: { ...config.linux, maintainer: 42 } })).not.toEqual([]);
  });

  it('names the app, and takes its version from package.json (no version written here)', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Sourcebench');
    expect(config.version).toBeUndefined();
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(packageJson().version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  it('names no update feed (auto-update stays off until a build names one), and ships the updater that would read it', () => {
    expect(config).toHaveProperty('publish', null);
    expect(packageJson().dependencies).toHaveProperty('electron-updater');
  });

  it("takes a feed named on npm run dist's command line, as the README shows, over publish: null", async () => {
    const { configureBuildCommand, normalizeOptions } = require('electron-builder/out/builder.js') as {
      configureBuildCommand: (yargs: unknown) => { parseSync: () => unknown };
      normalizeOptions: (args: unknown) => { config: unknown };
    };
    const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<{ publish?: unknown; appId?: string }>;
    };
    const yargs = require('yargs') as (argv: string[]) => unknown;
    // What `npm run dist -- -c.publish.provider=generic -c.publish.url=…` hands electron-builder.
    const script = packageJson().scripts.dist!;
    const argv = [...script.slice(script.indexOf('electron-builder ') + 'electron-builder '.length).split(' '), '-c.publish.provider=generic', '-c.publish.url=https://example.org/sourcebench/'];
    const { config: fromCommandLine } = normalizeOptions(configureBuildCommand(yargs(argv)).parseSync());
    const merged = await getConfig(repoRoot, null, fromCommandLine);
    expect(merged.publish).toEqual({ provider: 'generic', url: 'https://example.org/sourcebench/' });
    expect(merged.appId).toBe(config.appId);
    expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('npm run dist -- -c.publish.provider=generic -c.publish.url=https://example.org/sourcebench/');
  });

  it('builds the zip beside the dmg on macOS: the macOS updater installs from the zip', () => {
    expect(config.mac?.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
  });

  it('opens .sourcebench files, with a document icon for Windows (.ico) and macOS (.icns)', () => {
    const association = config.fileAssociations?.find((entry) => entry.ext === 'sourcebench');
    expect(association).toMatchObject({ name: 'Sourcebench project' });
    for (const isMac of [false, true]) {
      const file = path.join(repoRoot, getPlatformIconFileName(association!.icon!, isMac));
      expect(fs.existsSync(file), file).toBe(true);
    }
  });
});

describe('the Linux packages (AppImage and .deb)', () => {
  it('are built, under the lower-case command name sourcebench, in a desktop category', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.executableName).toBe('sourcebench');
    expect(config.linux?.category).toBeTruthy();
  });

  it("give the .deb a maintainer with an email, the author's, a homepage and a description", () => {
    const pkg = packageJson();
    expect(pkg.author).toEqual({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/) });
    const author = pkg.author as { name: string; email: string };
    expect(config.linux?.maintainer).toBe(`${author.name} <${author.email}>`);
    expect(pkg.homepage).toMatch(/^https:\/\/[^/\s]+/);
    expect(pkg.description?.length).toBeGreaterThan(20);
  });

  it('have an icon in every size the hicolor theme installs, each PNG as large as its name says', async () => {
    const icons = await resolveIcon(config.linux?.icon, 'set');
    expect(icons.map((icon) => icon.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const icon of icons) {
      expect(path.basename(icon.file)).toBe(`${icon.size}x${icon.size}.png`);
      expect(await getPngSize(icon.file)).toEqual({ width: icon.size, height: icon.size });
    }
  });

  it('declare the project file type in the desktop entry, and not as a file association mimeType (electron-builder would install a definition without the content rule over ours)', () => {
    expect(config.linux?.mimeTypes).toEqual(['application/x-sourcebench']);
    expect(config.fileAssociations?.every((entry) => entry.mimeType === undefined)).toBe(true);
  });

  it('install the type definition and the sourcebench-cli command, from files that exist', () => {
    const mappings = Object.fromEntries((config.deb?.fpm ?? []).map((arg) => arg.split('=') as [string, string]).map(([from, to]) => [to, from]));
    expect(mappings['/usr/share/mime/packages/sourcebench.xml']).toBe('build/linux/sourcebench-mime.xml');
    expect(mappings['/usr/bin/sourcebench-cli']).toBe('build/linux/sourcebench-cli');
    for (const from of Object.values(mappings)) expect(fs.existsSync(path.join(repoRoot, from)), from).toBe(true);
    expect(fs.statSync(path.join(repoRoot, 'build/linux/sourcebench-cli')).mode & 0o111).toBe(0o111);
    expect(config.linux?.extraFiles).toContainEqual({ from: 'build/linux/sourcebench-cli', to: 'sourcebench-cli' });
  });
});

describe('the Windows installer (NSIS)', () => {
  it('is built, with an .ico that holds the 256 px size Windows asks for', async () => {
    expect(config.win?.target).toContain('nsis');
    const icons = await resolveIcon(config.win?.icon, 'ico');
    expect(icons).toHaveLength(1);
    expect(icons[0]!.size).toBe(256);
  });
});

describe('the macOS disk image (dmg)', () => {
  it('is built, in an App Store category, with an .icns icon', async () => {
    expect(config.mac?.target).toContain('dmg');
    expect(config.mac?.category).toMatch(/^public\.app-category\.[a-z-]+$/);
    const icons = await resolveIcon(config.mac?.icon, 'icns');
    expect(icons).toHaveLength(1);
    const icns = fs.readFileSync(icons[0]!.file);
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
