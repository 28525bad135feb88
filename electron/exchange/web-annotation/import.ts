/**
 * W3C Web Annotation in: the annotations of a .jsonld file (see export.ts for the shape
 * Sourcebench writes) placed on the project's own sources, with their tags, notes, grades and
 * stances, all or nothing.
 *
 * The whole file is read and checked first (read.ts); then every annotation is placed in memory;
 * then everything is written as one change of the project's history, in one transaction: undo
 * takes the whole import back, and a failure leaves the project as it was.
 *
 * - A target's source is found by the sha-256 of its file (`urn:sha256:`), among the current
 *   versions of the documents and the versions annotations rest on; else by the version or the
 *   document the file names (`sb:version` with the same sha-256, `sb:document`, or a `source`
 *   that is `urn:uuid:` of a document), which holds when a file goes back into the project it
 *   came from. A source found nowhere (another tool's `https://…` page) is left out with why:
 *   guessing a source by its title could put a note on the wrong text.
 * - The place: the TextPositionSelector (code points) if the text there is the quote, else the
 *   quote searched for with its context, by the app's own anchoring. An annotation on an older
 *   version of a document is carried to the current one as a new version carries it, or kept
 *   as an orphan on the version it fits.
 * - Ids and timestamps of the file are kept where the project has no such id yet, so that a
 *   file read into a fresh project exports again the same; an annotation whose id is already in
 *   the project is left out (importing twice adds nothing). Tags are matched by codebook path;
 *   claims by id, and made from the file's `sb:claims` where the project has none.
 */
import { randomUUID } from 'node:crypto';
import type { Annotation, NoteDocument } from '../../../shared/annotations';
import { anchor, CodePointIndex, selectorsOf, type AnchorTarget } from '../../../shared/anchoring';
import type { VersionContent } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { ExchangeImportResult } from '../../../shared/exchange';
import { noteToText } from '../../app/annotation-service';
import type { Snapshot } from '../../app/change-history';
import { checkExchangeLimits } from '../limits';
import type { Project } from '../../app/project';
import type { TagRecord } from '../../store/annotations';
import type { AccountRecord, ClaimRecord } from '../../store/claims';
import { localId, readWebAnnotationFile, shorten, type FileAnnotation, type FileBody, type FileClaim, type FileTag, type FileTarget, type WebAnnotationFile } from './read';
import { sha256OfUrn, TAG_PATH_SEPARATOR, uuidOfUrn } from './vocabulary';

/** W3C Web Annotation JSON-LD in. `now` stamps what the file gives no time for (new tags, claims, accounts). */
export function importWebAnnotations(project: Project, bytes: Buffer, fileName: string, now: Date = new Date()): ExchangeImportResult {
  const file = readWebAnnotationFile(bytes, fileName);
  const plan = new ImportPlan(project, file, now.toISOString());
  for (const annotation of file.annotations) plan.add(annotation);
  const snapshots = plan.snapshots();
  checkExchangeLimits(fileName, snapshots);
  if (snapshots.length > 0) project.history.apply(`import ${fileName}`, snapshots);
  return {
    format: 'jsonld',
    documents: 0,
    annotations: plan.annotations.length,
    tags: plan.tags.length,
    notes: plan.annotations.filter((annotation) => annotation.note !== null).length,
    claims: plan.claims.length,
    skipped: [...file.notes, ...plan.skipped],
  };
}

interface KnownVersion {
  readonly versionId: string;
  readonly documentId: string;
  readonly sha256: string;
  readonly text: string;
  /** Every annotation converts its offsets on this text: a walk from its start each time made 2,700 take seconds. */
  readonly codePoints: CodePointIndex;
}

/** Where an annotation lands: on a version, anchored, or an orphan that keeps its place on an older version. */
type Placement = Pick<Annotation, 'documentId' | 'versionId' | 'status' | 'start' | 'end' | 'quote' | 'position' | 'orphanReason'>;

/** The project's sources, found by the sha-256 of a version's file or by a document or version id. */
class Sources {
  private readonly bySha = new Map<string, KnownVersion>();
  private readonly byVersion = new Map<string, KnownVersion>();
  private readonly current = new Map<string, KnownVersion>();
  readonly titles = new Map<string, string>();

  constructor(private readonly project: Project) {
    for (const document of project.documents.list()) {
      this.titles.set(document.id, document.title);
      this.current.set(document.id, this.remember(document.currentVersionId)!);
    }
    for (const annotation of project.annotations.list()) this.remember(annotation.versionId);
  }

  /** The version a target's selectors were made on, or why there is none in this project. */
  find(target: FileTarget): KnownVersion | string {
    const sha = sha256OfUrn(target.source);
    const bySha = sha ? this.bySha.get(sha) : undefined;
    if (bySha) return bySha;
    const named = target.versionIri ? this.remember(uuidOfUrn(target.versionIri)) : null;
    if (named && sha && named.sha256 === sha) return named;
    const documentId = uuidOfUrn(target.documentIri ?? target.source);
    const document = documentId ? this.current.get(documentId) : undefined;
    if (document) return document;
    return sha
      ? `its source (the file with sha-256 ${sha}) is not a version of any document in this project; import that file first`
      : `its source ${target.source} is not in this project (Sourcebench finds a source by the sha-256 of its file, urn:sha256:…)`;
  }

  currentOf(documentId: string): KnownVersion {
    return this.current.get(documentId)!;
  }

  /** Reads a version once; null where the project has no version of that id. */
  private remember(versionId: string | null): KnownVersion | null {
    if (!versionId) return null;
    const known = this.byVersion.get(versionId);
    if (known) return known;
    const content = this.contentOf(versionId);
    if (!content) return null;
    const version = { versionId, documentId: content.documentId, sha256: content.sha256, text: content.text, codePoints: new CodePointIndex(content.text) };
    this.byVersion.set(versionId, version);
    // The current version was read first: a file that is both a current and an older version stays the current one.
    if (!this.bySha.has(version.sha256)) this.bySha.set(version.sha256, version);
    return version;
  }

  private contentOf(versionId: string): VersionContent | null {
    try {
      return this.project.documents.getVersionContent(versionId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }
  }
}

/** Everything an import adds, worked out in memory before anything is written. */
class ImportPlan {
  readonly annotations: Annotation[] = [];
  readonly tags: TagRecord[] = [];
  readonly claims: ClaimRecord[] = [];
  readonly skipped: string[] = [];
  private readonly accounts: (Omit<AccountRecord, 'position'> & { readonly order: number })[] = [];

  private readonly sources: Sources;
  private readonly annotationIds: Set<string>;
  /** Tag ids by codebook path (lower case: the project tells tag names apart without case). */
  private readonly tagByPath = new Map<string, string>();
  private readonly tagIds: Set<string>;
  private readonly codebook: Map<string, FileTag>;
  /**
   * Claims of the project: their ids, and how many accounts each has. An account added to one
   * goes after those (its position is that count and up; the project's own next position is not
   * readable from here, so after a detach it may share a position with an older account).
   */
  private readonly projectClaims: Map<string, number>;
  private readonly fileClaims: Map<string, FileClaim>;
  private readonly accountIds: Set<string>;

  constructor(
    project: Project,
    file: Pick<WebAnnotationFile, 'codebook' | 'claims'>,
    private readonly now: string,
  ) {
    this.sources = new Sources(project);
    this.annotationIds = new Set(project.annotations.list().map((annotation) => annotation.id));
    const tags = project.codebook.tags();
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    for (const tag of tags) {
      const path = [tag.name];
      for (let parent = byId.get(tag.parentId ?? ''); parent && path.length <= tags.length; parent = byId.get(parent.parentId ?? '')) {
        path.unshift(parent.name);
      }
      this.tagByPath.set(pathKey(path), tag.id);
    }
    this.tagIds = new Set(byId.keys());
    this.codebook = new Map(file.codebook.map((tag) => [pathKey(tag.path), tag]));
    const claims = project.claims.list();
    this.projectClaims = new Map(claims.map((claim) => [claim.id, claim.accounts.length]));
    this.accountIds = new Set(claims.flatMap((claim) => claim.accounts.map((account) => account.id)));
    this.fileClaims = new Map(file.claims.map((claim) => [claim.id, claim]));
    // The whole codebook comes back, also tags no annotation in the file carries.
    for (const tag of file.codebook) this.tagFor(tag.path);
  }

  add(file: FileAnnotation): void {
    const named = `the annotation ${file.iri}`;
    if (this.annotationIds.has(file.id)) {
      this.skipped.push(`${named}: already in the project`);
      return;
    }
    if (file.targets.length !== 1) {
      this.skipped.push(`${named}: it has ${file.targets.length} targets; a Sourcebench highlight has one`);
      return;
    }
    const target = file.targets[0]!;
    if (!target.quote) {
      this.skipped.push(`${named}: its target has no TextQuoteSelector, so no passage to highlight`);
      return;
    }
    const described = `${named} (“${shorten(target.quote.exact)}”)`;
    const version = this.sources.find(target);
    if (typeof version === 'string') {
      this.skipped.push(`${described}: ${version}`);
      return;
    }
    const placement = this.place(target.quote, target.position, version);
    if (typeof placement === 'string') {
      this.skipped.push(`${described}: ${placement}`);
      return;
    }

    const tagIds: string[] = [];
    let note: NoteDocument | null = null;
    let credibility: number | null = null;
    for (const body of file.bodies) {
      if (body.kind === 'tag') tagIds.push(this.tagFor(body.path, body.iri));
      else if (body.kind === 'note') note = note ? joinNotes(note, body.note) : body.note;
      else if (body.kind === 'credibility') credibility ??= body.grade;
      else if (body.kind === 'stance') this.addAccount(file.id, body, described);
      else this.skipped.push(`${described}: ${body.why} was left out`);
    }
    const created = file.created ?? this.now;
    this.annotationIds.add(file.id);
    this.annotations.push({
      id: file.id,
      ...placement,
      color: file.color ?? 'yellow',
      tagIds: [...new Set(tagIds)],
      note,
      noteText: noteToText(note),
      credibility,
      createdAt: created,
      updatedAt: file.modified ?? created,
    });
  }

  /** The changes to write, referenced things first (the history orders them again for the foreign keys). */
  snapshots(): Snapshot[] {
    const positions = new Map<string, number>();
    const accounts = [...this.accounts].sort((a, b) => a.order - b.order);
    return [
      ...this.tags.map((tag): Snapshot => ({ kind: 'tag', before: null, after: tag })),
      ...this.annotations.map((annotation): Snapshot => ({ kind: 'annotation', before: null, after: annotation })),
      ...this.claims.map((claim): Snapshot => ({ kind: 'claim', before: null, after: claim })),
      ...accounts.map(({ order: _order, ...account }): Snapshot => {
        const position = positions.get(account.claimId) ?? this.projectClaims.get(account.claimId) ?? 0;
        positions.set(account.claimId, position + 1);
        return { kind: 'account', before: null, after: { ...account, position } };
      }),
    ];
  }

  /**
   * Places the quote on the version the target names: at the position if the text there is the
   * quote, else where the quote is found with its context. On an older version of a document it
   * is then carried to the current version through the diff of the two, as a new version does.
   */
  private place(quote: AnchorTarget['quote'], position: FileTarget['position'], version: KnownVersion): Placement | string {
    // A position that does not fit the text is no evidence: the quote is then found by itself and its context.
    const range = utf16Range(version, position);
    const onVersion = anchor(version.text, range ? { quote, position: range } : { quote });
    if (onVersion.status === 'orphan') {
      return `it has no place in ${this.title(version)}: ${onVersion.reason}`;
    }
    const current = this.sources.currentOf(version.documentId);
    if (current.versionId === version.versionId) return anchoredOn(version, onVersion.start, onVersion.end);
    const there = selectorsOf(version.text, onVersion.start, onVersion.end, version.codePoints);
    const carried = anchor(current.text, { quote: there.quote, position: { start: there.start, end: there.end } }, { previousText: version.text });
    if (carried.status === 'anchored') return anchoredOn(current, carried.start, carried.end);
    return {
      documentId: version.documentId,
      versionId: version.versionId,
      status: 'orphan',
      start: null,
      end: null,
      quote: there.quote,
      position: there.position,
      orphanReason: carried.reason,
    };
  }

  private title(version: KnownVersion): string {
    return `“${this.sources.titles.get(version.documentId) ?? version.documentId}”`;
  }

  /** The id of the tag at this codebook path, making it (and any missing parent) with the file's id, colour and description. */
  private tagFor(path: readonly string[], iri: string | null = null): string {
    const key = pathKey(path);
    const existing = this.tagByPath.get(key);
    if (existing) return existing;
    const parentId = path.length > 1 ? this.tagFor(path.slice(0, -1)) : null;
    const described = this.codebook.get(key);
    const wanted = described?.id ?? (iri ? localId(iri) : null);
    const tag: TagRecord = {
      id: wanted && !this.tagIds.has(wanted) ? wanted : randomUUID(),
      name: path[path.length - 1]!,
      parentId,
      color: described?.color ?? 'yellow',
      description: described?.description ?? '',
      createdAt: this.now,
    };
    this.tagIds.add(tag.id);
    this.tagByPath.set(key, tag.id);
    this.tags.push(tag);
    return tag.id;
  }

  private addAccount(annotationId: string, stance: Extract<FileBody, { kind: 'stance' }>, described: string): void {
    const claimId = this.claimFor(stance.claimIri);
    if (!claimId) {
      this.skipped.push(`${described}: its stance toward the claim ${stance.claimIri} was left out: that claim is neither in the file nor in the project`);
      return;
    }
    if (this.accounts.some((account) => account.claimId === claimId && account.annotationId === annotationId)) {
      this.skipped.push(`${described}: a second stance toward the claim ${stance.claimIri} was left out (a highlight is one account of a claim)`);
      return;
    }
    const wanted = stance.iri ? localId(stance.iri) : null;
    const id = wanted && !this.accountIds.has(wanted) ? wanted : randomUUID();
    this.accountIds.add(id);
    const listed = this.fileClaims.get(claimId)?.accountIds.indexOf(id) ?? -1;
    this.accounts.push({
      id,
      claimId,
      annotationId,
      stance: stance.stance,
      note: stance.note,
      // The claim's account order in the file; accounts it does not list follow in file order.
      order: listed >= 0 ? listed : Number.MAX_SAFE_INTEGER,
      createdAt: this.now,
      updatedAt: this.now,
    });
  }

  /** The project's claim of that id, or a new one made from the file's; null where neither has it. */
  private claimFor(iri: string): string | null {
    const id = localId(iri);
    if (this.projectClaims.has(id) || this.claims.some((claim) => claim.id === id)) return id;
    const claim = this.fileClaims.get(id);
    if (!claim) return null;
    this.claims.push({
      id,
      wording: claim.wording,
      date: claim.date,
      people: [...claim.people],
      places: [...claim.places],
      verdict: claim.verdict,
      credibility: claim.credibility,
      createdAt: this.now,
      updatedAt: this.now,
    });
    return id;
  }
}

function pathKey(path: readonly string[]): string {
  return path.map((name) => name.toLowerCase()).join(TAG_PATH_SEPARATOR);
}

/** A TextPositionSelector (code points) as UTF-16 offsets into the version's text, or null where it does not fit the text. */
function utf16Range(version: KnownVersion, position: FileTarget['position']): { start: number; end: number } | null {
  if (!position) return null;
  try {
    return { start: version.codePoints.toUtf16(position.start), end: version.codePoints.toUtf16(position.end) };
  } catch {
    return null;
  }
}

function anchoredOn(version: KnownVersion, start: number, end: number): Placement {
  return { documentId: version.documentId, versionId: version.versionId, status: 'anchored', ...selectorsOf(version.text, start, end, version.codePoints), orphanReason: null };
}

/** Two comments on one annotation (another tool's replies) become one note, the second after the first. */
function joinNotes(first: NoteDocument, second: NoteDocument): NoteDocument {
  return { type: 'doc', content: [...(first.content ?? []), ...(second.content ?? [])] };
}
