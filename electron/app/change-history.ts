/**
 * The one undo history of a project. Every change a user makes (to annotations, tags, source
 * assessments, claims or accounts, from whichever service) is written here as the states of the
 * entities it touches before and after, so undo and redo restore exactly what was there, in the
 * order the changes were made.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Annotation, ChangesSince, HistoryState, SourceAssessment } from '../../shared/annotations';
import { ApiError } from '../../shared/errors';
import type { AnnotationRows, TagRecord } from '../store/annotations';
import type { AccountRecord, ClaimRecord, ClaimRows } from '../store/claims';
import type { Repositories } from '../store/repositories';

/** One entity's state before and after a change; null where it did not exist. */
export type Snapshot =
  | { readonly kind: 'annotation'; readonly before: Annotation | null; readonly after: Annotation | null }
  | { readonly kind: 'tag'; readonly before: TagRecord | null; readonly after: TagRecord | null }
  | { readonly kind: 'assessment'; readonly before: SourceAssessment; readonly after: SourceAssessment }
  | { readonly kind: 'claim'; readonly before: ClaimRecord | null; readonly after: ClaimRecord | null }
  | { readonly kind: 'account'; readonly before: AccountRecord | null; readonly after: AccountRecord | null };

interface Change {
  readonly label: string;
  readonly snapshots: readonly Snapshot[];
}

type Side = 'before' | 'after';

/** Changes kept for undo; older ones fall off (they stay saved, only no longer undoable). */
const HISTORY_LIMIT = 500;
/**
 * Revisions kept for `changesSince`: a renderer that fell further behind reads everything again.
 * Each entry holds only the states of the entities it wrote.
 */
const REVISION_LOG_LIMIT = 1000;

/** The state one side of a change left in the project, as `changesSince` reports it. */
interface Revision {
  readonly revision: number;
  readonly snapshots: readonly Snapshot[];
  readonly side: Side;
}

export class ChangeHistory {
  private readonly annotationRows: AnnotationRows;
  private readonly claimRows: ClaimRows;
  private readonly undoStack: Change[] = [];
  private readonly redoStack: Change[] = [];
  /**
   * A renderer's revision means nothing to another run of the history (the project was reopened),
   * nor once another program wrote the file: both start a new epoch.
   */
  private epoch = randomUUID();
  /** SQLite's count of commits by other connections (PRAGMA data_version), as last seen. */
  private dataVersion: number;
  private revision = 0;
  private readonly revisions: Revision[] = [];

  constructor(
    private readonly db: Database.Database,
    repositories: Pick<Repositories, 'annotations' | 'claims'>,
  ) {
    this.annotationRows = repositories.annotations;
    this.claimRows = repositories.claims;
    this.dataVersion = this.readDataVersion();
  }

  private readDataVersion(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }

  /**
   * Another program (the command line, a second window) committed to the file: what this history
   * logged no longer tells what the project holds, so every renderer reads it all again (a new
   * epoch); and undo forgets its changes, whose "before" states could overwrite the other's work.
   */
  private noticeOtherWriters(): void {
    const now = this.readDataVersion();
    if (now === this.dataVersion) return;
    this.dataVersion = now;
    this.epoch = randomUUID();
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.revisions.length = 0;
  }

  /** Writes a change in one transaction and makes it the newest undoable one. */
  apply(label: string, snapshots: readonly Snapshot[]): void {
    this.noticeOtherWriters();
    this.db.transaction(() => this.restore(snapshots, 'after')).immediate();
    this.undoStack.push({ label, snapshots });
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
    this.logRevision(snapshots, 'after');
  }

  /**
   * A new version of a document moved its highlights outside this history (re-anchoring is not a
   * change the user can undo). A change that holds one of them in its old place would put it back
   * on the old version, so undo stops short of the newest such change (the older ones cannot be
   * reached without undoing it); redo, as after any new write, is cleared.
   */
  forgetHighlightsOf(documentId: string): void {
    const touches = (change: Change) =>
      change.snapshots.some((snapshot) => snapshot.kind === 'annotation' && (snapshot.before ?? snapshot.after)!.documentId === documentId);
    const newest = this.undoStack.findLastIndex(touches);
    if (newest >= 0) this.undoStack.splice(0, newest + 1);
    this.redoStack.length = 0;
  }

  state(): HistoryState {
    this.noticeOtherWriters();
    const undo = this.undoStack[this.undoStack.length - 1];
    const redo = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: !!undo,
      canRedo: !!redo,
      undoLabel: undo?.label ?? null,
      redoLabel: redo?.label ?? null,
      epoch: this.epoch,
      revision: this.revision,
    };
  }

  /**
   * What changed after the given revision, merged: an entity written by several changes is
   * reported once, as it now is. Incomplete (read everything again) for another epoch or a
   * revision older than the log reaches.
   */
  changesSince(epoch: string, revision: number): ChangesSince {
    this.noticeOtherWriters();
    const first = this.revisions[0]?.revision ?? this.revision + 1;
    const complete = epoch === this.epoch && revision <= this.revision && revision >= first - 1;
    const annotations = new Map<string, Annotation | null>();
    const assessments = new Set<string>();
    let tags = false;
    let claims = false;
    if (complete) {
      for (const entry of this.revisions) {
        if (entry.revision <= revision) continue;
        for (const snapshot of entry.snapshots) {
          if (snapshot.kind === 'annotation') {
            const state = snapshot[entry.side];
            annotations.set((state ?? snapshot.before ?? snapshot.after)!.id, state);
            // A tag's count changes with the tags of its annotations.
            if (!sameTags(snapshot.before, snapshot.after)) tags = true;
          } else if (snapshot.kind === 'tag') tags = true;
          else if (snapshot.kind === 'assessment') assessments.add(snapshot.after.documentId);
          else claims = true;
        }
      }
    }
    return {
      history: this.state(),
      complete,
      annotations: [...annotations.values()].filter((state): state is Annotation => state !== null),
      removedAnnotations: [...annotations].filter(([, state]) => state === null).map(([id]) => id),
      tags,
      claims,
      assessments: [...assessments],
    };
  }

  undo(): HistoryState {
    return this.step(this.undoStack, this.redoStack, 'before', 'There is nothing to undo');
  }

  redo(): HistoryState {
    return this.step(this.redoStack, this.undoStack, 'after', 'There is nothing to redo');
  }

  /**
   * Restores the newest change of one stack to the given side and moves it to the other. A change
   * leaves its stack only once restored, so an undo or redo that fails can be tried again.
   */
  private step(from: Change[], to: Change[], side: Side, nothing: string): HistoryState {
    this.noticeOtherWriters();
    const change = from[from.length - 1];
    if (!change) throw new ApiError('conflict', nothing);
    this.db.transaction(() => this.restore(change.snapshots, side)).immediate();
    to.push(from.pop()!);
    this.logRevision(change.snapshots, side);
    return this.state();
  }

  private logRevision(snapshots: readonly Snapshot[], side: Side): void {
    this.revision += 1;
    this.revisions.push({ revision: this.revision, snapshots, side });
    if (this.revisions.length > REVISION_LOG_LIMIT) this.revisions.shift();
  }

  /**
   * Puts every entity in the given state. Order matters for the foreign keys (an account's key
   * to its highlight and claim does not cascade, so it must be gone first): what exists is
   * written referenced-first (tags parents before children, then annotations, claims, accounts);
   * what must go is deleted referencing-first (accounts, claims, annotations, then tags children
   * before parents).
   */
  private restore(snapshots: readonly Snapshot[], side: Side): void {
    const tags = buckets<TagRecord>();
    const annotations = buckets<Annotation>();
    const claims = buckets<ClaimRecord>();
    const accounts = buckets<AccountRecord>();
    const assessments: SourceAssessment[] = [];
    for (const snapshot of snapshots) {
      if (snapshot.kind === 'assessment') assessments.push(snapshot[side]);
      else if (snapshot.kind === 'tag') tags.add(snapshot, side);
      else if (snapshot.kind === 'annotation') annotations.add(snapshot, side);
      else if (snapshot.kind === 'claim') claims.add(snapshot, side);
      else accounts.add(snapshot, side);
    }
    for (const tag of orderParentsFirst(tags.write)) this.annotationRows.putTag(tag);
    for (const annotation of annotations.write) this.annotationRows.put(annotation);
    for (const assessment of assessments) this.annotationRows.putAssessment(assessment);
    for (const claim of claims.write) this.claimRows.put(claim);
    for (const account of accounts.write) this.claimRows.putAccount(account);

    for (const account of accounts.remove) this.claimRows.deleteAccount(account.id);
    for (const claim of claims.remove) this.claimRows.delete(claim.id);
    for (const annotation of annotations.remove) this.annotationRows.delete(annotation.id);
    for (const tag of orderParentsFirst(tags.remove).reverse()) this.annotationRows.deleteTag(tag.id);
  }
}

/** The entities of one kind a restore writes, and those it deletes (absent on the side restored). */
function buckets<T>() {
  const write: T[] = [];
  const remove: T[] = [];
  return {
    write,
    remove,
    add(snapshot: { readonly before: T | null; readonly after: T | null }, side: Side): void {
      const state = snapshot[side];
      const other = snapshot[side === 'before' ? 'after' : 'before'];
      if (state) write.push(state);
      else if (other) remove.push(other);
    },
  };
}

function sameTags(a: Annotation | null, b: Annotation | null): boolean {
  const left = a?.tagIds ?? [];
  const right = b?.tagIds ?? [];
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

function orderParentsFirst(tags: readonly TagRecord[]): TagRecord[] {
  const ids = new Set(tags.map((tag) => tag.id));
  const depth = (tag: TagRecord): number => {
    let level = 0;
    for (let parent = tag.parentId; parent && ids.has(parent); level++) {
      parent = tags.find((candidate) => candidate.id === parent)?.parentId ?? null;
      if (level > tags.length) break;
    }
    return level;
  };
  return [...tags].sort((a, b) => depth(a) - depth(b));
}
