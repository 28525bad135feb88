/**
 * When the desktop app asks its update feed for a new version, and what the user is told. A copy
 * without a feed (update-feed.ts) never loads electron-updater at all, so nothing can check by
 * accident. With a feed: a quiet check at start and once a day (unless the user turned automatic
 * checks off in the Help menu), a new version downloads in the background, and the user chooses
 * between restarting now and having it installed when they quit. A check the user asked for
 * reports its outcome, failures included; a quiet one only logs a failure (an offline laptop is
 * not news). Nothing here touches Electron, so the whole flow is tested with the real updater
 * against a feed on the test's own machine.
 */
import type { AppUpdater, UpdateCheckResult } from 'electron-updater';
import type { UpdateFeed } from './update-feed';

/** What the user is told, and asked; the Electron host shows these as message boxes. */
export interface UpdateDialogs {
  /** Asked for by the user in a copy that does not update itself: why not. */
  notAvailable(reason: string): Promise<void>;
  upToDate(currentVersion: string): Promise<void>;
  /** A newer version was found on a check the user asked for; it is downloading. */
  downloading(version: string): Promise<void>;
  /** The new version is on disk: `true` restarts into it now, `false` installs it on quit. */
  readyToInstall(version: string): Promise<boolean>;
  failed(message: string): Promise<void>;
}

export interface UpdateChecksOptions {
  readonly feed: UpdateFeed;
  readonly currentVersion: string;
  /** The user's choice (settings), read at each quiet check so that a change applies at once. */
  readonly automatic: () => boolean;
  /** electron-updater's updater for this platform; called only when a feed is configured. */
  readonly loadUpdater: () => Promise<AppUpdater>;
  readonly dialogs: UpdateDialogs;
  readonly log: (message: string) => void;
}

/** How often a long-running window looks again, after the check at start. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export class UpdateChecks {
  private updater: Promise<AppUpdater> | null = null;
  /** The version downloaded and waiting to be installed, if any: a later check offers it again. */
  private downloaded: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: UpdateChecksOptions) {}

  get configured(): boolean {
    return this.options.feed.configured;
  }

  /** Starts the quiet checks: one now, then once a day. A copy without a feed does nothing at all. */
  start(): Promise<void> {
    if (!this.configured) return Promise.resolve();
    this.timer ??= setInterval(() => void this.checkQuietly(), CHECK_INTERVAL_MS);
    this.timer.unref?.();
    return this.checkQuietly();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The quiet check, skipped when the user turned automatic checks off. */
  async checkQuietly(): Promise<void> {
    if (!this.configured || !this.options.automatic()) return;
    try {
      await this.check(false);
    } catch (error) {
      this.options.log(`Sourcebench could not check for updates: ${messageOf(error)}`);
    }
  }

  /** Help › Check for Updates…: always answers, whatever the outcome. */
  async checkNow(): Promise<void> {
    const { feed, dialogs, currentVersion } = this.options;
    if (!feed.configured) return dialogs.notAvailable(feed.reason);
    if (this.downloaded) return this.offerInstall(this.downloaded);
    let result: UpdateCheckResult | null;
    try {
      result = await this.check(true);
    } catch (error) {
      return dialogs.failed(`Sourcebench could not check for updates: ${messageOf(error)}`);
    }
    if (result?.isUpdateAvailable) {
      // The download may have finished while the check's answer was on its way.
      if (this.downloaded !== result.updateInfo.version) await dialogs.downloading(result.updateInfo.version);
    } else {
      await dialogs.upToDate(currentVersion);
    }
  }

  private async check(asked: boolean): Promise<UpdateCheckResult | null> {
    const updater = await this.loadedUpdater();
    const result = await updater.checkForUpdates();
    // electron-updater also emits 'error' for a failed download; the promise must not go unhandled.
    result?.downloadPromise?.catch((error: unknown) => {
      const message = `Sourcebench could not download the update: ${messageOf(error)}`;
      if (asked) void this.options.dialogs.failed(message);
      else this.options.log(message);
    });
    return result;
  }

  private loadedUpdater(): Promise<AppUpdater> {
    this.updater ??= this.options.loadUpdater().then((updater) => {
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.on('update-downloaded', (info) => {
        this.downloaded = info.version;
        void this.offerInstall(info.version);
      });
      // Reported where it matters (checkNow, the download's promise); without a listener
      // electron-updater's emitter would throw it.
      updater.on('error', (error) => this.options.log(`Sourcebench updater: ${messageOf(error)}`));
      return updater;
    });
    // A failed load (a broken install) is tried again at the next check, not remembered.
    this.updater.catch(() => {
      this.updater = null;
    });
    return this.updater;
  }

  private async offerInstall(version: string): Promise<void> {
    const restart = await this.options.dialogs.readyToInstall(version);
    if (restart) (await this.loadedUpdater()).quitAndInstall();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
