/**
 * Every change a user makes to highlights (annotations): validated, then written through the
 * project's one change history, so that undo and redo restore exactly what was there, whichever
 * pane or panel the change came from. Also moves a document's annotations onto a new version.
 */
import { randomUUID } from 'node:crypto';
import type { ApiParsedInput } from '../../shared/api';
import type { Annotation, NoteDocument } from '../../shared/annotations';
import { anchorAll, CodePointIndex, describeRange, toCodePointOffset } from '../../shared/anchoring';
import { ApiError } from '../../shared/errors';
import type { ChangeHistory, Snapshot } from './change-history';
import type { AnnotationRows } from '../store/annotations';
import type { ClaimRows } from '../store/claims';
import type { DocumentRepository } from '../store/documents';
import type { Repositories } from '../store/repositories';

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

  list(documentId?: string): Annotation[] {
    return this.rows.list(documentId);
  }

  get(id: string): Annotation {
    return this.rows.get(id);
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
   */
  reanchorDocument(documentId: string, newVersionId: string): { anchored: number; orphans: number } {
    const annotations = this.rows.list(documentId);
    if (annotations.length === 0) return { anchored: 0, orphans: 0 };
    const newText = this.documents.readingText(newVersionId);
    const codePoints = new CodePointIndex(newText);
    const byVersion = new Map<string, Annotation[]>();
    for (const annotation of annotations) {
      const group = byVersion.get(annotation.versionId);
      if (group) group.push(annotation);
      else byVersion.set(annotation.versionId, [annotation]);
    }
    let anchored = 0;
    let orphans = 0;
    const stamp = this.now().toISOString();
    for (const [versionId, group] of byVersion) {
      const previousText = this.documents.readingText(versionId);
      const targets = group.map((annotation) => ({
        quote: annotation.quote,
        position:
          annotation.start !== null && annotation.end !== null
            ? { start: annotation.start, end: annotation.end }
            : { start: 0, end: 0 },
      }));
      const results = anchorAll(newText, targets, { previousText });
      group.forEach((annotation, index) => {
        const result = results[index]!;
        if (result.status === 'anchored') {
          anchored++;
          // The selectors move with it: they describe the passage in the version it now rests on,
          // as the W3C model has it and as every export writes them.
          const { quote } = describeRange(newText, result.start, result.end);
          this.rows.put({
            ...annotation,
            versionId: newVersionId,
            status: 'anchored',
            start: result.start,
            end: result.end,
            quote,
            position: { start: codePoints.toCodePoint(result.start), end: codePoints.toCodePoint(result.end) },
            orphanReason: null,
            updatedAt: stamp,
          });
        } else {
          orphans++;
          this.rows.put({ ...annotation, status: 'orphan', start: null, end: null, orphanReason: result.reason, updatedAt: stamp });
        }
      });
    }
    return { anchored, orphans };
  }

  // -- internals ------------------------------------------------------------------------------------

  private versionText(versionId: string): { documentId: string; text: string } {
    return { documentId: this.documents.documentOfVersion(versionId), text: this.documents.readingText(versionId) };
  }

  private checkRange(text: string, start: number, end: number): Pick<Annotation, 'start' | 'end' | 'quote' | 'position'> {
    if (end > text.length) throw new ApiError('invalid_input', `end ${end} is past the end of the text (${text.length})`, 'end');
    if (text.slice(start, end).trim() === '') throw new ApiError('invalid_input', 'The selected passage is empty', 'start');
    const { quote } = describeRange(text, start, end);
    return { start, end, quote, position: { start: toCodePointOffset(text, start), end: toCodePointOffset(text, end) } };
  }

  private checkTags(tagIds: readonly string[]): void {
    for (const id of tagIds) this.rows.getTag(id, 'tagIds');
  }
}

function describeUpdate(input: ApiParsedInput<'updateAnnotation'>): string {
  if (input.note !== undefined) return 'edit note';
  if (input.tagIds !== undefined) return 'change tags';
  if (input.credibility !== undefined) return 'change credibility';
  if (input.color !== undefined) return 'change colour';
  return 'change annotation';
}

/** The plain text of a note, one line per paragraph, for previews and search. */
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
