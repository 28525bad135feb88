/**
 * Project files as the user handles them: which one is open, the recently opened ones, and the
 * methods that create, open, copy and close them. Part of the API table (shared/api.ts); declared
 * here because every host serves them and the project picker and the File menu both use them.
 */
import { z } from 'zod';

/** A project is one SQLite file named NAME.sourcebench (its application_id tells it apart). */
export const PROJECT_EXTENSION = '.sourcebench';

/** Recent projects kept in the File menu and the picker, newest first. */
export const MAX_RECENT_PROJECTS = 10;

/**
 * A path to a project file as the user gives it: absolute, or a bare name, which means a file of
 * that name in the default data folder. Bounded so a pasted text is refused, not looked for.
 */
const ProjectPathInput = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(4096)
  .refine((value) => !value.includes('\0'), 'must not contain a NUL character');

export const ProjectFile = z.object({
  path: z.string(),
  /** The file name without `.sourcebench`, as the title bar and the menus show it. */
  name: z.string(),
});
export type ProjectFile = z.infer<typeof ProjectFile>;

export const RecentProject = ProjectFile.extend({
  /** Whether the file is still there: a moved or deleted one is shown, greyed, until cleared. */
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const ProjectState = z.object({
  /** The project the workbench shows, or null after Close Project (the picker is shown). */
  open: ProjectFile.nullable(),
  recent: z.array(RecentProject),
  /** Where new projects go unless the user picks another folder; the picker lists its projects. */
  dataDirectory: z.string(),
  inDataDirectory: z.array(ProjectFile),
  /** Whether this host can show the system's file dialogs (Electron) for `chooseProjectFile`. */
  canChooseFiles: z.boolean(),
  /** Whether this host can switch projects at all (the command line works on one file). */
  canSwitch: z.boolean(),
});
export type ProjectState = z.infer<typeof ProjectState>;

export const ChoosePurpose = z.enum(['open', 'new', 'copy']);
export type ChoosePurpose = z.infer<typeof ChoosePurpose>;

export const projectApi = {
  getProjectState: {
    summary: 'The open project file (or none), the recently opened ones and the projects in the default data folder.',
    input: z.object({}).strict(),
    output: ProjectState,
  },
  openProject: {
    summary: 'Opens a .sourcebench project file (absolute path, or a name in the data folder) in place of the open one.',
    input: z.object({ path: ProjectPathInput }).strict(),
    output: ProjectState,
  },
  newProject: {
    summary: 'Creates a new project file (refused if it exists) and opens it, with or without the bundled accounts.',
    input: z.object({ path: ProjectPathInput, withCorpus: z.boolean().default(false) }).strict(),
    output: ProjectState,
  },
  saveProjectCopy: {
    summary: "Writes a consistent copy of the open project (SQLite's online backup) to a new .sourcebench file; the open project stays open.",
    input: z.object({ path: ProjectPathInput, overwrite: z.boolean().default(false) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  closeProject: {
    summary: 'Closes the open project; the workbench shows the project picker.',
    input: z.object({}).strict(),
    output: ProjectState,
  },
  clearRecentProjects: {
    summary: 'Empties the list of recently opened projects (the files stay).',
    input: z.object({}).strict(),
    output: ProjectState,
  },
  chooseProjectFile: {
    summary: "Asks the user for a project file with the system's file dialog (desktop app only); null if cancelled.",
    input: z.object({ purpose: ChoosePurpose }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;

/** The name a project goes by: its file name without the extension. */
export function projectName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return base.toLowerCase().endsWith(PROJECT_EXTENSION) ? base.slice(0, -PROJECT_EXTENSION.length) : base;
}
