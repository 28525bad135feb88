/**
 * Every change a user makes to highlights (annotations): validated, then written through the
 * project's one change history, so that undo and redo restore exactly what was there, whichever
 * pane or panel the change came from. Also moves a document's annotations onto a new version.
 */
import { randomUUID } from 'node:crypto';
import type { ApiParsedInput } from '../../shared/api';
import { MAX_NOTE_BYTES, type Annotation, type NoteDocument } from '../../shared/annotations';
import { anchorAll, CodePointIndex, RevisionMap, selectorsOf } from '../../shared/anchoring';
import { toCodePointOffset, toUtf16Offset } from '../../shared/anchoring/selectors';
import { ApiError } from '../../shared/errors';
import type { ChangeHistory, Snapshot } from './change-history';
import type { AnchorMove, AnchorRow, AnnotationRows } from '../store/annotations';
import type { ClaimRows } from '../store/claims';
import type { DocumentRepository } from '../store/documents';
import type { Repositories } from '../store/repositories';

/** Annotations re-anchored and written per step: a few tens of milliseconds of work between two reports. */
export const REANCHOR_STEP = 2_000;

/** Called after each step of a re-anchoring with the annotations done so far and their total. */
export type ReanchorProgress = (done: number, total: number) => void;

/**
 * A document's annotations re-anchored onto a new text, before that text is stored as a version.
 * Each placement keeps what it was worked out from, so that one changed meanwhile is redone.
 */
export interface ReanchorPlan {
  readonly documentId: string;
  readonly newText: string;
  readonly placed: ReadonlyMap<string, { readonly from: AnchorRow; readonly move: AnchorMove }>;
}

export class AnnotationService {
  private readonly rows: AnnotationRows;
  private readonly documents: DocumentRepository;
  /** Read only, to find the accounts a highlight gives: they go with it when it is deleted. */
  private readonly claimRows: ClaimRows;

  constructor(
    repositories: Repositories,
    private readonly changes: ChangeHistory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = repositories.annotations;
    this.documents = repositories.documents;
    this.claimRows = repositories.claims;
  }

  /**
   * A document's annotations, or those with the given ids, or every document's; optionally only
   * anchored ones or orphans. Each document is read through its index.
   */
  query(filter: { documentId?: string; ids?: readonly string[]; status?: Annotation['status'] }): Annotation[] {
    const { documentId, ids, status } = filter;
    if (ids) return this.withIds(ids).filter((annotation) => !status || annotation.status === status).map(shownNote);
    if (!status) return this.list(documentId).map(shownNote);
    const documents = documentId !== undefined ? [documentId] : this.documents.list().map((document) => document.id);
    return documents.flatMap((id) => this.rows.listWithStatus(id, status)).map(shownNote);
  }

  get(id: string): Annotation {
    return this.rows.get(id);
  }

  list(documentId?: string): Annotation[] {
    return this.rows.list(documentId);
  }

  /** Those of the given ids that exist, by document id, then by place; a gone one is simply not listed. */
  private withIds(ids: readonly string[]): Annotation[] {
    return [...new Set(ids)]
      .map((id) => this.rows.find(id))
      .filter((annotation): annotation is Annotation => annotation !== null)
      .sort((a, b) => a.documentId.localeCompare(b.documentId) || (a.start ?? Infinity) - (b.start ?? Infinity));
  }

  create(input: ApiParsedInput<'createAnnotation'>): Annotation {
    const { documentId, text } = this.versionText(input.versionId);
    const range = this.checkRange(text, input.start, input.end);
    this.checkTags(input.tagIds ?? []);
    const stamp = this.now().toISOString();
    const annotation: Annotation = {
      id: randomUUID(),
      documentId,
      versionId: input.versionId,
      status: 'anchored',
      ...range,
      color: input.color ?? 'yellow',
      tagIds: [...new Set(input.tagIds ?? [])],
      note: input.note ?? null,
      noteText: noteToText(input.note ?? null),
      credibility: input.credibility ?? null,
      orphanReason: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    this.changes.apply('add highlight', [{ kind: 'annotation', before: null, after: annotation }]);
    return annotation;
  }

  update(input: ApiParsedInput<'updateAnnotation'>): Annotation {
    const before = this.rows.get(input.id);
    if (input.tagIds) this.checkTags(input.tagIds);
    const after: Annotation = {
      ...before,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.tagIds !== undefined ? { tagIds: [...new Set(input.tagIds)] } : {}),
      ...(input.note !== undefined ? { note: input.note, noteText: noteToText(input.note) } : {}),
      ...(input.credibility !== undefined ? { credibility: input.credibility } : {}),
      updatedAt: this.now().toISOString(),
    };
    this.changes.apply(describeUpdate(input), [{ kind: 'annotation', before, after }]);
    return after;
  }

  reattach(input: ApiParsedInput<'reattachAnnotation'>): Annotation {
    const before = this.rows.get(input.id);
    const { documentId, text } = this.versionText(input.versionId);
    if (documentId !== before.documentId) {
      throw new ApiError('invalid_input', 'An annotation can only be re-attached within its own document', 'versionId');
    }
    const after: Annotation = {
      ...before,
      versionId: input.versionId,
      status: 'anchored',
      ...this.checkRange(text, input.start, input.end),
      orphanReason: null,
      updatedAt: this.now().toISOString(),
    };
    this.changes.apply('re-attach annotation', [{ kind: 'annotation', before, after }]);
    return after;
  }

  /** Deletes a highlight together with the accounts it gives, in one change, so undo brings back both. */
  delete(id: string): void {
    const annotation = this.rows.get(id);
    const accounts = this.claimRows.accountsOfAnnotation(id);
    this.changes.apply(accounts.length > 0 ? 'delete highlight and its accounts' : 'delete highlight', [
      ...accounts.map((account): Snapshot => ({ kind: 'account', before: account, after: null })),
      { kind: 'annotation', before: annotation, after: null },
    ]);
  }

  /**
   * After a new version of a document is added: every annotation of the document moves to the new
   * version where its text went, or becomes an orphan that keeps its quote and context. Runs in
   * the caller's transaction; not an undoable change (undoing would not remove the version).
   * With a plan (see planReanchoring) only what changed since it was made is anchored here.
   * Costs one diff per version the annotations rest on, a binary search per annotation and one
   * prepared UPDATE per annotation: linear in the annotations, whatever the project holds.
   */
  reanchorDocument(
    documentId: string,
    newVersionId: string,
    options: { plan?: ReanchorPlan; onProgress?: ReanchorProgress } = {},
  ): { anchored: number; orphans: number } {
    const rows = this.rows.anchorsOfDocument(documentId);
    const total = rows.length;
    if (total === 0) return { anchored: 0, orphans: 0 };
    const newText = this.documents.readingText(newVersionId);
    const plan = options.plan?.documentId === documentId && options.plan.newText === newText ? options.plan : null;
    const planned: AnchorMove[] = [];
    const unplanned: AnchorRow[] = [];
    for (const row of rows) {
      const placed = plan?.placed.get(row.id);
      // The plan's row numbers were read before this transaction; only those read in it are sure.
      if (placed && sameAnchor(placed.from, row)) planned.push(placed.move.row === row.row ? placed.move : { ...placed.move, row: row.row });
      else unplanned.push(row);
    }
    const to = { versionId: newVersionId, updatedAt: this.now().toISOString() };
    let done = 0;
    const counts = { anchored: 0, orphans: 0 };
    const write = (moves: readonly AnchorMove[]) => {
      this.rows.moveAnchors(moves, to);
      for (const move of moves) counts[move.status === 'anchored' ? 'anchored' : 'orphans']++;
      done += moves.length;
      options.onProgress?.(done, total);
    };
    return this.rows.withCacheFor(total, () => {
      for (let from = 0; from < planned.length; from += REANCHOR_STEP) write(planned.slice(from, from + REANCHOR_STEP));
      for (const moves of this.anchorSteps(unplanned, newText)) write(moves);
      return counts;
    });
  }

  /**
   * Works a document's re-anchoring out before the transaction that stores the new version, a
   * step at a time with the event loop free in between, so that an import job can show its
   * progress while it runs (a transaction cannot span awaits: other requests would join it).
   */
  async planReanchoring(documentId: string, newText: string, onProgress?: ReanchorProgress): Promise<ReanchorPlan> {
    const rows = this.rows.anchorsOfDocument(documentId);
    const placed = new Map<string, { from: AnchorRow; move: AnchorMove }>();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const moves of this.anchorSteps(rows, newText)) {
      for (const move of moves) placed.set(move.id, { from: byId.get(move.id)!, move });
      onProgress?.(placed.size, rows.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { documentId, newText, placed };
  }

  /** Where each annotation goes, REANCHOR_STEP annotations at a time; one diff per version they rest on. */
  private *anchorSteps(rows: readonly AnchorRow[], newText: string): Generator<AnchorMove[]> {
    if (rows.length === 0) return;
    const codePoints = new CodePointIndex(newText);
    const byVersion = new Map<string, AnchorRow[]>();
    for (const row of rows) {
      const group = byVersion.get(row.versionId);
      if (group) group.push(row);
      else byVersion.set(row.versionId, [row]);
    }
    for (const [versionId, group] of byVersion) {
      const previousText = this.documents.readingText(versionId);
      const revision = RevisionMap.between(previousText, newText);
      let previousPoints: CodePointIndex | null = null;
      // An orphan is carried through the diff from where it was last anchored, as if it were still
      // there: a search of the whole new text for each one made orphans cost what the text is long.
      const placeOf = (row: AnchorRow): { start: number; end: number } => {
        if (row.start !== null && row.end !== null) return { start: row.start, end: row.end };
        previousPoints ??= new CodePointIndex(previousText);
        try {
          return { start: previousPoints.toUtf16(row.position.start), end: previousPoints.toUtf16(row.position.end) };
        } catch {
          return { start: 0, end: 0 }; // not a place on that version: found by its quote and context alone
        }
      };
      for (let from = 0; from < group.length; from += REANCHOR_STEP) {
        const step = group.slice(from, from + REANCHOR_STEP);
        const targets = step.map((row) => ({ quote: row.quote, position: placeOf(row) }));
        const results = anchorAll(newText, targets, { revision });
        yield step.map((row, index): AnchorMove => {
          const result = results[index]!;
          if (result.status === 'orphan') return { row: row.row, id: row.id, status: 'orphan', orphanReason: result.reason };
          // The selectors move with it: they describe the passage in the version it now rests on,
          // as the W3C model has it and as every export writes them.
          return { row: row.row, id: row.id, status: 'anchored', ...selectorsOf(newText, result.start, result.end, codePoints) };
        });
      }
    }
  }

  // -- internals ------------------------------------------------------------------------------------

  private versionText(versionId: string): { documentId: string; text: string } {
    return { documentId: this.documents.documentOfVersion(versionId), text: this.documents.readingText(versionId) };
  }

  private checkRange(text: string, start: number, end: number): Pick<Annotation, 'start' | 'end' | 'quote' | 'position'> {
    if (end > text.length) throw new ApiError('invalid_input', `end ${end} is past the end of the text (${text.length})`, 'end');
    if (text.slice(start, end).trim() === '') throw new ApiError('invalid_input', 'The selected passage is empty', 'start');
    return selectorsOf(text, start, end);
  }

  private checkTags(tagIds: readonly string[]): void {
    for (const id of tagIds) this.rows.getTag(id, 'tagIds');
  }
}

/** Whether an annotation still rests where, and quotes what, it did when its placement was worked out. */
function sameAnchor(a: AnchorRow, b: AnchorRow): boolean {
  return (
    a.versionId === b.versionId &&
    a.status === b.status &&
    a.start === b.start &&
    a.end === b.end &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

function describeUpdate(input: ApiParsedInput<'updateAnnotation'>): string {
  if (input.note !== undefined) return 'edit note';
  if (input.tagIds !== undefined) return 'change tags';
  if (input.credibility !== undefined) return 'change credibility';
  if (input.color !== undefined) return 'change colour';
  return 'change annotation';
}

/** The plain text of a note, one line per paragraph, for previews and search. */
/** How much of an oversized stored note a listing shows: a few pages, enough to recognise it. */
export const SHOWN_OF_OVERSIZED_NOTE = 20_000;

/**
 * An annotation as a listing sends it. A note stored over MAX_NOTE_BYTES (written by an older
 * version or another tool, bypassing the API) is shown as its beginning with a line saying so:
 * sent whole, a few such notes overflow the answer and the project no longer opens. The stored
 * note is not touched, and changing the highlight's colour or tags keeps it whole.
 */
export function shownNote(annotation: Annotation): Annotation {
  if (annotation.note === null) return annotation;
  // Characters never outnumber UTF-8 bytes: a note within the limit never gets here.
  const length = JSON.stringify(annotation.note).length;
  if (length <= MAX_NOTE_BYTES) return annotation;
  const text = annotation.noteText;
  const kept = text.slice(0, toUtf16Offset(text, toCodePointOffset(text, Math.min(text.length, SHOWN_OF_OVERSIZED_NOTE))));
  const marker = `[Note cut for display: it takes ${length.toLocaleString('en')} characters, over the limit of ${MAX_NOTE_BYTES.toLocaleString('en')}; the first ${kept.length.toLocaleString('en')} characters of its text are shown. The whole note is kept in the project.]`;
  const paragraph = (words: string) => ({ type: 'paragraph', content: [{ type: 'text', text: words }] });
  return {
    ...annotation,
    note: { type: 'doc', content: [paragraph(marker), ...(kept ? [paragraph(kept)] : [])] },
    noteText: `${marker}\n${kept}`,
  };
}

export function noteToText(note: NoteDocument | null): string {
  if (!note) return '';
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { type, text, content } = node as { type?: string; text?: unknown; content?: unknown };
    if (typeof text === 'string') {
      out.push(text);
      return;
    }
    if (type === 'hard_break') out.push('\n');
    if (Array.isArray(content)) content.forEach(walk);
    if (type === 'paragraph' || type === 'heading') out.push('\n');
  };
  walk(note);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}
