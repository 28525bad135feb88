/**
 * How the workbench of the open project lets the root switch away from it: its pending layout is
 * saved to the project it is leaving before the host opens another, and nothing is saved after,
 * so the next project never receives the last one's layout.
 */
import type { ProjectState } from '../../../shared/projects';

export interface ProjectExit {
  /** Saves what is pending and stops saving; resolves once the project file has it. */
  readonly leave: () => Promise<void>;
  /** The switch failed or did not happen (the same file again): the workbench saves as before. */
  readonly stay: () => void;
  /** Saves what is pending and goes on saving (before a copy, so the copy has the layout shown). */
  readonly flush: () => Promise<void>;
}

/**
 * Leaves the open project (if there is one), then asks the host for the switch. A refused switch
 * (a missing file, not a project file, an import still running) rejects with the server's message
 * and leaves the open project open and saving.
 */
export async function switchProject(
  exit: ProjectExit | null,
  openPath: string | null,
  change: () => Promise<ProjectState>,
): Promise<ProjectState> {
  await exit?.leave();
  let next: ProjectState;
  try {
    next = await change();
  } catch (error) {
    exit?.stay();
    throw error;
  }
  // Opening the file already open switches nothing: the same workbench stays, and must save again.
  if (openPath !== null && next.open?.path === openPath) exit?.stay();
  return next;
}
