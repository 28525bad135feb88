/**
 * Keeps the reader's place when the text is laid out anew. Another width (the window, a pane or
 * the sidebar resized) or text size rewraps every line, and the chunks out of sight are laid out
 * again (see `skipChunksOutOfSight`): the text above changes height by thousands of pixels, and
 * the browser's scroll anchoring does not follow through skipped chunks. So the passage at the
 * top is remembered, and put back at the top after each new layout.
 */
import type { ReadOnlySourceHandle } from './source-handle';

export interface ReadingPlace {
  /** The text is being laid out anew: put the remembered passage back at the top. */
  restore(): void;
  /** The text was laid out at its current width and text size (the place can be taken from now on). */
  laidOut(): void;
  destroy(): void;
}

/** How long after the last scroll the place is looked up once more. */
const STILL_MS = 200;
/** Within this many characters a remembered place may still be on the top line. */
const NEAR_CHARS = 1000;
/** Frames to wait at most for the text at the top to be laid out. */
const MAX_TRIES = 10;

export function keepReadingPlace(
  container: HTMLElement,
  text: HTMLElement,
  source: Pick<ReadOnlySourceHandle, 'offsetAtTop' | 'scrollLineToTop' | 'rangeBoxes'>,
): ReadingPlace {
  /** The reading-text offset at the top; null while the text is at its very start. */
  let place: number | null = null;
  /** While the place is put back, what moves is not the reader's doing. */
  let restoring = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Whether the line holding `offset` is the one at the top of the pane. */
  const onTopLine = (offset: number) => {
    const box = source.rangeBoxes(offset, offset)?.start;
    const top = container.getBoundingClientRect().top + 4;
    return box !== undefined && box.top <= top + 1 && box.bottom >= top - 1;
  };
  /** The width and text size the place was taken at: at another, the text is about to be laid out anew, and the place put back. */
  const layout = () => `${text.clientWidth}|${getComputedStyle(text).fontSize}`;
  let laidOutAs: string | null = null;
  const remember = (tries = 0) => {
    frame = 0;
    if (restoring > 0) return;
    laidOutAs ??= layout();
    if (layout() !== laidOutAs) return;
    if (container.scrollTop <= 0) {
      place = null;
      return;
    }
    const now = source.offsetAtTop();
    if (now === null) return;
    // Right after a jump the chunk at the top may still be skipped, and the offset found there is
    // its start: look again once it is laid out.
    if (!onTopLine(now)) {
      if (tries < MAX_TRIES) frame = requestAnimationFrame(() => remember(tries + 1));
      return;
    }
    // The place put back starts inside the top line, the line's start a little before it: keep
    // the place while its line is at the top, or each resize would move it a line up.
    if (place !== null && Math.abs(now - place) < NEAR_CHARS && onTopLine(place)) return;
    place = now;
  };
  // Looked up once a frame at most (it costs a layout) while the reader scrolls, and again when
  // the text changes height or the scrolling stopped: the chunks a jump lands among are laid out
  // in the frames after it, and move the text without a scroll event.
  const later = () => {
    if (restoring > 0) return;
    if (frame === 0) frame = requestAnimationFrame(() => remember());
    clearTimeout(timer);
    timer = setTimeout(() => remember(), STILL_MS);
  };
  container.addEventListener('scroll', later, { passive: true });
  const resized = new ResizeObserver(later);
  resized.observe(text);
  return {
    restore() {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      laidOutAs = layout();
      if (place === null) return;
      restoring++;
      void source.scrollLineToTop(place).then(() => {
        restoring--;
      });
    },
    laidOut() {
      laidOutAs = layout();
    },
    destroy() {
      container.removeEventListener('scroll', later);
      resized.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
