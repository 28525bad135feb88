/**
 * HTML → reading text, sanitized by construction.
 *
 * Why a parser with source locations and not a sanitizer (DOMPurify, sanitize-html): a sanitizer
 * rewrites the HTML and hands back a new string, so the characters it keeps no longer sit at
 * their offsets in the file, and the reading text could not be traced to the raw file (every
 * annotation anchors there). parse5 parses as browsers do (WHATWG tree construction, entities,
 * broken markup) and gives each text node its offsets in the file; we then keep nothing but the
 * text of elements that hold reading text. No markup, attribute (event handlers, `javascript:`
 * URLs, inline styles) or comment is ever copied, and the content of script, style, iframe,
 * object/embed, template, noscript, svg/math and form controls is skipped whole, so nothing
 * executable or hidden can survive into the output: the result is plain text.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { NormalizedText, TextBlockKind } from '../../shared/text/text-model';
import { TextBuilder } from '../../shared/text/normalize/text-builder';
import { ImportError } from './errors';
import { FlowWriter } from './flow';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content is never reading text (code, embedded documents, form controls, metadata). */
const SKIPPED = new Set([
  'head', 'title', 'meta', 'link', 'base',
  'script', 'noscript', 'style', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'noembed', 'noframes',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map',
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output',
]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'ul',
]);

interface Context {
  readonly kind: TextBlockKind;
  readonly level?: number;
  readonly inQuote: boolean;
  readonly inNotes: boolean;
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

function classes(element: Element): string[] {
  return (attribute(element, 'class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function isHidden(element: Element): boolean {
  if (attribute(element, 'hidden') !== null) return true;
  const style = (attribute(element, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node) || (isElement(node) && SKIPPED.has(node.tagName) && node.tagName !== 'title')) return '';
  return node.childNodes.map(textContent).join('');
}

function find(node: Node, predicate: (element: Element) => boolean): Element | null {
  if (isElement(node) && predicate(node)) return node;
  if ('childNodes' in node) {
    for (const child of node.childNodes) {
      const found = find(child, predicate);
      if (found) return found;
    }
  }
  return null;
}

function contextOf(element: Element, parent: Context): Context {
  const tag = element.tagName;
  const names = classes(element);
  const role = attribute(element, 'role');
  const notes =
    parent.inNotes ||
    names.some((name) => name === 'footnotes' || name === 'references' || name === 'reflist' || name === 'endnotes') ||
    role === 'doc-endnotes' ||
    role === 'doc-footnote' ||
    role === 'doc-endnote';
  const base = { inQuote: parent.inQuote, inNotes: notes };
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]), ...base };
  if (names.includes('hatnote')) return { kind: 'hatnote', ...base };
  if (tag === 'figcaption' || tag === 'caption') return { kind: 'caption', ...base };
  if (tag === 'blockquote') return { kind: 'quote', ...base, inQuote: true };
  if (parent.inQuote && (tag === 'footer' || tag === 'cite')) return { kind: 'attribution', ...base };
  if (notes && (tag === 'li' || tag === 'aside' || tag === 'p' || role === 'doc-footnote')) return { kind: 'footnote', ...base };
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return { kind: tag === 'li' ? 'list-item' : parent.kind === 'list-item' ? 'list-item' : 'paragraph', ...base };
  if (notes && parent.kind === 'footnote') return { ...parent, ...base };
  // Other blocks (p, div, td…) inherit the kind of the block they are in: a <p> in a quote is quote text.
  return { ...parent, ...base };
}

export interface HtmlResult {
  readonly normalized: NormalizedText;
  /** The <title>, white space collapsed. */
  readonly metadataTitle: string | null;
  /** The lang attribute of <html>. */
  readonly declaredLanguage: string | null;
}

/** Writes the reading text of a parsed tree; `base` is the offset in writer.raw where the parsed string starts. */
function htmlWalker(writer: FlowWriter, base: number): (node: Node, context: Context) => void {
  const walk = (node: Node, context: Context): void => {
    if (node.nodeName === '#text') {
      const location = (node as DefaultTreeAdapterTypes.TextNode).sourceCodeLocation;
      if (!location) return;
      writer.ensure(context.kind, context.level === undefined ? {} : { level: context.level });
      writer.aligned((node as DefaultTreeAdapterTypes.TextNode).value, base + location.startOffset, base + location.endOffset);
      return;
    }
    if (!isElement(node)) {
      // Documents and fragments hold children; comments and doctypes hold no reading text.
      if (node.nodeName === '#document' || node.nodeName === '#document-fragment') for (const child of (node as DefaultTreeAdapterTypes.ParentNode).childNodes) walk(child, context);
      return;
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag) || isHidden(node)) return;
    const location = node.sourceCodeLocation;
    if (tag === 'br' || tag === 'wbr') {
      if (tag === 'br' && location && writer.isOpen) writer.space(base + location.startOffset);
      return;
    }
    if (tag === 'sup' && location) {
      const label = textContent(node).replace(/\s+/g, '');
      if (/^\[[^\]]{1,30}\]$/.test(label) || classes(node).includes('reference')) {
        writer.ensure(context.kind, context.level === undefined ? {} : { level: context.level });
        writer.citation(base + location.startOffset, base + location.endOffset, label);
        return;
      }
    }
    const block = BLOCKS.has(tag);
    const inner = block ? contextOf(node, context) : context;
    if (block) writer.close();
    for (const child of node.childNodes) walk(child, inner);
    if (block) writer.close();
  };
  return walk;
}

/**
 * How deeply elements may nest. Real pages stay within a few dozen levels (an encyclopedia
 * article: about 30); the walkers below recurse once per level, so a page nested 100,000 deep
 * would end in a stack overflow instead of a message.
 */
export const MAX_HTML_DEPTH = 1000;

/** Refuses a tree nested deeper than MAX_HTML_DEPTH, measured without recursion. */
function checkDepth(root: Node, fileName: string): void {
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) {
      throw new ImportError(
        'corrupt',
        `${fileName} nests its HTML elements more than ${MAX_HTML_DEPTH.toLocaleString('en-US')} levels deep, which no real page does ` +
          '(it may have been made to crash the programs that read it). Nothing was imported. ' +
          'If it is a genuine page, open it in a browser, save it as text (.txt) and import that.',
      );
    }
    if ('childNodes' in node) for (const child of node.childNodes) stack.push({ node: child, depth: depth + 1 });
    // A <template>'s content is a fragment of its own, which parse5 keeps beside the children.
    if ('content' in node && node.content) stack.push({ node: node.content as Node, depth: depth + 1 });
  }
}

export function convertHtml(raw: string, fileName = 'The page'): HtmlResult {
  const document = parse(raw, { sourceCodeLocationInfo: true });
  checkDepth(document, fileName);
  const writer = new FlowWriter(new TextBuilder(raw), { attributions: true, citationMarkers: true });
  htmlWalker(writer, 0)(document, { kind: 'paragraph', inQuote: false, inNotes: false });
  writer.close();

  const titleElement = find(document, (element) => element.tagName === 'title');
  const metadataTitle = titleElement ? textContent(titleElement).replace(/\s+/g, ' ').trim() || null : null;
  const htmlElement = find(document, (element) => element.tagName === 'html');
  const declaredLanguage = htmlElement ? (attribute(htmlElement, 'lang') ?? attribute(htmlElement, 'xml:lang')) : null;
  return { normalized: writer.builder.build(), metadataTitle, declaredLanguage };
}

/**
 * Writes the reading text of the HTML in writer.raw[start, end) (an HTML block in a Markdown
 * file), sanitized as a page is, as blocks of `kind` unless its elements say otherwise.
 */
export function writeHtmlFragment(writer: FlowWriter, start: number, end: number, kind: TextBlockKind, fileName = 'The file'): void {
  const fragment = parseFragment(writer.raw.slice(start, end), { sourceCodeLocationInfo: true });
  checkDepth(fragment, fileName);
  writer.close();
  htmlWalker(writer, start)(fragment, { kind, inQuote: kind === 'quote', inNotes: false });
  writer.close();
}
