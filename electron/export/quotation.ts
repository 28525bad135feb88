/**
 * One highlight as a quotation for the clipboard: the words in quotation marks, then the same
 * precise citation the exports print, so a passage pasted into a draft can be found again in
 * the original. Plain text for any editor, HTML for word processors (a block quote and a
 * citation line with the title in italics).
 */
import { escapeUTF8 as escape } from 'entities';
import type { Annotation } from '../../shared/annotations';
import type { Quotation } from '../../shared/export';
import { citationParts, formatCitation, HTML_CITATION } from './citation';
import { exportDocument, locateAll, versionReader, type ExportSource } from './snapshot';

export async function quotationOf(api: ExportSource, annotation: Annotation): Promise<Quotation> {
  const documents = await api.listDocuments({});
  const position = documents.findIndex((document) => document.id === annotation.documentId);
  const versions = versionReader(api);
  const document = await exportDocument(api, versions, documents[position]!, position + 1);
  const location = (await locateAll(api, versions, [annotation])).get(annotation.id) ?? null;
  const parts = citationParts(document, location);
  // A quote may span paragraphs: plain text keeps its breaks; HTML gives each its paragraph.
  const paragraphs = annotation.quote.exact.split(/\n+/).filter((paragraph) => paragraph.trim() !== '');
  return {
    text: `“${annotation.quote.exact.trim()}”\n— ${formatCitation(parts)}`,
    html:
      `<blockquote lang="${escape(document.language)}">${paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('')}</blockquote>` +
      `<p>— ${formatCitation(parts, HTML_CITATION)}</p>`,
  };
}
