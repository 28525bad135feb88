/**
 * Scrolling a long text whose chunks out of sight are skipped by layout: when skipping may start,
 * and how to land on a place whose distance is only known once the chunks on the way are laid out.
 */

/**
 * Lets layout and paint skip the chunks of blocks out of sight (`.skip-out-of-sight` in the
 * stylesheet), but only after every chunk was laid out once at the current width and text size:
 * a skipped chunk then keeps its real height (`contain-intrinsic-size: auto`), so the scroll bar,
 * jumps and remembered places stay exact. Without skipping, drawing one highlight in the 1.3 MB
 * text re-walks the whole text and misses the frame. When the width or text size changes,
 * heights change: the whole text is laid out once more before skipping again, and `onRelayout`
 * is called as it is (the passage at the top moves). `onSkipping` is called each time skipping
 * starts. (Something drawn into a skipped chunk later, a claim marker say, counts in its height
 * once the chunk comes near and is laid out again.)
 */
export function skipChunksOutOfSight(dom: HTMLElement, hooks: { onSkipping?: () => void; onRelayout?: () => void } = {}): () => void {
  let frame = 0;
  let measured = '';
  const observer = new ResizeObserver(() => {
    const now = `${dom.clientWidth}|${getComputedStyle(dom).fontSize}`;
    if (now === measured) return;
    const first = measured === '';
    measured = now;
    dom.classList.remove('skip-out-of-sight');
    if (!first) hooks.onRelayout?.();
    cancelAnimationFrame(frame);
    // Two frames: one to lay everything out, one for the heights to be remembered.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        dom.classList.add('skip-out-of-sight');
        hooks.onSkipping?.();
      });
    });
  });
  observer.observe(dom);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}

/**
 * Scrolls by what `distance` says is left, then again on the next frames until it says nothing
 * is left. Chunks out of sight count with their remembered heights (see `skipChunksOutOfSight`);
 * should one be off (a chunk never laid out at this width), a long jump lands near its target,
 * the chunks it lands among take their real heights, and the next frames correct the aim. Stops
 * at once if the reader takes over the scrolling. Resolves once it stopped.
 */
export function settleScroll(container: HTMLElement, distance: () => number, frames = 20): Promise<void> {
  let stopped = false;
  let settled = () => {};
  const done = new Promise<void>((resolve) => (settled = resolve));
  const stop = () => {
    stopped = true;
    settled();
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) container.removeEventListener(type, stop);
  };
  for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) container.addEventListener(type, stop, { passive: true });
  let still = 0;
  const step = (left: number) => {
    if (stopped || !container.isConnected) return stop();
    const remaining = distance();
    if (Math.abs(remaining) >= 1) {
      const before = container.scrollTop;
      container.scrollTop += remaining;
      // At the top or bottom of the text nothing more can be done.
      still = container.scrollTop === before ? still + 1 : 0;
    } else {
      still++;
    }
    if (left > 0 && still < 2) requestAnimationFrame(() => step(left - 1));
    else stop();
  };
  step(frames);
  return done;
}

/** The nearest ancestor that scrolls vertically (a pane's body, the panel a long list is in). */
export function scrollParent(element: Element): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return node;
  }
  return (element.ownerDocument.scrollingElement as HTMLElement | null) ?? element.ownerDocument.documentElement;
}
