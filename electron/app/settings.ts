/**
 * What the workbench remembers outside any project: the recently opened project files, the
 * window's place on the screen and whether to check for updates. One small JSON file per user (in
 * the data folder), written whole through a temporary file and a rename, so a crash leaves the old
 * settings or the new, never half.
 * A settings file that cannot be read is set aside (renamed, not deleted) and the defaults used:
 * losing a recent list must never stop the workbench from opening.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_PROJECTS } from '../../shared/projects';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

const SettingsFile = z.object({
  /** Absolute paths, newest first. */
  recentProjects: z.array(z.string().min(1).max(4096)).max(100).default([]),
  window: WindowBounds.nullable().default(null),
  /** Quiet update checks (Help menu); they happen only in a build with an update feed. */
  checkForUpdates: z.boolean().default(true),
});
export type SettingsData = z.infer<typeof SettingsFile>;

export const SETTINGS_FILE_NAME = 'settings.json';

export class Settings {
  private data: SettingsData;
  /** Why the file on disk was not used, once (for the host to log); null if it was fine or absent. */
  readonly problem: string | null;

  constructor(readonly filePath: string) {
    const read = readSettings(filePath);
    this.data = read.data;
    this.problem = read.problem;
  }

  get recentProjects(): readonly string[] {
    return this.data.recentProjects;
  }

  /** Puts a project first in the recent list (once), as the File menu's Open Recent shows it. */
  rememberProject(projectPath: string): void {
    const absolute = path.resolve(projectPath);
    const rest = this.data.recentProjects.filter((entry) => entry !== absolute);
    this.update({ recentProjects: [absolute, ...rest].slice(0, MAX_RECENT_PROJECTS) });
  }

  clearRecentProjects(): void {
    this.update({ recentProjects: [] });
  }

  get windowBounds(): WindowBounds | null {
    return this.data.window;
  }

  saveWindowBounds(bounds: WindowBounds): void {
    this.update({ window: bounds });
  }

  get checkForUpdates(): boolean {
    return this.data.checkForUpdates;
  }

  setCheckForUpdates(on: boolean): void {
    this.update({ checkForUpdates: on });
  }

  private update(change: Partial<SettingsData>): void {
    this.data = { ...this.data, ...change };
    writeSettings(this.filePath, this.data);
  }
}

function readSettings(filePath: string): { data: SettingsData; problem: string | null } {
  const defaults = SettingsFile.parse({});
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: defaults, problem: null };
    return { data: defaults, problem: `The settings file ${filePath} could not be read (${(error as Error).message}); the defaults are used.` };
  }
  let parsed: ReturnType<typeof SettingsFile.safeParse>;
  try {
    parsed = SettingsFile.safeParse(JSON.parse(text));
  } catch {
    parsed = SettingsFile.safeParse(undefined);
  }
  if (parsed.success) return { data: parsed.data, problem: null };
  const aside = `${filePath}.unreadable-${Date.now()}`;
  try {
    fs.renameSync(filePath, aside);
  } catch {
    // Left where it is: the next write replaces it, which is no worse than the defaults now.
  }
  return { data: defaults, problem: `The settings file ${filePath} was not valid and was set aside as ${aside}; the defaults are used.` };
}

function writeSettings(filePath: string, data: SettingsData): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, filePath);
}
