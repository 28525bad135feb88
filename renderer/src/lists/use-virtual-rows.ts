/**
 * One hook for every long list of the workbench (sidebar cards, orphans, codebook, claims matrix,
 * search hits): only the rows near the visible part are in the DOM, so its size does not grow
 * with the number of items. Built on TanStack Virtual, with rows measured as drawn (cards differ
 * in height) and kept in the normal flow between two spacers (virtual-layout.ts): tables keep
 * their columns and sticky headings keep working.
 *
 * The list does not need to be its own scroll container: the rows start wherever the list
 * starts inside the panel that scrolls (below the sidebar's filters, below the matrix's tools),
 * and that distance is measured and followed as what is above the list changes.
 *
 * A row that holds the focus stays drawn (pinned) while the list is scrolled away from it, so
 * the keyboard never loses its place; a list may pin rows of its own (a group's heading).
 */
import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { scrollParent } from '../prosemirror/scrolling';
import { flowSpacers, withPinned } from './virtual-layout';

export interface VirtualRowsOptions {
  readonly count: number;
  /** A first guess of a row's height in pixels, before it is drawn and measured. */
  readonly estimateSize: (index: number) => number;
  /** A stable key per row (an id), so that measured heights follow the items when the list changes. */
  readonly getItemKey: (index: number) => string;
  /** Rows drawn beyond each end of the visible part. */
  readonly overscan?: number;
  /** Rows to keep drawn besides those in sight, given the first row in sight (e.g. its group's heading). */
  readonly pinned?: (firstIndex: number) => readonly (number | null)[];
  /** Height at the top of the scroll container that a row scrolled to must not sit under (a sticky heading). */
  readonly scrollPaddingStart?: number;
  /**
   * The element that scrolls the rows up and down, found from the list's start; by default the
   * nearest ancestor whose overflow-y lets it scroll. (A box that scrolls sideways only, with
   * overflow-x, has overflow-y auto as well but grows with its content: such a list names its
   * scroll container.)
   */
  readonly scrollContainer?: (start: HTMLElement) => HTMLElement | null;
}

export interface VirtualRows<E extends HTMLElement> {
  /** Ref of the element at whose top the first row starts (the list, or a table's body). */
  readonly startRef: (element: E | null) => void;
  /** The rows to draw, in order; each row's element gets `ref={measure}` and `data-index={row.index}`. */
  readonly rows: readonly VirtualItem[];
  /** Heights of the space before and after the drawn rows, in pixels. */
  readonly before: number;
  readonly after: number;
  readonly measure: (element: Element | null) => void;
  /** Scrolls the least needed to bring a row into sight. */
  readonly scrollToIndex: (index: number) => void;
  /** Brings a row into sight and focuses it (or what `selector` finds in it) once it is drawn. */
  readonly focusIndex: (index: number, selector?: string) => void;
}

/** Where `element` starts inside the scrolled content of `scroller`, in pixels. */
function offsetWithin(element: Element, scroller: HTMLElement): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop;
}

/** The elements above `element` inside `scroller`: their height decides where the rows start. */
function elementsAbove(element: Element, scroller: Element): Element[] {
  const above: Element[] = [];
  for (let node: Element | null = element; node && node !== scroller; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) above.push(sibling);
  }
  return above;
}

export function useVirtualRows<E extends HTMLElement>({
  count,
  estimateSize,
  getItemKey,
  overscan = 6,
  pinned,
  scrollPaddingStart = 0,
  scrollContainer = scrollParent,
}: VirtualRowsOptions): VirtualRows<E> {
  const [start, setStart] = useState<E | null>(null);
  // A list keeps its scroll container: the first one given is used.
  const findScroller = useRef(scrollContainer);
  const scroller = useMemo(() => (start ? (findScroller.current(start) ?? scrollParent(start)) : null), [start]);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focused, setFocused] = useState<{ index: number; key: string } | null>(null);
  const focusedIndex = focused && focused.index < count && getItemKey(focused.index) === focused.key ? focused.index : null;

  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scroller,
    estimateSize,
    getItemKey,
    overscan,
    scrollMargin,
    scrollPaddingStart,
    // Drawn at once, before the container has been measured: a screenful, not an empty list.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
    rangeExtractor: (range: Range) => {
      const run = defaultRangeExtractor(range);
      return withPinned(run, [...(pinned?.(range.startIndex) ?? []), focusedIndex], count);
    },
  });

  // Where the rows start moves with whatever is above them (filters, a form, a message): measured
  // after every render, and whenever one of those elements or the scroll container changes size.
  const observed = useRef<{ readonly elements: readonly Element[]; readonly observer: ResizeObserver } | null>(null);
  useLayoutEffect(() => {
    if (!start || !scroller) return;
    const update = () => {
      const margin = offsetWithin(start, scroller);
      setScrollMargin((current) => (Math.abs(current - margin) < 0.5 ? current : margin));
    };
    update();
    const elements = [start, scroller, ...elementsAbove(start, scroller)];
    const before = observed.current?.elements;
    if (before && before.length === elements.length && elements.every((element, index) => element === before[index])) return;
    observed.current?.observer.disconnect();
    const observer = new ResizeObserver(update);
    for (const element of elements.slice(1)) observer.observe(element);
    observed.current = { elements, observer };
  });
  useLayoutEffect(
    () => () => {
      observed.current?.observer.disconnect();
      observed.current = null;
    },
    [],
  );

  // The row with the focus stays drawn (see pinned above).
  useLayoutEffect(() => {
    if (!start) return;
    const rowOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null);
    const onFocusIn = (event: FocusEvent) => {
      const row = rowOf(event.target);
      const index = row && start.contains(row) ? Number(row.dataset.index) : NaN;
      if (!Number.isInteger(index) || index >= count) return;
      const key = getItemKey(index);
      setFocused((current) => (current?.index === index && current.key === key ? current : { index, key }));
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!(event.relatedTarget instanceof Node) || !start.contains(event.relatedTarget)) setFocused(null);
    };
    start.addEventListener('focusin', onFocusIn);
    start.addEventListener('focusout', onFocusOut);
    return () => {
      start.removeEventListener('focusin', onFocusIn);
      start.removeEventListener('focusout', onFocusOut);
    };
  }, [start, count, getItemKey]);

  // A row to focus once drawn (it may be far from those drawn now).
  const pendingFocus = useRef<{ index: number; key: string; selector: string | undefined } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !start) return;
    // The list changed under it: that row is gone or elsewhere, and the focus stays where it is.
    if (pending.index >= count || getItemKey(pending.index) !== pending.key) {
      pendingFocus.current = null;
      return;
    }
    const row = start.querySelector<HTMLElement>(`[data-index="${pending.index}"]`);
    if (!row) return;
    pendingFocus.current = null;
    (pending.selector ? row.querySelector<HTMLElement>(pending.selector) : row)?.focus();
  });

  const rows = virtualizer.getVirtualItems();
  const { before, after } = flowSpacers(rows, virtualizer.getTotalSize(), scrollMargin);
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);
  const [, redraw] = useState(0);
  const focusIndex = useCallback(
    (index: number, selector?: string) => {
      if (index < 0 || index >= virtualizer.options.count) return;
      pendingFocus.current = { index, key: String(virtualizer.options.getItemKey(index)), selector };
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // A row drawn already does not move the list: this render is what lets the effect above focus it.
      redraw((n) => n + 1);
    },
    [virtualizer],
  );
  return { startRef: setStart, rows, before, after, measure: virtualizer.measureElement, scrollToIndex, focusIndex };
}
