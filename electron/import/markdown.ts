/**
 * Markdown → reading text. The CommonMark parser (micromark, through mdast) gives every node its
 * offsets in the file, so the reading text keeps the words and leaves the syntax out ("#", ">",
 * "*", "-", escapes, link targets) while each character still maps to the raw file.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { NormalizedText, TextBlockKind } from '../../shared/text/text-model';
import { TextBuilder } from '../../shared/text/normalize/text-builder';
import { FlowWriter } from './flow';
import { writeHtmlFragment } from './html';

type Context = Extract<TextBlockKind, 'paragraph' | 'quote' | 'list-item'>;

/** Raw HTML elements whose content is never reading text (and may be hostile). */
const HIDDEN_INLINE = /^<(script|style|iframe|object|embed|template|noscript|textarea|title|svg|math)\b/i;

function range(node: Nodes): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

export interface MarkdownResult {
  readonly normalized: NormalizedText;
  /** The `title:` of a YAML front matter block, if any. */
  readonly metadataTitle: string | null;
}

export function convertMarkdown(raw: string, fileName = 'The file'): MarkdownResult {
  const tree = fromMarkdown(raw, { extensions: [frontmatter(['yaml', 'toml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])] });
  const writer = new FlowWriter(new TextBuilder(raw), { citationMarkers: true, attributions: true });
  let metadataTitle: string | null = null;
  let hiddenUntil: string | null = null;

  const frontMatter = (value: string): void => {
    const title = /^title\s*[:=]\s*(.+?)\s*$/m.exec(value)?.[1];
    if (title) metadataTitle = title.replace(/^(["'])(.*)\1$/, '$2').trim() || null;
  };

  const inline = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      const at = range(node);
      if (node.type === 'html') {
        if (hiddenUntil) {
          if (new RegExp(`^</${hiddenUntil}\\s*>`, 'i').test(node.value)) hiddenUntil = null;
        } else {
          const hidden = HIDDEN_INLINE.exec(node.value);
          if (hidden && !/\/>\s*$/.test(node.value)) hiddenUntil = hidden[1]!;
        }
        continue;
      }
      if (hiddenUntil) continue;
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          if (at) writer.aligned(node.value, at.start, at.end);
          break;
        case 'break':
          if (at) writer.space(at.start);
          break;
        case 'image':
        case 'imageReference':
          break; // pictures are not text; their alt text is not the author's prose
        default:
          if ('children' in node) inline(node.children);
      }
    }
  };

  const block = (node: RootContent, context: Context): void => {
    const at = range(node);
    switch (node.type) {
      case 'heading':
        writer.open('heading', { level: node.depth });
        inline(node.children);
        writer.close();
        hiddenUntil = null;
        break;
      case 'paragraph':
        writer.open(context);
        inline(node.children);
        writer.close();
        hiddenUntil = null;
        break;
      case 'blockquote':
        for (const child of node.children) block(child, 'quote');
        break;
      case 'list':
        for (const item of node.children) for (const child of item.children) block(child, 'list-item');
        break;
      case 'code': {
        if (!at) break;
        // The content of a fenced block starts after the fence line (whose info string is not text).
        const fenced = /^[ \t]*(```|~~~)/.test(writer.raw.slice(at.start, at.start + 8));
        const start = fenced ? Math.min(at.end, writer.raw.indexOf('\n', at.start) + 1 || at.end) : at.start;
        writer.open(context);
        writer.aligned(node.value, start, at.end);
        writer.close();
        break;
      }
      case 'yaml':
        frontMatter(node.value);
        break;
      case 'html':
        // An HTML block: its text, sanitized as a page's is (no script, style, handler… survives).
        if (at) writeHtmlFragment(writer, at.start, at.end, context, fileName);
        break;
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        // TOML front matter ("+++") is not in mdast's node types.
        if ((node as { type: string }).type === 'toml') frontMatter((node as unknown as { value: string }).value);
        else if ('children' in node) for (const child of node.children as RootContent[]) block(child, context);
    }
  };

  for (const node of tree.children) block(node, 'paragraph');
  writer.close();
  return { normalized: writer.builder.build(), metadataTitle };
}
