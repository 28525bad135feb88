/**
 * The user's choice of how annotated notes are grouped: by document (reading order), by tag
 * (codebook order; an annotation with two tags is under both) or by claim (each claim with its
 * accounts; the rest at the end). Groups without annotations are left out.
 */
import { displayTitle } from '../../shared/domain';
import type { ExportGrouping } from '../../shared/export';
import { tagPathLabel } from './labels';
import type { ExportAnnotation, ExportClaim, ExportDocument, ExportSnapshot, ExportTag } from './model';

export type AnnotationGroup =
  | { readonly kind: 'document'; readonly document: ExportDocument; readonly annotations: readonly ExportAnnotation[] }
  | { readonly kind: 'tag'; readonly tag: ExportTag; readonly annotations: readonly ExportAnnotation[] }
  | { readonly kind: 'untagged'; readonly annotations: readonly ExportAnnotation[] }
  | { readonly kind: 'claim'; readonly claim: ExportClaim; readonly annotations: readonly ExportAnnotation[] }
  | { readonly kind: 'unclaimed'; readonly annotations: readonly ExportAnnotation[] };

export function groupAnnotations(snapshot: ExportSnapshot, by: ExportGrouping): AnnotationGroup[] {
  const { annotations } = snapshot;
  const groups: AnnotationGroup[] = [];
  if (by === 'document') {
    for (const document of snapshot.documents) {
      groups.push({ kind: 'document', document, annotations: annotations.filter((a) => a.documentId === document.id) });
    }
  } else if (by === 'tag') {
    for (const tag of snapshot.tags) groups.push({ kind: 'tag', tag, annotations: annotations.filter((a) => a.tagIds.includes(tag.id)) });
    groups.push({ kind: 'untagged', annotations: annotations.filter((a) => a.tagIds.length === 0) });
  } else {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    for (const claim of snapshot.claims) {
      const accounts = [...new Set(claim.accounts.map((account) => account.annotationId))];
      groups.push({ kind: 'claim', claim, annotations: accounts.map((id) => byId.get(id)!) });
    }
    groups.push({ kind: 'unclaimed', annotations: annotations.filter((a) => a.claims.length === 0) });
  }
  return groups.filter((group) => group.annotations.length > 0);
}

/** A group's heading as plain text; each format escapes it (and may add to it). */
export function groupTitle(group: AnnotationGroup): string {
  switch (group.kind) {
    case 'document':
      return displayTitle(group.document);
    case 'tag':
      return tagPathLabel(group.tag.path);
    case 'untagged':
      return 'Without tags';
    case 'claim':
      return `Claim: ${group.claim.wording}`;
    case 'unclaimed':
      return 'Not part of any claim';
  }
}

/** Lookups every writer needs while walking groups. */
export function indexSnapshot(snapshot: ExportSnapshot): {
  document: (id: string) => ExportDocument;
  /** The annotation's tags in codebook order, whatever order they were given in. */
  tagsOf: (annotation: ExportAnnotation) => ExportTag[];
  annotation: (id: string) => ExportAnnotation;
} {
  const documents = new Map(snapshot.documents.map((d) => [d.id, d]));
  const annotations = new Map(snapshot.annotations.map((a) => [a.id, a]));
  return {
    document: (id) => documents.get(id)!,
    tagsOf: (annotation) => snapshot.tags.filter((tag) => annotation.tagIds.includes(tag.id)),
    annotation: (id) => annotations.get(id)!,
  };
}
