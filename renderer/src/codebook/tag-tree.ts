/** The codebook as a tree: tags by parent, paths ("Politics / Purges"), descendants, totals. */
import type { Tag } from '../../../shared/annotations';

export interface TagNode {
  readonly tag: Tag;
  readonly depth: number;
  readonly children: readonly TagNode[];
  /** Annotations carrying this tag or one of its sub-tags (an annotation with both counts twice). */
  readonly total: number;
}

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export function buildTagTree(tags: readonly Tag[]): TagNode[] {
  const ids = new Set(tags.map((tag) => tag.id));
  const childrenOf = new Map<string | null, Tag[]>();
  for (const tag of tags) {
    // A parent that is gone (should not happen) puts its children at the top level, never hides them.
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(tag);
    childrenOf.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): TagNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((tag) => !seen.has(tag.id) && (seen.add(tag.id), true))
      .sort(byName)
      .map((tag) => {
        const children = build(tag.id, depth + 1);
        return { tag, depth, children, total: tag.count + children.reduce((sum, child) => sum + child.total, 0) };
      });
  return build(null, 0);
}

/** The tree in reading order, one row per tag. */
export function flattenTree(nodes: readonly TagNode[]): TagNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** A tag and all its sub-tags, at any depth. */
export function withDescendants(tags: readonly Tag[], ids: readonly string[]): string[] {
  const result = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    for (const tag of tags) if (tag.parentId === id) stack.push(tag.id);
  }
  return [...result];
}

/** The tags a filter was chosen with: those whose parent is not itself in the filter. */
export function filterRoots(tags: readonly Tag[], filter: readonly string[]): string[] {
  const inFilter = new Set(filter);
  return filter.filter((id) => {
    const tag = tags.find((t) => t.id === id);
    return tag && !(tag.parentId && inFilter.has(tag.parentId));
  });
}

export function tagPath(tags: readonly Tag[], id: string): string {
  const parts: string[] = [];
  let current = tags.find((tag) => tag.id === id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    parts.unshift(current.name);
    const parentId: string | null = current.parentId;
    current = parentId ? tags.find((tag) => tag.id === parentId) : undefined;
  }
  return parts.join(' / ');
}

/** Whether `id` is `ancestor` or lies below it (a tag cannot move under itself). */
export function isWithin(tags: readonly Tag[], id: string, ancestor: string): boolean {
  return withDescendants(tags, [ancestor]).includes(id);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
