/**
 * The codebook (tags in a hierarchy) and the tags the panes and the sidebar are filtered by.
 * The tags (with their counts) are read again whenever a change touched tags or the tags of a
 * highlight; the highlights a merge or deletion retagged are sent by the history.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import type { Tag } from '../../../shared/annotations';
import type { HistoryStore } from './history-store';
import { keepUnchanged, Observable } from './observable';

export interface CodebookState {
  readonly tags: readonly Tag[];
  /** Tags the panes and the sidebar are filtered by, sub-tags included (empty: no filter). */
  readonly tagFilter: readonly string[];
}

export class CodebookStore extends Observable<CodebookState> {
  constructor(
    private readonly client: ApiClient,
    private readonly history: HistoryStore,
  ) {
    super({ tags: [], tagFilter: [] });
    history.reloadWith(() => this.reload());
    history.onChanges((changes) => (changes.tags ? this.reload() : undefined));
  }

  private async reload(): Promise<void> {
    const fresh = await this.client.listTags({});
    this.patch({ tags: keepUnchanged(this.getSnapshot().tags, fresh) });
  }

  createTag(input: ApiInput<'createTag'>): Promise<Tag> {
    return this.history.record(async () => {
      const tag = await this.client.createTag(input);
      this.patch({ tags: [...this.getSnapshot().tags, tag] });
      return tag;
    });
  }

  /** Renames, moves, merges or deletes tags; resolves to what `run` returned. */
  change<T>(run: (client: ApiClient) => Promise<T>): Promise<T> {
    return this.history.record(() => run(this.client));
  }

  setTagFilter(tagIds: readonly string[]): void {
    this.patch({ tagFilter: tagIds });
  }
}
