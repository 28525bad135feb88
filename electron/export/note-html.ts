/**
 * A note as HTML without a DOM: a walk over the checked note that writes only the elements of
 * the note schema, with every text and attribute escaped. Nothing a user typed can become an
 * element, an attribute or a script.
 */
import { escapeUTF8 } from 'entities';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { NoteDocument } from '../../shared/annotations';
import { exportableHref, readNote } from './note-schema';

const ELEMENTS: Record<string, string> = { paragraph: 'p', bullet_list: 'ul', ordered_list: 'ol', list_item: 'li' };

function inlineHtml(node: ProseMirrorNode): string {
  if (node.type.name === 'hard_break') return '<br>';
  let html = escapeUTF8(node.text ?? '');
  for (const mark of [...node.marks].reverse()) {
    if (mark.type.name === 'strong') html = `<strong>${html}</strong>`;
    else if (mark.type.name === 'em') html = `<em>${html}</em>`;
    else if (mark.type.name === 'link') {
      const href = exportableHref(mark);
      if (href) html = `<a href="${escapeUTF8(href)}">${html}</a>`;
    }
  }
  return html;
}

function blockHtml(node: ProseMirrorNode): string {
  const element = ELEMENTS[node.type.name] ?? 'div';
  const order = Number(node.attrs.order);
  const start = element === 'ol' && Number.isInteger(order) && order !== 1 ? ` start="${order}"` : '';
  const children: string[] = [];
  node.forEach((child) => children.push(child.isInline ? inlineHtml(child) : blockHtml(child)));
  return `<${element}${start}>${children.join('')}</${element}>`;
}

/** The note's blocks as HTML; an unreadable note falls back to its plain text, a paragraph a line. */
export function noteToHtml(note: NoteDocument | null, noteText: string): string {
  const doc = readNote(note);
  if (doc) {
    const blocks: string[] = [];
    doc.forEach((block) => blocks.push(blockHtml(block)));
    return blocks.join('\n');
  }
  return textParagraphsHtml(noteText);
}

/** Plain text of several paragraphs (a verdict, a quote across paragraphs) as escaped <p> elements. */
export function textParagraphsHtml(text: string): string {
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeUTF8(line)}</p>`)
    .join('\n');
}
