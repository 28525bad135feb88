import type { DocumentSummary } from '../../../shared/domain';

/** Archival convention: a title supplied by an editor stands in square brackets. */
export function displayTitle(document: DocumentSummary): string {
  return document.titleSupplied ? `[${document.title}]` : document.title;
}
