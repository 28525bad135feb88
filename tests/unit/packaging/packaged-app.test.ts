/**
 * The Linux app as electron-builder itself packs it from build/electron-builder.yml, without
 * downloading anything: Electron is replaced by a stand-in folder (electronDist), native modules
 * are not rebuilt, and the .deb and AppImage targets stop where they would run their tools,
 * handing over what they computed (electron-builder's effectiveOptionComputed hook). The app
 * folder it leaves is then read: the archive's file list, the corpus, the CLI command.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builderConfig, ensureDist, ensureIcons, packageJson } from '../../support/packaging';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';
import { appAdapter, appImageUpdater, recordingDialogs, serveFeed } from '../../support/update-feed';
import { UpdateChecks } from '../../../electron/hosts/electron/updates/update-checks';
import { updateFeed } from '../../../electron/hosts/electron/updates/update-feed';

/** Electron's binary, standing in: it prints how it was run, as the CLI command runs it. */
const FAKE_ELECTRON = `#!/bin/sh
echo "ELECTRON_RUN_AS_NODE=$ELECTRON_RUN_AS_NODE"
for arg in "$@"; do echo "$arg"; done
`;

let dir: string;
let cleanup: () => void;
let appDir: string;
/** Every path in resources/app.asar, from its root, with `/`. */
let archived: Set<string>;
let debArgs: string[];
let debDesktopEntry: string;
let appImageDesktop: string;
let packSeconds: number;

function filesUnder(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * npm cannot read a node_modules that is a link to another checkout's (as in a git worktree sharing
 * one install): it lists most packages as missing, so electron-builder would collect, or with
 * allowMissingDependencies: false refuse, an incomplete tree. Such a checkout still packs, with
 * that option relaxed, for every check but the dependencies' completeness.
 */
const nodeModulesIsLink = fs.lstatSync(path.join(repoRoot, 'node_modules')).isSymbolicLink();

/** The stand-in for Electron's binary and files that electron-builder copies into the app. */
function standInElectron(): { electronDist: string; electronVersion: string } {
  const electronDist = path.join(dir, 'electron-dist');
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  if (!fs.existsSync(electronDist)) {
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), FAKE_ELECTRON, { mode: 0o755 });
    fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in\n');
    fs.writeFileSync(path.join(electronDist, 'version'), electronVersion);
  }
  return { electronDist, electronVersion };
}

/**
 * Packs the Linux app from build/electron-builder.yml (with `change` on top, as `-c.` options on
 * the command line would be) into `output`; returns the unpacked app folder and what the .deb and
 * AppImage targets computed before they would have run their tools.
 */
async function packLinux(output: string, change: Record<string, unknown> = {}): Promise<{ appDir: string; computed: unknown[] }> {
  const { Arch, build, Platform } = await import('electron-builder');
  const config = builderConfig();
  const computed: unknown[] = [];
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget(['deb', 'AppImage'], process.arch === 'arm64' ? Arch.arm64 : Arch.x64),
    config: {
      ...(config as object),
      ...standInElectron(),
      npmRebuild: false,
      ...(nodeModulesIsLink ? { allowMissingDependencies: true } : {}),
      directories: { ...(config.directories as object), output },
      ...change,
    },
    effectiveOptionComputed: async (options: unknown) => {
      // The .deb hands over its fpm arguments and its desktop entry's temporary file, gone after the build.
      computed.push(Array.isArray(options) ? [options[0], fs.readFileSync(options[1] as string, 'utf8')] : options);
      return true;
    },
  });
  return { appDir: path.join(output, process.arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked'), computed };
}

beforeAll(async () => {
  await ensureDist();
  await ensureIcons();
  ({ dir, cleanup } = tempDir('sourcebench-pack-'));
  const started = Date.now();
  const packed = await packLinux(path.join(dir, 'release'));
  packSeconds = (Date.now() - started) / 1000;
  appDir = packed.appDir;
  archived = new Set(listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.split(path.sep).join('/').replace(/^\//, '')));
  const deb = packed.computed.find((entry): entry is [string[], string] => Array.isArray(entry));
  const appImage = packed.computed.find((entry): entry is { desktop: string } => !Array.isArray(entry) && typeof entry === 'object' && entry !== null && 'desktop' in entry);
  [debArgs, debDesktopEntry] = deb!;
  appImageDesktop = appImage!.desktop;
}, 180_000);
afterAll(() => cleanup?.());

describe('the packed app archive (resources/app.asar)', () => {
  it(`holds the built main process, preload, page, CLI and package.json (packed in the time this line reports)`, () => {
    console.log(`electron-builder packed the Linux app in ${packSeconds.toFixed(1)} s`);
    expect(archived).toContain('package.json');
    expect(archived).toContain('dist/electron/main.mjs');
    expect(archived).toContain('dist/electron/preload.cjs');
    expect(archived).toContain('dist/cli/sourcebench.mjs');
    for (const folder of ['dist/renderer', 'dist/cli', 'dist/electron']) {
      const built = filesUnder(path.join(repoRoot, folder))
        .filter((file) => !file.endsWith('.map') && file !== 'inputs.json' && !file.endsWith('.tmp'))
        .map((file) => `${folder}/${file}`);
      expect(built.length).toBeGreaterThan(1);
      expect(built.filter((file) => !archived.has(file)), `${folder} files missing from the archive`).toEqual([]);
    }
  });

  it('holds the production dependencies, with better-sqlite3 unpacked to a real file that can be loaded', () => {
    const { dependencies } = packageJson();
    for (const name of Object.keys(dependencies).filter((dependency) => dependency !== 'tsx')) {
      expect(archived, name).toContain(`node_modules/${name}/package.json`);
    }
    const native = [...archived].filter((file) => file.startsWith('node_modules/better-sqlite3/') && file.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    for (const file of native) expect(fs.existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', file)), file).toBe(true);
  });

  it.skipIf(nodeModulesIsLink)(
    `holds every package a packed package requires, where Node's resolution finds it${nodeModulesIsLink ? ' (skipped: node_modules is a link, which npm cannot list; run in a checkout with its own npm install)' : ''}`,
    () => {
      const asar = path.join(appDir, 'resources', 'app.asar');
      const missing: string[] = [];
      for (const manifest of [...archived].filter((file) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(file))) {
        const packageDir = path.posix.dirname(manifest);
        const { dependencies = {} } = JSON.parse(extractFile(asar, manifest).toString('utf8')) as { dependencies?: Record<string, string> };
        for (const dependency of Object.keys(dependencies)) {
          const found = packageDir.split('/').some((_part, index, parts) => {
            const base = parts.slice(0, parts.length - index).join('/');
            return archived.has(`${base}/node_modules/${dependency}/package.json`);
          }) || archived.has(`node_modules/${dependency}/package.json`);
          if (!found) missing.push(`${dependency} (required by ${packageDir})`);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it('holds no sources, tests, docs, source maps, build caches or development tools', () => {
    const files = [...archived];
    const outsideModules = files.filter((file) => !file.startsWith('node_modules/'));
    expect(outsideModules.filter((file) => /^(electron|renderer|shared|build|tests|docs|corpus|bin|\.cache|\.ci)\//.test(file))).toEqual([]);
    expect(outsideModules.filter((file) => /\.(ts|tsx)$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files).not.toContain('dist/cli/inputs.json');
    for (const tool of ['tsx', 'esbuild', '@esbuild', 'electron', 'electron-builder', 'vite', 'vitest', 'typescript', '@playwright']) {
      expect(files.filter((file) => file.startsWith(`node_modules/${tool}/`)), tool).toEqual([]);
    }
  });

  it("doesn't need tsx: no bundle imports it", () => {
    for (const file of [...archived].filter((entry) => /^dist\/.*\.(mjs|cjs|js)$/.test(entry))) {
      expect(fs.readFileSync(path.join(repoRoot, file), 'utf8'), file).not.toMatch(/from\s*["']tsx|import\(\s*["']tsx|require\(\s*["']tsx/);
    }
  });
});

describe('the corpus', () => {
  it('lies in resources/corpus, outside the archive, byte for byte as in corpus/', () => {
    const packed = path.join(appDir, 'resources', 'corpus');
    expect(filesUnder(packed)).toEqual(filesUnder(corpusDir));
    for (const file of filesUnder(corpusDir)) expect(sha256(path.join(packed, file)), file).toBe(sha256(path.join(corpusDir, file)));
    expect([...archived].filter((file) => file.startsWith('corpus/'))).toEqual([]);
  });
});

describe('the sourcebench-cli command', () => {
  const runsTheCli = (stdout: string, app: string) =>
    expect(stdout.trim().split('\n')).toEqual(['ELECTRON_RUN_AS_NODE=1', path.join(app, 'resources', 'app.asar', 'dist', 'cli', 'sourcebench.mjs'), 'list', '--json']);

  it("runs the CLI's bundle in the archive with the app's binary as plain Node, from the app folder", () => {
    const run = spawnSync(path.join(appDir, 'sourcebench-cli'), ['list', '--json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    runsTheCli(run.stdout, fs.realpathSync(appDir));
  });

  it('finds the app from /usr/bin too, through the sourcebench link the .deb makes there', () => {
    const usrBin = path.join(dir, 'usr-bin');
    fs.mkdirSync(usrBin);
    fs.copyFileSync(path.join(repoRoot, 'build', 'linux', 'sourcebench-cli'), path.join(usrBin, 'sourcebench-cli'));
    fs.chmodSync(path.join(usrBin, 'sourcebench-cli'), 0o755);
    fs.symlinkSync(path.join(appDir, 'sourcebench'), path.join(usrBin, 'sourcebench'));
    const run = spawnSync(path.join(usrBin, 'sourcebench-cli'), ['list', '--json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    runsTheCli(run.stdout, fs.realpathSync(appDir));
  });
});

describe('the .deb, as electron-builder would hand it to fpm', () => {
  const option = (name: string) => debArgs[debArgs.indexOf(name) + 1];
  const installed = (destination: string) => debArgs.filter((arg) => arg.endsWith(`=${destination}`)).map((arg) => arg.slice(0, -destination.length - 1));

  it("has the author as maintainer, the homepage and package.json's description and version", () => {
    const pkg = packageJson();
    const author = pkg.author as { name: string; email: string };
    expect(option('--maintainer')).toBe(`${author.name} <${author.email}>`);
    expect(option('--url')).toBe(pkg.homepage);
    expect(option('--description')).toContain(pkg.description);
    expect(option('--version')).toBe(pkg.version);
  });

  it('installs the icon in every size, our project file type (the only one) and the CLI command', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(installed(`/usr/share/icons/hicolor/${size}x${size}/apps/sourcebench.png`)).toHaveLength(1);
    expect(installed('/usr/share/mime/packages/sourcebench.xml')).toEqual(['build/linux/sourcebench-mime.xml']);
    expect(debArgs.filter((arg) => arg.includes('=/usr/share/mime/'))).toHaveLength(1);
    expect(installed('/usr/bin/sourcebench-cli')).toEqual(['build/linux/sourcebench-cli']);
  });

  it('has a desktop entry that starts the app and opens project files', () => {
    const entry = debDesktopEntry;
    expect(entry).toMatch(/^Exec=\/opt\/Sourcebench\/sourcebench %U$/m);
    expect(entry).toMatch(/^Icon=sourcebench$/m);
    expect(entry).toMatch(/^MimeType=application\/x-sourcebench;$/m);
    expect(appImageDesktop).toMatch(/^MimeType=application\/x-sourcebench;$/m);
  });
});

describe('auto-update', () => {
  /** What the updater decides from the packed app's resources, run as an AppImage. */
  const feedOf = (app: string) =>
    updateFeed({ isPackaged: true, platform: 'linux', resourcesPath: path.join(app, 'resources'), appImage: path.join(dir, 'Sourcebench.AppImage'), exists: fs.existsSync });

  it('is off in the app as configured (publish: null): no feed in its resources, so it never checks', () => {
    expect(fs.existsSync(path.join(appDir, 'resources', 'app-update.yml'))).toBe(false);
    expect(feedOf(appDir)).toMatchObject({ configured: false, reason: expect.stringContaining('built without an update feed') });
  });

  it('is on in the app packed with a feed named on the command line, and its updater finds the newer version there', async () => {
    const { version } = packageJson();
    const newer = `${Number(version.split('.')[0]) + 1}.0.0`;
    const server = await serveFeed(newer);
    try {
      // As `npm run dist -- -c.publish.provider=generic -c.publish.url=…` would.
      const { appDir: fedApp } = await packLinux(path.join(dir, 'release-with-feed'), { publish: { provider: 'generic', url: server.url } });
      const feed = feedOf(fedApp);
      expect(feed).toEqual({ configured: true, configPath: path.join(fedApp, 'resources', 'app-update.yml') });
      expect(fs.readFileSync(path.join(fedApp, 'resources', 'app-update.yml'), 'utf8')).toContain(server.url);

      const appImage = path.join(dir, 'Sourcebench.AppImage');
      fs.writeFileSync(appImage, '#!/bin/sh\n', { mode: 0o755 });
      const dialogs = recordingDialogs();
      const checks = new UpdateChecks({
        feed,
        currentVersion: version,
        automatic: () => true,
        loadUpdater: appImageUpdater(appAdapter(path.join(dir, 'fed-user'), path.join(fedApp, 'resources', 'app-update.yml'), version), appImage),
        dialogs,
        log: () => {},
      });
      await checks.checkNow();
      expect(dialogs.said[0]).toBe(`downloading ${newer}`);
      await vi.waitFor(() => expect(dialogs.said).toEqual([`downloading ${newer}`, `ready ${newer}`]), { timeout: 10_000 });
      expect(server.requests).toEqual(['/latest-linux.yml', `/Sourcebench-${newer}.AppImage`]);
    } finally {
      delete process.env.APPIMAGE;
      await server.close();
    }
  }, 180_000);
});
