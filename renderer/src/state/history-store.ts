/**
 * The one undo history every store writes through: the server keeps it, so a change made in any
 * pane or panel is taken back by an undo pressed anywhere, and after an undo or redo each store
 * reloads what it holds.
 */
import type { ApiClient } from '../../../shared/api';
import type { HistoryState } from '../../../shared/annotations';
import { Observable } from './observable';

const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export class HistoryStore extends Observable<HistoryState> {
  private readonly reloaders: (() => Promise<void>)[] = [];

  constructor(private readonly client: ApiClient) {
    super(EMPTY_HISTORY);
  }

  /** Registers what a store reloads when the server's data may have changed under it. */
  reloadWith(reload: () => Promise<void>): void {
    this.reloaders.push(reload);
  }

  /** Loads every store and the history, at start and after undo, redo or a change that touches much. */
  async reloadAll(): Promise<void> {
    await Promise.all([...this.reloaders.map((reload) => reload()), this.refresh()]);
  }

  /**
   * Runs a change and then reads the history again (the change may now be undone). A failure
   * rejects with the client's ApiError, for the caller to show where the user acted.
   */
  async record<T>(run: () => Promise<T>): Promise<T> {
    const result = await run();
    await this.refresh();
    return result;
  }

  async undo(): Promise<void> {
    await this.client.undo({});
    await this.reloadAll();
  }

  async redo(): Promise<void> {
    await this.client.redo({});
    await this.reloadAll();
  }

  private async refresh(): Promise<void> {
    const history = await this.client.getHistory({});
    this.patch(history);
  }
}
