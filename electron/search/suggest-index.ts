/**
 * Per-version index for suggestions: the version's passages with their event keys and an inverted
 * index from key to passages. A version's text never changes, so an index is built once and kept,
 * for the few versions used last.
 */
import type { VersionContent } from '../../shared/domain';
import { keysOf, lowerFormsOf, type KeyedText } from './event-keys';
import { passagesOf, type Passage } from './passages';

export interface Posting {
  readonly passage: number;
  readonly count: number;
}

export interface VersionIndex {
  readonly versionId: string;
  readonly documentId: string;
  readonly content: Pick<VersionContent, 'text' | 'blocks' | 'locators'>;
  readonly passages: readonly Passage[];
  readonly keyed: readonly KeyedText[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  readonly lowerForms: ReadonlySet<string>;
  readonly averageLength: number;
}

export function buildVersionIndex(content: VersionContent): VersionIndex {
  const { text } = content;
  const lowerForms = lowerFormsOf(text);
  const passages = passagesOf(text, content.blocks);
  const keyed = passages.map((passage) => keysOf(text, passage.start, passage.end, { lowerForms }));
  const postings = new Map<string, Posting[]>();
  keyed.forEach((keys, passage) => {
    for (const [key, count] of keys.counts) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push({ passage, count });
    }
  });
  const averageLength = keyed.reduce((sum, keys) => sum + keys.length, 0) / Math.max(1, keyed.length);
  return {
    versionId: content.versionId,
    documentId: content.documentId,
    content: { text, blocks: content.blocks, locators: content.locators },
    passages,
    keyed,
    postings,
    lowerForms,
    averageLength,
  };
}

/**
 * The indexes of the versions asked for last, at most `capacity`; a suggestion needs every current
 * version (their passages make the IDF), so the capacity should cover a project's documents.
 */
export class VersionIndexCache {
  private readonly indexes = new Map<string, VersionIndex>();

  constructor(private readonly capacity: number) {}

  get(versionId: string, content: () => VersionContent): VersionIndex {
    let index = this.indexes.get(versionId);
    if (index) {
      this.indexes.delete(versionId);
    } else {
      index = buildVersionIndex(content());
      if (this.indexes.size >= this.capacity) this.indexes.delete(this.indexes.keys().next().value!);
    }
    this.indexes.set(versionId, index);
    return index;
  }
}
