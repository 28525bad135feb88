/**
 * The annotation store a pane works with, and the workbench-wide undo and redo keys.
 *
 * The shell gives every pane and panel one store through StoreContext. Where no shell provides
 * one (an older App, a test page), panes showing data of the same API client share one store of
 * their own, loaded once, so they still stay in step with each other.
 */
import { useContext, useEffect, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../shared/api';
import { AnnotationStore, type AnnotationSnapshot } from '../state/annotation-store';
import { StoreContext } from '../state/store-context';

const fallbackStores = new WeakMap<ApiClient, AnnotationStore>();

function fallbackStore(client: ApiClient): AnnotationStore {
  let store = fallbackStores.get(client);
  if (!store) {
    store = new AnnotationStore(client);
    fallbackStores.set(client, store);
    store.refresh().catch(() => undefined);
  }
  return store;
}

/** The shell's store, or one shared by the panes of this client. */
export function usePaneStore(client: ApiClient): { store: AnnotationStore; snapshot: AnnotationSnapshot } {
  const provided = useContext(StoreContext);
  const store = provided ?? fallbackStore(client);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}

/** True where the key belongs to what the user is typing in (inputs, the note editor). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, textarea, select')) return true;
  return target.isContentEditable;
}

/** Mod-z undoes, Mod-Shift-z and Mod-y redo: which of them a key event is, if any. */
export function undoRedoOf(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  // By physical key too, so the shortcuts work with a Russian (or any) keyboard layout.
  const key = event.key.toLowerCase();
  const isZ = key === 'z' || event.code === 'KeyZ';
  const isY = key === 'y' || event.code === 'KeyY';
  if (isZ) return event.shiftKey ? 'redo' : 'undo';
  if (isY && !event.shiftKey) return 'redo';
  return null;
}

const installed = new Map<AnnotationStore, { count: number; remove: () => void }>();

/**
 * Undo and redo from the keyboard anywhere in the workbench (one history for all panes). Used by
 * every pane; the listener is installed once per store however many panes there are. Inputs and
 * the note editor keep their own undo for their text. A key is acted on once even where the
 * shell listens as well (the first listener marks it handled).
 */
export function useUndoRedoKeys(store: AnnotationStore): void {
  useEffect(() => {
    let entry = installed.get(store);
    if (!entry) {
      const onKeyDown = (event: KeyboardEvent) => {
        // The desktop app's native Edit menu owns these keys and sends its commands to the shell.
        if (window.sourcebenchMenu) return;
        // Handled once: by whichever listener comes first (the shell may listen too).
        if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
        const action = undoRedoOf(event);
        if (!action) return;
        event.preventDefault();
        void (action === 'undo' ? store.undo() : store.redo());
      };
      window.addEventListener('keydown', onKeyDown);
      entry = { count: 0, remove: () => window.removeEventListener('keydown', onKeyDown) };
      installed.set(store, entry);
    }
    entry.count += 1;
    return () => {
      const current = installed.get(store);
      if (!current) return;
      current.count -= 1;
      if (current.count === 0) {
        current.remove();
        installed.delete(store);
      }
    };
  }, [store]);
}
