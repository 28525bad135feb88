/**
 * An update feed on this machine and electron-updater's own updater pointed at it, for the tests
 * of auto-update: what a build with `publish` configured would meet on the network.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NodeHttpExecutor } from 'builder-util';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import { AppImageUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { UpdateDialogs } from '../../electron/hosts/electron/updates/update-checks';

/** An update feed as electron-builder publishes it (generic provider), on 127.0.0.1; it counts requests. */
export async function serveFeed(version: string, { tampered = false } = {}): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const published = Buffer.from(`#!/bin/sh\necho "Sourcebench ${version}"\n`);
  const sha512 = createHash('sha512').update(published).digest('base64');
  // A file changed after publication (on the server or on the way): same size, other bytes.
  const appImage = tampered ? Buffer.from(published.toString().replace('Sourcebench', 'Sourcebeach')) : published;
  const file = `Sourcebench-${version}.AppImage`;
  const latest = [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${appImage.length}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url!.replace(/\?.*/, ''));
    if (request.url!.startsWith('/latest-linux.yml')) response.end(latest);
    else if (request.url === `/${file}`) response.end(appImage);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the user was told or asked, in order; Restart Now is answered with `restart`. */
export function recordingDialogs(restart = false): UpdateDialogs & { said: string[] } {
  const said: string[] = [];
  return {
    said,
    notAvailable: async (reason) => void said.push(`not available: ${reason}`),
    upToDate: async (version) => void said.push(`up to date: ${version}`),
    downloading: async (version) => void said.push(`downloading ${version}`),
    readyToInstall: async (version) => {
      said.push(`ready ${version}`);
      return restart;
    },
    failed: async (message) => void said.push(`failed: ${message}`),
  };
}

/**
 * Node's HTTP where the app uses Electron's (electron.net, unavailable here), with the download
 * method electron-updater's Electron executor adds, written as it is there.
 */
class NodeUpdaterHttp extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null }, 0);
    });
  }
}

/**
 * electron-updater's updater for an AppImage, with Node's HTTP in place of Electron's; it runs as
 * the AppImage `appImage` (the AppImage runtime's $APPIMAGE) and is added to `made`.
 */
export function appImageUpdater(adapter: AppAdapter, appImage: string, made: AppUpdater[] = []): () => Promise<AppUpdater> {
  return async () => {
    process.env.APPIMAGE = appImage;
    const updater = new AppImageUpdater(undefined, adapter);
    Object.assign(updater, { httpExecutor: new NodeUpdaterHttp() });
    updater.logger = null;
    made.push(updater);
    return updater;
  };
}

/** The app as electron-updater sees it: packaged, at `version`, with its update configuration at `appUpdateConfigPath`. */
export function appAdapter(root: string, appUpdateConfigPath: string, version: string): AppAdapter {
  return {
    version,
    name: 'Sourcebench',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: path.join(root, 'user-data'),
    baseCachePath: path.join(root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}
