/**
 * The codebook (tags in a hierarchy) and the tags the panes and the sidebar are filtered by.
 * Creating a tag is a small change; renaming, moving, merging or deleting touches many
 * highlights, so everything is reloaded after it.
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
    return this.history.record(async () => {
      const result = await run(this.client);
      await this.history.reloadAll();
      return result;
    });
  }

  setTagFilter(tagIds: readonly string[]): void {
    this.patch({ tagFilter: tagIds });
  }
}
