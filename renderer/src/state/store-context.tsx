/** The stores, given to every pane and panel by the workbench shell, and the hooks that read them. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { Observable } from './observable';
import type { Stores } from './stores';

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside <StoresContext.Provider>');
  return stores;
}

/** A store's current state; the component re-renders when that store changes (and only then). */
export function useSnapshot<S extends object>(store: Observable<S>): S {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The highlights by id, rebuilt only when the highlights change (not on hover and the like). */
export function useAnnotationIndex(): ReadonlyMap<string, Annotation> {
  const { annotations } = useSnapshot(useStores().annotations);
  return useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations]);
}
