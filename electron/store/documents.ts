/**
 * Documents and their immutable versions. Every write is one transaction: a document never
 * exists without its first version, nor a version without its reading text.
 */
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  DocumentRecord,
  DocumentSummary,
  ImportFormat,
  RawLocation,
  SourceKind,
  VersionContent,
} from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { LineIndex, rawPlaceAt, type NormalizedText } from '../../shared/text/text-model';

export interface NewVersion {
  readonly fileName: string;
  readonly format: ImportFormat;
  /** WHATWG encoding label the bytes were decoded with, or 'binary' for .docx and .pdf. */
  readonly encoding: string;
  readonly raw: Uint8Array;
  /**
   * The text `normalized.map` points into. Stored only where decoding `raw` with `encoding`
   * does not give it back exactly (an extracted text layer); otherwise derived when needed.
   */
  readonly rawText: string;
  /** Name and version of the code that made the reading text, so a reader knows how it was made. */
  readonly normalizer: string;
  readonly normalized: NormalizedText;
}

export interface AddedVersion {
  readonly documentId: string;
  readonly versionId: string;
}

/** What `locate` needs of a version, kept in memory for the few versions in use. */
interface Trace {
  readonly rawText: string;
  readonly inTextLayer: boolean;
  readonly index: LineIndex;
  readonly normalized: Pick<NormalizedText, 'text' | 'blocks' | 'locators' | 'map'>;
}

const TRACE_CACHE_SIZE = 4;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes raw bytes as every host does: the WHATWG decoder, a leading BOM dropped. */
export function decodeRaw(raw: Uint8Array, encoding: string): string | null {
  if (encoding === 'binary') return null;
  try {
    return new TextDecoder(encoding).decode(raw);
  } catch {
    return null;
  }
}

export class DocumentRepository {
  private readonly traces = new Map<string, Trace>();
  /**
   * Reading texts of the versions in use: every new highlight checks its range against the text,
   * and reading a 1.3 MB text from the file for each one made adding highlights slow. A version
   * never changes once stored, so what is kept can never be stale.
   */
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a document with its first version. */
  addDocument(document: DocumentRecord, version: NewVersion): AddedVersion {
    return this.db.transaction(() => {
      const documentId = randomUUID();
      const position = (
        this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM documents').get() as { next: number }
      ).next;
      this.db
        .prepare(
          `INSERT INTO documents (id, position, title, title_supplied, author, translator, language, date,
                                  source_kind, description, created_at)
           VALUES (@id, @position, @title, @titleSupplied, @author, @translator, @language, @date,
                   @sourceKind, @description, @createdAt)`,
        )
        .run({
          ...document,
          id: documentId,
          position,
          titleSupplied: document.titleSupplied ? 1 : 0,
          createdAt: this.now().toISOString(),
        });
      return { documentId, versionId: this.insertVersion(documentId, version) };
    }).immediate();
  }

  /** Adds a new version to a document; the older versions stay as they are. */
  addVersion(documentId: string, version: NewVersion): AddedVersion {
    return this.db.transaction(() => {
      const document = this.db.prepare('SELECT title FROM documents WHERE id = ?').get(documentId) as
        | { title: string }
        | undefined;
      if (!document) throw new ApiError('not_found', `No document with id "${documentId}"`, 'documentId');
      const existing = this.db
        .prepare('SELECT imported_at FROM document_versions WHERE document_id = ? AND sha256 = ?')
        .get(documentId, sha256Hex(version.raw)) as { imported_at: string } | undefined;
      if (existing) {
        throw new ApiError(
          'conflict',
          `This file is already a version of "${document.title}" (imported ${existing.imported_at}); nothing was added.`,
        );
      }
      return { documentId, versionId: this.insertVersion(documentId, version) };
    }).immediate();
  }

  private insertVersion(documentId: string, version: NewVersion): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO document_versions (id, document_id, sha256, file_name, format, encoding, raw, normalizer, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        documentId,
        sha256Hex(version.raw),
        version.fileName,
        version.format,
        version.encoding,
        Buffer.from(version.raw.buffer, version.raw.byteOffset, version.raw.byteLength),
        version.normalizer,
        this.now().toISOString(),
      );
    this.insertText(id, version.normalizer, version.rawText, decodeRaw(version.raw, version.encoding), version.normalized);
    return id;
  }

  /** Gives a version its reading text; used on insert and to upgrade versions of older projects. */
  insertText(versionId: string, normalizer: string, rawText: string, decoded: string | null, normalized: NormalizedText): void {
    const { text, ...structure } = normalized;
    this.db
      .prepare('INSERT INTO version_texts (version_id, normalizer, raw_text, text, structure) VALUES (?, ?, ?, ?, ?)')
      .run(versionId, normalizer, decoded === rawText ? null : rawText, text, JSON.stringify(structure));
  }

  /** Versions that have no reading text yet (made by an older Sourcebench). */
  versionsWithoutText(): { id: string; sha256: string; format: ImportFormat; encoding: string; raw: Buffer }[] {
    return this.db
      .prepare(
        `SELECT v.id, v.sha256, v.format, v.encoding, v.raw FROM document_versions v
          WHERE NOT EXISTS (SELECT 1 FROM version_texts t WHERE t.version_id = v.id)`,
      )
      .all() as { id: string; sha256: string; format: ImportFormat; encoding: string; raw: Buffer }[];
  }

  list(): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT d.*, c.id AS current_version_id, c.file_name AS current_file_name,
                (SELECT count(*) FROM document_versions v WHERE v.document_id = d.id) AS version_count
           FROM documents d
           JOIN document_versions c ON c.id = (SELECT v.id FROM document_versions v WHERE v.document_id = d.id
                                                ORDER BY v.imported_at DESC, v.rowid DESC LIMIT 1)
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
      fileName: row.current_file_name,
      versionCount: row.version_count,
    }));
  }

  getVersionContent(versionId: string): VersionContent {
    const row = this.versionRow<VersionRow>(
      `SELECT v.id, v.document_id, v.sha256, v.file_name, v.format, v.encoding, v.imported_at,
              t.normalizer, t.text, t.structure
         FROM document_versions v JOIN version_texts t ON t.version_id = v.id
        WHERE v.id = ?`,
      versionId,
    );
    const { blocks, citations, locators, edits } = JSON.parse(row.structure) as Omit<NormalizedText, 'text'>;
    return {
      versionId: row.id,
      documentId: row.document_id,
      sha256: row.sha256,
      fileName: row.file_name,
      format: row.format,
      encoding: row.encoding,
      importedAt: row.imported_at,
      normalizer: row.normalizer,
      text: row.text,
      blocks,
      citations,
      locators,
      edits,
    };
  }

  /**
   * What is needed to place an offset by page and chapter: the reading text with its blocks and
   * locators, without parsing the whole structure (the map back to the raw file is the largest part).
   */
  outline(versionId: string): Pick<NormalizedText, 'text' | 'blocks' | 'locators'> {
    const row = this.versionRow<{ text: string; blocks: string; locators: string }>(
      `SELECT text, json_extract(structure, '$.blocks') AS blocks, json_extract(structure, '$.locators') AS locators
         FROM version_texts WHERE version_id = ?`,
      versionId,
    );
    return { text: row.text, blocks: JSON.parse(row.blocks) as NormalizedText['blocks'], locators: JSON.parse(row.locators) as NormalizedText['locators'] };
  }

  /** Throws not_found, naming `field`, unless a document with this id exists. */
  checkDocument(documentId: string, field = 'documentId'): void {
    if (!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
      throw new ApiError('not_found', `No document with id "${documentId}"`, field);
    }
  }

  /** Where a reading-text offset stands in the raw file: offset, line, column and page. */
  locate(versionId: string, textOffset: number): RawLocation {
    const trace = this.trace(versionId);
    const textLength = trace.normalized.text.length;
    if (textOffset > textLength) {
      throw new ApiError('invalid_input', `Offset ${textOffset} is past the end of the text (${textLength} characters)`, 'offset');
    }
    return { textOffset, ...rawPlaceAt(trace.normalized, trace.rawText, trace.index, textOffset), inTextLayer: trace.inTextLayer };
  }

  /** The reading text of a version, which annotations point into. */
  readingText(versionId: string): string {
    let text = this.texts.get(versionId);
    if (text === undefined) {
      text = this.versionRow<{ text: string }>('SELECT text FROM version_texts WHERE version_id = ?', versionId).text;
      if (this.texts.size >= TRACE_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(versionId, text);
    }
    return text;
  }

  documentOfVersion(versionId: string): string {
    return this.versionRow<{ document_id: string }>('SELECT document_id FROM document_versions WHERE id = ?', versionId).document_id;
  }

  /** The text that line:column refer to: the decoded raw file, or the stored text layer. */
  rawText(versionId: string): string {
    return this.trace(versionId).rawText;
  }

  /** The raw bytes of a version, exactly as imported. */
  getRaw(versionId: string): Buffer {
    return this.versionRow<{ raw: Buffer }>('SELECT raw FROM document_versions WHERE id = ?', versionId).raw;
  }

  /** The row a query by version id gives; not_found, naming the version, where there is none. */
  private versionRow<Row>(sql: string, versionId: string): Row {
    const row = this.db.prepare(sql).get(versionId) as Row | undefined;
    if (!row) throw new ApiError('not_found', `No document version with id "${versionId}"`, 'versionId');
    return row;
  }

  private trace(versionId: string): Trace {
    const cached = this.traces.get(versionId);
    if (cached) return cached;
    const row = this.versionRow<{ raw: Buffer; encoding: string; raw_text: string | null; text: string; structure: string }>(
      `SELECT v.raw, v.encoding, t.raw_text, t.text, t.structure
         FROM document_versions v JOIN version_texts t ON t.version_id = v.id WHERE v.id = ?`,
      versionId,
    );
    const rawText = row.raw_text ?? decodeRaw(row.raw, row.encoding) ?? '';
    const { map, locators, blocks } = JSON.parse(row.structure) as Omit<NormalizedText, 'text'>;
    const trace: Trace = {
      rawText,
      inTextLayer: row.raw_text !== null,
      index: new LineIndex(rawText),
      normalized: { text: row.text, blocks, locators, map },
    };
    if (this.traces.size >= TRACE_CACHE_SIZE) this.traces.delete(this.traces.keys().next().value!);
    this.traces.set(versionId, trace);
    return trace;
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
  current_file_name: string;
  version_count: number;
}

interface VersionRow {
  id: string;
  document_id: string;
  sha256: string;
  file_name: string;
  format: ImportFormat;
  encoding: string;
  imported_at: string;
  normalizer: string;
  text: string;
  structure: string;
}
