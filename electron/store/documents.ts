/**
 * Documents and their immutable versions. Every write is one transaction: a document never
 * exists without its first version, nor a version without its blocks.
 */
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Block, DocumentRecord, DocumentSummary, SourceKind, VersionContent } from '../../shared/domain';
import { ApiError } from '../../shared/errors';

export type NewDocument = DocumentRecord;

export interface NewVersion {
  readonly fileName: string;
  readonly encoding: string;
  readonly raw: Uint8Array;
  /** Name and version of the code that produced `blocks`, so a reader knows how the text was made. */
  readonly normalizer: string;
  readonly blocks: readonly Block[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class DocumentRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a document with its first version; returns the document's id. */
  addDocument(document: NewDocument, version: NewVersion): string {
    return this.db.transaction(() => {
      const id = randomUUID();
      const position =
        (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM documents').get() as { next: number }).next;
      this.db
        .prepare(
          `INSERT INTO documents (id, position, title, title_supplied, author, translator, language, date,
                                  source_kind, description, created_at)
           VALUES (@id, @position, @title, @titleSupplied, @author, @translator, @language, @date,
                   @sourceKind, @description, @createdAt)`,
        )
        .run({
          ...document,
          id,
          position,
          titleSupplied: document.titleSupplied ? 1 : 0,
          createdAt: this.now().toISOString(),
        });
      this.insertVersion(id, version);
      return id;
    })();
  }

  private insertVersion(documentId: string, version: NewVersion): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO document_versions (id, document_id, sha256, file_name, encoding, raw, normalizer, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        documentId,
        sha256Hex(version.raw),
        version.fileName,
        version.encoding,
        Buffer.from(version.raw.buffer, version.raw.byteOffset, version.raw.byteLength),
        version.normalizer,
        this.now().toISOString(),
      );
    const insertBlock = this.db.prepare(
      `INSERT INTO blocks (version_id, ordinal, kind, level, text, raw_start, raw_end)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    version.blocks.forEach((block, ordinal) => {
      insertBlock.run(id, ordinal, block.kind, block.level ?? null, block.text, block.rawStart, block.rawEnd);
    });
    return id;
  }

  list(): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT d.*,
                (SELECT v.id FROM document_versions v WHERE v.document_id = d.id
                  ORDER BY v.imported_at DESC, v.rowid DESC LIMIT 1) AS current_version_id,
                (SELECT count(*) FROM document_versions v WHERE v.document_id = d.id) AS version_count
           FROM documents d
          ORDER BY d.position`,
      )
      .all() as DocumentRow[];
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleSupplied: row.title_supplied === 1,
      author: row.author,
      translator: row.translator,
      language: row.language,
      date: row.date,
      sourceKind: row.source_kind,
      description: row.description,
      currentVersionId: row.current_version_id,
      versionCount: row.version_count,
    }));
  }

  getVersionContent(versionId: string): VersionContent {
    const version = this.db
      .prepare(
        'SELECT id, document_id, sha256, file_name, encoding, imported_at FROM document_versions WHERE id = ?',
      )
      .get(versionId) as VersionRow | undefined;
    if (!version) throw new ApiError('not_found', `No document version with id "${versionId}"`, 'versionId');
    const blocks = this.db
      .prepare('SELECT kind, level, text, raw_start, raw_end FROM blocks WHERE version_id = ? ORDER BY ordinal')
      .all(versionId) as BlockRow[];
    return {
      versionId: version.id,
      documentId: version.document_id,
      sha256: version.sha256,
      fileName: version.file_name,
      encoding: version.encoding,
      importedAt: version.imported_at,
      blocks: blocks.map((row) => {
        const block: Block = { kind: row.kind, text: row.text, rawStart: row.raw_start, rawEnd: row.raw_end };
        if (row.level !== null) block.level = row.level;
        return block;
      }),
    };
  }

  /** The raw bytes of a version, exactly as imported. */
  getRaw(versionId: string): Buffer {
    const row = this.db.prepare('SELECT raw FROM document_versions WHERE id = ?').get(versionId) as
      | { raw: Buffer }
      | undefined;
    if (!row) throw new ApiError('not_found', `No document version with id "${versionId}"`, 'versionId');
    return row.raw;
  }
}

interface DocumentRow {
  id: string;
  title: string;
  title_supplied: number;
  author: string | null;
  translator: string | null;
  language: string;
  date: string | null;
  source_kind: SourceKind;
  description: string | null;
  current_version_id: string;
  version_count: number;
}

interface VersionRow {
  id: string;
  document_id: string;
  sha256: string;
  file_name: string;
  encoding: string;
  imported_at: string;
}

interface BlockRow {
  kind: Block['kind'];
  level: number | null;
  text: string;
  raw_start: number;
  raw_end: number;
}
