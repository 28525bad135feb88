/**
 * The codebook: tags in a hierarchy, each with a colour and a description. Tags are created,
 * renamed, moved (with a dialog or by dragging onto another tag), merged and deleted here; every
 * action says how many annotations it touches, and merge and delete ask first. The panes and the
 * sidebar can be filtered by a tag (with its sub-tags).
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { HighlightColor, type Tag } from '../../../shared/annotations';
import { useAnnotations, useStore } from '../state/store-context';
import { Dialog } from '../workspace/Dialog';
import { TagOptions } from './TagOptions';
import { buildTagTree, filterRoots, flattenTree, isWithin, plural, tagPath, withDescendants, type TagNode } from './tag-tree';

const COLORS = HighlightColor.options;
const DRAG_TYPE = 'application/x-sourcebench-tag';

type Pending = { kind: 'move' | 'merge' | 'delete'; tag: Tag } | null;

function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A tag needs a name.';
  if (trimmed.includes('/')) return 'A tag name cannot contain “/” (it separates the levels of the codebook).';
  if (trimmed.length > 200) return 'A tag name can be at most 200 characters long.';
  return null;
}

export function CodebookPanel() {
  const store = useStore();
  const { tags, tagFilter, error } = useAnnotations();
  const tree = useMemo(() => buildTagTree(tags), [tags]);
  const rows = useMemo(() => flattenTree(tree), [tree]);
  const [selected, setSelected] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const roots = filterRoots(tags, tagFilter);

  const run = async (action: Parameters<typeof store.changeCodebook>[0], done: string | (() => string)) => {
    store.clearError();
    setMessage(null);
    await store.changeCodebook(action);
    if (!store.getSnapshot().error) setMessage(typeof done === 'string' ? done : done());
  };

  const toggleFilter = (id: string) => {
    const next = roots.includes(id) ? roots.filter((root) => root !== id) : [...roots, id];
    store.setTagFilter(withDescendants(tags, next));
  };

  const move = (tag: Tag, parentId: string | null) => {
    if (tag.parentId === parentId) return;
    const where = parentId ? `under “${tagPath(tags, parentId)}”` : 'to the top level';
    void run((client) => client.updateTag({ id: tag.id, parentId }), `Moved “${tag.name}” ${where} (${plural(tag.count, 'annotation')} keep it).`);
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
      <ul className="tag-tree" aria-label="Codebook">
        {rows.map((node) => (
          <TagRow
            key={node.tag.id}
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
                    `Renamed “${node.tag.name}” to “${name}” on ${plural(node.tag.count, 'annotation')}.`,
                  )
                }
                onChange={(input) => void run((client) => client.updateTag({ id: node.tag.id, ...input }), `Changed “${node.tag.name}”.`)}
                onMove={() => setPending({ kind: 'move', tag: node.tag })}
                onMerge={() => setPending({ kind: 'merge', tag: node.tag })}
                onDelete={() => setPending({ kind: 'delete', tag: node.tag })}
              />
            )}
          </TagRow>
        ))}
      </ul>
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
              `Merged “${from.name}” into “${into.name}” (${plural(from.count, 'annotation')}).`,
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
            let affected = tag.count;
            void run(
              async (client) => {
                affected = (await client.deleteTag({ id: tag.id })).annotationsAffected;
              },
              () => `Deleted “${tag.name}”; it was taken off ${plural(affected, 'annotation')}.`,
            );
          }}
        />
      )}
    </div>
  );
}

// -- creating -------------------------------------------------------------------------------------

function NewTagForm({ tags, rows, onCreated }: { tags: readonly Tag[]; rows: readonly TagNode[]; onCreated: (tag: Tag) => void }) {
  const store = useStore();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [color, setColor] = useState<HighlightColor>('yellow');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (parentId && !tags.some((tag) => tag.id === parentId)) setParentId('');
  }, [tags, parentId]);

  return (
    <form
      className="new-tag"
      aria-label="New tag"
      onSubmit={(event) => {
        event.preventDefault();
        const why = nameProblem(name);
        setProblem(why);
        if (why) return;
        store.clearError();
        void store
          .createTag({ name: name.trim(), parentId: parentId || null, color, description: description.trim() || undefined })
          .then((tag) => {
            if (!tag) return;
            setName('');
            setDescription('');
            onCreated(tag);
          });
      }}
    >
      <div className="new-tag-row">
        <input
          aria-label="New tag name"
          placeholder="New tag…"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="tool">
          Add
        </button>
      </div>
      <div className="new-tag-row">
        <label className="inline">
          under
          <select aria-label="Parent of the new tag" value={parentId} onChange={(event) => setParentId(event.target.value)}>
            <option value="">(top level)</option>
            <TagOptions rows={rows} />
          </select>
        </label>
        <ColorSelect label="Colour of the new tag" value={color} onChange={setColor} />
      </div>
      {name.trim() && (
        <input
          aria-label="Description of the new tag"
          placeholder="Description (what this code means, when to use it)"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function ColorSelect({ label, value, onChange }: { label: string; value: HighlightColor; onChange: (color: HighlightColor) => void }) {
  return (
    <label className="inline color-select">
      <span className="swatch" data-color={value} aria-hidden="true" />
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as HighlightColor)}>
        {COLORS.map((color) => (
          <option key={color} value={color}>
            {color}
          </option>
        ))}
      </select>
    </label>
  );
}

// -- one tag ----------------------------------------------------------------------------------------

interface RowProps {
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

function TagRow({ node, selected, filtered, chosenFilter, dropTarget, onSelect, onFilter, children, ...drag }: RowProps) {
  const { tag, depth, total } = node;
  return (
    <li
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

interface EditorProps {
  readonly node: TagNode;
  readonly onRename: (name: string) => void;
  readonly onChange: (input: { color?: HighlightColor; description?: string }) => void;
  readonly onMove: () => void;
  readonly onMerge: () => void;
  readonly onDelete: () => void;
}

function TagEditor({ node, onRename, onChange, onMove, onMerge, onDelete }: EditorProps) {
  const { tag } = node;
  const [name, setName] = useState(tag.name);
  const [description, setDescription] = useState(tag.description);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setName(tag.name), [tag.name]);
  useEffect(() => setDescription(tag.description), [tag.description]);
  const rename = () => {
    const why = nameProblem(name);
    setProblem(why);
    if (!why && name.trim() !== tag.name) onRename(name.trim());
  };
  return (
    <div className="tag-editor" role="group" aria-label={`Edit “${tag.name}”`}>
      <form
        className="rename"
        onSubmit={(event) => {
          event.preventDefault();
          rename();
        }}
      >
        <input aria-label="Tag name" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="tool" disabled={name.trim() === tag.name}>
          Rename
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p className="muted affected">
        Used on {plural(tag.count, 'annotation')}
        {node.children.length > 0 ? `; ${plural(node.children.length, 'sub-tag')}` : ''}.
      </p>
      <ColorSelect label="Tag colour" value={tag.color} onChange={(color) => onChange({ color })} />
      <textarea
        aria-label="Tag description"
        placeholder="Description: what this code means, when to use it"
        rows={2}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        onBlur={() => description !== tag.description && onChange({ description })}
      />
      <div className="tag-actions">
        <button type="button" className="tool" onClick={onMove}>
          Move…
        </button>
        <button type="button" className="tool" onClick={onMerge}>
          Merge into…
        </button>
        <button type="button" className="tool danger" onClick={onDelete}>
          Delete…
        </button>
      </div>
    </div>
  );
}

// -- dialogs ----------------------------------------------------------------------------------------


interface DialogProps {
  readonly tag: Tag;
  readonly tags: readonly Tag[];
  readonly onCancel: () => void;
}

function MoveDialog({ tag, tags, rows, onCancel, onMove }: DialogProps & { rows: readonly TagNode[]; onMove: (parentId: string | null) => void }) {
  const [parentId, setParentId] = useState(tag.parentId ?? '');
  const subTags = tags.filter((t) => t.parentId === tag.id).length;
  return (
    <Dialog title={`Move “${tag.name}”`} onClose={onCancel} describedBy="move-summary">
      <label className="field">
        New parent
        <select value={parentId} onChange={(event) => setParentId(event.target.value)} data-autofocus>
          <option value="">(top level)</option>
          <TagOptions rows={rows} exclude={(t) => isWithin(tags, t.id, tag.id)} />
        </select>
      </label>
      <p id="move-summary" className="summary">
        {plural(tag.count, 'annotation')} keep this tag
        {subTags > 0 ? `; its ${plural(subTags, 'sub-tag')} move${subTags === 1 ? 's' : ''} with it` : ''}.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={parentId === (tag.parentId ?? '')} onClick={() => onMove(parentId || null)}>
          Move
        </button>
      </div>
    </Dialog>
  );
}

function MergeDialog({ tag, tags, rows, onCancel, onMerge }: DialogProps & { rows: readonly TagNode[]; onMerge: (into: Tag) => void }) {
  const [intoId, setIntoId] = useState('');
  const into = tags.find((t) => t.id === intoId);
  const subTags = tags.filter((t) => t.parentId === tag.id).length;
  return (
    <Dialog title={`Merge “${tag.name}” into another tag`} onClose={onCancel} describedBy="merge-summary">
      <label className="field">
        Merge into
        <select value={intoId} onChange={(event) => setIntoId(event.target.value)} data-autofocus>
          <option value="">Choose the tag to keep…</option>
          <TagOptions rows={rows} exclude={(t) => isWithin(tags, t.id, tag.id)} />
        </select>
      </label>
      <p id="merge-summary" className="summary">
        {into ? (
          <>
            {plural(tag.count, 'annotation')} tagged “{tag.name}” will be tagged “{tagPath(tags, into.id)}” instead (it has{' '}
            {plural(into.count, 'annotation')} now).
            {subTags > 0 && ` Its ${plural(subTags, 'sub-tag')} move${subTags === 1 ? 's' : ''} under “${into.name}”.`} Then “
            {tag.name}” is removed.
          </>
        ) : (
          <>
            “{tag.name}” is on {plural(tag.count, 'annotation')}
            {subTags > 0 ? ` and has ${plural(subTags, 'sub-tag')}` : ''}. Choose the tag they move to.
          </>
        )}
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!into} onClick={() => into && onMerge(into)}>
          Merge
        </button>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ tag, tags, onCancel, onDelete }: DialogProps & { onDelete: () => void }) {
  const subTags = tags.filter((t) => t.parentId === tag.id).length;
  const parent = tag.parentId ? tags.find((t) => t.id === tag.parentId) : undefined;
  return (
    <Dialog title={`Delete “${tag.name}”?`} onClose={onCancel} describedBy="delete-summary">
      <p id="delete-summary" className="summary">
        The tag will be taken off {plural(tag.count, 'annotation')}; the annotations themselves stay.
        {subTags > 0 && ` Its ${plural(subTags, 'sub-tag')} move${subTags === 1 ? 's' : ''} up to ${parent ? `“${parent.name}”` : 'the top level'}.`}{' '}
        You can undo this.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary danger" onClick={onDelete}>
          Delete tag
        </button>
      </div>
    </Dialog>
  );
}
