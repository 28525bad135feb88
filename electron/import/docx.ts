/**
 * Word (.docx) → reading text. mammoth reads the document (styles, numbering, footnotes) and
 * gives semantic HTML (Heading 1–6 → h1–h6, lists, tables); from it we lay out the document's text
 * layer, one line per paragraph, which is what `rawText` and the map refer to (a .docx has no
 * plain text of its own to point into). The title comes from docProps/core.xml.
 */
import { decodeXML } from 'entities';
import type JSZip from 'jszip';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { NormalizedText, TextBlockKind } from '../../shared/text/text-model';
import { TextBuilder } from '../../shared/text/normalize/text-builder';
import { ImportError } from './errors';
import { FlowWriter } from './flow';
import { formatMegabytes, MAX_IMPORT_ENV } from './limits';
import { readZip, type ZipLimits } from './zip';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Word's built-in styles that mammoth's default map leaves as plain paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
];

interface Line {
  kind: TextBlockKind;
  level?: number;
  /** Text, with citation markers as [start, end, label] within it. */
  text: string;
  citations: { start: number; end: number; label: string }[];
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string {
  return element.attrs.find((attr) => attr.name === name)?.value ?? '';
}

export interface DocxResult {
  readonly rawText: string;
  readonly normalized: NormalizedText;
  readonly metadataTitle: string | null;
  /** The document's default language (w:lang in styles.xml), if set. */
  readonly declaredLanguage: string | null;
}

/**
 * The archive checked before any library unpacks it: JSZip and mammoth believe the sizes a zip
 * states and inflate whole parts into memory, so a few hundred KB can ask for gigabytes. Each
 * part is inflated here in small steps and counted, and its XML is refused if it declares a
 * document type: Word never writes one, and it is where external entities (a file:///etc/passwd
 * read into the text) and entities that expand without bound (billion laughs) are defined.
 */
function checkArchive(bytes: Uint8Array, fileName: string, limits: ZipLimits): void {
  const damaged = (reason: string): never => {
    throw new ImportError(
      'corrupt',
      `${fileName} is damaged: it cannot be opened as a Word document (${reason}). ` +
        'It may be truncated (an interrupted download or copy): get the file again, or open it in Word or LibreOffice and save it as .docx again.',
    );
  };
  const entries = readZip(bytes, limits, {
    notZip: () => damaged('it is not a complete zip archive'),
    tooLarge: (name) => {
      throw new ImportError(
        'too-large',
        `${fileName} would unpack to more than ${formatMegabytes(limits.entryBytes)} (its part ${name} alone, or ${formatMegabytes(limits.totalBytes)} in all), ` +
          `far more than the text of any document this size: it may be a “zip bomb”. Nothing was imported. ` +
          `If it is a genuine document, open it in Word or LibreOffice and save it as .docx or .txt again (${MAX_IMPORT_ENV} raises the limit).`,
      );
    },
    damaged: (message) => damaged(message.replace(/\.$/, '')),
  });
  for (const [name, content] of entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (Buffer.from(content.buffer, content.byteOffset, content.byteLength).includes('<!DOCTYPE', 0, 'latin1')) {
      throw new ImportError(
        'corrupt',
        `${fileName} declares a document type (<!DOCTYPE …>) in ${name}. Word never writes one, and it can make a reader ` +
          'load other files on this computer or expand entities without bound, so Sourcebench refuses it. Nothing was imported. ' +
          'Open the document in Word or LibreOffice and save it as .docx again, then import that.',
      );
    }
  }
}

export async function convertDocx(bytes: Uint8Array, fileName: string, limits: ZipLimits, progress: (fraction: number) => void): Promise<DocxResult> {
  checkArchive(bytes, fileName, limits);
  // Loaded on the first Word document only.
  const [{ default: JSZipLoader }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: JSZip;
  try {
    zip = await JSZipLoader.loadAsync(bytes);
  } catch (error) {
    throw new ImportError(
      'corrupt',
      `${fileName} is damaged: it cannot be opened as a Word document (${(error as Error).message}). ` +
        'It may be truncated (an interrupted download or copy): get the file again, or open it in Word or LibreOffice and save it as .docx again.',
      { cause: error },
    );
  }
  if (!zip.file('word/document.xml')) {
    throw new ImportError(
      'corrupt',
      `${fileName} is a zip archive but not a Word document: it has no word/document.xml. ` +
        'Open the source in Word or LibreOffice and save it as .docx, then import that.',
    );
  }
  progress(0.1);

  const core = await zip.file('docProps/core.xml')?.async('string').catch(() => undefined);
  const coreTitle = core ? /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(core)?.[1] : undefined;
  const metadataTitle = coreTitle ? decodeXML(coreTitle).replace(/\s+/g, ' ').trim() || null : null;
  const styles = await zip.file('word/styles.xml')?.async('string').catch(() => undefined);
  const declaredLanguage = styles ? (/<w:docDefaults>[\s\S]*?<w:lang\b[^>]*\bw:val="([^"]+)"/.exec(styles)?.[1] ?? null) : null;

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError(
      'corrupt',
      `${fileName} is damaged: its text could not be read (${(error as Error).message}). ` +
        'Open it in Word or LibreOffice and save it as .docx again, then import that.',
      { cause: error },
    );
  }
  progress(0.7);

  const lines = collectLines(parseFragment(html));
  let rawText = '';
  const starts: number[] = [];
  for (const line of lines) {
    if (rawText) rawText += '\n';
    starts.push(rawText.length);
    rawText += line.text;
  }
  const writer = new FlowWriter(new TextBuilder(rawText));
  lines.forEach((line, index) => {
    const start = starts[index]!;
    writer.open(line.kind, line.level === undefined ? {} : { level: line.level });
    let at = 0;
    for (const citation of line.citations) {
      writer.copy(start + at, start + citation.start);
      writer.citation(start + citation.start, start + citation.end, citation.label);
      at = citation.end;
    }
    writer.copy(start + at, start + line.text.length);
    writer.close();
  });
  progress(1);
  return { rawText, normalized: writer.builder.build(), metadataTitle, declaredLanguage };
}

/** The paragraphs of mammoth's HTML, in order, one Line each; line breaks inside a paragraph become spaces. */
function collectLines(root: Node): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;

  const close = (): void => {
    if (current && current.text.trim()) lines.push(current);
    current = null;
  };
  const append = (text: string, kind: TextBlockKind, level: number | undefined): void => {
    if (!current) current = level === undefined ? { kind, text: '', citations: [] } : { kind, level, text: '', citations: [] };
    current.text += text.replace(/[\r\n\f\v\u2028\u2029]/g, ' ');
  };

  const walk = (node: Node, kind: TextBlockKind, level: number | undefined): void => {
    if (node.nodeName === '#text') {
      append((node as DefaultTreeAdapterTypes.TextNode).value, kind, level);
      return;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) for (const child of node.childNodes) walk(child, kind, level);
      return;
    }
    const tag = node.tagName;
    const href = attribute(node, 'href');
    if (tag === 'img') return;
    if (tag === 'br') {
      append(' ', kind, level);
      return;
    }
    // mammoth's links back from a note to its reference ("↑") are not in the document.
    if (tag === 'a' && /^#(footnote|endnote|comment)-ref-/.test(href)) return;
    if (tag === 'a' && /^#(footnote|endnote)-/.test(href)) {
      const label = node.childNodes.map((child) => (child.nodeName === '#text' ? (child as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
      append('', kind, level);
      const line = current!;
      line.citations.push({ start: line.text.length, end: line.text.length + label.length, label });
      line.text += label;
      return;
    }
    let innerKind = kind;
    let innerLevel = level;
    const heading = /^h([1-6])$/.exec(tag);
    const block = heading || ['p', 'li', 'blockquote', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'dl', 'dt', 'dd'].includes(tag);
    if (heading) {
      innerKind = 'heading';
      innerLevel = Number(heading[1]);
    } else if (tag === 'li') {
      innerKind = /^(footnote|endnote)-/.test(attribute(node, 'id')) ? 'footnote' : 'list-item';
    } else if (tag === 'blockquote') {
      innerKind = 'quote';
    } else if (tag === 'p' && attribute(node, 'class').split(/\s+/).includes('caption')) {
      innerKind = 'caption';
    }
    if (block) close();
    for (const child of node.childNodes) walk(child, innerKind, innerLevel);
    if (block) close();
  };

  walk(root, 'paragraph', undefined);
  close();
  return lines;
}
