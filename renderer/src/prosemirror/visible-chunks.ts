/**
 * Which chunks of a long text are on screen or near it, as one range of document positions.
 * Highlights are drawn only there: ten thousand highlights and a thousand claim markers drawn over
 * the whole 1.3 MB text cost their elements, their styles and their layout when the text opens,
 * though a reader sees a few dozen. A highlight does not change the text's geometry (a mark's
 * vertical padding does not change line heights); a grade or claim marker takes room and may
 * rewrap its line, but it is drawn a screen's height before the reader gets there, and the
 * browser's scroll anchoring keeps the text in view still when a chunk above it changes height.
 */
import type { EditorView } from 'prosemirror-view';
import { scrollParent } from './scrolling';

/** Document positions from the start of the first chunk near the screen to the end of the last. */
export interface PositionWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * How far beyond the visible part a chunk still counts as near, in heights of the scrolling
 * pane: a reader scrolling a screen at a time never meets text whose highlights are still to come.
 */
const NEAR = '100%';

/**
 * Calls `onChange` with the window of chunks near the screen whenever it changes (the first time
 * once the text is laid out). `update` is to be called after the view redraws: should it have
 * replaced a chunk's element, the new one is watched instead.
 */
export function watchVisibleChunks(view: EditorView, onChange: (window: PositionWindow | null) => void): { update(): void; destroy(): void } {
  const bounds: { from: number; to: number }[] = [];
  view.state.doc.forEach((chunk, offset) => bounds.push({ from: offset, to: offset + chunk.nodeSize }));
  const elements: (Element | null)[] = bounds.map(() => null);
  const indexOf = new Map<Element, number>();
  const near = new Set<number>();
  let last: PositionWindow | null = null;

  const scroller = scrollParent(view.dom);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (index === undefined) continue;
        if (entry.isIntersecting) near.add(index);
        else near.delete(index);
      }
      let first = Infinity;
      let lastIndex = -Infinity;
      for (const index of near) {
        first = Math.min(first, index);
        lastIndex = Math.max(lastIndex, index);
      }
      const next = near.size === 0 ? null : { from: bounds[first]!.from, to: bounds[lastIndex]!.to };
      if (next?.from === last?.from && next?.to === last?.to) return;
      last = next;
      onChange(next);
    },
    // The page itself scrolling (no pane around the text) is the viewport: the default root.
    { root: scroller === view.dom.ownerDocument.scrollingElement ? null : scroller, rootMargin: `${NEAR} 0px ${NEAR} 0px` },
  );

  const watch = () => {
    bounds.forEach(({ from }, index) => {
      const element = view.nodeDOM(from);
      const current = element instanceof Element ? element : null;
      if (current === elements[index]) return;
      const previous = elements[index];
      if (previous) {
        observer.unobserve(previous);
        indexOf.delete(previous);
        near.delete(index);
      }
      elements[index] = current;
      if (current) {
        indexOf.set(current, index);
        observer.observe(current);
      }
    });
  };
  watch();
  return { update: watch, destroy: () => observer.disconnect() };
}
