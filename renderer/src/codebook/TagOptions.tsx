/** The codebook as <option>s, indented by level, for the selects that pick a tag. */
import type { Tag } from '../../../shared/annotations';
import type { TagNode } from './tag-tree';

export function TagOptions({ rows, exclude = () => false }: { rows: readonly TagNode[]; exclude?: (tag: Tag) => boolean }) {
  return (
    <>
      {rows
        .filter((node) => !exclude(node.tag))
        .map((node) => (
          <option key={node.tag.id} value={node.tag.id}>
            {'\u2003'.repeat(node.depth)}
            {node.tag.name}
          </option>
        ))}
    </>
  );
}
