/**
 * project.qde as a tree of plain elements, read safely: a document type declaration is refused
 * outright (it is where entity bombs and external entities live, and QDA-XML has no use for
 * one), and the parser expands no entities; only XML's five predefined ones and character
 * references are decoded, by hand, afterwards.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuse } from './refuse';

/** One element: its attributes (decoded), its text (decoded, CDATA kept as is) and its child elements by name. */
export interface XmlElement {
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: Readonly<Record<string, readonly XmlElement[]>>;
}

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = '@attributes';

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributesGroupName: ATTRIBUTES,
  attributeNamePrefix: '',
  textNodeName: TEXT,
  cdataPropName: CDATA,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name !== ATTRIBUTES,
});


/** The root element of an XML document, which must be `rootName`. */
export function parseXml(xml: string, rootName: string, fileName: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) {
    refuse(
      `${fileName} declares a document type (<!DOCTYPE …>), which QDA-XML does not use and this import refuses: ` +
        'it can define entities that expand without bound.',
    );
  }
  // XML's end-of-line handling, which the parser leaves out: a literal CR LF or CR is a LF.
  xml = xml.replace(/\r\n?/g, '\n');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) refuse(`${fileName} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(parsed).filter((key) => key !== TEXT && key !== CDATA);
  const root = (parsed[rootName] as unknown[] | undefined)?.[0];
  if (roots.length !== 1 || root === undefined) refuse(`${fileName} is not a QDA-XML project: its root element is not <${rootName}>.`);
  return toElement(root, fileName);
}

function toElement(node: unknown, fileName: string): XmlElement {
  if (typeof node === 'string') return { attributes: {}, text: decode(node, fileName), children: {} };
  const record = (node ?? {}) as Record<string, unknown>;
  const attributes: Record<string, string> = {};
  const children: Record<string, XmlElement[]> = {};
  let text = '';
  for (const [key, value] of Object.entries(record)) {
    if (key === ATTRIBUTES) {
      for (const [name, raw] of Object.entries(value as Record<string, unknown>)) attributes[name] = decode(String(raw), fileName);
    } else if (key === TEXT) {
      text += asList(value).map((part) => decode(String(part), fileName)).join('');
    } else if (key === CDATA) {
      text += asList(value).map(cdataText).join('');
    } else {
      children[key] = asList(value).map((child) => toElement(child, fileName));
    }
  }
  return { attributes, text, children };
}

/** The parser gives repeated nodes as a list, text sometimes as a single value. */
function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A CDATA section comes as `[{ "#text": [...] }]` or as a string, depending on what it holds. */
function cdataText(part: unknown): string {
  if (typeof part === 'string') return part;
  const inner = (part as Record<string, unknown> | null)?.[TEXT];
  return Array.isArray(inner) ? inner.map(String).join('') : '';
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data as XML means it: predefined entities and character references decoded; any other entity is an error. */
function decode(raw: string, fileName: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[^;&\s]*);?/gi, (match: string, body: string) => {
    if (!match.endsWith(';')) refuse(`${fileName} has a stray “&” (write &amp;).`);
    const predefined = PREDEFINED[body];
    if (predefined) return predefined;
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!isXmlCharacter(code)) refuse(`${fileName} has a character reference to a character XML does not allow (${match}).`);
      return String.fromCodePoint(code);
    }
    return refuse(`${fileName} uses the entity ${match}, which is not defined (only XML’s five predefined ones are).`);
  });
}

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The child elements of a name (none: an empty list). */
export function childrenOf(element: XmlElement | undefined, name: string): readonly XmlElement[] {
  return element?.children[name] ?? [];
}

export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childrenOf(element, name)[0];
}
