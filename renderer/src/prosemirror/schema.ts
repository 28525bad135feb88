/**
 * The schema of a source as the reader shows it. The text is never edited: views are read-only.
 * One node per block kind of the reading text, each holding exactly the block's characters, so a
 * reading-text offset and a ProseMirror position differ only by the block boundaries.
 */
import { Schema, type Node as ProseMirrorNode, type NodeSpec } from 'prosemirror-model';
import type { TextBlock, TextBlockKind } from '../../../shared/text-model';

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
    doc: { content: 'block+' },
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
  const { doc, paragraph } = sourceSchema.nodes;
  return doc!.create(null, children.length > 0 ? children : [paragraph!.create()]);
}
