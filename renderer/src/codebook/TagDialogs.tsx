/** The dialogs that ask before a tag is moved, merged into another or deleted, each saying how many annotations it touches. */
import { useState } from 'react';
import type { Tag } from '../../../shared/annotations';
import { Dialog } from '../workspace/Dialog';
import { isWithin, plural, tagPath, type TagNode } from './tag-tree';
import { TagOptions } from './TagOptions';

interface DialogProps {
  readonly tag: Tag;
  readonly tags: readonly Tag[];
  readonly onCancel: () => void;
}

export function MoveDialog({ tag, tags, rows, onCancel, onMove }: DialogProps & { rows: readonly TagNode[]; onMove: (parentId: string | null) => void }) {
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

export function MergeDialog({ tag, tags, rows, onCancel, onMerge }: DialogProps & { rows: readonly TagNode[]; onMerge: (into: Tag) => void }) {
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

export function DeleteDialog({ tag, tags, onCancel, onDelete }: DialogProps & { onDelete: () => void }) {
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
