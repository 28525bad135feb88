/**
 * REFI-QDA .qdpx in: another tool's text sources, codebook and coded text selections become
 * documents, tags and annotations. The whole file is read and checked first (archive bounds,
 * XML without entities, every reference), then written in one transaction: a broken file
 * changes nothing.
 *
 * - A source whose text is already the reading text of a document (or becomes it once
 *   normalized) is that document: importing our own export maps onto the documents it came from.
 * - A code becomes the tag of the same path where there is one, else a new tag, its colour the
 *   nearest highlight colour.
 * - A selection's code points count in the source's plain text; on a new document they are
 *   carried into the normalized reading text through the normalizer's map, and where the text
 *   there differs (joined lines, other line ends) the quote is anchored as on a new version.
 * - What Sourcebench cannot hold (selections on pictures, PDFs as pages, audio, video; codes on a
 *   whole source; links, sets, cases, variables, graphs) is left out, each with a line saying so.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HighlightColor, tagNameProblem, type Annotation, type NoteDocument } from '../../../shared/annotations';
import { anchor, codePointLength, CodePointIndex, describeRange, selectorsOf } from '../../../shared/anchoring';
import { DocumentRecord, SourceKind } from '../../../shared/domain';
import type { ExchangeImportResult } from '../../../shared/exchange';
import { NORMALIZER } from '../../../shared/text/normalize';
import type { Snapshot } from '../../app/change-history';
import { checkExchangeLimits } from '../limits';
import { noteToText } from '../../app/annotation-service';
import type { Project } from '../../app/project';
import { cleanTitle, ImportError, importFile, titleFromFileName } from '../../import';
import type { NewVersion } from '../../store/documents';
import type { TagRecord } from '../../store/annotations';
import { archiveLimitsFromEnv, readArchive, type ArchiveLimits } from './archive';
import { nearestHighlightColor } from './colors';
import { COLOUR_LABEL, CREDIBILITY_LABEL, SOURCEBENCH_ORIGIN } from './export';
import { refuse } from './refuse';
import { childOf, childrenOf, parseXml, type XmlElement } from './xml';

// -- what the file says -----------------------------------------------------------------------------

interface Code {
  readonly guid: string;
  readonly name: string;
  readonly color: HighlightColor | null;
  readonly description: string;
  readonly parent: Code | null;
}

interface TextSource {
  readonly guid: string;
  readonly name: string | null;
  readonly description: string;
  /** The source's plain text, which selection positions count in (code points). */
  readonly text: string;
}

interface Selection {
  readonly guid: string;
  readonly source: TextSource;
  readonly start: number;
  readonly end: number;
  readonly codes: readonly Code[];
  readonly notes: readonly string[];
  readonly description: string;
  readonly createdAt: string | null;
  readonly modifiedAt: string | null;
}

interface QdaProject {
  /** True for a file Sourcebench wrote: its Description lines are then ours to read back. */
  readonly ours: boolean;
  readonly codes: readonly Code[];
  readonly sources: readonly TextSource[];
  readonly selections: readonly Selection[];
  readonly skipped: readonly string[];
}

const PROJECT_FILE = 'project.qde';
/** The sources Sourcebench cannot annotate: their kind in words and their selections' element. */
const OTHER_SOURCES: Record<string, { label: string; selection: string }> = {
  PictureSource: { label: 'picture', selection: 'PictureSelection' },
  PDFSource: { label: 'PDF', selection: 'PDFSelection' },
  AudioSource: { label: 'audio', selection: 'AudioSelection' },
  VideoSource: { label: 'video', selection: 'VideoSelection' },
};
const UNREAD_PARTS: Record<string, string> = {
  Links: 'links between items (in a file from Sourcebench: the accounts of claims, which are not read back)',
  Sets: 'sets',
  Cases: 'cases',
  Variables: 'variables',
  Graphs: 'graphs',
};

export async function importQdpx(
  project: Project,
  bytes: Buffer,
  fileName: string,
  limits: ArchiveLimits = archiveLimitsFromEnv(),
): Promise<ExchangeImportResult> {
  const entries = readArchive(bytes, limits);
  const read = readProject(entries);
  const plan = await planImport(project, read, limits.entryBytes);
  return write(project, plan, path.basename(fileName));
}

function readProject(entries: ReadonlyMap<string, Uint8Array>): QdaProject {
  const qde = entries.get(PROJECT_FILE) ?? [...entries].find(([name]) => name.toLowerCase() === PROJECT_FILE)?.[1];
  if (!qde) refuse(`The file is not a REFI-QDA project: it has no ${PROJECT_FILE} at the top of the archive.`);
  const root = parseXml(utf8Text(qde) ?? refuse(`${PROJECT_FILE} is not UTF-8 text.`), 'Project', PROJECT_FILE);
  const guids = new Set<string>();
  const register = (guid: string | undefined, what: string): string => {
    if (!guid) refuse(`${PROJECT_FILE} has a <${what}> without a guid.`);
    const key = normalGuid(guid);
    if (guids.has(key)) refuse(`${PROJECT_FILE} uses the GUID ${guid} twice.`);
    guids.add(key);
    return key;
  };
  const skipped: string[] = [];

  const codes = new Map<string, Code>();
  const readCodes = (parent: XmlElement | undefined, parentCode: Code | null): void => {
    for (const element of childrenOf(parent, 'Code')) {
      const code: Code = {
        guid: register(element.attributes.guid, 'Code'),
        name: element.attributes.name ?? '',
        color: element.attributes.color ? nearestHighlightColor(element.attributes.color) : null,
        description: childOf(element, 'Description')?.text ?? '',
        parent: parentCode,
      };
      codes.set(code.guid, code);
      readCodes(element, code);
    }
  };
  readCodes(childOf(childOf(root, 'CodeBook'), 'Codes'), null);

  const notes = new Map<string, string>();
  for (const element of childrenOf(childOf(root, 'Notes'), 'Note')) {
    const guid = register(element.attributes.guid, 'Note');
    notes.set(guid, textOf(element, entries, `The note “${element.attributes.name ?? guid}”`) ?? '');
  }

  const sources: TextSource[] = [];
  const selections: Selection[] = [];
  const sourcesElement = childOf(root, 'Sources');
  for (const element of childrenOf(sourcesElement, 'TextSource')) {
    register(element.attributes.guid, 'TextSource');
    const guid = element.attributes.guid!;
    const name = element.attributes.name?.trim() || null;
    const label = `The source “${name ?? guid}”`;
    const text = textOf(element, entries, label);
    if (text === null) {
      const where = element.attributes.plainTextPath ?? element.attributes.richTextPath ?? 'no path';
      skipped.push(`${label}: its plain text is not in the archive (${where}), so it and its selections are not imported`);
      continue;
    }
    const source: TextSource = { guid, name, description: childOf(element, 'Description')?.text ?? '', text };
    sources.push(source);
    const length = codePointLength(text);
    for (const selection of childrenOf(element, 'PlainTextSelection')) {
      register(selection.attributes.guid, 'PlainTextSelection');
      const selectionGuid = selection.attributes.guid!;
      const start = position(selection.attributes.startPosition, selectionGuid);
      const end = position(selection.attributes.endPosition, selectionGuid);
      if (start > end || end > length) {
        refuse(`The selection ${selectionGuid} in ${label.toLowerCase()} runs from ${start} to ${end}, outside its text of ${length} characters.`);
      }
      const codings = childrenOf(selection, 'Coding');
      selections.push({
        guid: selectionGuid,
        source,
        start,
        end,
        codes: codings.map((coding) => {
          const target = childOf(coding, 'CodeRef')?.attributes.targetGUID;
          const code = target ? codes.get(normalGuid(target)) : undefined;
          if (!code) refuse(`The selection ${selectionGuid} is coded with the code ${target ?? '(none given)'}, which is not in the codebook.`);
          return code;
        }),
        notes: [selection, ...codings].flatMap((holder) =>
          childrenOf(holder, 'NoteRef').map((reference) => {
            const target = reference.attributes.targetGUID ?? '';
            const note = notes.get(normalGuid(target));
            if (note === undefined) refuse(`The selection ${selectionGuid} refers to the note ${target || '(none given)'}, which is not in the file.`);
            return note;
          }),
        ),
        description: childOf(selection, 'Description')?.text ?? '',
        createdAt: selection.attributes.creationDateTime ?? null,
        modifiedAt: selection.attributes.modifiedDateTime ?? null,
      });
    }
    const wholeSource = childrenOf(element, 'Coding').length;
    if (wholeSource > 0) skipped.push(`${label}: ${count(wholeSource, 'code')} on the whole source (Sourcebench codes passages only)`);
  }

  for (const [kind, { label, selection }] of Object.entries(OTHER_SOURCES)) {
    for (const element of childrenOf(sourcesElement, kind)) {
      const transcribed = childrenOf(element, 'Transcript').flatMap((transcript) => childrenOf(transcript, 'TranscriptSelection'));
      const parts = childrenOf(element, selection).length + transcribed.length;
      const name = element.attributes.name ?? element.attributes.guid ?? '?';
      skipped.push(`The ${label} source “${name}” and its ${count(parts, 'selection')} (Sourcebench annotates texts only)`);
    }
  }
  for (const [part, words] of Object.entries(UNREAD_PARTS)) {
    const element = childOf(root, part);
    const items = element ? Object.values(element.children).reduce((sum, list) => sum + list.length, 0) : 0;
    if (items > 0) skipped.push(`${items} ${words}`);
  }

  return { ours: root.attributes.origin === SOURCEBENCH_ORIGIN, codes: [...codes.values()], sources, selections, skipped };
}

/**
 * The text of a TextSource or Note: PlainTextContent, or the archive's file its plainTextPath
 * names; null where the path points outside the archive or the file is not UTF-8.
 */
function textOf(element: XmlElement, entries: ReadonlyMap<string, Uint8Array>, label: string): string | null {
  const content = childOf(element, 'PlainTextContent');
  if (content) return content.text;
  const where = element.attributes.plainTextPath;
  const internal = where ? /^internal:\/\/(.+)$/i.exec(where) : null;
  if (!internal) return null;
  const wanted = `sources/${internal[1]}`;
  const bytes = entries.get(wanted) ?? [...entries].find(([name]) => name.toLowerCase() === wanted.toLowerCase())?.[1];
  if (!bytes) refuse(`${label} points to ${where}, which is not in the archive.`);
  return utf8Text(bytes);
}

function utf8Text(bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a leading byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function position(value: string | undefined, selection: string): number {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) refuse(`The selection ${selection} has no valid start and end position.`);
  return Number(value);
}

/** GUIDs compare without braces and case, as the schema's two spellings of one GUID. */
function normalGuid(guid: string): string {
  return guid.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// -- what becomes of it in the project ------------------------------------------------------------

/** A document selections go onto: one already in the project, or one this import adds (its ids known once written). */
interface DocumentSlot {
  documentId: string | null;
  versionId: string | null;
  readonly readingText: string;
  readonly added: { readonly record: DocumentRecord; readonly version: NewVersion } | null;
}

/** How one source's text lies in a document's reading text. */
interface Target {
  readonly slot: DocumentSlot;
  /** The normalizer's map from reading text to the source's text, or null where they are the same text. */
  readonly map: readonly number[] | null;
}

interface PlannedAnnotation {
  readonly target: Target;
  readonly start: number;
  readonly end: number;
  readonly tagIds: readonly string[];
  readonly note: NoteDocument | null;
  readonly color: HighlightColor;
  readonly credibility: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Plan {
  readonly added: readonly DocumentSlot[];
  readonly tags: readonly TagRecord[];
  readonly annotations: readonly PlannedAnnotation[];
  readonly skipped: readonly string[];
}

async function planImport(project: Project, read: QdaProject, maxBytes: number): Promise<Plan> {
  const now = new Date().toISOString();
  const skipped = [...read.skipped];
  const byText = new Map<string, DocumentSlot>();
  for (const document of project.documents.list()) {
    const readingText = project.documents.readingText(document.currentVersionId);
    if (!byText.has(readingText)) byText.set(readingText, { documentId: document.id, versionId: document.currentVersionId, readingText, added: null });
  }
  const targets = new Map<TextSource, Target>();
  for (const source of read.sources) {
    const same = byText.get(source.text);
    targets.set(source, same ? { slot: same, map: null } : await normalizedTarget(source, read.ours, byText, maxBytes));
  }

  const { tags, tagOf } = planTags(project, read.codes, now);

  const existing = new Set(project.annotations.list().map((annotation) => annotationKey(annotation.versionId, annotation.start, annotation.end, annotation.tagIds)));
  const annotations: PlannedAnnotation[] = [];
  for (const selection of read.selections) {
    const target = targets.get(selection.source)!;
    const label = `The selection ${selection.guid} on “${selection.source.name ?? selection.source.guid}”`;
    const place = placeSelection(target, selection);
    if (typeof place === 'string') {
      skipped.push(`${label}: ${place}`);
      continue;
    }
    const tagIds = [...new Set(selection.codes.map((code) => tagOf.get(code)!))];
    if (target.slot.versionId && existing.has(annotationKey(target.slot.versionId, place.start, place.end, tagIds))) {
      skipped.push(`${label}: the project already has this highlight with these tags`);
      continue;
    }
    const ours = read.ours ? labelledLines(selection.description) : new Map<string, string>();
    const color = HighlightColor.safeParse(ours.get(COLOUR_LABEL)).data ?? selection.codes[0]?.color ?? 'yellow';
    const credibility = Number(/^[1-6]\b/.exec(ours.get(CREDIBILITY_LABEL) ?? '')?.[0] ?? NaN);
    const createdAt = isoDate(selection.createdAt) ?? now;
    annotations.push({
      target,
      ...place,
      tagIds,
      note: noteDocument(selection.notes),
      color,
      credibility: Number.isNaN(credibility) ? null : credibility,
      createdAt,
      updatedAt: isoDate(selection.modifiedAt) ?? createdAt,
    });
  }
  const added = new Set([...targets.values()].map((target) => target.slot).filter((slot) => slot.added));
  return { added: [...added], tags, annotations, skipped };
}

/** A source whose text is not a reading text: normalized as a .txt import would be, then a new document unless the result is one. */
async function normalizedTarget(source: TextSource, ours: boolean, byText: Map<string, DocumentSlot>, maxBytes: number): Promise<Target> {
  const raw = new TextEncoder().encode(source.text);
  const fileName = `${(source.name ?? source.guid).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 120) || source.guid}.txt`;
  let imported;
  try {
    imported = await importFile({ fileName, bytes: raw, maxBytes, encoding: 'utf-8' });
  } catch (error) {
    if (error instanceof ImportError) refuse(`The source “${source.name ?? source.guid}” cannot be read: ${error.message}`);
    throw error;
  }
  const map = imported.normalized.map;
  const known = byText.get(imported.normalized.text);
  if (known) return { slot: known, map };
  const given = ours ? labelledLines(source.description) : new Map<string, string>();
  const slot: DocumentSlot = {
    documentId: null,
    versionId: null,
    readingText: imported.normalized.text,
    added: {
      record: {
        title: cleanTitle(source.name) ?? titleFromFileName(fileName),
        titleSupplied: cleanTitle(source.name) === null,
        author: given.get('Author') ?? null,
        translator: given.get('Translator') ?? null,
        language: DocumentRecord.shape.language.safeParse(given.get('Language')).data ?? imported.language ?? 'und',
        date: given.get('Date') ?? null,
        sourceKind: SourceKind.safeParse(given.get('Kind of source')).data ?? 'secondary',
        description: (ours ? given.get('Description') : source.description.trim()) || null,
      },
      version: {
        fileName,
        format: imported.format,
        encoding: imported.encoding,
        raw,
        rawText: imported.rawText,
        normalizer: `${NORMALIZER} (${imported.format})`,
        normalized: imported.normalized,
      },
    },
  };
  byText.set(slot.readingText, slot);
  return { slot, map };
}

/** Tags for the codebook: the project's tag of the same path, else a new one. */
function planTags(project: Project, codes: readonly Code[], now: string): { tags: TagRecord[]; tagOf: Map<Code, string> } {
  const current = project.codebook.tags();
  const byId = new Map(current.map((tag) => [tag.id, tag]));
  const pathOf = (id: string | null): string[] => {
    const names: string[] = [];
    for (let tag = id ? byId.get(id) : undefined; tag; tag = tag.parentId ? byId.get(tag.parentId) : undefined) names.unshift(tag.name);
    return names;
  };
  // Paths are compared as the codebook's unique index compares names (SQLite's NOCASE, which
  // folds ASCII letters only): "Fear" and "fear" are one tag, as they would be if typed in.
  const fold = (path: string): string => path.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const byPath = new Map(current.map((tag) => [fold(pathOf(tag.id).join('/')), tag.id]));
  const tags: TagRecord[] = [];
  const tagOf = new Map<Code, string>();
  const paths = new Map<Code, string>();
  // Codes come parents first, as they were read from the nested codebook.
  for (const code of codes) {
    const name = tagName(code.name);
    const parentPath = code.parent ? paths.get(code.parent)! : '';
    const key = fold(parentPath ? `${parentPath}/${name}` : name);
    paths.set(code, key);
    const known = byPath.get(key);
    if (known) {
      tagOf.set(code, known);
      continue;
    }
    const tag: TagRecord = {
      id: randomUUID(),
      name,
      parentId: code.parent ? tagOf.get(code.parent)! : null,
      color: code.color ?? 'yellow',
      description: code.description.trim(),
      createdAt: now,
    };
    tags.push(tag);
    byPath.set(key, tag.id);
    tagOf.set(code, tag.id);
  }
  return { tags, tagOf };
}

/** A code's name as a tag name: "/" separates levels in a tag's path, so it becomes a division slash. */
function tagName(name: string): string {
  const cleaned = name.replaceAll('/', '∕').replace(/\s+/g, ' ').trim().slice(0, 200).trim() || 'Unnamed code';
  return tagNameProblem(cleaned) === null ? cleaned : 'Unnamed code';
}

/**
 * One code-point index per text (a source's, a document's reading text), made at its first use:
 * made for every selection, as before, it walked a 1.3 MB text each time (2,700 codings: 7 s).
 */
const codePointIndexes = new WeakMap<TextSource | DocumentSlot, CodePointIndex>();
function codePointsOf(owner: TextSource | DocumentSlot, text: string): CodePointIndex {
  let index = codePointIndexes.get(owner);
  if (!index) codePointIndexes.set(owner, (index = new CodePointIndex(text)));
  return index;
}

/** Where a selection falls in the target's reading text (UTF-16), or why it has no place there. */
function placeSelection(target: Target, selection: Selection): { start: number; end: number } | string {
  const text = selection.source.text;
  const points = codePointsOf(selection.source, text);
  const rawStart = points.toUtf16(selection.start);
  const rawEnd = points.toUtf16(selection.end);
  if (text.slice(rawStart, rawEnd).trim() === '') return 'it selects no text';
  if (target.map === null) return { start: rawStart, end: rawEnd };
  const reading = target.slot.readingText;
  const start = textOffsetOf(target.map, rawStart, reading.length);
  const end = textOffsetOf(target.map, rawEnd, reading.length);
  if (reading.slice(start, end) === text.slice(rawStart, rawEnd)) return { start, end };
  const result = anchor(reading, { quote: describeRange(text, rawStart, rawEnd).quote, position: { start, end: Math.max(start, end) } });
  return result.status === 'anchored' ? { start: result.start, end: result.end } : `its text could not be found in the document’s reading text (${result.reason})`;
}

/**
 * The reading-text offset of an offset in the source's text: the inverse of the normalizer's map
 * ([textStart, rawStart, …] pairs, both ascending), exact within a run the normalizer kept.
 */
function textOffsetOf(map: readonly number[], rawOffset: number, textLength: number): number {
  let pair = 0;
  for (let low = 0, high = map.length / 2 - 1; low <= high; ) {
    const middle = (low + high) >> 1;
    if (map[middle * 2 + 1]! <= rawOffset) {
      pair = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const runEnd = pair * 2 + 2 < map.length ? map[pair * 2 + 2]! : textLength;
  return Math.min(runEnd, textLength, (map[pair * 2] ?? 0) + rawOffset - (map[pair * 2 + 1] ?? 0));
}

function annotationKey(versionId: string, start: number | null, end: number | null, tagIds: readonly string[]): string {
  return `${versionId}:${start}:${end}:${[...tagIds].sort().join(',')}`;
}

/** Notes as one note: a paragraph per line, an empty paragraph between two notes. */
function noteDocument(notes: readonly string[]): NoteDocument | null {
  const texts = notes.map((note) => note.trim()).filter(Boolean);
  if (texts.length === 0) return null;
  const lines = texts.join('\n\n').split('\n');
  return { type: 'doc', content: lines.map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })) };
}

/** "Label: value" lines, as our export writes a Description. */
function labelledLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([^:]+): (.*)$/.exec(line);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, match[2]!);
  }
  return lines;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

// -- writing --------------------------------------------------------------------------------------

function write(project: Project, plan: Plan, fileName: string): ExchangeImportResult {
  return project.transaction(() => {
    for (const slot of plan.added) {
      const added = project.documents.addDocument(slot.added!.record, slot.added!.version);
      slot.documentId = added.documentId;
      slot.versionId = added.versionId;
    }
    const annotations = plan.annotations.map((planned): Annotation => {
      const { slot } = planned.target;
      return {
        id: randomUUID(),
        documentId: slot.documentId!,
        versionId: slot.versionId!,
        status: 'anchored',
        ...selectorsOf(slot.readingText, planned.start, planned.end, codePointsOf(slot, slot.readingText)),
        color: planned.color,
        tagIds: [...planned.tagIds],
        note: planned.note,
        noteText: noteToText(planned.note),
        credibility: planned.credibility,
        orphanReason: null,
        createdAt: planned.createdAt,
        updatedAt: planned.updatedAt,
      };
    });
    const snapshots: Snapshot[] = [
      ...plan.tags.map((tag): Snapshot => ({ kind: 'tag', before: null, after: tag })),
      ...annotations.map((annotation): Snapshot => ({ kind: 'annotation', before: null, after: annotation })),
    ];
    // Inside the transaction: the documents added above go with the refusal.
    checkExchangeLimits(fileName, snapshots, plan.added.map((slot) => slot.added!.record.title));
    if (snapshots.length > 0) project.history.apply(`import ${fileName}`, snapshots);
    return {
      format: 'qdpx',
      documents: plan.added.length,
      annotations: annotations.length,
      tags: plan.tags.length,
      notes: annotations.filter((annotation) => annotation.note !== null).length,
      claims: 0,
      skipped: [...plan.skipped],
    };
  });
}
