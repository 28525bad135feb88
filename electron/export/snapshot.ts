/**
 * Reads what an export needs from the open project into an ExportSnapshot. It reads through the
 * API table, the one stable contract over the project (services behind it may be reorganised),
 * and only through methods that read: an export never changes the project.
 */
import path from 'node:path';
import type { Annotation, Tag } from '../../shared/annotations';
import type { ApiClient } from '../../shared/api';
import type { Claim } from '../../shared/claims';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import { annotationFilter } from './filter';
import type { ExportAccountOf, ExportAnnotation, ExportClaim, ExportDocument, ExportFilter, ExportLocation, ExportSnapshot, ExportTag } from './model';
import { compareText } from './order';

/** The read-only part of the API an export uses. */
export type ExportSource = Pick<
  ApiClient,
  'getAppInfo' | 'listDocuments' | 'getVersionContent' | 'locateText' | 'listAnnotations' | 'listTags' | 'getAssessment' | 'listClaims'
>;

/** How far reading has come: a stage in words, and 0 to 1. */
export type ExportProgress = (stage: string, fraction: number) => void;

export interface SnapshotOptions {
  /** The date of the export, printed in the file: passed in so that an export can be repeated byte for byte. */
  readonly exportedAt: Date | string;
  readonly filter?: ExportFilter;
  /** Defaults to the project file's name without its extension. */
  readonly projectName?: string;
  readonly onProgress?: ExportProgress;
}

function report(options: SnapshotOptions, stage: string, fraction: number): void {
  options.onProgress?.(stage, fraction);
}

/** Reads each version once however many annotations ask for it: a version's content is its whole text. */
export type VersionReader = (versionId: string) => Promise<VersionContent>;

export function versionReader(api: ExportSource): VersionReader {
  const read = new Map<string, Promise<VersionContent>>();
  return (versionId) => {
    let content = read.get(versionId);
    if (!content) read.set(versionId, (content = api.getVersionContent({ versionId })));
    return content;
  };
}

/** A source as an export describes it: its record, its current version's text and fingerprint, and its assessment. */
export async function exportDocument(
  api: ExportSource,
  versions: VersionReader,
  document: DocumentSummary,
  position: number,
): Promise<ExportDocument> {
  const version = await versions(document.currentVersionId);
  return {
    id: document.id,
    position,
    title: document.title,
    titleSupplied: document.titleSupplied,
    author: document.author,
    translator: document.translator,
    date: document.date,
    kind: document.sourceKind,
    language: document.language,
    description: document.description,
    fileName: version.fileName,
    versionId: version.versionId,
    sha256: version.sha256,
    text: version.text,
    assessment: await api.getAssessment({ documentId: document.id }),
  };
}

export async function readExportSnapshotFrom(api: ExportSource, options: SnapshotOptions): Promise<ExportSnapshot> {
  const exportedAt = new Date(options.exportedAt);
  if (Number.isNaN(exportedAt.getTime())) throw new RangeError(`Not a date of export: ${String(options.exportedAt)}`);
  const filter = options.filter ?? {};
  const [info, allDocuments, rawTags, rawAnnotations, rawClaims] = await Promise.all([
    api.getAppInfo({}),
    api.listDocuments({}),
    api.listTags({}),
    api.listAnnotations({}),
    api.listClaims({}),
  ]);

  const inScope = filter.documentIds?.length ? new Set(filter.documentIds) : null;
  const positions = new Map(allDocuments.map((document, index) => [document.id, index + 1]));
  const scoped = allDocuments.filter((document) => !inScope || inScope.has(document.id));
  const versions = versionReader(api);
  const documents: ExportDocument[] = [];
  for (const [index, document] of scoped.entries()) {
    report(options, `reading sources (${index + 1} of ${scoped.length})`, 0.1 * (index / scoped.length));
    documents.push(await exportDocument(api, versions, document, positions.get(document.id)!));
  }

  const matches = annotationFilter(filter, rawTags);
  const chosen = rawAnnotations
    .filter(matches)
    .sort(
      (a, b) =>
        positions.get(a.documentId)! - positions.get(b.documentId)! ||
        (a.start ?? a.position.start) - (b.start ?? b.position.start) ||
        (a.end ?? a.position.end) - (b.end ?? b.position.end) ||
        compareText(a.id, b.id),
    );
  const claims = claimsOf(rawClaims, new Set(chosen.map((annotation) => annotation.id)));
  const locations = await locateAll(api, versions, chosen, (done) => report(options, `placing annotations (${done} of ${chosen.length})`, 0.1 + 0.8 * (done / chosen.length)));
  const accounts = accountsByAnnotation(claims);
  const fingerprints = new Map(documents.map((document) => [document.versionId, document.sha256]));
  for (const annotation of chosen) {
    // An orphan may rest on an older version than the current one: its selectors name that file.
    if (!fingerprints.has(annotation.versionId)) {
      fingerprints.set(annotation.versionId, (await versions(annotation.versionId)).sha256);
    }
  }

  return {
    project: options.projectName ?? path.basename(info.projectPath, path.extname(info.projectPath)),
    exportedAt: exportedAt.toISOString(),
    filter,
    documents,
    tags: codebook(rawTags),
    annotations: chosen.map((annotation) =>
      toExportAnnotation(annotation, fingerprints.get(annotation.versionId)!, locations.get(annotation.id) ?? null, accounts.get(annotation.id) ?? []),
    ),
    claims,
  };
}

/** Every tag with its full path, sorted by path so the codebook reads as a tree. */
function codebook(tags: readonly Tag[]): ExportTag[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const pathOf = (tag: Tag): string[] => {
    const names = [tag.name];
    const seen = new Set([tag.id]);
    for (let parent = byId.get(tag.parentId ?? ''); parent && !seen.has(parent.id); parent = byId.get(parent.parentId ?? '')) {
      seen.add(parent.id);
      names.unshift(parent.name);
    }
    return names;
  };
  return tags
    .map((tag) => ({ id: tag.id, path: pathOf(tag), color: tag.color, description: tag.description }))
    .sort((a, b) => compareText(a.path.join('\u0000'), b.path.join('\u0000')) || compareText(a.id, b.id));
}

/** Claims as far as the export reaches: only accounts of exported highlights, and only claims left with one. */
function claimsOf(claims: readonly Claim[], exported: ReadonlySet<string>): ExportClaim[] {
  return claims
    .map((claim) => ({
      id: claim.id,
      wording: claim.wording,
      date: claim.date?.text ?? null,
      people: claim.people,
      places: claim.places,
      verdict: claim.verdict,
      credibility: claim.credibility,
      accounts: claim.accounts
        .filter((account) => exported.has(account.annotationId))
        .map(({ id, annotationId, stance, note }) => ({ id, annotationId, stance, note })),
    }))
    .filter((claim) => claim.accounts.length > 0);
}

/** What each highlight is an account of, in claim order: looked up once per highlight, not searched for. */
function accountsByAnnotation(claims: readonly ExportClaim[]): Map<string, ExportAccountOf[]> {
  const byAnnotation = new Map<string, ExportAccountOf[]>();
  for (const claim of claims) {
    for (const account of claim.accounts) {
      const of = { claimId: claim.id, wording: claim.wording, stance: account.stance, note: account.note };
      byAnnotation.set(account.annotationId, [...(byAnnotation.get(account.annotationId) ?? []), of]);
    }
  }
  return byAnnotation;
}

interface Heading {
  readonly start: number;
  readonly level: number;
  readonly label: string;
}

/** How many annotations are placed between two looks at the event loop: enough to be quick, few enough for a progress poll to get through. */
const PLACED_PER_TURN = 500;

/** Chapter, section, printed page and raw line of each anchored annotation, reading each version's headings once. */
export async function locateAll(
  api: ExportSource,
  versions: VersionReader,
  annotations: readonly Annotation[],
  onPlaced?: (done: number) => void,
): Promise<Map<string, ExportLocation>> {
  const headingsOf = new Map<string, Heading[]>();
  const located = new Map<string, ExportLocation>();
  for (const [index, annotation] of annotations.entries()) {
    if (onPlaced && index % PLACED_PER_TURN === 0) {
      onPlaced(index);
      // The API answers in the same process: without this, a progress poll would wait for the whole export.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (annotation.status !== 'anchored' || annotation.start === null) continue;
    let headings = headingsOf.get(annotation.versionId);
    if (!headings) {
      const { text, blocks } = await versions(annotation.versionId);
      headings = blocks
        .filter((block) => block.kind === 'heading')
        .map((block) => ({ start: block.start, level: block.level ?? 1, label: text.slice(block.start, block.end) }));
      headingsOf.set(annotation.versionId, headings);
    }
    const place = await api.locateText({ versionId: annotation.versionId, offset: annotation.start });
    located.set(annotation.id, {
      chapter: place.chapter,
      section: sectionAt(headings, annotation.start),
      page: place.page,
      line: place.line,
      column: place.column,
      inTextLayer: place.inTextLayer,
    });
  }
  return located;
}

/**
 * The heading below chapter level nearest before the offset, unless a new chapter began after
 * it: `locateText` names the chapter, and a citation of a long chapter wants the section too.
 */
function sectionAt(headings: readonly Heading[], offset: number): string | null {
  let section: string | null = null;
  for (const heading of headings) {
    if (heading.start > offset) break;
    section = heading.level > 1 ? heading.label : null;
  }
  return section;
}

function toExportAnnotation(
  annotation: Annotation,
  versionSha256: string,
  location: ExportLocation | null,
  accounts: readonly ExportAccountOf[],
): ExportAnnotation {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    versionId: annotation.versionId,
    versionSha256,
    status: annotation.status,
    quote: annotation.quote,
    start: annotation.start,
    end: annotation.end,
    position: annotation.position,
    location,
    tagIds: annotation.tagIds,
    color: annotation.color,
    credibility: annotation.credibility,
    note: annotation.note,
    noteText: annotation.noteText,
    claims: accounts,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
  };
}
