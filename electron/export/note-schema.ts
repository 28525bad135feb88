/**
 * A stored note (ProseMirror document JSON) as the exporters read it. The node and mark names are
 * those of the editor's schema (renderer/src/annotations/note-schema.ts, which the Node side must
 * not import: it carries the editor's DOM parsing rules); only the structure is needed here, and
 * checking a note against it means a writer never meets a node it does not know.
 */
import { Schema, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { NoteDocument } from '../../shared/annotations';

export const exportNoteSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    bullet_list: { group: 'block', content: 'list_item+' },
    ordered_list: { group: 'block', content: 'list_item+', attrs: { order: { default: 1 } } },
    list_item: { content: 'paragraph block*' },
    text: { group: 'inline' },
    hard_break: { inline: true, group: 'inline' },
  },
  marks: {
    link: { attrs: { href: {} }, inclusive: false },
    em: {},
    strong: {},
  },
});

/**
 * The note as a checked document, or null when there is none or it does not fit the schema
 * (a note written by a newer Sourcebench): the caller then falls back to its plain text, so an
 * export never fails, nor drops words, over one odd note.
 */
export function readNote(note: NoteDocument | null): ProseMirrorNode | null {
  if (!note) return null;
  try {
    const doc = exportNoteSchema.nodeFromJSON(note);
    doc.check();
    return doc;
  } catch {
    return null;
  }
}

/**
 * The target of a link mark if an exported file may keep it as a link: a web or e-mail address
 * with nothing that could break out of a Markdown destination or an HTML attribute. Anything
 * else (javascript:, file:, data:) is exported as the link's text alone.
 */
export function exportableHref(mark: Mark): string | null {
  const href = String(mark.attrs.href ?? '').trim();
  return /^(https?:\/\/|mailto:)[^\s<>"'`()\\]+$/i.test(href) ? href : null;
}
