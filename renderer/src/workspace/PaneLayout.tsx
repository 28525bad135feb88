/**
 * One to four panes side by side, with a divider between each two that can be dragged or moved
 * with the arrow keys. Widths are shares of the row, so they survive a window of another size.
 */
import { Fragment, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const HANDLE_PX = 7;
const MIN_PANE_PX = 200;
const KEY_STEP = 0.02;
const KEY_STEP_LARGE = 0.1;

interface Props {
  readonly panes: readonly { key: string; label: string; node: ReactNode }[];
  readonly widths: readonly number[];
  readonly onWidths: (widths: number[]) => void;
  readonly style?: CSSProperties;
}

export function PaneLayout({ panes, widths, onWidths, style }: Props) {
  const container = useRef<HTMLElement>(null);
  const drag = useRef<{ index: number; startX: number; start: number[]; available: number } | null>(null);

  const available = () => {
    const width = container.current?.clientWidth ?? 0;
    return Math.max(1, width - HANDLE_PX * (panes.length - 1));
  };

  /** Moves the divider after pane `index` by `delta` (a share of the row), within the two panes it separates. */
  const moveDivider = (start: readonly number[], index: number, delta: number, room: number): number[] => {
    const left = start[index] ?? 0;
    const right = start[index + 1] ?? 0;
    const pair = left + right;
    const min = Math.min(pair / 2, MIN_PANE_PX / room);
    const nextLeft = Math.min(pair - min, Math.max(min, left + delta));
    const next = [...start];
    next[index] = nextLeft;
    next[index + 1] = pair - nextLeft;
    return next;
  };

  const onPointerDown = (index: number) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { index, startX: event.clientX, start: [...widths], available: available() };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    const delta = (event.clientX - current.startX) / current.available;
    onWidths(moveDivider(current.start, current.index, delta, current.available));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    let delta: number | null = null;
    if (event.key === 'ArrowLeft') delta = -step;
    else if (event.key === 'ArrowRight') delta = step;
    else if (event.key === 'Home') delta = -1;
    else if (event.key === 'End') delta = 1;
    if (delta === null) return;
    event.preventDefault();
    onWidths(moveDivider(widths, index, delta, available()));
  };

  const columns = panes.map((_, index) => `minmax(0, ${(widths[index] ?? 1 / panes.length).toFixed(5)}fr)`).join(` ${HANDLE_PX}px `);
  return (
    <main ref={container} className="panes" style={{ ...style, gridTemplateColumns: columns }}>
      {panes.map((pane, index) => {
        const left = widths[index] ?? 0;
        const right = widths[index + 1] ?? 0;
        return (
          <Fragment key={pane.key}>
            {pane.node}
            {index < panes.length - 1 && (
              <div
                className="pane-resizer"
                role="separator"
                aria-orientation="vertical"
                aria-label={`Resize “${pane.label}” and “${panes[index + 1]!.label}”`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round((left / (left + right || 1)) * 100)}
                tabIndex={0}
                title="Drag to resize (or focus and use ← →)"
                data-index={index}
                onPointerDown={onPointerDown(index)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerUp}
                onKeyDown={onKeyDown(index)}
                onDoubleClick={() => {
                  const next = [...widths];
                  next[index] = next[index + 1] = (left + right) / 2;
                  onWidths(next);
                }}
              />
            )}
          </Fragment>
        );
      })}
    </main>
  );
}
