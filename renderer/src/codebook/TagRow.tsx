/** One tag in the codebook tree: drag grip, colour, name, counts and the filter toggle; its editor opens below it. */
import type { DragEvent } from 'react';
import type { ItemProps } from '../lists/VirtualList';
import { plural, type TagNode } from './tag-tree';

interface RowProps {
  /** What the codebook's list gives its rows (measuring, position for screen readers). */
  readonly item: ItemProps;
  readonly node: TagNode;
  readonly selected: boolean;
  readonly filtered: boolean;
  readonly chosenFilter: boolean;
  readonly dropTarget: boolean;
  readonly onSelect: () => void;
  readonly onFilter: () => void;
  readonly onDragStart: (event: DragEvent) => void;
  readonly onDragEnd: () => void;
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
  readonly children: React.ReactNode;
}

export function TagRow({ item, node, selected, filtered, chosenFilter, dropTarget, onSelect, onFilter, children, ...drag }: RowProps) {
  const { tag, depth, total } = node;
  return (
    <li
      {...item}
      className={`tag-row${selected ? ' selected' : ''}${filtered ? ' filtered' : ''}${dropTarget ? ' drop-target' : ''}`}
      data-tag-id={tag.id}
      data-tag-name={tag.name}
      style={{ '--depth': depth } as React.CSSProperties}
    >
      <div
        className="tag-line"
        draggable
        onDragStart={drag.onDragStart}
        onDragEnd={drag.onDragEnd}
        onDragOver={drag.onDragOver}
        onDrop={drag.onDrop}
      >
        <span className="drag-grip" aria-hidden="true" title="Drag onto another tag to move it there">
          ⋮⋮
        </span>
        <span className="swatch" data-color={tag.color} title={tag.color} aria-hidden="true" />
        <button
          type="button"
          className="tag-name"
          aria-expanded={selected}
          title={tag.description || undefined}
          onClick={onSelect}
        >
          {tag.name}
        </button>
        <span
          className="tag-count"
          title={`${plural(tag.count, 'annotation')} with this tag${total !== tag.count ? `, ${total} with its sub-tags` : ''}`}
        >
          {tag.count}
          {total !== tag.count && <span className="muted">/{total}</span>}
        </span>
        <button
          type="button"
          className="tool filter-toggle"
          aria-pressed={chosenFilter}
          aria-label={`Filter by “${tag.name}”`}
          title={chosenFilter ? 'Stop filtering by this tag' : 'Show only annotations with this tag (and its sub-tags)'}
          disabled={filtered && !chosenFilter}
          onClick={onFilter}
        >
          Filter
        </button>
      </div>
      {tag.description && !selected && <p className="tag-description">{tag.description}</p>}
      {children}
    </li>
  );
}
