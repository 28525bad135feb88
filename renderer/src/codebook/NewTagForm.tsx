/** The form at the top of the codebook that adds a tag: name, parent, colour and (once named) a description. */
import { useEffect, useState } from 'react';
import { tagNameProblem, type HighlightColor, type Tag } from '../../../shared/annotations';
import { messageOf } from '../state/errors';
import { useStores } from '../state/store-context';
import { ColorSelect } from './ColorSelect';
import type { TagNode } from './tag-tree';
import { TagOptions } from './TagOptions';

export function NewTagForm({ tags, rows, onCreated }: { tags: readonly Tag[]; rows: readonly TagNode[]; onCreated: (tag: Tag) => void }) {
  const codebook = useStores().codebook;
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
        const why = tagNameProblem(name);
        setProblem(why);
        if (why) return;
        const submitted = { name, description };
        codebook
          .createTag({ name: name.trim(), parentId: parentId || null, color, description: description.trim() || undefined })
          .then(
            (tag) => {
              // The new tag shows in the list before the history has caught up; what the user
              // typed for the next tag in between is theirs, not the old name's, and stays.
              setName((current) => (current === submitted.name ? '' : current));
              setDescription((current) => (current === submitted.description ? '' : current));
              onCreated(tag);
            },
            // The server's refusal stands where the name was typed, and the name stays.
            (error: unknown) => setProblem(messageOf(error)),
          );
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
