/**
 * Which project file a host has open, and the switches between them: New, Open, Open Recent,
 * Save a Copy, Close. Every host serves the API table through a session; the project's own
 * methods go to the open project's handlers, and fail with `no_project` while none is open.
 *
 * A switch opens the new file before it closes the old one, so a file that cannot be opened
 * leaves the user where they were; and it waits for no job: an import or export still running
 * on the open project refuses the switch instead of losing its work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiMethods, isSessionMethod, type ApiHandlers, type ProjectMethod } from '../../shared/api';
import type { HostKind } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { PROJECT_EXTENSION, projectName, type ChoosePurpose, type ProjectFile, type ProjectState } from '../../shared/projects';
import { createProjectHandlers, type HandlerOptions, type ProjectApi, type ProjectHandlers } from './api-handlers';
import { Project } from './project';
import type { Settings } from './settings';

/** The system's file dialog, where the host has one (Electron); resolves to null if cancelled. */
export type ChooseProjectFile = (purpose: ChoosePurpose, suggestedDirectory: string) => Promise<string | null>;

export interface SessionOptions {
  readonly host: HostKind;
  /** The bundled corpus, seeded into new projects that ask for it. */
  readonly corpusDir: string;
  /** Where a bare project name is created and looked for; the picker lists its projects. */
  readonly dataDirectory: string;
  /** The recent list lives here; null remembers nothing (the command line, tests). */
  readonly settings: Settings | null;
  /** False for a host that works on the one file it was started with (the command line). */
  readonly canSwitch: boolean;
  readonly chooseFile?: ChooseProjectFile;
  readonly handlerOptions?: HandlerOptions;
  /** Told after every switch (the Electron host retitles the window and rebuilds Open Recent). */
  readonly onSwitch?: (open: ProjectFile | null) => void;
}

interface OpenProject {
  readonly project: Project;
  readonly api: ProjectApi;
}

export class ProjectSession {
  private current: OpenProject | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** Opens the file the host was started with, creating it (with the bundled accounts) if absent. */
  start(filePath: string): Project {
    const project = Project.open(filePath, { corpusDir: this.options.corpusDir });
    this.become(project);
    return project;
  }

  /** Serves a project opened elsewhere (a host on one file, a test) as if the session had opened it. */
  adopt(project: Project): this {
    this.become(project);
    return this;
  }

  get project(): Project | null {
    return this.current?.project ?? null;
  }

  /** The whole API table: the session's own methods, and the open project's. */
  handlers(): ApiHandlers {
    const toOpenProject = (method: ProjectMethod) => (input: never) => {
      if (this.current === null) {
        throw new ApiError('no_project', 'No project is open: open or create one first (File › Open Project… or New Project…).');
      }
      return (this.current.api.handlers[method] as (input: never) => unknown)(input);
    };
    const projectMethods = Object.fromEntries(
      apiMethods.filter((method): method is ProjectMethod => !isSessionMethod(method)).map((method) => [method, toOpenProject(method)]),
    ) as unknown as ProjectHandlers;
    return {
      ...projectMethods,
      getProjectState: () => this.state(),
      openProject: ({ path: given }) => {
        this.open(given);
        return this.state();
      },
      newProject: ({ path: given, withCorpus }) => {
        this.create(given, withCorpus);
        return this.state();
      },
      saveProjectCopy: ({ path: given, overwrite }) => this.saveCopy(given, overwrite),
      closeProject: () => {
        this.close();
        return this.state();
      },
      clearRecentProjects: () => {
        this.options.settings?.clearRecentProjects();
        return this.state();
      },
      chooseProjectFile: async ({ purpose }) => {
        if (!this.options.chooseFile) {
          throw new ApiError('invalid_input', 'This host has no file dialog: give the path of the project file instead.');
        }
        return { path: await this.options.chooseFile(purpose, this.suggestedDirectory()) };
      },
    };
  }

  state(): ProjectState {
    const open = this.current ? fileOf(this.current.project.path) : null;
    const recent = (this.options.settings?.recentProjects ?? []).map((entry) => ({ ...fileOf(entry), exists: fs.existsSync(entry) }));
    return {
      open,
      recent,
      dataDirectory: this.options.dataDirectory,
      inDataDirectory: projectsIn(this.options.dataDirectory),
      canChooseFiles: this.options.chooseFile !== undefined,
      canSwitch: this.options.canSwitch,
    };
  }

  /** Opens an existing project file in place of the open one. */
  open(given: string): void {
    const filePath = this.resolve(given);
    if (this.current && samePath(this.current.project.path, filePath)) return;
    this.mustSwitch('open another project');
    if (!fs.existsSync(filePath)) throw new ApiError('not_found', `There is no project file at ${filePath}.`, 'path');
    if (fs.statSync(filePath).isDirectory()) throw new ApiError('invalid_input', `${filePath} is a folder, not a project file.`, 'path');
    this.switchTo(() => Project.open(filePath, { corpusDir: this.options.corpusDir }));
  }

  /** Creates a new project file (never over an existing one) and opens it. */
  create(given: string, withCorpus: boolean): void {
    const filePath = this.resolve(given);
    this.mustSwitch('create a new project');
    if (fs.existsSync(filePath)) {
      throw new ApiError('conflict', `${filePath} already exists: open it, or choose another name for the new project.`, 'path');
    }
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    this.switchTo(() => Project.open(filePath, { corpusDir: this.options.corpusDir, seedCorpus: withCorpus }));
  }

  close(): void {
    if (this.current === null) return;
    this.mustSwitch('close the project');
    this.current.project.close();
    this.current = null;
    this.options.onSwitch?.(null);
  }

  /**
   * A copy of the open project under a new name, through SQLite's online backup (consistent while
   * open). The open project stays open: the copy is for sending or keeping, as "Save a Copy" is.
   */
  async saveCopy(given: string, overwrite: boolean): Promise<{ path: string; bytes: number }> {
    const open = this.current;
    if (open === null) throw new ApiError('no_project', 'No project is open: there is nothing to copy.');
    return open.project.backupTo(this.resolve(given), new Date(), { replace: overwrite, makeFolder: true });
  }

  /** Closes the open project (the host is stopping). */
  dispose(): void {
    this.current?.project.close();
    this.current = null;
  }

  private switchTo(openNext: () => Project): void {
    let next: Project;
    try {
      next = openNext();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('project_error', `${(error as Error).message} The open project stays open.`, 'path');
    }
    this.current?.project.close();
    this.become(next);
  }

  private become(project: Project): void {
    this.current = { project, api: createProjectHandlers(project, this.options.host, this.options.handlerOptions) };
    this.options.settings?.rememberProject(project.path);
    this.options.onSwitch?.(fileOf(project.path));
  }

  private mustSwitch(action: string): void {
    if (!this.options.canSwitch) {
      throw new ApiError('invalid_input', `The ${this.options.host} host works on the one project it was started with; it cannot ${action}.`);
    }
    const running = this.current?.api.runningJobs() ?? 0;
    if (running > 0) {
      throw new ApiError('conflict', `${running === 1 ? 'An import or export is' : `${running} imports or exports are`} still running on this project; wait until it is done, then ${action}.`);
    }
  }

  /** A bare name means a file in the data folder; `.sourcebench` is added where it is missing. */
  private resolve(given: string): string {
    const trimmed = given.trim();
    const withExtension = path.extname(trimmed) === '' ? `${trimmed}${PROJECT_EXTENSION}` : trimmed;
    const bare = !withExtension.includes('/') && !withExtension.includes('\\');
    if (bare) return path.join(this.options.dataDirectory, withExtension);
    if (!path.isAbsolute(withExtension)) {
      throw new ApiError('invalid_input', 'must be an absolute path or a bare file name (which goes in the data folder)', 'path');
    }
    return path.normalize(withExtension);
  }

  private suggestedDirectory(): string {
    return this.current ? path.dirname(this.current.project.path) : this.options.dataDirectory;
  }
}

function fileOf(filePath: string): ProjectFile {
  return { path: filePath, name: projectName(filePath) };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** The project files directly in a folder, by name (a missing folder has none). */
function projectsIn(directory: string): ProjectFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(PROJECT_EXTENSION))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => fileOf(path.join(directory, name)));
}

/**
 * The API table over one project that is already open, for a host that never switches (the
 * command line) and for tests: the session's methods report the file and refuse to switch.
 */
export function createHandlers(project: Project, host: HostKind, handlerOptions: HandlerOptions = {}): ApiHandlers {
  return new ProjectSession({
    host,
    corpusDir: '',
    dataDirectory: path.dirname(project.path),
    settings: null,
    canSwitch: false,
    handlerOptions,
  })
    .adopt(project)
    .handlers();
}
