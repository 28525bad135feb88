/**
 * Where a path or name typed in a project form will land, worked out in the page the way the
 * session resolves it (electron/app/project-session.ts), so the form can show the file it will
 * make before anything is written. The server still decides; this only previews.
 */
import { PROJECT_EXTENSION } from '../../../shared/projects';

function isAbsolute(given: string): boolean {
  return given.startsWith('/') || given.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(given);
}

function hasExtension(given: string): boolean {
  const base = given.split(/[\\/]/).pop() ?? given;
  return base.lastIndexOf('.') > 0;
}

/**
 * The file a project path or name stands for: a bare name is a file in the data folder, and
 * `.sourcebench` is added where there is no extension. Null for what the server would refuse
 * (empty, or a relative path with folders in it).
 */
export function projectPathFor(given: string, dataDirectory: string): string | null {
  const trimmed = given.trim();
  if (trimmed === '') return null;
  const withExtension = hasExtension(trimmed) ? trimmed : `${trimmed}${PROJECT_EXTENSION}`;
  if (!/[\\/]/.test(withExtension)) {
    // The data folder's own separator, so a Windows folder gets a Windows path.
    const separator = dataDirectory.includes('\\') && !dataDirectory.includes('/') ? '\\' : '/';
    return `${dataDirectory.replace(/[\\/]+$/, '')}${separator}${withExtension}`;
  }
  return isAbsolute(withExtension) ? withExtension : null;
}

/** The name Save a Copy suggests: beside the others in the data folder, never the open file's own. */
export function copyNameOf(projectName: string): string {
  return `${projectName} copy`;
}
