/** The editor of the selected tag: rename, colour, description, and the way to move, merge or delete it. */
import { useEffect, useState } from 'react';
import { tagNameProblem, type HighlightColor } from '../../../shared/annotations';
import { ColorSelect } from './ColorSelect';
import { plural, type TagNode } from './tag-tree';

interface EditorProps {
  readonly node: TagNode;
  readonly onRename: (name: string) => void;
  readonly onChange: (input: { color?: HighlightColor; description?: string }) => void;
  readonly onMove: () => void;
  readonly onMerge: () => void;
  readonly onDelete: () => void;
}

export function TagEditor({ node, onRename, onChange, onMove, onMerge, onDelete }: EditorProps) {
  const { tag } = node;
  const [name, setName] = useState(tag.name);
  const [description, setDescription] = useState(tag.description);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setName(tag.name), [tag.name]);
  useEffect(() => setDescription(tag.description), [tag.description]);
  const rename = () => {
    const why = tagNameProblem(name);
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
