/**
 * A precise citation of an annotated passage: author, title, chapter and section, the printed
 * page it is near and the raw file's line, so any reader can find the words in the original.
 * Built once as parts; each format only decides how to write the title and escape the text.
 */
import { escapeUTF8 } from 'entities';
import { displayTitle } from '../../shared/domain';
import type { ExportDocument, ExportLocation } from './model';

export interface CitationParts {
  readonly author: string | null;
  /** With [brackets] where the title was supplied by an editor. */
  readonly title: string;
  /** Titles of their own are set in italics; supplied ones are not. */
  readonly italic: boolean;
  /** Translator, chapter, section, page and line, those that are known, in that order. */
  readonly details: readonly string[];
}

export function citationParts(document: ExportDocument, location: ExportLocation | null): CitationParts {
  const details: string[] = [];
  if (document.translator) details.push(`trans. ${document.translator}`);
  if (location === null) {
    details.push('passage no longer found in the current version');
  } else {
    if (location.chapter) details.push(location.chapter);
    if (location.section) details.push(`“${location.section}”`);
    if (location.page) details.push(`near p. ${location.page}`);
    details.push(`${location.inTextLayer ? 'text-layer' : 'raw'} line ${location.line}`);
  }
  return { author: document.author, title: displayTitle(document), italic: !document.titleSupplied, details };
}

export interface CitationStyle {
  /** Escapes plain text for the format. */
  readonly text: (text: string) => string;
  /** Sets an (already escaped) title in italics. */
  readonly italic: (escaped: string) => string;
}

export const PLAIN_CITATION: CitationStyle = { text: (text) => text, italic: (text) => text };

/** HTML: escaped, a title of its own set as a <cite>. */
export const HTML_CITATION: CitationStyle = { text: escapeUTF8, italic: (title) => `<cite>${title}</cite>` };

export function formatCitation(parts: CitationParts, style: CitationStyle = PLAIN_CITATION): string {
  const title = style.text(parts.title);
  return [parts.author ? style.text(parts.author) : null, parts.italic ? style.italic(title) : title, ...parts.details.map(style.text)]
    .filter((part): part is string => part !== null)
    .join(', ');
}
