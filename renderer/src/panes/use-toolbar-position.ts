/** Where the annotation toolbar stands: just below the passage it is for, measured before the frame is painted. */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ReadOnlySourceHandle } from '../prosemirror/source-handle';

export interface ToolbarPosition {
  readonly top: number;
  readonly left: number;
  /** Width of the text layer, so the toolbar can stay inside it. */
  readonly width: number;
}

/** `start` and `end` are reading-text offsets (null: no toolbar); `redrawn` lists what moves the text. */
export function useToolbarPosition(
  layer: RefObject<HTMLElement | null>,
  source: RefObject<ReadOnlySourceHandle | null>,
  start: number | null,
  end: number | null,
  redrawn: readonly unknown[],
): ToolbarPosition | null {
  const [position, setPosition] = useState<ToolbarPosition | null>(null);
  useLayoutEffect(() => {
    const frame = layer.current;
    if (start === null || end === null || !frame || !source.current) {
      setPosition(null);
      return;
    }
    const boxes = source.current.rangeBoxes(start, end);
    if (!boxes) return;
    const frameBox = frame.getBoundingClientRect();
    const sameLine = Math.abs(boxes.start.top - boxes.end.top) < 2;
    const left = (sameLine ? boxes.start.left : Math.min(boxes.end.left, boxes.start.left)) - frameBox.left;
    setPosition({ top: boxes.end.bottom - frameBox.top + 6, left: Math.max(4, left - 8), width: frameBox.width });
    // The layer and the source are refs; `redrawn` are the things after which the passage may stand elsewhere.
  }, [start, end, ...redrawn]);
  return position;
}
