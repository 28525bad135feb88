/**
 * The schema of a note: paragraphs, bold, italic, links, bullet and ordered lists and hard breaks;
 * nothing more, so a note stays a note. A note is stored as this schema's document JSON
 * (`{ type: 'doc', content: [...] }`) and read back with the same schema, so it shows exactly as
 * it was written. Node and mark names follow prosemirror-schema-basic and -list.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { NoteDocument } from '../../../shared/annotations';

/** Links may point to the web or to an e-mail address; anything else (javascript:, file:) is refused. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // A bare address ("www.example.org", "example.org/page") is taken to be on the web.
  if (/^[\p{L}\d-]+(\.[\p{L}\d-]+)+(\/\S*)?$/u.test(trimmed)) return `https://${trimmed}`;
  return null;
}

export const noteSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1 } },
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom) => ({ order: (dom as HTMLElement).hasAttribute('start') ? Number((dom as HTMLElement).getAttribute('start')) : 1 }),
        },
      ],
      toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0]),
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => ['a', { href: safeHref(String(mark.attrs.href)) ?? '#', rel: 'noopener noreferrer', target: '_blank' }, 0],
    },
    em: {
      parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
      toDOM: () => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null }],
      toDOM: () => ['strong', 0],
    },
  },
});

/** An empty note: one empty paragraph. */
export function emptyNote(): ProseMirrorNode {
  return noteSchema.node('doc', null, [noteSchema.node('paragraph')]);
}

/** The editor document of a stored note; an unreadable note gives null (and is not overwritten unasked). */
export function noteFromJSON(note: NoteDocument | null): ProseMirrorNode | null {
  if (!note) return emptyNote();
  try {
    const doc = noteSchema.nodeFromJSON(note);
    doc.check();
    return doc;
  } catch {
    return null;
  }
}

/** True for a note with no words in it (saved as no note at all). */
function isEmptyNote(doc: ProseMirrorNode): boolean {
  return doc.textContent.trim() === '';
}

/** What is stored: the document JSON, or null for an empty note. */
export function noteToJSON(doc: ProseMirrorNode): NoteDocument | null {
  if (isEmptyNote(doc)) return null;
  return doc.toJSON() as NoteDocument;
}
