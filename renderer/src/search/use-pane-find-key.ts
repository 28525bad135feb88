/**
 * Ctrl+F (⌘F) belongs to one pane: the one the focus is in, else the one the reader last clicked
 * or focused in, else the first. Each pane listens, and only that one answers, so the browser's
 * own find bar (which cannot see past the text laid out) never opens over the workbench.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { FinderStore } from '../state/finder-store';
import { useSnapshot, useStores } from '../state/store-context';

export function isFindKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>): boolean {
  // By physical key too, so it works with a Russian (or any) keyboard layout.
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key.toLowerCase() === 'f' || event.code === 'KeyF');
}

/** Whether find is for this pane: the focus is in it, or (the focus in no pane) it was used last. */
function isFindPane(finder: FinderStore, token: symbol, element: HTMLElement): boolean {
  const focusPane = (document.activeElement as HTMLElement | null)?.closest('section.pane') ?? null;
  return focusPane ? focusPane === element : finder.isFindTarget(token, document.querySelector('section.pane') === element);
}

export function usePaneFindKey(section: RefObject<HTMLElement | null>, onFind: () => void): void {
  const { finder } = useStores();
  const { findRequest } = useSnapshot(finder);
  const token = useMemo(() => Symbol('pane'), []);

  // The desktop menu's Edit > Find in the pane… (its accelerator may keep the key from the page).
  const seen = useRef(findRequest);
  useEffect(() => {
    if (findRequest === seen.current) return;
    seen.current = findRequest;
    if (section.current && isFindPane(finder, token, section.current)) onFind();
  }, [findRequest, finder, token, section, onFind]);

  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const used = () => finder.paneUsed(token);
    element.addEventListener('pointerdown', used, true);
    element.addEventListener('focusin', used);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isFindKey(event)) return;
      if (!isFindPane(finder, token, element)) return;
      event.preventDefault();
      onFind();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      element.removeEventListener('pointerdown', used, true);
      element.removeEventListener('focusin', used);
      window.removeEventListener('keydown', onKey);
      finder.paneGone(token);
    };
  }, [section, finder, token, onFind]);
}
