/**
 * A long list (`<ol>` or `<ul>`) that draws only the items near its visible part: the sidebar's
 * cards and orphans, the codebook. Each item draws its own `<li>` with the props it is given
 * (measured, and numbered for screen readers, which still learn the whole count from
 * aria-setsize and aria-posinset). See use-virtual-rows.ts.
 */
import { Fragment, useCallback, useImperativeHandle, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { useVirtualRows } from './use-virtual-rows';

/** What the `<li>` of an item must carry. */
export interface ItemProps {
  readonly ref: (element: Element | null) => void;
  readonly 'data-index': number;
  readonly 'aria-setsize': number;
  readonly 'aria-posinset': number;
}

export interface VirtualListHandle {
  /** Scrolls the least needed to bring an item into sight. */
  scrollToIndex(index: number): void;
  /** Brings an item into sight and focuses what `selector` finds in it. */
  focusIndex(index: number, selector?: string): void;
}

interface Props<T> extends Omit<HTMLAttributes<HTMLOListElement>, 'children'> {
  readonly as?: 'ol' | 'ul';
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  /** A first guess of an item's height in pixels (it is measured once drawn). */
  readonly estimateSize: number;
  readonly overscan?: number;
  /** Items to keep drawn wherever the list is scrolled (the one being dragged: its drag ends on it). */
  readonly pinned?: readonly number[];
  /** Draws the item's `<li>`, spreading `props` on it. */
  readonly renderItem: (item: T, props: ItemProps) => ReactNode;
  readonly handle?: Ref<VirtualListHandle>;
}

export function VirtualList<T>({ as: Tag = 'ol', items, itemKey, estimateSize, overscan, pinned, renderItem, handle, className, style, ...attributes }: Props<T>) {
  const getItemKey = useCallback((index: number) => itemKey(items[index]!), [items, itemKey]);
  const estimate = useCallback(() => estimateSize, [estimateSize]);
  const virtual = useVirtualRows<HTMLOListElement>({
    count: items.length,
    estimateSize: estimate,
    getItemKey,
    overscan,
    pinned: pinned ? () => pinned : undefined,
  });
  useImperativeHandle(handle, () => ({ scrollToIndex: virtual.scrollToIndex, focusIndex: virtual.focusIndex }), [virtual.scrollToIndex, virtual.focusIndex]);

  return (
    <Tag
      ref={virtual.startRef}
      className={`${className ?? ''} virtual-list`.trim()}
      style={{ ...style, paddingTop: virtual.before, paddingBottom: virtual.after }}
      {...attributes}
    >
      {virtual.rows.map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        return (
          <Fragment key={row.key as string}>
            {renderItem(item, { ref: virtual.measure, 'data-index': row.index, 'aria-setsize': items.length, 'aria-posinset': row.index + 1 })}
          </Fragment>
        );
      })}
    </Tag>
  );
}
