/**
 * The project file a command line names, whoever started the program: `npm start -- FILE`, a
 * double-click (the system passes the file's path), a second launch whose arguments the running
 * window receives, or `--project FILE`. Electron and Chromium put switches of their own among the
 * arguments (and the app's folder, when not packaged), so only a `.sourcebench` path or an explicit
 * `--project` counts; a relative path is taken from the folder the user was in.
 */
import path from 'node:path';
import { PROJECT_EXTENSION } from '../../shared/projects';

export function projectArgument(args: readonly string[], cwd: string): string | null {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--project' && index + 1 < args.length) return path.resolve(cwd, args[index + 1]!);
    if (arg.startsWith('--project=')) return path.resolve(cwd, arg.slice('--project='.length));
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith(PROJECT_EXTENSION)) return path.resolve(cwd, arg);
  }
  return null;
}

/** The folder `npm start` was typed in (npm runs scripts from the package's root). */
export function invocationDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : process.cwd();
}
