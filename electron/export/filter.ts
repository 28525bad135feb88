/**
 * The sidebar's filters applied to an export: which annotations go in. A tag chosen stands for
 * its whole branch of the codebook, as in the sidebar, so a tag's sub-tags are never lost.
 */
import type { Annotation, Tag } from '../../shared/annotations';
import type { ExportFilter } from './model';

/** The chosen tags and all tags below them. */
export function withSubTags(tagIds: readonly string[], tags: readonly Pick<Tag, 'id' | 'parentId'>[]): Set<string> {
  const chosen = new Set(tagIds);
  let grew = true;
  // The codebook is shallow; sweeping until nothing is added also survives a cycle in bad data.
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (tag.parentId !== null && chosen.has(tag.parentId) && !chosen.has(tag.id)) {
        chosen.add(tag.id);
        grew = true;
      }
    }
  }
  return chosen;
}

const given = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

export function annotationFilter(filter: ExportFilter, tags: readonly Tag[]): (annotation: Annotation) => boolean {
  const documents = given(filter.documentIds) ? new Set(filter.documentIds) : null;
  const tagSet = given(filter.tagIds) ? withSubTags(filter.tagIds, tags) : null;
  const colors = given(filter.colors) ? new Set(filter.colors) : null;
  const credibility = given(filter.credibility) ? new Set(filter.credibility) : null;
  const words = filter.text?.trim().toLowerCase() ?? '';
  return (annotation) =>
    (annotation.status === 'anchored' || filter.includeOrphans === true) &&
    (!documents || documents.has(annotation.documentId)) &&
    (!tagSet || annotation.tagIds.some((id) => tagSet.has(id))) &&
    (!colors || colors.has(annotation.color)) &&
    (!credibility || credibility.has(annotation.credibility)) &&
    (words === '' || annotation.quote.exact.toLowerCase().includes(words) || annotation.noteText.toLowerCase().includes(words));
}
