/**
 * The little each store shares: a state object that is replaced, never mutated, on every change,
 * and listeners told of it, so React reads it with useSyncExternalStore and an unchanged part
 * keeps its identity (panes skip unchanged highlights by an identity check first).
 */
export class Observable<S extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: S) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): S => this.state;

  protected patch(partial: Partial<S>): void {
    this.state = { ...this.state, ...partial };
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * A reloaded list that keeps the objects that did not change (and the list itself when nothing
 * did), so that reloading after an undo redraws only what the undo touched.
 */
export function keepUnchanged<T extends { readonly id: string }>(old: readonly T[], fresh: readonly T[]): readonly T[] {
  const before = new Map(old.map((item) => [item.id, item]));
  let same = old.length === fresh.length;
  const kept = fresh.map((item, index) => {
    const previous = before.get(item.id);
    const keep = previous !== undefined && JSON.stringify(previous) === JSON.stringify(item);
    if (!keep || old[index] !== previous) same = false;
    return keep ? previous : item;
  });
  return same ? old : kept;
}
