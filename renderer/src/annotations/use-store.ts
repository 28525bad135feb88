/**
 * The annotation store a pane works with, and which keys are the workbench's undo and redo.
 *
 * The shell gives every pane and panel one store through StoreContext. Where no shell provides
 * one (an older App, a test page), panes showing data of the same API client share one store of
 * their own, loaded once, so they still stay in step with each other.
 */
import { useContext, useSyncExternalStore } from 'react';
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

/** True where the key belongs to what the user is typing in (text inputs, selects, the note editor). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('select')) return true; // letters pick an option there
  return hasOwnUndo(target);
}

/**
 * True where Mod+Z belongs to the field (text inputs, the note editor undo their own typing). A
 * select has no undo of its own: there, as on a button, Mod+Z takes back the last saved change
 * (a stance just chosen, say).
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea')) return true;
  const input = target.closest('input');
  // A focused checkbox or button takes no typing: the workbench's keys still apply there.
  return input !== null && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(input.type);
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
