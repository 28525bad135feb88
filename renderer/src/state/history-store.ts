/**
 * The one undo history every store writes through: the server keeps it, so a change made in any
 * pane or panel is taken back by an undo pressed anywhere. After each change, undo or redo the
 * stores are sent what changed since the revision they last saw (the server's history knows),
 * never a reload of every annotation; only a renderer that fell too far behind reads all again.
 */
import type { ApiClient } from '../../../shared/api';
import type { ChangesSince, HistoryState } from '../../../shared/annotations';
import { Observable } from './observable';

const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, epoch: '', revision: 0 };

/** A store's part of a change: it applies what concerns it. */
export type ChangeListener = (changes: ChangesSince) => void | Promise<void>;

export class HistoryStore extends Observable<HistoryState> {
  private readonly reloaders: (() => Promise<void>)[] = [];
  private readonly changeListeners: ChangeListener[] = [];
  private readonly replacedListeners: (() => void)[] = [];
  private syncing: Promise<void> = Promise.resolve();
  /**
   * How many times the revision was asked for (by a sync or a reload). A listing read before the
   * last of these may miss a change the stores will never be sent (see `AnnotationStore.showDocuments`).
   */
  private revisionReads = 0;

  constructor(private readonly client: ApiClient) {
    super(EMPTY_HISTORY);
  }

  /** Registers what a store reloads when it cannot be told what changed (at start, or too far behind). */
  reloadWith(reload: () => Promise<void>): void {
    this.reloaders.push(reload);
  }

  /**
   * Registers what to do when the server's history started over while this renderer ran: another
   * program wrote the project file (the stores are read again in any case).
   */
  onReplaced(listener: () => void): () => void {
    this.replacedListeners.push(listener);
    return () => this.replacedListeners.splice(this.replacedListeners.indexOf(listener) >>> 0, 1);
  }

  /** Registers how a store applies what changed. */
  onChanges(listener: ChangeListener): void {
    this.changeListeners.push(listener);
  }

  /**
   * Loads every store and the history, at start and when the server cannot say what changed.
   * The revision is read first, so a change made while the stores load is sent by the next sync.
   */
  reloadAll(): Promise<void> {
    return this.queue(() => this.reloadEverything());
  }

  /**
   * Runs a change and then applies what it changed (a change may touch more than it returns: a
   * deleted highlight takes its accounts, a merged tag retags highlights). A failure rejects with
   * the client's ApiError, for the caller to show where the user acted.
   */
  async record<T>(run: () => Promise<T>): Promise<T> {
    const result = await run();
    await this.sync();
    return result;
  }

  async undo(): Promise<void> {
    await this.client.undo({});
    await this.sync();
  }

  async redo(): Promise<void> {
    await this.client.redo({});
    await this.sync();
  }

  /** Applies what changed since the revision last seen. */
  sync(): Promise<void> {
    return this.queue(async () => {
      const seen = this.getSnapshot();
      this.revisionReads++;
      const changes = await this.client.changesSince({ epoch: seen.epoch, revision: seen.revision });
      if (!changes.complete) {
        await this.reloadEverything();
        if (seen.epoch !== '' && changes.history.epoch !== seen.epoch) for (const listener of this.replacedListeners) listener();
        return;
      }
      await Promise.all(this.changeListeners.map((listener) => listener(changes)));
      this.patch(changes.history);
    });
  }

  private async reloadEverything(): Promise<void> {
    this.revisionReads++;
    const history = await this.client.getHistory({});
    await Promise.all(this.reloaders.map((reload) => reload()));
    this.patch(history);
  }

  /** A mark to tell, later, whether the revision was asked for since (`readRevisionSince`). */
  revisionMark(): number {
    return this.revisionReads;
  }

  readRevisionSince(mark: number): boolean {
    return this.revisionReads !== mark;
  }

  /**
   * Runs a step after every sync and load before it: two answers applied out of order would put
   * an older state of an annotation over a newer one.
   */
  queue(step: () => Promise<void>): Promise<void> {
    const next = this.syncing.then(step);
    // A failed sync must not block the next one; its caller sees the failure.
    this.syncing = next.catch(() => undefined);
    return next;
  }
}
