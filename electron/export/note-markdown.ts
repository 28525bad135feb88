/**
 * Markdown of what a user wrote: notes, and every other string (quotes, titles, tag names,
 * verdicts) through the same serializer, so one escaping policy covers the whole file.
 */
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import type { NoteDocument } from '../../shared/annotations';
import { exportableHref, exportNoteSchema, readNote } from './note-schema';

/**
 * prosemirror-markdown escapes what CommonMark would read as emphasis, code, links, headings and
 * list items. Added here: `<` and `&` (raw HTML and entities would otherwise pass through to the
 * reader), `|` (a table cell's end), `#` anywhere (Obsidian and others read "#word" as a tag,
 * and the serializer has already escaped a heading's first `#`), and at the start of a line `=`
 * (a setext underline) and the `)` of "1)" (an ordered list item).
 */
const EXTRA_ESCAPES = /(?<!\\)#|[<>|&]|(?<=^\s*\d{1,9})\)|(?<=^\s*)=/g;

type MarkOpen = (state: MarkdownSerializerState, mark: Mark, parent: ProseMirrorNode, index: number) => string;
const defaultLink = defaultMarkdownSerializer.marks.link!;

/** A link the export may keep is written as Markdown does; any other is written as its text alone. */
function guarded(part: 'open' | 'close'): MarkOpen {
  const write = defaultLink[part] as MarkOpen;
  return (state, mark, parent, index) => (exportableHref(mark) ? write(state, mark, parent, index) : '');
}

const serializer = new MarkdownSerializer(
  defaultMarkdownSerializer.nodes,
  {
    em: defaultMarkdownSerializer.marks.em!,
    strong: defaultMarkdownSerializer.marks.strong!,
    link: { ...defaultLink, open: guarded('open'), close: guarded('close') },
  },
  { escapeExtraCharacters: EXTRA_ESCAPES, strict: true },
);

/**
 * Titles, authors, chapters and tag names repeat on every annotation of a large export: each is
 * serialized once. Bounded, so a long session does not keep every string it ever wrote.
 */
const inlineWritten = new Map<string, string>();
const INLINE_KEPT = 5000;

/** One line of user text, escaped; line breaks become spaces (a table cell or a heading holds one line). */
export function markdownInline(text: string): string {
  let written = inlineWritten.get(text);
  if (written === undefined) {
    written = serializeInline(text);
    if (inlineWritten.size >= INLINE_KEPT) inlineWritten.clear();
    inlineWritten.set(text, written);
  }
  return written;
}

function serializeInline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return '';
  const doc = exportNoteSchema.node('doc', null, [exportNoteSchema.node('paragraph', null, [exportNoteSchema.text(line)])]);
  return serializer.serialize(doc);
}

/** User text of several paragraphs (a verdict, a quote across paragraphs): one escaped line each. */
export function markdownParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map(markdownInline)
    .filter((line) => line !== '');
}

/** A note as Markdown blocks; an unreadable note falls back to its plain text. */
export function noteToMarkdown(note: NoteDocument | null, noteText: string): string {
  const doc = readNote(note);
  if (doc) return serializer.serialize(doc, { tightLists: true });
  return markdownParagraphs(noteText).join('\n\n');
}
