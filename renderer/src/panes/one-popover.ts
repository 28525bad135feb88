/**
 * One popover open at a time (the outline, a source's assessment, the annotation toolbar, a
 * highlight's claim menu): two open at once cover each other and the text, and a reader does not
 * know which one keys go to. Opening one tells the others, through the window, to close.
 */
import { useEffect, useId, useLayoutEffect, useRef, type RefObject } from 'react';
import { scrollParent } from '../prosemirror/scrolling';

const OPENED = 'sourcebench:popover-opened';

/** While `open`, closes the other popovers, and is closed (`close`) when another opens. */
export function useOnePopover(open: boolean, close: () => void): void {
  const id = useId();
  const closeNow = useRef(close);
  closeNow.current = close;
  useEffect(() => {
    if (!open) return;
    window.dispatchEvent(new CustomEvent<string>(OPENED, { detail: id }));
    const onOpened = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) closeNow.current();
    };
    window.addEventListener(OPENED, onOpened);
    return () => window.removeEventListener(OPENED, onOpened);
  }, [open, id]);
}

/** Room kept between a popover and the window's edge, in pixels. */
const MARGIN = 4;

/**
 * Moves a popover back inside the window when its place (under its button, under a passage)
 * would put part of it off screen: in the last pane of a narrow window, low on the screen. One
 * that scrolls with a pane's text (the toolbar under a passage on the pane's last line) would be
 * cut off by the pane instead: the pane scrolls just enough to show it, the passage with it, so
 * that it covers nothing. Measured before the frame is painted, again after each of `redrawn` changes.
 */
export function useInsideWindow(popover: RefObject<HTMLElement | null>, redrawn: readonly unknown[]): void {
  useLayoutEffect(() => {
    const element = popover.current;
    if (!element) return;
    element.style.translate = '';
    const scroller = scrollParent(element);
    if (scroller !== element.ownerDocument.scrollingElement) {
      const clip = scroller.getBoundingClientRect();
      const inPane = element.getBoundingClientRect();
      if (inPane.bottom > clip.bottom || inPane.top < clip.top) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const box = element.getBoundingClientRect();
    const { innerWidth: width, innerHeight: height } = window;
    const dx = box.right > width - MARGIN ? Math.max(width - MARGIN - box.right, MARGIN - box.left) : 0;
    const dy = box.bottom > height - MARGIN ? Math.max(height - MARGIN - box.bottom, MARGIN - box.top) : 0;
    if (dx !== 0 || dy !== 0) element.style.translate = `${dx}px ${dy}px`;
    // The popover is a ref; `redrawn` are the things after which it may stand elsewhere.
  }, redrawn);
}
