/** The annotation store, given to every pane and panel by the workbench shell. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { AnnotationSnapshot, AnnotationStore } from './annotation-store';

export const StoreContext = createContext<AnnotationStore | null>(null);

export function useStore(): AnnotationStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext.Provider>');
  return store;
}

/** The store's current state; the component re-renders when it changes. */
export function useAnnotations(): AnnotationSnapshot {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The store's highlights by id, rebuilt only when the highlights change (not on hover and the like). */
export function useAnnotationIndex(): ReadonlyMap<string, Annotation> {
  const { annotations } = useAnnotations();
  return useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations]);
}
