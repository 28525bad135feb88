/**
 * The export dialog's filter: it starts from what the sidebar is filtered by, so "export what I
 * am looking at" is one click, and the same choices can then be widened or narrowed.
 */
import type { Tag } from '../../../shared/annotations';
import type { ExportFilter } from '../../../shared/export';
import { filterRoots } from '../codebook/tag-tree';
import type { SidebarFilters } from '../sidebar/AnnotationsTab';

/**
 * The sidebar's tag filter (its chosen tags: the export adds their sub-tags itself) and its
 * credibility filter. The sidebar's source-grade filter has no counterpart in an export.
 */
export function filterFromSidebar(tags: readonly Tag[], tagFilter: readonly string[], sidebar: SidebarFilters): ExportFilter {
  const filter: ExportFilter = { includeOrphans: false };
  const roots = filterRoots(tags, tagFilter);
  if (roots.length > 0) filter.tagIds = roots;
  if (sidebar.credibility === 'none') filter.credibility = [null];
  else if (sidebar.credibility) filter.credibility = [Number(sidebar.credibility)];
  return filter;
}

/** The list with the value added or taken out. */
export function toggled<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] {
  const rest = (list ?? []).filter((item) => item !== value);
  return on ? [...rest, value] : rest;
}

/** The filter as the API wants it: no empty lists or blank text (they would not narrow anything anyway). */
export function requestFilter(filter: ExportFilter): ExportFilter {
  const result: ExportFilter = {};
  if (filter.documentIds?.length) result.documentIds = filter.documentIds;
  if (filter.tagIds?.length) result.tagIds = filter.tagIds;
  if (filter.colors?.length) result.colors = filter.colors;
  if (filter.credibility?.length) result.credibility = filter.credibility;
  if (filter.text?.trim()) result.text = filter.text.trim();
  if (filter.includeOrphans) result.includeOrphans = true;
  return result;
}
