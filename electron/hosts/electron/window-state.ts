/**
 * Where the window opens: where the user left it, if that place is still on a screen (a monitor
 * may have been unplugged since), else the default size centred by the system. Pure, so it is
 * tested without Electron; main.ts hands it the saved bounds and the displays' work areas.
 */
import type { WindowBounds } from '../../app/settings';

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;

/** How much of the title bar must be on a screen for the window to count as reachable. */
const MIN_VISIBLE = 100;

export function restoredBounds(saved: WindowBounds | null, workAreas: readonly Area[]): WindowBounds | null {
  if (saved === null) return null;
  const reachable = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const titleBarOnScreen = saved.y >= area.y && saved.y < area.y + area.height - MIN_VISIBLE / 2;
    return overlapX >= MIN_VISIBLE && titleBarOnScreen;
  });
  if (!reachable) return null;
  // A window larger than the largest screen (a smaller monitor now) is brought down to fit it.
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  return { ...saved, width: Math.min(saved.width, largest.width), height: Math.min(saved.height, largest.height) };
}
