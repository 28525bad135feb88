/**
 * The full-text index of a project (tables of migration 6): the passages of each document's
 * current version, and the notes, tag names and claims. It catches up before every search, so it
 * is never stale whoever wrote the project: triggers list the notes, tags and claims changed since
 * (including by undo, redo and exchange imports), and a document whose current version is not the
 * indexed one gets its new passages in place of the old. An import indexes its document at once,
 * in steps, so its progress bar shows the indexing and the workbench stays responsive.
 */
import type Database from 'better-sqlite3';
import type { TextRange } from '../../shared/search';
import { lastIndexAtOrBefore } from '../../shared/sorted';
import type { NormalizedText } from '../../shared/text/text-model';
import type { DocumentRepository } from '../store/documents';
import { passagesOf } from './passages';
import type { ParsedQuery, QueryPhrase } from './query';
import { columnsOf } from './word-keys';
import { wordsOf } from './words';

export type ItemKind = 'note' | 'tag' | 'claim';

/** A passage or an item an FTS5 query matched, with its rank. */
export interface IndexMatch {
  /** Higher is better. */
  readonly score: number;
  /** The places (0: its first word) of the words the query matched in it. */
  readonly words: ReadonlySet<number>;
  readonly item:
    | { readonly kind: 'text'; readonly documentId: string; readonly versionId: string; readonly start: number; readonly end: number }
    | { readonly kind: ItemKind; readonly id: string; readonly documentId: string | null };
}

/**
 * The weight of a match in each column for FTS5's bm25: a word's own form ranks highest, a shared
 * stem a little lower, a cross-script or variant spelling well below either.
 */
const WEIGHTS = 'bm25(1.0, 0.8, 0.3)';

/** Characters keyed between two progress reports (and two turns of the event loop) when indexing in steps. */
const STEP_CHARACTERS = 100_000;

const VERSIONS_KEPT = 8;

export interface KeyColumns {
  readonly forms: string;
  readonly stems: string;
  readonly cross: string;
}

const KEY_COLUMNS = ['forms', 'stems', 'cross'] as const;

/**
 * The places of the words the query's phrases stand at in a row, as FTS5's highlight() would
 * mark them: every instance of every phrase looked for, in its columns. The n-th token of every
 * key column is the n-th word of the passage. Done here rather than by highlight(), which
 * tokenizes the three columns of every row returned again and took most of a search's time.
 */
export function markedWords(row: KeyColumns, phrases: readonly QueryPhrase[]): Set<number> {
  const words = new Set<number>();
  for (const column of KEY_COLUMNS) {
    const wanted = phrases.filter((phrase) => phrase.columns.includes(column));
    if (wanted.length === 0) continue;
    // Tokens are separated by one space: a phrase stands where " its tokens " does (no trailing
    // space after a prefix), and its place is the number of spaces before it.
    const padded = ` ${row[column]} `;
    for (const { tokens, prefix } of wanted) {
      const needle = ` ${tokens.join(' ')}${prefix ? '' : ' '}`;
      let counted = 0;
      let spaces = 0;
      for (let at = padded.indexOf(needle); at >= 0; at = padded.indexOf(needle, at + 1)) {
        for (let space = padded.indexOf(' ', counted); space >= 0 && space < at; space = padded.indexOf(' ', space + 1)) {
          spaces++;
          counted = space + 1;
        }
        for (let offset = 0; offset < tokens.length; offset++) words.add(spaces + offset);
      }
    }
  }
  return words;
}

interface PendingVersion {
  readonly versionId: string;
  readonly documentId: string;
}

export class SearchIndex {
  /** Versions never change once stored, so what is read of them can be kept without going stale. */
  private readonly versions = new Map<string, ReadVersion>();

  constructor(
    private readonly db: Database.Database,
    private readonly documents: DocumentRepository,
  ) {}

  /** Brings the index up to date at once, as a search needs it. */
  catchUp(): void {
    const steps = this.catchUpSteps();
    while (!steps.next().done);
  }

  /** Brings the index up to date in steps, yielding to the event loop between them; reports the fraction done. */
  async catchUpInSteps(onProgress: (fraction: number) => void = () => {}): Promise<void> {
    for (const fraction of this.catchUpSteps()) {
      onProgress(fraction);
      await new Promise((resolve) => setImmediate(resolve));
    }
    onProgress(1);
  }

  /** Yields the fraction done after each step; the index is written in one transaction per document. */
  private *catchUpSteps(): Generator<number> {
    this.catchUpItems();
    const pending = this.pendingVersions();
    const texts = pending.map((version) => this.documents.outline(version.versionId));
    const total = texts.reduce((sum, text) => sum + text.text.length, 0);
    let done = 0;
    for (const [index, version] of pending.entries()) {
      const { text, blocks } = texts[index]!;
      const words = wordsOf(text);
      const rows: { forms: string; stems: string; cross: string; start: number; end: number }[] = [];
      let next = 0;
      let sinceStep = 0;
      for (const passage of passagesOf(text, blocks)) {
        while (next < words.length && words[next]!.start < passage.start) next++;
        const first = next;
        while (next < words.length && words[next]!.end <= passage.end) next++;
        rows.push({ ...columnsOf(words.slice(first, next)), start: passage.start, end: passage.end });
        sinceStep += passage.end - passage.start;
        if (sinceStep >= STEP_CHARACTERS) {
          done += sinceStep;
          sinceStep = 0;
          yield done / total;
        }
      }
      done += sinceStep;
      this.writeVersion(version, rows);
    }
    this.dropVersionsOfRemovedDocuments();
  }

  /** Documents whose current version is not the one indexed. */
  private pendingVersions(): PendingVersion[] {
    return this.db
      .prepare(
        `SELECT c.version_id AS versionId, c.document_id AS documentId
           FROM (SELECT d.id AS document_id,
                        (SELECT v.id FROM document_versions v WHERE v.document_id = d.id
                          ORDER BY v.imported_at DESC, v.rowid DESC LIMIT 1) AS version_id
                   FROM documents d) c
          WHERE NOT EXISTS (SELECT 1 FROM search_versions s WHERE s.version_id = c.version_id)`,
      )
      .all() as PendingVersion[];
  }

  private writeVersion(version: PendingVersion, rows: readonly { forms: string; stems: string; cross: string; start: number; end: number }[]): void {
    this.db.transaction(() => {
      // Another catch-up may have written it meanwhile, or a newer version arrived while it was keyed.
      const still = this.pendingVersions().some((pending) => pending.versionId === version.versionId);
      if (!still) return;
      for (const old of this.db.prepare('SELECT version_id, document_id, first_row, row_count FROM search_versions WHERE document_id = ?').all(version.documentId) as IndexedVersion[]) {
        this.dropVersion(old);
      }
      const last = this.db.prepare('SELECT rowid FROM search_passages ORDER BY rowid DESC LIMIT 1').pluck().get() as number | undefined;
      const firstRow = (last ?? 0) + 1;
      const insert = this.db.prepare('INSERT INTO search_passages (rowid, forms, stems, cross, version_id, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)');
      rows.forEach((row, index) => insert.run(firstRow + index, row.forms, row.stems, row.cross, version.versionId, row.start, row.end));
      this.db
        .prepare('INSERT INTO search_versions (version_id, document_id, first_row, row_count) VALUES (?, ?, ?, ?)')
        .run(version.versionId, version.documentId, firstRow, rows.length);
    }).immediate();
  }

  private dropVersionsOfRemovedDocuments(): void {
    const orphans = this.db
      .prepare('SELECT version_id, document_id, first_row, row_count FROM search_versions s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.document_id)')
      .all() as IndexedVersion[];
    if (orphans.length > 0) this.db.transaction(() => orphans.forEach((old) => this.dropVersion(old))).immediate();
  }

  private dropVersion(old: IndexedVersion): void {
    this.db.prepare('DELETE FROM search_passages WHERE rowid >= ? AND rowid < ?').run(old.first_row, old.first_row + old.row_count);
    this.db.prepare('DELETE FROM search_versions WHERE version_id = ?').run(old.version_id);
  }

  /** Re-keys the notes, tags and claims the triggers marked as changed. */
  private catchUpItems(): void {
    const stale = this.db.prepare('SELECT kind, item_id FROM search_stale_items').all() as { kind: ItemKind; item_id: string }[];
    if (stale.length === 0) return;
    const rowOf = this.db.prepare('SELECT row FROM search_item_rows WHERE kind = ? AND item_id = ?').pluck();
    this.db.transaction(() => {
      for (const { kind, item_id: id } of stale) {
        const row = rowOf.get(kind, id) as number | undefined;
        if (row !== undefined) this.db.prepare('DELETE FROM search_items WHERE rowid = ?').run(row);
        const text = this.itemText(kind, id);
        if (text === null || text.trim() === '') {
          if (row !== undefined) this.db.prepare('DELETE FROM search_item_rows WHERE row = ?').run(row);
          continue;
        }
        const itemRow = row ?? Number(this.db.prepare('INSERT INTO search_item_rows (kind, item_id) VALUES (?, ?)').run(kind, id).lastInsertRowid);
        const columns = columnsOf(wordsOf(text));
        this.db.prepare('INSERT INTO search_items (rowid, forms, stems, cross) VALUES (?, ?, ?, ?)').run(itemRow, columns.forms, columns.stems, columns.cross);
      }
      this.db.prepare('DELETE FROM search_stale_items').run();
    }).immediate();
  }

  /** The text a note, tag or claim is found by and shown with; null where it no longer exists. */
  itemText(kind: ItemKind, id: string): string | null {
    switch (kind) {
      case 'note':
        return (this.db.prepare('SELECT note_text FROM annotations WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
      case 'tag':
        return (this.db.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
      case 'claim': {
        const claim = this.db.prepare('SELECT wording, people, places, verdict FROM claims WHERE id = ?').get(id) as
          | { wording: string; people: string; places: string; verdict: string }
          | undefined;
        if (!claim) return null;
        const names = (json: string) => (JSON.parse(json) as string[]).join(', ');
        return [claim.wording, names(claim.people), names(claim.places), claim.verdict].filter((part) => part.trim() !== '').join(' · ');
      }
    }
  }

  /**
   * The best `limit` passages that match (of the given documents only, where given), and how
   * many match in each document. FTS5 ranks them itself (ORDER BY rank), so only the passages
   * returned are marked; each version's passages are one range of rowids, so a document's
   * share is a rowid range, and the count needs no more than the rowids.
   */
  findPassages({ match, phrases }: ParsedQuery, limit: number, documentIds: ReadonlySet<string> | null): { best: IndexMatch[]; counts: Map<string, number> } {
    const versions = this.db.prepare('SELECT version_id, document_id, first_row, row_count FROM search_versions ORDER BY first_row').all() as IndexedVersion[];
    const wanted = versions.filter((version) => documentIds === null || documentIds.has(version.document_id));
    const counts = new Map<string, number>();
    for (const row of this.db.prepare('SELECT rowid FROM search_passages WHERE search_passages MATCH ?').pluck().all(match) as number[]) {
      const version = versions[lastIndexAtOrBefore(versions.length, (index) => versions[index]!.first_row, row)];
      if (version && row < version.first_row + version.row_count && wanted.includes(version)) {
        counts.set(version.document_id, (counts.get(version.document_id) ?? 0) + 1);
      }
    }
    // sql-safe: WEIGHTS is a constant of this module (FTS5 takes rank weights only as text)
    const select = `SELECT rowid AS row, version_id AS versionId, start, "end" AS "end", rank, forms, stems, cross
                      FROM search_passages WHERE search_passages MATCH ? AND rank MATCH '${WEIGHTS}'`;
    // As BigInts: better-sqlite3 binds a number as REAL, and FTS5 ignores a rowid constraint
    // that is not an INTEGER when it also has a MATCH.
    const rows = (
      // sql-safe: `select` above is constant text; every value is bound
      documentIds === null
        ? this.db.prepare(`${select} ORDER BY rank LIMIT ?`).all(match, limit)
        : wanted.flatMap((version) =>
            this.db
              // sql-safe: `select` above is constant text; every value is bound
              .prepare(`${select} AND rowid >= ? AND rowid < ? ORDER BY rank LIMIT ?`)
              .all(match, BigInt(version.first_row), BigInt(version.first_row + version.row_count), limit),
          )
    ) as (KeyColumns & { row: number; versionId: string; start: number; end: number; rank: number })[];
    const documentOf = new Map(versions.map((version) => [version.version_id, version.document_id]));
    const best = rows.map((row): IndexMatch => ({
      score: -row.rank,
      words: markedWords(row, phrases),
      item: { kind: 'text', documentId: documentOf.get(row.versionId)!, versionId: row.versionId, start: row.start, end: row.end },
    }));
    return { best, counts };
  }

  /** Every note, tag and claim that matches, with its rank (and a note's document). */
  findItems({ match, phrases }: ParsedQuery): IndexMatch[] {
    const rows = this.db
      .prepare(
        // sql-safe: WEIGHTS is a constant of this module (FTS5 takes rank weights only as text)
        `SELECT r.kind, r.item_id AS id, a.document_id AS documentId, search_items.rank, search_items.forms, search_items.stems, search_items.cross
           FROM search_items
           JOIN search_item_rows r ON r.row = search_items.rowid
           LEFT JOIN annotations a ON r.kind = 'note' AND a.id = r.item_id
          WHERE search_items MATCH ? AND search_items.rank MATCH '${WEIGHTS}'`,
      )
      .all(match) as (KeyColumns & { kind: ItemKind; id: string; documentId: string | null; rank: number })[];
    return rows.map((row) => ({ score: -row.rank, words: markedWords(row, phrases), item: { kind: row.kind, id: row.id, documentId: row.documentId } }));
  }

  /** The reading text of a version with what places an offset in it (page, chapter). */
  outline(versionId: string): Pick<NormalizedText, 'text' | 'blocks' | 'locators'> {
    return this.read(versionId).outline;
  }

  /**
   * The ranges of the words at the given places of a passage (0: the passage's first word), by
   * the version's word offsets: a hit is marked without reading its passage's words again.
   */
  wordRanges(versionId: string, passageStart: number, places: ReadonlySet<number>): TextRange[] {
    const { starts, ends } = this.read(versionId);
    // A passage's n-th key is the version's n-th word from the first at or after its start, as indexed.
    const first = lastIndexAtOrBefore(starts.length, (index) => starts[index]!, passageStart - 1) + 1;
    return [...places]
      .sort((a, b) => a - b)
      .filter((place) => first + place < starts.length)
      .map((place) => ({ start: starts[first + place]!, end: ends[first + place]! }));
  }

  private read(versionId: string): ReadVersion {
    let read = this.versions.get(versionId);
    if (!read) {
      const outline = this.documents.outline(versionId);
      const words = wordsOf(outline.text);
      read = { outline, starts: Uint32Array.from(words, (word) => word.start), ends: Uint32Array.from(words, (word) => word.end) };
      if (this.versions.size >= VERSIONS_KEPT) this.versions.delete(this.versions.keys().next().value!);
      this.versions.set(versionId, read);
    }
    return read;
  }
}

/** A version as search results need it: its outline, and where each of its words starts and ends. */
interface ReadVersion {
  readonly outline: Pick<NormalizedText, 'text' | 'blocks' | 'locators'>;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

interface IndexedVersion {
  readonly version_id: string;
  readonly document_id: string;
  readonly first_row: number;
  readonly row_count: number;
}
