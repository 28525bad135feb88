/**
 * Auto-update is off until a feed is configured: a copy built without one (ours, publish: null)
 * never loads the updater and sends no request, and says why when the user asks. With a feed, the
 * real electron-updater (the AppImage updater, as on Linux) talks to a feed served on this machine:
 * it finds the new version, downloads and verifies it, and the user is asked to restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UpdateChecks } from '../../../electron/hosts/electron/updates/update-checks';
import { updateFeed, type InstallFacts, type UpdateFeed } from '../../../electron/hosts/electron/updates/update-feed';
import { tempDir } from '../../support/temp';
import { appAdapter, appImageUpdater, recordingDialogs, serveFeed } from '../../support/update-feed';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('sourcebench-updates-')));
afterAll(() => cleanup());

function resources(name: string, files: string[]): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(folder, file), file === 'package-type' ? 'deb' : 'provider: generic\nurl: http://127.0.0.1:9/\n');
  return folder;
}

const facts = (overrides: Partial<InstallFacts>): InstallFacts => ({
  isPackaged: true,
  platform: 'linux',
  resourcesPath: resources('none', []),
  appImage: undefined,
  exists: fs.existsSync,
  ...overrides,
});

describe('whether a copy updates itself', () => {
  it('a packaged copy built without a feed (no app-update.yml) does not, and says so', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const feed = updateFeed(facts({ platform, appImage: platform === 'linux' ? '/opt/Sourcebench.AppImage' : undefined }));
      expect(feed).toEqual({ configured: false, reason: expect.stringContaining('built without an update feed') });
    }
  });

  it('a copy run from the sources (npm start) does not, even with a feed file', () => {
    expect(updateFeed(facts({ isPackaged: false, resourcesPath: resources('fed', ['app-update.yml']) }))).toEqual({
      configured: false,
      reason: expect.stringContaining('git pull'),
    });
  });

  it('with a feed: the AppImage, the .deb, Windows and macOS do; an unpacked Linux folder does not', () => {
    const fed = resources('fed', ['app-update.yml']);
    const configPath = path.join(fed, 'app-update.yml');
    expect(updateFeed(facts({ resourcesPath: fed, appImage: '/home/h/Sourcebench.AppImage' }))).toEqual({ configured: true, configPath });
    expect(updateFeed(facts({ resourcesPath: resources('deb', ['app-update.yml', 'package-type']) }))).toMatchObject({ configured: true });
    expect(updateFeed(facts({ resourcesPath: fed, platform: 'win32' }))).toEqual({ configured: true, configPath });
    expect(updateFeed(facts({ resourcesPath: fed, platform: 'darwin' }))).toEqual({ configured: true, configPath });
    expect(updateFeed(facts({ resourcesPath: fed }))).toEqual({ configured: false, reason: expect.stringContaining('unpacked folder') });
  });
});

/** The copy as built with `publish: {provider: generic, url}`: its resources/app-update.yml, and the AppImage it runs from. */
function installedAppImage(name: string, feedUrl: string): { feed: UpdateFeed; adapter: AppAdapter; appImage: string } {
  const root = path.join(dir, name);
  const resourcesPath = path.join(root, 'resources');
  fs.mkdirSync(resourcesPath, { recursive: true });
  fs.writeFileSync(path.join(resourcesPath, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: sourcebench-updater\n`);
  const appImage = path.join(root, 'Sourcebench.AppImage');
  fs.writeFileSync(appImage, '#!/bin/sh\necho "Sourcebench 0.1.0"\n', { mode: 0o755 });
  const feed = updateFeed(facts({ resourcesPath, appImage }));
  return { feed, adapter: appAdapter(root, path.join(resourcesPath, 'app-update.yml'), '0.1.0'), appImage };
}

describe('update checks', () => {
  const servers: Array<() => Promise<void>> = [];
  const savedAppImage = process.env.APPIMAGE;
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((close) => close()));
    if (savedAppImage === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = savedAppImage;
  });

  it('a copy without a feed never loads the updater nor sends a request, and tells the user why when asked', async () => {
    const server = await serveFeed('0.2.0');
    servers.push(server.close);
    let loaded = 0;
    const dialogs = recordingDialogs();
    const checks = new UpdateChecks({
      feed: updateFeed(facts({ appImage: '/home/h/Sourcebench.AppImage' })),
      currentVersion: '0.1.0',
      automatic: () => true,
      loadUpdater: async () => {
        loaded++;
        throw new Error('the updater must not be loaded');
      },
      dialogs,
      log: (message) => dialogs.said.push(`log: ${message}`),
    });
    await checks.start();
    await checks.checkQuietly();
    await checks.checkNow();
    checks.stop();
    expect(loaded).toBe(0);
    expect(server.requests).toEqual([]);
    expect(dialogs.said).toEqual([expect.stringMatching(/^not available: .*built without an update feed/)]);
  });

  it('with a feed, the check at start downloads the new version, verified, and asks to restart; Later keeps it for the next ask', async () => {
    const server = await serveFeed('0.2.0');
    servers.push(server.close);
    const { feed, adapter, appImage } = installedAppImage('quiet', server.url);
    const made: AppUpdater[] = [];
    const dialogs = recordingDialogs(false);
    const checks = new UpdateChecks({ feed, currentVersion: '0.1.0', automatic: () => true, loadUpdater: appImageUpdater(adapter, appImage, made), dialogs, log: () => {} });
    await checks.start();
    checks.stop();
    await vi.waitFor(() => expect(dialogs.said).toEqual(['ready 0.2.0']), { timeout: 10_000 });
    expect(server.requests).toEqual(['/latest-linux.yml', '/Sourcebench-0.2.0.AppImage']);
    const pending = path.join(adapter.baseCachePath, 'sourcebench-updater', 'pending', 'Sourcebench-0.2.0.AppImage');
    expect(fs.readFileSync(pending, 'utf8')).toContain('Sourcebench 0.2.0');
    // The running AppImage is replaced only on quit or Restart Now, never on Later.
    expect(fs.readFileSync(appImage, 'utf8')).toContain('Sourcebench 0.1.0');

    await checks.checkNow();
    expect(dialogs.said).toEqual(['ready 0.2.0', 'ready 0.2.0']);
    expect(made).toHaveLength(1);
  });

  it('Restart Now hands over to the updater to install and relaunch', async () => {
    const server = await serveFeed('0.2.0');
    servers.push(server.close);
    const { feed, adapter, appImage } = installedAppImage('restart', server.url);
    const made: AppUpdater[] = [];
    const load = appImageUpdater(adapter, appImage, made);
    const installs: unknown[] = [];
    const checks = new UpdateChecks({
      feed,
      currentVersion: '0.1.0',
      automatic: () => true,
      // Installing would replace this test's process; the call is what the workbench owes.
      loadUpdater: async () => {
        const updater = await load();
        vi.spyOn(updater, 'quitAndInstall').mockImplementation((...args) => void installs.push(args));
        return updater;
      },
      dialogs: recordingDialogs(true),
      log: () => {},
    });
    await checks.start();
    checks.stop();
    await vi.waitFor(() => expect(installs).toHaveLength(1), { timeout: 10_000 });
  });

  it('with automatic checks off nothing is sent at start; Check for Updates… still asks and says a new version is downloading', async () => {
    const server = await serveFeed('0.2.0');
    servers.push(server.close);
    const { feed, adapter, appImage } = installedAppImage('manual', server.url);
    const made: AppUpdater[] = [];
    const dialogs = recordingDialogs(false);
    const checks = new UpdateChecks({ feed, currentVersion: '0.1.0', automatic: () => false, loadUpdater: appImageUpdater(adapter, appImage, made), dialogs, log: () => {} });
    await checks.start();
    checks.stop();
    expect(made).toHaveLength(0);
    expect(server.requests).toEqual([]);
    await checks.checkNow();
    expect(dialogs.said[0]).toBe('downloading 0.2.0');
    await vi.waitFor(() => expect(dialogs.said).toEqual(['downloading 0.2.0', 'ready 0.2.0']), { timeout: 10_000 });
  });

  it('a download whose checksum is not the published one is refused and reported, never offered for install', async () => {
    const server = await serveFeed('0.2.0', { tampered: true });
    servers.push(server.close);
    const { feed, adapter, appImage } = installedAppImage('tampered', server.url);
    const dialogs = recordingDialogs(true);
    const checks = new UpdateChecks({ feed, currentVersion: '0.1.0', automatic: () => true, loadUpdater: appImageUpdater(adapter, appImage, []), dialogs, log: () => {} });
    await checks.checkNow();
    await vi.waitFor(() => expect(dialogs.said).toEqual(['downloading 0.2.0', expect.stringMatching(/^failed: Sourcebench could not download the update: sha512 checksum mismatch/)]), { timeout: 10_000 });
    expect(fs.existsSync(path.join(adapter.baseCachePath, 'sourcebench-updater', 'pending', 'Sourcebench-0.2.0.AppImage'))).toBe(false);
  });

  it('says the copy is up to date when the feed has no newer version', async () => {
    const server = await serveFeed('0.1.0');
    servers.push(server.close);
    const { feed, adapter, appImage } = installedAppImage('current', server.url);
    const dialogs = recordingDialogs();
    const checks = new UpdateChecks({ feed, currentVersion: '0.1.0', automatic: () => true, loadUpdater: appImageUpdater(adapter, appImage, []), dialogs, log: () => {} });
    await checks.checkNow();
    expect(dialogs.said).toEqual(['up to date: 0.1.0']);
    expect(server.requests).toEqual(['/latest-linux.yml']);
  });

  it('an unreachable feed is only logged at start, and reported when the user asked', async () => {
    const server = await serveFeed('0.2.0');
    await server.close();
    const { feed, adapter, appImage } = installedAppImage('offline', server.url);
    const dialogs = recordingDialogs();
    const logged: string[] = [];
    const checks = new UpdateChecks({ feed, currentVersion: '0.1.0', automatic: () => true, loadUpdater: appImageUpdater(adapter, appImage, []), dialogs, log: (message) => logged.push(message) });
    await checks.checkQuietly();
    expect(dialogs.said).toEqual([]);
    expect(logged.join('\n')).toMatch(/could not check for updates: .*ECONNREFUSED/);
    await checks.checkNow();
    expect(dialogs.said).toEqual([expect.stringMatching(/^failed: Sourcebench could not check for updates: .*ECONNREFUSED/)]);
  });
});
