/**
 * The schema of a source as the reader shows it. The text is never edited: views are read-only,
 * and every block keeps the raw-file span it came from as attributes, for tracing back.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { Block } from '../../../shared/domain';

export const sourceSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      attrs: { rawStart: { default: 0 }, rawEnd: { default: 0 } },
      parseDOM: [{ tag: 'p' }],
      toDOM: (node) => ['p', { 'data-raw-start': node.attrs.rawStart, 'data-raw-end': node.attrs.rawEnd }, 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 }, rawStart: { default: 0 }, rawEnd: { default: 0 } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node) => [
        `h${node.attrs.level}`,
        { 'data-raw-start': node.attrs.rawStart, 'data-raw-end': node.attrs.rawEnd },
        0,
      ],
    },
    text: {},
  },
});

export function documentFromBlocks(blocks: readonly Block[]): ProseMirrorNode {
  const { nodes } = sourceSchema;
  const children = blocks.map((block) => {
    const content = block.text.length > 0 ? [sourceSchema.text(block.text)] : [];
    const span = { rawStart: block.rawStart, rawEnd: block.rawEnd };
    return block.kind === 'heading'
      ? nodes.heading.create({ ...span, level: block.level ?? 1 }, content)
      : nodes.paragraph.create(span, content);
  });
  return nodes.doc.create(null, children.length > 0 ? children : [nodes.paragraph.create()]);
}
