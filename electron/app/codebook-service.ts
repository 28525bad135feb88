/**
 * Every change a user makes to the codebook (tags in a hierarchy): validated, then written through
 * the project's one change history. Merging or deleting a tag changes the annotations that carry
 * it in the same change, so undo brings back both.
 */
import { randomUUID } from 'node:crypto';
import type { ApiParsedInput } from '../../shared/api';
import type { Tag } from '../../shared/annotations';
import { ApiError } from '../../shared/errors';
import type { ChangeHistory, Snapshot } from './change-history';
import type { AnnotationRows, TagRecord } from '../store/annotations';
import type { Repositories } from '../store/repositories';

export class CodebookService {
  private readonly rows: AnnotationRows;

  constructor(
    repositories: Pick<Repositories, 'annotations'>,
    private readonly changes: ChangeHistory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = repositories.annotations;
  }

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
