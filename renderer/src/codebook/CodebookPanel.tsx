/**
 * The codebook: tags in a hierarchy, each with a colour and a description. Tags are created,
 * renamed, moved (with a dialog or by dragging onto another tag), merged and deleted here; every
 * action says how many annotations it touches, and merge and delete ask first. The panes and the
 * sidebar can be filtered by a tag (with its sub-tags).
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { Tag } from '../../../shared/annotations';
import { VirtualList, type VirtualListHandle } from '../lists/VirtualList';
import { messageOf } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { NewTagForm } from './NewTagForm';
import { DeleteDialog, MergeDialog, MoveDialog } from './TagDialogs';
import { TagEditor } from './TagEditor';
import { TagRow } from './TagRow';
import { buildTagTree, filterRoots, flattenTree, isWithin, plural, tagPath, withDescendants, type TagNode } from './tag-tree';

const DRAG_TYPE = 'application/x-sourcebench-tag';

/** A tag's line, in pixels; a description or the open editor make it taller (each is measured once drawn). */
const TAG_ROW_HEIGHT = 26;
const tagKey = (node: TagNode) => node.tag.id;

type Pending = { kind: 'move' | 'merge' | 'delete'; tag: Tag } | null;

export function CodebookPanel() {
  const store = useStores().codebook;
  const { tags, tagFilter } = useSnapshot(store);
  const tree = useMemo(() => buildTagTree(tags), [tags]);
  const rows = useMemo(() => flattenTree(tree), [tree]);
  const [selected, setSelected] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const roots = filterRoots(tags, tagFilter);
  const list = useRef<VirtualListHandle>(null);
  const indexOf = (id: string | null) => (id === null ? -1 : rows.findIndex((node) => node.tag.id === id));

  // A tag just added (or chosen) is brought into sight once: in a long codebook it may be far
  // from the rows drawn, and its row may come only with the next codebook.
  const broughtIntoSight = useRef<string | null>(null);
  useEffect(() => {
    if (selected === null || broughtIntoSight.current === selected) return;
    const index = indexOf(selected);
    if (index < 0) return;
    broughtIntoSight.current = selected;
    list.current?.scrollToIndex(index);
  });

  /** Runs a change of the codebook and says what it did, or why it could not be done. */
  const run = async <T,>(action: (client: ApiClient) => Promise<T>, done: (result: T) => string) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(done(await store.change(action)));
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const toggleFilter = (id: string) => {
    const next = roots.includes(id) ? roots.filter((root) => root !== id) : [...roots, id];
    store.setTagFilter(withDescendants(tags, next));
  };

  const move = (tag: Tag, parentId: string | null) => {
    if (tag.parentId === parentId) return;
    const where = parentId ? `under “${tagPath(tags, parentId)}”` : 'to the top level';
    void run((client) => client.updateTag({ id: tag.id, parentId }), () => `Moved “${tag.name}” ${where} (${plural(tag.count, 'annotation')} keep it).`);
  };

  const onDrop = (parentId: string | null) => (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    setDropTarget(null);
    const tag = tags.find((t) => t.id === id);
    if (!tag || (parentId && isWithin(tags, parentId, tag.id))) return;
    move(tag, parentId);
  };
  const onDragOver = (parentId: string | null) => (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE) || !dragging) return;
    if (parentId && isWithin(tags, parentId, dragging)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(parentId ?? '');
  };

  return (
    <div className="tab-body codebook">
      <NewTagForm tags={tags} rows={rows} onCreated={(tag) => { setSelected(tag.id); setMessage(`Added “${tag.name}”.`); }} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {message && !error && (
        <p className="status muted" role="status">
          {message}
        </p>
      )}
      {tags.length === 0 && <p className="empty muted">The codebook is empty. Add a tag above; sub-tags go under a parent.</p>}
      <VirtualList
        as="ul"
        className="tag-tree"
        aria-label="Codebook"
        items={rows}
        itemKey={tagKey}
        estimateSize={TAG_ROW_HEIGHT}
        overscan={12}
        handle={list}
        // The row being dragged stays in the page while the list scrolls under the drag: its
        // dragend (which clears the drag) is dispatched to it.
        pinned={dragging === null ? undefined : [indexOf(dragging)]}
        renderItem={(node, item) => (
          <TagRow
            item={item}
            node={node}
            selected={selected === node.tag.id}
            filtered={tagFilter.includes(node.tag.id)}
            chosenFilter={roots.includes(node.tag.id)}
            dropTarget={dropTarget === node.tag.id}
            onSelect={() => setSelected(selected === node.tag.id ? null : node.tag.id)}
            onFilter={() => toggleFilter(node.tag.id)}
            onDragStart={(event) => {
              event.dataTransfer.setData(DRAG_TYPE, node.tag.id);
              event.dataTransfer.effectAllowed = 'move';
              setDragging(node.tag.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropTarget(null);
            }}
            onDragOver={onDragOver(node.tag.id)}
            onDrop={onDrop(node.tag.id)}
          >
            {selected === node.tag.id && (
              <TagEditor
                node={node}
                onRename={(name) =>
                  void run(
                    (client) => client.updateTag({ id: node.tag.id, name }),
                    () => `Renamed “${node.tag.name}” to “${name}” on ${plural(node.tag.count, 'annotation')}.`,
                  )
                }
                onChange={(input) => void run((client) => client.updateTag({ id: node.tag.id, ...input }), () => `Changed “${node.tag.name}”.`)}
                onMove={() => setPending({ kind: 'move', tag: node.tag })}
                onMerge={() => setPending({ kind: 'merge', tag: node.tag })}
                onDelete={() => setPending({ kind: 'delete', tag: node.tag })}
              />
            )}
          </TagRow>
        )}
      />
      {/* Below the list, so that rows do not shift when a drag starts. */}
      {dragging && (
        <div
          className={`drop-top${dropTarget === '' ? ' over' : ''}`}
          onDragOver={onDragOver(null)}
          onDragLeave={() => setDropTarget(null)}
          onDrop={onDrop(null)}
        >
          Drop here to move to the top level
        </div>
      )}
      {pending?.kind === 'move' && (
        <MoveDialog
          tag={pending.tag}
          tags={tags}
          rows={rows}
          onCancel={() => setPending(null)}
          onMove={(parentId) => {
            setPending(null);
            move(pending.tag, parentId);
          }}
        />
      )}
      {pending?.kind === 'merge' && (
        <MergeDialog
          tag={pending.tag}
          tags={tags}
          rows={rows}
          onCancel={() => setPending(null)}
          onMerge={(into) => {
            const from = pending.tag;
            setPending(null);
            setSelected(null);
            if (tagFilter.includes(from.id)) store.setTagFilter(withDescendants(tags, [...roots.filter((id) => id !== from.id), into.id]));
            void run(
              (client) => client.mergeTags({ fromId: from.id, intoId: into.id }),
              () => `Merged “${from.name}” into “${into.name}” (${plural(from.count, 'annotation')}).`,
            );
          }}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          tag={pending.tag}
          tags={tags}
          onCancel={() => setPending(null)}
          onDelete={() => {
            const tag = pending.tag;
            setPending(null);
            setSelected(null);
            if (tagFilter.includes(tag.id)) store.setTagFilter(tagFilter.filter((id) => id !== tag.id));
            void run(
              (client) => client.deleteTag({ id: tag.id }),
              ({ annotationsAffected }) => `Deleted “${tag.name}”; it was taken off ${plural(annotationsAffected, 'annotation')}.`,
            );
          }}
        />
      )}
    </div>
  );
}
