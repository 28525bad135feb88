/**
 * Whether this copy of the app can update itself, and from where. An update feed is configured at
 * build time: electron-builder writes resources/app-update.yml only when build/electron-builder.yml
 * (or the command line) names a `publish` provider, and ours names none. So a build without that
 * file never checks anything, anywhere: no request leaves the machine. Even with a feed, only the
 * installed forms electron-updater can replace take part: an AppImage (it runs with $APPIMAGE set),
 * a .deb (electron-builder leaves resources/package-type), the Windows installer and macOS.
 * Pure over the facts it is given, so every case is tested without Electron.
 */
import path from 'node:path';

export const UPDATE_CONFIG_FILE = 'app-update.yml';
/** electron-builder's mark of a Linux package (deb, rpm, pacman) with an update feed. */
export const PACKAGE_TYPE_FILE = 'package-type';

export interface InstallFacts {
  /** False when run from the sources (`npm start`): git and npm update that copy. */
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Electron's process.resourcesPath: where electron-builder puts app-update.yml. */
  readonly resourcesPath: string;
  /** Set by the AppImage runtime to the AppImage file, which the update replaces. */
  readonly appImage: string | undefined;
  readonly exists: (file: string) => boolean;
}

export type UpdateFeed =
  | { readonly configured: true; readonly configPath: string }
  /** Why this copy does not update itself, in words for the user who asks it to. */
  | { readonly configured: false; readonly reason: string };

export function updateFeed(facts: InstallFacts): UpdateFeed {
  if (!facts.isPackaged) {
    return { configured: false, reason: 'This copy of Sourcebench runs from its sources: update it with git pull and npm install.' };
  }
  const configPath = path.join(facts.resourcesPath, UPDATE_CONFIG_FILE);
  if (!facts.exists(configPath)) {
    return {
      configured: false,
      reason: 'This copy of Sourcebench was built without an update feed, so it never checks for updates. New versions are published where you got this one.',
    };
  }
  if (facts.platform === 'linux' && !facts.appImage && !facts.exists(path.join(facts.resourcesPath, PACKAGE_TYPE_FILE))) {
    return {
      configured: false,
      reason: 'Only the AppImage and the .deb package of Sourcebench update themselves; this copy runs from an unpacked folder.',
    };
  }
  return { configured: true, configPath };
}
