/**
 * A pane's reading position: the remembered one applied once when the text first shows, and the
 * live one reported while scrolling, throttled so that the workspace is not saved on every event.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { VersionContent } from '../../../shared/domain';
import type { ReadOnlySourceHandle } from '../prosemirror/source-handle';

/** How often, at most, the scroll position is reported while scrolling. */
const SCROLL_REPORT_MS = 250;

export function useScrollPosition(
  body: RefObject<HTMLElement | null>,
  source: RefObject<ReadOnlySourceHandle | null>,
  content: VersionContent | null,
  initialScrollOffset: number | undefined,
  onScrollOffset: ((offset: number) => void) | undefined,
): void {
  const restored = useRef(false);
  useEffect(() => {
    if (!content || restored.current) return;
    restored.current = true;
    if (initialScrollOffset !== undefined && initialScrollOffset > 0) void source.current?.scrollLineToTop(initialScrollOffset);
  }, [content, initialScrollOffset, source]);

  const report = useRef(onScrollOffset);
  report.current = onScrollOffset;
  useEffect(() => {
    const element = body.current;
    if (!element || !content) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last: number | null = null;
    const send = () => {
      timer = null;
      const offset = source.current?.offsetAtTop();
      if (offset === null || offset === undefined || offset === last) return;
      last = offset;
      report.current?.(offset);
    };
    const onScroll = () => {
      if (timer === null) timer = setTimeout(send, SCROLL_REPORT_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (timer !== null) clearTimeout(timer);
    };
  }, [content, body, source]);
}
