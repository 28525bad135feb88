/**
 * Annotations, tags and source assessments as rows. This module only reads and writes; the
 * rules (what a change means, how it is undone) live in the annotation service above it.
 */
import type Database from 'better-sqlite3';
import type { Annotation, HighlightColor, NoteDocument, QuoteSelector, SourceAssessment, SourceReliability } from '../../shared/annotations';
import { ApiError } from '../../shared/errors';

/** A tag as stored (its count is derived when listing). */
export interface TagRecord {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly color: HighlightColor;
  readonly description: string;
  readonly createdAt: string;
}

/** What re-anchoring reads of an annotation: where it rests and what it quotes, nothing else. */
export interface AnchorRow {
  /**
   * The row's rowid, good for writes within the transaction it was read in: re-anchoring writes
   * by it, because looking tens of thousands of random UUIDs up in the id index costs more than
   * the writes themselves.
   */
  readonly row: number;
  readonly id: string;
  readonly versionId: string;
  readonly status: 'anchored' | 'orphan';
  readonly start: number | null;
  readonly end: number | null;
  readonly quote: QuoteSelector;
  /** Code points on the version: where an orphan was when it was last anchored there. */
  readonly position: { readonly start: number; readonly end: number };
}

/**
 * Where re-anchoring puts an annotation: onto the new version, with selectors described there,
 * or an orphan that keeps its version, quote and position. Nothing else of the annotation changes.
 */
export type AnchorMove =
  | {
      readonly row: number;
      readonly id: string;
      readonly status: 'anchored';
      readonly start: number;
      readonly end: number;
      readonly quote: QuoteSelector;
      readonly position: { readonly start: number; readonly end: number };
    }
  | { readonly row: number; readonly id: string; readonly status: 'orphan'; readonly orphanReason: string };

/** Page cache a re-anchored annotation needs: its row (about 400 bytes) and four index entries (old and new). */
const CACHE_KIB_PER_ANNOTATION = 1;
const MOST_CACHE_KIB = 256 * 1024;

export class AnnotationRows {
  /**
   * Statements prepared once per connection: a batch (re-anchoring, an undo of many highlights)
   * runs the same few statements thousands of times, and preparing one costs more than running it.
   * A statement is handed out reading whole rows: a caller that plucks or reads raw arrays says so
   * each time, and the next caller of the same SQL does not inherit it.
   */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    } else if (statement.reader) {
      statement.pluck(false).raw(false);
    }
    return statement;
  }

  // -- annotations ----------------------------------------------------------------------------------

  /**
   * One document's annotations in the sidebar's order (orphans after the anchored, then by place),
   * or every document's, document after document. Each document is read through its index, so a
   * document's list costs what it holds, not what the project holds.
   */
  list(documentId?: string): Annotation[] {
    if (documentId !== undefined) return this.listOfDocument(documentId);
    const documents = this.statement('SELECT id FROM documents ORDER BY position').pluck().all() as string[];
    return documents.flatMap((id) => this.listOfDocument(id));
  }

  private listOfDocument(documentId: string): Annotation[] {
    const rows = this.statement(`SELECT * FROM annotations WHERE document_id = ? ORDER BY status, start, "end", created_at`)
      .all(documentId) as AnnotationRow[];
    const tags = this.tagsOfDocument(documentId);
    return rows.map((row) => toAnnotation(row, tags.get(row.id) ?? []));
  }

  /** One document's anchored annotations or its orphans, through the index (document, status). */
  listWithStatus(documentId: string, status: Annotation['status']): Annotation[] {
    const rows = this.statement(`SELECT * FROM annotations WHERE document_id = ? AND status = ? ORDER BY start, "end", created_at`)
      .all(documentId, status) as AnnotationRow[];
    // Orphans are few: their tags are read one by one rather than the whole document's.
    const tags = status === 'anchored' ? this.tagsOfDocument(documentId) : null;
    return rows.map((row) => toAnnotation(row, tags ? (tags.get(row.id) ?? []) : this.tagIdsOf(row.id)));
  }

  private tagIdsOf(annotationId: string): string[] {
    return this.statement('SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY position').pluck().all(annotationId) as string[];
  }

  find(id: string): Annotation | null {
    const row = this.statement('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
    if (!row) return null;
    return toAnnotation(row, this.tagIdsOf(id));
  }

  get(id: string): Annotation {
    const found = this.find(id);
    if (!found) throw new ApiError('not_found', `No annotation with id "${id}"`, 'id');
    return found;
  }

  /**
   * Writes the annotation exactly as given, tags included. An upsert, not INSERT OR REPLACE: a
   * replace deletes the row first, which rows pointing at it (a claim's accounts) must not see.
   */
  put(annotation: Annotation): void {
    this.statement(
      `INSERT INTO annotations
         (id, document_id, version_id, status, start, "end", exact, prefix, suffix, position_start, position_end,
          color, note, note_text, credibility, orphan_reason, created_at, updated_at)
       VALUES (@id, @documentId, @versionId, @status, @start, @end, @exact, @prefix, @suffix, @positionStart, @positionEnd,
               @color, @note, @noteText, @credibility, @orphanReason, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET
         document_id = excluded.document_id, version_id = excluded.version_id, status = excluded.status,
         start = excluded.start, "end" = excluded."end", exact = excluded.exact, prefix = excluded.prefix,
         suffix = excluded.suffix, position_start = excluded.position_start, position_end = excluded.position_end,
         color = excluded.color, note = excluded.note, note_text = excluded.note_text,
         credibility = excluded.credibility, orphan_reason = excluded.orphan_reason,
         created_at = excluded.created_at, updated_at = excluded.updated_at`,
    )
      .run({
        id: annotation.id,
        documentId: annotation.documentId,
        versionId: annotation.versionId,
        status: annotation.status,
        start: annotation.start,
        end: annotation.end,
        exact: annotation.quote.exact,
        prefix: annotation.quote.prefix,
        suffix: annotation.quote.suffix,
        positionStart: annotation.position.start,
        positionEnd: annotation.position.end,
        color: annotation.color,
        note: annotation.note === null ? null : JSON.stringify(annotation.note),
        noteText: annotation.noteText,
        credibility: annotation.credibility,
        orphanReason: annotation.orphanReason,
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt,
      });
    this.statement('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotation.id);
    const insert = this.statement('INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)');
    [...new Set(annotation.tagIds)].forEach((tagId, position) => insert.run(annotation.id, tagId, position));
  }

  delete(id: string): void {
    this.statement('DELETE FROM annotations WHERE id = ?').run(id);
  }

  /**
   * Where each annotation of a document rests and what it quotes, in rowid order: writing them
   * back in that order reads each page of the table once, where the index's order (by place)
   * would jump about a table larger than the page cache.
   */
  anchorsOfDocument(documentId: string): AnchorRow[] {
    // As arrays rather than objects: a large document has tens of thousands of rows.
    const rows = this.statement(
      `SELECT rowid, id, version_id, status, start, "end", exact, prefix, suffix, position_start, position_end
         FROM annotations WHERE document_id = ?`,
    )
      .raw()
      .all(documentId) as [number, string, string, 'anchored' | 'orphan', number | null, number | null, string, string, string, number, number][];
    return rows
      .map(([row, id, versionId, status, start, end, exact, prefix, suffix, positionStart, positionEnd]) => ({
        row,
        id,
        versionId,
        status,
        start,
        end,
        quote: { exact, prefix, suffix },
        position: { start: positionStart, end: positionEnd },
      }))
      .sort((a, b) => a.row - b.row);
  }

  /**
   * Runs a batch over `count` annotations of one document with the connection's page cache grown
   * to hold their rows and their entries in both indexes, then gives the memory back. Re-anchoring
   * 40,000 highlights rewrites some 25 MB of pages: with the default 16 MB cache many were read
   * again and again, and the cost grew faster than the number of highlights.
   */
  withCacheFor<T>(count: number, work: () => T): T {
    const before = Number(this.db.pragma('cache_size', { simple: true }));
    const pageKib = Number(this.db.pragma('page_size', { simple: true })) / 1024;
    // cache_size counts pages when positive, KiB when negative.
    const beforeKib = before < 0 ? -before : before * pageKib;
    const wantedKib = Math.min(MOST_CACHE_KIB, beforeKib + count * CACHE_KIB_PER_ANNOTATION);
    if (wantedKib <= beforeKib) return work();
    // sql-safe: PRAGMA takes no parameters; both values are numbers this method computed
    this.db.pragma(`cache_size = ${-Math.round(wantedKib)}`);
    try {
      return work();
    } finally {
      // sql-safe: the number read back from this PRAGMA above
      this.db.pragma(`cache_size = ${before}`);
    }
  }

  /**
   * Writes where re-anchoring put each annotation, and only that: tags, note and colour are not
   * touched, so no tag rows are rewritten and the search index's note trigger does not fire.
   * Must run in the transaction the rows were read in (see AnchorRow.row).
   */
  moveAnchors(moves: Iterable<AnchorMove>, to: { readonly versionId: string; readonly updatedAt: string }): void {
    const anchored = this.statement(
      `UPDATE annotations SET version_id = ?, status = 'anchored', start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?,
              position_start = ?, position_end = ?, orphan_reason = NULL, updated_at = ?
        WHERE rowid = ?`,
    );
    const orphan = this.statement(
      `UPDATE annotations SET status = 'orphan', start = NULL, "end" = NULL, orphan_reason = ?, updated_at = ? WHERE rowid = ?`,
    );
    for (const move of moves) {
      if (move.status === 'anchored') {
        const { quote, position } = move;
        anchored.run(to.versionId, move.start, move.end, quote.exact, quote.prefix, quote.suffix, position.start, position.end, to.updatedAt, move.row);
      } else {
        orphan.run(move.orphanReason, to.updatedAt, move.row);
      }
    }
  }

  /** Annotations carrying a tag. */
  withTag(tagId: string): Annotation[] {
    const ids = this.statement('SELECT annotation_id FROM annotation_tags WHERE tag_id = ?').all(tagId) as { annotation_id: string }[];
    return ids.map((row) => this.get(row.annotation_id));
  }

  /** The tag ids of each annotation of a document, in the order the user gave them. */
  private tagsOfDocument(documentId: string): Map<string, string[]> {
    const rows = this.statement(
      `SELECT t.annotation_id, t.tag_id, t.position FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id
        WHERE a.document_id = ?`,
    )
      .all(documentId) as { annotation_id: string; tag_id: string; position: number }[];
    const result = new Map<string, { tag_id: string; position: number }[]>();
    for (const row of rows) {
      const list = result.get(row.annotation_id);
      if (list) list.push(row);
      else result.set(row.annotation_id, [row]);
    }
    // Sorted here: an annotation has a handful of tags, and SQL would sort all the document's rows.
    return new Map([...result].map(([id, list]) => [id, list.sort((a, b) => a.position - b.position).map((row) => row.tag_id)]));
  }

  // -- tags -------------------------------------------------------------------------------------------

  tags(): (TagRecord & { count: number })[] {
    const rows = this.statement(
      `SELECT t.*, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS count
         FROM tags t ORDER BY t.name COLLATE NOCASE`,
    )
      .all() as (TagRow & { count: number })[];
    return rows.map((row) => ({ ...toTag(row), count: row.count }));
  }

  findTag(id: string): TagRecord | null {
    const row = this.statement('SELECT * FROM tags WHERE id = ?').get(id) as TagRow | undefined;
    return row ? toTag(row) : null;
  }

  getTag(id: string, field = 'id'): TagRecord {
    const found = this.findTag(id);
    if (!found) throw new ApiError('not_found', `No tag with id "${id}"`, field);
    return found;
  }

  childrenOf(id: string): TagRecord[] {
    return (this.statement('SELECT * FROM tags WHERE parent_id = ?').all(id) as TagRow[]).map(toTag);
  }

  putTag(tag: TagRecord): void {
    try {
      this.statement(
        `INSERT INTO tags (id, name, parent_id, color, description, created_at)
         VALUES (@id, @name, @parentId, @color, @description, @createdAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id,
           color = excluded.color, description = excluded.description`,
      )
        .run(tag);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new ApiError('conflict', `A tag named "${tag.name}" already exists there`, 'name');
      }
      throw error;
    }
  }

  deleteTag(id: string): void {
    this.statement('DELETE FROM tags WHERE id = ?').run(id);
  }

  // -- source assessments ---------------------------------------------------------------------------

  assessment(documentId: string): SourceAssessment {
    const row = this.statement('SELECT * FROM source_assessments WHERE document_id = ?').get(documentId) as
      | AssessmentRow
      | undefined;
    if (!row) {
      return {
        documentId,
        reliability: null,
        authorship: '',
        dateOfWriting: '',
        placeOfWriting: '',
        proximity: '',
        tendency: '',
        provenance: '',
        updatedAt: null,
      };
    }
    return {
      documentId,
      reliability: row.reliability,
      authorship: row.authorship,
      dateOfWriting: row.date_of_writing,
      placeOfWriting: row.place_of_writing,
      proximity: row.proximity,
      tendency: row.tendency,
      provenance: row.provenance,
      updatedAt: row.updated_at,
    };
  }

  putAssessment(assessment: SourceAssessment): void {
    if (assessment.updatedAt === null) {
      this.statement('DELETE FROM source_assessments WHERE document_id = ?').run(assessment.documentId);
      return;
    }
    this.statement(
      `INSERT OR REPLACE INTO source_assessments
         (document_id, reliability, authorship, date_of_writing, place_of_writing, proximity, tendency, provenance, updated_at)
       VALUES (@documentId, @reliability, @authorship, @dateOfWriting, @placeOfWriting, @proximity, @tendency, @provenance, @updatedAt)`,
    )
      .run(assessment);
  }

  // -- settings -------------------------------------------------------------------------------------

  setting(key: string): string | null {
    const row = this.statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  putSetting(key: string, value: string): void {
    this.statement('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }
}

interface AnnotationRow {
  id: string;
  document_id: string;
  version_id: string;
  status: 'anchored' | 'orphan';
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  position_start: number;
  position_end: number;
  color: HighlightColor;
  note: string | null;
  note_text: string;
  credibility: number | null;
  orphan_reason: string | null;
  created_at: string;
  updated_at: string;
}

interface TagRow {
  id: string;
  name: string;
  parent_id: string | null;
  color: HighlightColor;
  description: string;
  created_at: string;
}

interface AssessmentRow {
  reliability: SourceReliability | null;
  authorship: string;
  date_of_writing: string;
  place_of_writing: string;
  proximity: string;
  tendency: string;
  provenance: string;
  updated_at: string | null;
}

function toAnnotation(row: AnnotationRow, tagIds: string[]): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    versionId: row.version_id,
    status: row.status,
    start: row.start,
    end: row.end,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.position_start, end: row.position_end },
    color: row.color,
    tagIds,
    note: row.note === null ? null : (JSON.parse(row.note) as NoteDocument),
    noteText: row.note_text,
    credibility: row.credibility,
    orphanReason: row.orphan_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTag(row: TagRow): TagRecord {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    color: row.color,
    description: row.description,
    createdAt: row.created_at,
  };
}
