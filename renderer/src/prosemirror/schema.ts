/**
 * The schema of a source as the reader shows it. The text is never edited: views are read-only.
 * One node per block kind of the reading text, each holding exactly the block's characters, so a
 * reading-text offset and a ProseMirror position differ only by the block boundaries.
 *
 * Blocks are grouped in chunks of a fixed number. A chunk carries no meaning; it is there because
 * the 1.3 MB text has 2,388 blocks: with chunks, the browser skips chunks out of sight as a whole
 * (`content-visibility`, tracked per chunk, not per block) and ProseMirror files decorations
 * under about 75 chunks instead of 2,388 blocks, so one new highlight is drawn within a frame.
 */
import { Schema, type Node as ProseMirrorNode, type NodeSpec } from 'prosemirror-model';
import type { TextBlock, TextBlockKind } from '../../../shared/text/text-model';
import { BLOCKS_PER_CHUNK } from './text-positions';

function block(tag: string, className: string | null, extra: Partial<NodeSpec> = {}): NodeSpec {
  return {
    group: 'block',
    content: 'text*',
    attrs: { role: { default: null } },
    toDOM: (node) => {
      const classes = [className, node.attrs.role].filter(Boolean).join(' ');
      return [tag, classes ? { class: classes } : {}, 0];
    },
    ...extra,
  };
}

export const sourceSchema = new Schema({
  nodes: {
    doc: { content: 'chunk+' },
    chunk: { content: 'block+', toDOM: () => ['div', { class: 'source-chunk' }, 0] },
    paragraph: block('p', null),
    heading: {
      ...block('h2', null),
      attrs: { level: { default: 1 }, role: { default: null } },
      defining: true,
      // The pane title is the page's h1 level; a source's chapters start one below it.
      toDOM: (node) => [`h${Math.min(6, Number(node.attrs.level) + 1)}`, { class: 'source-heading' }, 0],
    },
    // Verse keeps its line breaks: they are "\n" characters of the text, shown as breaks.
    verse: block('div', 'verse', { code: false, whitespace: 'pre' }),
    quote: block('blockquote', 'quote'),
    attribution: block('p', 'attribution'),
    caption: block('p', 'caption'),
    hatnote: block('p', 'hatnote'),
    list_item: block('p', 'list-item'),
    footnote: block('p', 'footnote'),
    text: {},
  },
});

const NODE_OF_KIND: Record<TextBlockKind, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  verse: 'verse',
  quote: 'quote',
  attribution: 'attribution',
  caption: 'caption',
  hatnote: 'hatnote',
  'list-item': 'list_item',
  footnote: 'footnote',
};

export function documentFromText(text: string, blocks: readonly TextBlock[]): ProseMirrorNode {
  const children = blocks.map((textBlock) => {
    const type = sourceSchema.nodes[NODE_OF_KIND[textBlock.kind]]!;
    const content = textBlock.end > textBlock.start ? [sourceSchema.text(text.slice(textBlock.start, textBlock.end))] : [];
    const attrs: Record<string, unknown> = { role: textBlock.role ?? null };
    if (textBlock.kind === 'heading') attrs.level = textBlock.level ?? 1;
    return type.create(attrs, content);
  });
  const { doc, chunk, paragraph } = sourceSchema.nodes;
  if (children.length === 0) children.push(paragraph!.create());
  const chunks: ProseMirrorNode[] = [];
  for (let index = 0; index < children.length; index += BLOCKS_PER_CHUNK) {
    chunks.push(chunk!.create(null, children.slice(index, index + BLOCKS_PER_CHUNK)));
  }
  return doc!.create(null, chunks);
}
