/**
 * Every change a user makes to annotations, tags and source assessments: validated, then written
 * through the project's one change history, so that undo and redo restore exactly what was there,
 * whichever pane or panel the change came from.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ApiParsedInput } from '../../shared/api';
import type { Annotation, NoteDocument, SourceAssessment, Tag, Workspace } from '../../shared/annotations';
import { DEFAULT_FONT_SIZE, Workspace as WorkspaceSchema } from '../../shared/annotations';
import { anchorAll, describeRange, toCodePointOffset } from '../../shared/anchoring';
import { ApiError } from '../../shared/errors';
import type { ChangeHistory, Snapshot } from './change-history';
import { AnnotationRows, type TagRecord } from '../store/annotations';
import { ClaimRows } from '../store/claims';
import type { DocumentRepository } from '../store/documents';

export class AnnotationService {
  readonly rows: AnnotationRows;
  /** Read only, to find the accounts a highlight gives: they go with it when it is deleted. */
  private readonly claimRows: ClaimRows;

  constructor(
    db: Database.Database,
    private readonly documents: DocumentRepository,
    private readonly changes: ChangeHistory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = new AnnotationRows(db);
    this.claimRows = new ClaimRows(db);
  }

  // -- annotations ----------------------------------------------------------------------------------

  list(documentId?: string): Annotation[] {
    return this.rows.list(documentId);
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
    const byVersion = new Map<string, Annotation[]>();
    for (const annotation of annotations) {
      byVersion.set(annotation.versionId, [...(byVersion.get(annotation.versionId) ?? []), annotation]);
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
          this.rows.put({
            ...annotation,
            versionId: newVersionId,
            status: 'anchored',
            start: result.start,
            end: result.end,
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

  // -- codebook -------------------------------------------------------------------------------------

  tags(): Tag[] {
    return this.rows.tags();
  }

  createTag(input: ApiParsedInput<'createTag'>): Tag {
    if (input.parentId) this.rows.getTag(input.parentId, 'parentId');
    const tag: TagRecord = {
      id: randomUUID(),
      name: input.name,
      parentId: input.parentId ?? null,
      color: input.color ?? 'yellow',
      description: input.description ?? '',
      createdAt: this.now().toISOString(),
    };
    this.changes.apply(`add tag “${tag.name}”`, [{ kind: 'tag', before: null, after: tag }]);
    return { ...tag, count: 0 };
  }

  updateTag(input: ApiParsedInput<'updateTag'>): Tag {
    const before = this.rows.getTag(input.id);
    if (input.parentId) this.checkNotBelow(input.parentId, input.id);
    const after: TagRecord = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    const label =
      input.name !== undefined && input.name !== before.name
        ? `rename tag “${before.name}”`
        : input.parentId !== undefined && input.parentId !== before.parentId
          ? `move tag “${before.name}”`
          : `change tag “${before.name}”`;
    this.changes.apply(label, [{ kind: 'tag', before, after }]);
    return this.tagWithCount(after.id);
  }

  merge(fromId: string, intoId: string): Tag {
    if (fromId === intoId) throw new ApiError('invalid_input', 'A tag cannot be merged into itself', 'intoId');
    const from = this.rows.getTag(fromId, 'fromId');
    const into = this.rows.getTag(intoId, 'intoId');
    this.checkNotBelow(intoId, fromId, 'intoId');
    const stamp = this.now().toISOString();
    const snapshots: Snapshot[] = [
      ...this.rows.childrenOf(fromId).map((child): Snapshot => ({ kind: 'tag', before: child, after: { ...child, parentId: intoId } })),
      ...this.rows.withTag(fromId).map(
        (annotation): Snapshot => ({
          kind: 'annotation',
          before: annotation,
          after: { ...annotation, tagIds: [...new Set(annotation.tagIds.map((id) => (id === fromId ? intoId : id)))], updatedAt: stamp },
        }),
      ),
      { kind: 'tag', before: from, after: null },
    ];
    this.changes.apply(`merge “${from.name}” into “${into.name}”`, snapshots);
    return this.tagWithCount(intoId);
  }

  deleteTag(id: string): { id: string; annotationsAffected: number } {
    const tag = this.rows.getTag(id);
    const stamp = this.now().toISOString();
    const tagged = this.rows.withTag(id);
    const snapshots: Snapshot[] = [
      ...this.rows.childrenOf(id).map((child): Snapshot => ({ kind: 'tag', before: child, after: { ...child, parentId: tag.parentId } })),
      ...tagged.map(
        (annotation): Snapshot => ({
          kind: 'annotation',
          before: annotation,
          after: { ...annotation, tagIds: annotation.tagIds.filter((tagId) => tagId !== id), updatedAt: stamp },
        }),
      ),
      { kind: 'tag', before: tag, after: null },
    ];
    this.changes.apply(`delete tag “${tag.name}”`, snapshots);
    return { id, annotationsAffected: tagged.length };
  }

  // -- source assessments ---------------------------------------------------------------------------

  assessment(documentId: string): SourceAssessment {
    this.checkDocument(documentId);
    return this.rows.assessment(documentId);
  }

  saveAssessment(input: ApiParsedInput<'saveAssessment'>): SourceAssessment {
    const before = this.assessment(input.documentId);
    const { documentId, ...fields } = input;
    const after: SourceAssessment = { ...before, ...fields, documentId, updatedAt: this.now().toISOString() };
    this.changes.apply('change source assessment', [{ kind: 'assessment', before, after }]);
    return after;
  }

  // -- workspace ------------------------------------------------------------------------------------

  workspace(): Workspace {
    const documents = this.documents.list();
    const stored = this.rows.setting('workspace');
    const parsed = stored ? WorkspaceSchema.safeParse(JSON.parse(stored)) : null;
    const known = new Set(documents.map((document) => document.id));
    if (parsed?.success) {
      const panes = parsed.data.panes.filter((pane) => known.has(pane.documentId));
      if (panes.length > 0) return { ...parsed.data, panes };
    }
    return {
      panes: documents.slice(0, 3).map((document) => ({ documentId: document.id, scrollOffset: 0, width: null })),
      theme: parsed?.success ? parsed.data.theme : 'system',
      fontSize: parsed?.success ? parsed.data.fontSize : DEFAULT_FONT_SIZE,
      firstRunDismissed: parsed?.success ? parsed.data.firstRunDismissed : false,
    };
  }

  saveWorkspace(workspace: Workspace): Workspace {
    for (const pane of workspace.panes) this.checkDocument(pane.documentId, 'panes');
    this.rows.putSetting('workspace', JSON.stringify(workspace));
    return workspace;
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

  private checkDocument(documentId: string, field = 'documentId'): void {
    if (!this.documents.list().some((document) => document.id === documentId)) {
      throw new ApiError('not_found', `No document with id "${documentId}"`, field);
    }
  }

  /** A tag may not be moved or merged under itself or one of its own sub-tags. */
  private checkNotBelow(candidateParent: string, tagId: string, field = 'parentId'): void {
    for (let current: string | null = candidateParent; current; current = this.rows.getTag(current, field).parentId) {
      if (current === tagId) throw new ApiError('invalid_input', 'A tag cannot be placed under itself or its own sub-tag', field);
    }
  }

  private tagWithCount(id: string): Tag {
    const tag = this.rows.tags().find((candidate) => candidate.id === id);
    if (!tag) throw new ApiError('not_found', `No tag with id "${id}"`, 'id');
    return tag;
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
