/**
 * Tags of the codebook by their full path ("Parent / Child"), and the search the tag input
 * offers: any part of the path, ignoring case (Cyrillic as well as Latin), best matches first.
 */
import type { Tag } from '../../../shared/annotations';

const PATH_SEPARATOR = ' / ';

export function tagPath(tag: Tag, tags: readonly Tag[]): string {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let parent = tag.parentId ? byId.get(tag.parentId) : undefined; parent && !seen.has(parent.id); ) {
    seen.add(parent.id);
    names.unshift(parent.name);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return names.join(PATH_SEPARATOR);
}

export interface TagOption {
  readonly tag: Tag;
  readonly path: string;
}

function fold(text: string): string {
  return text.toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s*\/\s*/g, '/').trim();
}

/** Tags whose path contains the query, those whose name starts with it first; `exclude` are left out. */
export function matchTags(tags: readonly Tag[], query: string, exclude: readonly string[] = [], limit = 8): TagOption[] {
  const folded = fold(query);
  const options = tags.filter((tag) => !exclude.includes(tag.id)).map((tag) => ({ tag, path: tagPath(tag, tags) }));
  if (!folded) return options.sort((a, b) => a.path.localeCompare(b.path)).slice(0, limit);
  const rank = (option: TagOption): number => {
    const name = fold(option.tag.name);
    const path = fold(option.path);
    if (name === folded || path === folded) return 0;
    if (name.startsWith(folded)) return 1;
    if (path.startsWith(folded)) return 2;
    if (name.includes(folded)) return 3;
    if (path.includes(folded)) return 4;
    return -1;
  };
  return options
    .map((option) => ({ option, rank: rank(option) }))
    .filter(({ rank: r }) => r >= 0)
    .sort((a, b) => a.rank - b.rank || a.option.path.localeCompare(b.option.path))
    .slice(0, limit)
    .map(({ option }) => option);
}

/** The tag with exactly this path (or, for a one-level name, exactly this name at the top), if any. */
export function findByPath(tags: readonly Tag[], path: string): Tag | undefined {
  const wanted = splitPath(path).map(fold).join('/');
  return tags.find((tag) => fold(tagPath(tag, tags)) === wanted);
}

/** "Causes / Economic" → ["Causes", "Economic"]; empty parts are dropped. */
export function splitPath(input: string): string[] {
  return input
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}
