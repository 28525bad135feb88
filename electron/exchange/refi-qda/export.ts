/**
 * REFI-QDA project archive (.qdpx): `project.qde` (QDA-XML 1.0, Project-mrt2019.xsd) and the
 * reading text of each source under `sources/`, for ATLAS.ti, MAXQDA, NVivo and QualCoder.
 *
 * Choices, and why:
 * - Each document is a TextSource whose plain text is `sources/<GUID>.txt` (UTF-8, no BOM), the
 *   current version's reading text: the text our offsets count in, so PlainTextSelection
 *   positions are code points of that very file (the standard counts characters; code points
 *   are what other tools' Python and Java string indices agree on). The file, not
 *   PlainTextContent, because tools import it as a document without re-wrapping it in XML.
 * - GUIDs are our ids where these are UUIDs already (they are: randomUUID), otherwise, and for
 *   what has no id of its own (a coding, a note, the user), a name-based UUID (version 5 layout,
 *   SHA-1) of a kind and ids: the same project gives the same GUIDs, so exports can be diffed
 *   and a tool that merges by GUID recognises what it has seen.
 * - Orphans (highlights with no place in the current text) cannot be a selection; they are left
 *   out and counted in the project's Description, so a reader of the file knows they exist.
 * - Tags are Codes nested by path, colour as the workbench swatch (#RRGGBB). A highlight's own
 *   colour and credibility have no place in the standard: they go, as "Highlight colour:" and
 *   "Credibility:" lines, into the selection's Description, which our import reads back.
 * - A note is a Note (PlainTextContent = the note as plain text) the selection refers to.
 * - A claim is a Note (its wording as name, its date, people, places, verdict as text); each
 *   account is a Link from the selection to that Note, named by its stance, with the account's
 *   note as a NoteRef. Sets were the other candidate, but their members are codes, sources and
 *   notes only: they cannot hold a selection, so they would lose which passage says what.
 * - Source metadata and the source assessment go into the TextSource's Description as
 *   "Label: value" lines: every tool shows a Description, few agree on Variables.
 * - One User, the exporter, creates everything.
 * - The same snapshot gives the same bytes: nothing is read from the clock, entries come in a
 *   fixed order, and the zip's timestamps are `exportedAt` (its UTC time written as the DOS
 *   local time, so the machine's time zone does not change them).
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { CREDIBILITY_WORDING, SOURCE_RELIABILITY_WORDING } from '../../../shared/annotations';
import { CodePointIndex } from '../../../shared/anchoring';
import type { ExportAnnotation, ExportClaim, ExportDocument, ExportSnapshot, ExportTag } from '../../export/model';
import { HIGHLIGHT_HEX } from './colors';

const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Written as the Project's origin; the import reads our own conventions only from files that carry it. */
export const SOURCEBENCH_ORIGIN = 'Sourcebench';
export const COLOUR_LABEL = 'Highlight colour';
export const CREDIBILITY_LABEL = 'Credibility';

export function exportQdpx(snapshot: ExportSnapshot): Uint8Array {
  const user = nameGuid('user', snapshot.project);
  const placed = snapshot.annotations.filter(isPlaced);
  const xml = new XmlWriter();
  xml.open('Project', {
    xmlns: QDE_NAMESPACE,
    name: snapshot.project,
    origin: SOURCEBENCH_ORIGIN,
    creatingUserGUID: user,
    creationDateTime: snapshot.exportedAt,
  });
  xml.open('Users');
  xml.leaf('User', { guid: user, name: SOURCEBENCH_ORIGIN });
  xml.close('Users');
  writeCodebook(xml, snapshot.tags);
  if (snapshot.documents.length > 0) {
    xml.open('Sources');
    for (const document of snapshot.documents) {
      writeSource(xml, document, placed.filter((annotation) => annotation.documentId === document.id), user);
    }
    xml.close('Sources');
  }
  const placedIds = new Set(placed.map((annotation) => annotation.id));
  writeNotes(xml, placed, snapshot.claims, placedIds, user);
  writeLinks(xml, snapshot.claims, placedIds);
  xml.text('Description', projectDescription(snapshot, snapshot.annotations.length - placed.length));
  xml.close('Project');

  const mtime = zipTime(snapshot.exportedAt);
  const entries: Record<string, Uint8Array> = { 'project.qde': utf8(xml.toString()) };
  for (const document of snapshot.documents) {
    entries[`sources/${sourceFileName(document)}`] = utf8(document.text);
  }
  return zipSync(entries, { level: 6, mtime });
}

type Placed = ExportAnnotation & { readonly start: number; readonly end: number };

function isPlaced(annotation: ExportAnnotation): annotation is Placed {
  return annotation.status === 'anchored' && annotation.start !== null && annotation.end !== null;
}

function writeCodebook(xml: XmlWriter, tags: readonly ExportTag[]): void {
  if (tags.length === 0) return;
  // A code's children are the tags one level below its path; a tag whose parent path names no
  // tag stands at the top rather than being lost (its codings would point at nothing).
  const known = new Set(tags.map((tag) => pathKey(tag.path)));
  const childrenOf = new Map<string, ExportTag[]>();
  for (const tag of tags) {
    const parent = pathKey(tag.path.slice(0, -1));
    const key = known.has(parent) ? parent : TOP;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), tag]);
  }
  const written = new Set<string>();
  const writeCode = (tag: ExportTag): void => {
    const key = pathKey(tag.path);
    const children = written.has(key) ? [] : (childrenOf.get(key) ?? []);
    written.add(key);
    const attributes = { guid: entityGuid('tag', tag.id), name: tag.path[tag.path.length - 1] ?? '', isCodable: true, color: HIGHLIGHT_HEX[tag.color] };
    if (!tag.description && children.length === 0) {
      xml.leaf('Code', attributes);
      return;
    }
    xml.open('Code', attributes);
    if (tag.description) xml.text('Description', tag.description);
    children.forEach(writeCode);
    xml.close('Code');
  };
  xml.open('CodeBook');
  xml.open('Codes');
  (childrenOf.get(TOP) ?? []).forEach(writeCode);
  xml.close('Codes');
  xml.close('CodeBook');
}

function writeSource(xml: XmlWriter, document: ExportDocument, annotations: readonly Placed[], user: string): void {
  xml.open('TextSource', {
    guid: entityGuid('document', document.id),
    name: document.title,
    plainTextPath: `internal://${sourceFileName(document)}`,
    creatingUser: user,
  });
  xml.text('Description', sourceDescription(document));
  const points = new CodePointIndex(document.text);
  for (const annotation of annotations) {
    xml.open('PlainTextSelection', {
      guid: entityGuid('annotation', annotation.id),
      name: annotation.quote.exact,
      startPosition: points.toCodePoint(annotation.start),
      endPosition: points.toCodePoint(annotation.end),
      creatingUser: user,
      creationDateTime: annotation.createdAt,
      modifyingUser: user,
      modifiedDateTime: annotation.updatedAt,
    });
    xml.text('Description', annotationDescription(annotation));
    for (const tagId of annotation.tagIds) {
      xml.open('Coding', { guid: nameGuid('coding', annotation.id, tagId), creatingUser: user, creationDateTime: annotation.createdAt });
      xml.leaf('CodeRef', { targetGUID: entityGuid('tag', tagId) });
      xml.close('Coding');
    }
    if (annotation.noteText) xml.leaf('NoteRef', { targetGUID: nameGuid('note', annotation.id) });
    xml.close('PlainTextSelection');
  }
  xml.close('TextSource');
}

function writeNotes(xml: XmlWriter, placed: readonly Placed[], claims: readonly ExportClaim[], placedIds: ReadonlySet<string>, user: string): void {
  const annotationNotes = placed.filter((annotation) => annotation.noteText);
  const accountNotes = claims.flatMap((claim) => claim.accounts.filter((account) => account.note && placedIds.has(account.annotationId)));
  if (annotationNotes.length + claims.length === 0) return;
  xml.open('Notes');
  for (const annotation of annotationNotes) {
    const name = `Note on “${shorten(annotation.quote.exact)}”`;
    writeNote(xml, { guid: nameGuid('note', annotation.id), name, creatingUser: user, creationDateTime: annotation.updatedAt }, annotation.noteText);
  }
  for (const claim of claims) {
    writeNote(xml, { guid: entityGuid('claim', claim.id), name: claim.wording, creatingUser: user }, claimText(claim));
  }
  for (const account of accountNotes) {
    writeNote(xml, { guid: nameGuid('account note', account.id), name: `Account (${account.stance})`, creatingUser: user }, account.note);
  }
  xml.close('Notes');
}

function writeNote(xml: XmlWriter, attributes: Attributes, text: string): void {
  xml.open('Note', attributes);
  xml.text('PlainTextContent', text);
  xml.close('Note');
}

function writeLinks(xml: XmlWriter, claims: readonly ExportClaim[], placedIds: ReadonlySet<string>): void {
  const accounts = claims.flatMap((claim) =>
    claim.accounts.filter((account) => placedIds.has(account.annotationId)).map((account) => ({ claim, account })),
  );
  if (accounts.length === 0) return;
  xml.open('Links');
  for (const { claim, account } of accounts) {
    const attributes = {
      guid: entityGuid('account', account.id),
      name: account.stance,
      direction: 'OneWay',
      originGUID: entityGuid('annotation', account.annotationId),
      targetGUID: entityGuid('claim', claim.id),
    };
    if (!account.note) {
      xml.leaf('Link', attributes);
      continue;
    }
    xml.open('Link', attributes);
    xml.leaf('NoteRef', { targetGUID: nameGuid('account note', account.id) });
    xml.close('Link');
  }
  xml.close('Links');
}

function projectDescription(snapshot: ExportSnapshot, orphans: number): string {
  const lines = [`Exported from Sourcebench on ${snapshot.exportedAt}.`];
  if (orphans === 1) lines.push('1 highlight has no place in the current text of its source (orphans) and is not included.');
  if (orphans > 1) lines.push(`${orphans} highlights have no place in the current text of their sources (orphans) and are not included.`);
  return lines.join('\n');
}

function sourceDescription(document: ExportDocument): string {
  const { assessment } = document;
  return labelled([
    ['Author', document.author],
    ['Translator', document.translator],
    ['Date', document.date],
    ['Language', document.language],
    ['Kind of source', document.kind],
    ['Description', document.description],
    ['File', document.fileName],
    ['File SHA-256', document.sha256],
    ['Reliability', assessment.reliability ? `${assessment.reliability} (${SOURCE_RELIABILITY_WORDING[assessment.reliability]})` : null],
    ['Authorship', assessment.authorship],
    ['Date of writing', assessment.dateOfWriting],
    ['Place of writing', assessment.placeOfWriting],
    ['Proximity', assessment.proximity],
    ['Tendency', assessment.tendency],
    ['Provenance', assessment.provenance],
  ]);
}

function annotationDescription(annotation: ExportAnnotation): string {
  return labelled([
    [COLOUR_LABEL, annotation.color],
    [CREDIBILITY_LABEL, credibilityText(annotation.credibility)],
  ]);
}

function claimText(claim: ExportClaim): string {
  const details = labelled([
    ['Date', claim.date],
    ['People', claim.people.join('; ')],
    ['Places', claim.places.join('; ')],
    ['Verdict', claim.verdict],
    [CREDIBILITY_LABEL, credibilityText(claim.credibility)],
  ]);
  return details ? `${claim.wording}\n\n${details}` : claim.wording;
}

function credibilityText(credibility: number | null): string | null {
  return credibility === null ? null : `${credibility} (${CREDIBILITY_WORDING[credibility]})`;
}

/** "Label: value" lines for the values that are there. */
function labelled(pairs: readonly (readonly [string, string | null])[]): string {
  return pairs
    .filter(([, value]) => value !== null && value !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

function sourceFileName(document: ExportDocument): string {
  return `${entityGuid('document', document.id)}.txt`;
}

function shorten(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length > 60 ? `${characters.slice(0, 59).join('').trimEnd()}…` : characters.join('');
}

const pathKey = (path: readonly string[]): string => path.join('\u0000');
/** The key of the codebook's top level, which no tag's path has. */
const TOP = '\u0001';

// -- GUIDs --------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The GUID of something with an id of its own: the id itself where it is a UUID. */
function entityGuid(kind: string, id: string): string {
  return UUID.test(id) ? id.toLowerCase() : nameGuid(kind, id);
}

/** A name-based UUID (RFC 9562 version 5 layout) of a kind and ids, for what has no UUID of its own. */
function nameGuid(kind: string, ...ids: string[]): string {
  const hash = createHash('sha1').update(['sourcebench', kind, ...ids].join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// -- zip ----------------------------------------------------------------------------------------

/**
 * The zip timestamp of an ISO date: fflate writes a Date's local fields, so it is given a Date
 * whose local fields are the UTC ones. DOS dates start in 1980: earlier moments (an epoch of 0)
 * become its first second.
 */
function zipTime(iso: string): Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1980) return new Date(1980, 0, 1);
  return new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// -- XML ----------------------------------------------------------------------------------------

type Attributes = Readonly<Record<string, string | number | boolean>>;

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Indented XML written in the order it is given, which is the schema's order. Written by hand
 * rather than with a builder because the escaping must be exact: line breaks and tabs in
 * attribute values as character references (a parser turns literal ones into spaces), a carriage
 * return in text likewise, and characters XML cannot hold replaced rather than dropped.
 */
class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  open(name: string, attributes: Attributes = {}): void {
    this.line(`<${name}${attributeText(attributes)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.line(`</${name}>`);
  }

  leaf(name: string, attributes: Attributes): void {
    this.line(`<${name}${attributeText(attributes)}/>`);
  }

  /** An element holding text; nothing is written for empty text, which every such element here may omit. */
  text(name: string, value: string): void {
    if (value) this.line(`<${name}>${escapeText(value)}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

function escapeText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (character) => ENTITY[character]!);
}

function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (character) => ENTITY[character]!);
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
