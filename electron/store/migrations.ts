/**
 * The project file's schema, as an ordered list of migrations. A migration is never edited once
 * released: a change to the schema is a new migration, so every older file can be brought forward.
 */
import type Database from 'better-sqlite3';
import { CodePointIndex, describeRange } from '../../shared/anchoring';

export interface Migration {
  /** Consecutive from 1; stored in PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, immutable versions and their reading blocks',
    up: (db) => {
      db.exec(`
        CREATE TABLE documents (
          id            TEXT PRIMARY KEY,
          position      INTEGER NOT NULL,
          title         TEXT NOT NULL,
          title_supplied INTEGER NOT NULL DEFAULT 0 CHECK (title_supplied IN (0, 1)),
          author        TEXT,
          translator    TEXT,
          language      TEXT NOT NULL,
          date          TEXT,
          source_kind   TEXT NOT NULL CHECK (source_kind IN ('primary', 'secondary', 'tertiary')),
          description   TEXT,
          created_at    TEXT NOT NULL
        );

        -- A version is the raw bytes as imported; it is never updated, only added.
        CREATE TABLE document_versions (
          id            TEXT PRIMARY KEY,
          document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
          file_name     TEXT NOT NULL,
          encoding      TEXT NOT NULL,
          raw           BLOB NOT NULL,
          normalizer    TEXT NOT NULL,
          imported_at   TEXT NOT NULL,
          UNIQUE (document_id, sha256)
        );
        CREATE INDEX document_versions_by_document ON document_versions (document_id, imported_at);

        -- The reading text, stored rather than recomputed so that a newer normalizer can never
        -- shift the text under annotations already made on this version.
        CREATE TABLE blocks (
          version_id    TEXT NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
          ordinal       INTEGER NOT NULL,
          kind          TEXT NOT NULL,
          level         INTEGER,
          text          TEXT NOT NULL,
          raw_start     INTEGER NOT NULL,
          raw_end       INTEGER NOT NULL,
          PRIMARY KEY (version_id, ordinal)
        ) WITHOUT ROWID;

        CREATE TRIGGER document_versions_are_immutable BEFORE UPDATE ON document_versions
        BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
        CREATE TRIGGER blocks_are_immutable BEFORE UPDATE ON blocks
        BEGIN SELECT RAISE(ABORT, 'blocks of a document version are immutable'); END;
      `);
    },
  },
  {
    version: 2,
    name: 'structured, traceable reading text per version',
    up: (db) => {
      // Versions of schema 1 carry plain paragraphs; their structured text is filled in by the
      // project on open (it is derived from the raw bytes, which stay untouched). No annotation
      // existed in schema 1, so no annotation can sit on the text being replaced.
      db.exec(`
        DROP TRIGGER blocks_are_immutable;
        DROP TABLE blocks;

        ALTER TABLE document_versions ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';

        CREATE TABLE version_texts (
          version_id    TEXT PRIMARY KEY REFERENCES document_versions (id) ON DELETE CASCADE,
          normalizer    TEXT NOT NULL,
          -- The text the map points into where it is not the decoded raw file (a .docx or .pdf
          -- text layer); NULL where it is the raw file decoded with the version's encoding.
          raw_text      TEXT,
          text          TEXT NOT NULL,
          -- JSON: blocks, citations, locators, edits and the map back to the raw file.
          structure     TEXT NOT NULL
        );

        CREATE TRIGGER version_texts_are_immutable BEFORE UPDATE ON version_texts
        BEGIN SELECT RAISE(ABORT, 'the text of a document version is immutable'); END;
      `);
    },
  },
  {
    version: 3,
    name: 'annotations, codebook, source assessments and workspace',
    up: (db) => {
      db.exec(`
        CREATE TABLE tags (
          id            TEXT PRIMARY KEY,
          name          TEXT NOT NULL,
          parent_id     TEXT REFERENCES tags (id),
          color         TEXT NOT NULL,
          description   TEXT NOT NULL DEFAULT '',
          created_at    TEXT NOT NULL
        );
        -- Two tags of one parent may not share a name (compared without case, as users see them).
        CREATE UNIQUE INDEX tags_unique_name ON tags (coalesce(parent_id, ''), name COLLATE NOCASE);

        -- Stand-off: an annotation points into a version's reading text and never changes it.
        CREATE TABLE annotations (
          id             TEXT PRIMARY KEY,
          document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          version_id     TEXT NOT NULL REFERENCES document_versions (id),
          status         TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
          start          INTEGER,
          "end"          INTEGER,
          exact          TEXT NOT NULL,
          prefix         TEXT NOT NULL,
          suffix         TEXT NOT NULL,
          position_start INTEGER NOT NULL,
          position_end   INTEGER NOT NULL,
          color          TEXT NOT NULL,
          note           TEXT,
          note_text      TEXT NOT NULL DEFAULT '',
          credibility    INTEGER CHECK (credibility BETWEEN 1 AND 6),
          orphan_reason  TEXT,
          created_at     TEXT NOT NULL,
          updated_at     TEXT NOT NULL,
          CHECK ((status = 'anchored') = (start IS NOT NULL AND "end" IS NOT NULL AND "end" > start))
        );
        CREATE INDEX annotations_by_place ON annotations (document_id, version_id, start);

        CREATE TABLE annotation_tags (
          annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
          tag_id        TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
          -- The order the user gave the tags in, as the chips show them.
          position      INTEGER NOT NULL,
          PRIMARY KEY (annotation_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

        CREATE TABLE source_assessments (
          document_id      TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
          reliability      TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
          authorship       TEXT NOT NULL DEFAULT '',
          date_of_writing  TEXT NOT NULL DEFAULT '',
          place_of_writing TEXT NOT NULL DEFAULT '',
          proximity        TEXT NOT NULL DEFAULT '',
          tendency         TEXT NOT NULL DEFAULT '',
          provenance       TEXT NOT NULL DEFAULT '',
          updated_at       TEXT
        );

        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'claims and their accounts',
    up: (db) => {
      db.exec(`
        CREATE TABLE claims (
          id             TEXT PRIMARY KEY,
          wording        TEXT NOT NULL CHECK (length(trim(wording)) > 0),
          -- The date as the historian wrote it, with the earliest and latest day it can mean;
          -- all NULL for an undated claim.
          date_text      TEXT,
          date_from      TEXT,
          date_to        TEXT,
          date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year', 'decade', 'span')),
          date_circa     INTEGER CHECK (date_circa IN (0, 1)),
          people         TEXT NOT NULL DEFAULT '[]', -- JSON array of names, in the order given
          places         TEXT NOT NULL DEFAULT '[]', -- JSON array of names, in the order given
          verdict        TEXT NOT NULL DEFAULT '',
          credibility    INTEGER CHECK (credibility BETWEEN 1 AND 6),
          created_at     TEXT NOT NULL,
          updated_at     TEXT NOT NULL,
          CHECK ((date_text IS NULL) = (date_from IS NULL)
             AND (date_text IS NULL) = (date_to IS NULL)
             AND (date_text IS NULL) = (date_precision IS NULL)
             AND (date_text IS NULL) = (date_circa IS NULL))
        );
        CREATE INDEX claims_by_date ON claims (date_from);

        -- No ON DELETE action on either key: an account is only ever removed on purpose (and
        -- undoably) by the service, never as a side effect of deleting a claim or a highlight.
        CREATE TABLE claim_accounts (
          id             TEXT PRIMARY KEY,
          claim_id       TEXT NOT NULL REFERENCES claims (id),
          annotation_id  TEXT NOT NULL REFERENCES annotations (id),
          stance         TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'qualifies', 'mentions')),
          note           TEXT NOT NULL DEFAULT '',
          -- Attach order within the claim; kept through undo, which timestamps alone would not be.
          position       INTEGER NOT NULL,
          created_at     TEXT NOT NULL,
          updated_at     TEXT NOT NULL,
          UNIQUE (claim_id, annotation_id)
        );
        CREATE INDEX claim_accounts_by_annotation ON claim_accounts (annotation_id);
      `);
    },
  },
  {
    version: 5,
    name: 'selectors of re-anchored annotations describe the version they rest on',
    // Before this, re-anchoring moved an annotation to the new version but left its quote context
    // and code-point position as they were on the old one; an export would then cite stale offsets.
    up: (db) => {
      const texts = db.prepare('SELECT text FROM version_texts WHERE version_id = ?');
      const update = db.prepare('UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, position_start = ?, position_end = ? WHERE id = ?');
      const rows = db
        .prepare(`SELECT id, version_id, start, "end" FROM annotations WHERE status = 'anchored' ORDER BY version_id`)
        .all() as { id: string; version_id: string; start: number; end: number }[];
      let version = null as { id: string; text: string; codePoints: CodePointIndex } | null;
      for (const row of rows) {
        if (version?.id !== row.version_id) {
          const text = (texts.get(row.version_id) as { text: string }).text;
          version = { id: row.version_id, text, codePoints: new CodePointIndex(text) };
        }
        const { quote } = describeRange(version.text, row.start, row.end);
        update.run(quote.exact, quote.prefix, quote.suffix, version.codePoints.toCodePoint(row.start), version.codePoints.toCodePoint(row.end), row.id);
      }
    },
  },
  {
    version: 6,
    name: 'full-text search index',
    // The index holds precomputed word keys (folded form, stem, cross-script key; see
    // electron/search/words.ts), one token per word in each column, so that a phrase lines up in
    // every column; FTS5's own diacritic folding stays off because it would read й as и. Only the
    // keys are made in JavaScript: triggers merely note what changed, so that every writer (the
    // services, undo and redo, an exchange import, another connection) keeps the index current
    // without the SQL depending on a function registered on the connection.
    up: (db) => {
      db.exec(`
        CREATE VIRTUAL TABLE search_passages USING fts5 (
          forms, stems, cross, version_id UNINDEXED, start UNINDEXED, "end" UNINDEXED,
          tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
        );
        -- The versions whose passages are in the index (the current one of each document), and
        -- the rowids they occupy, so that a version replaced by a newer one is taken out at once.
        CREATE TABLE search_versions (
          version_id    TEXT PRIMARY KEY,
          document_id   TEXT NOT NULL,
          first_row     INTEGER NOT NULL,
          row_count     INTEGER NOT NULL
        );

        CREATE VIRTUAL TABLE search_items USING fts5 (
          forms, stems, cross,
          tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
        );
        CREATE TABLE search_item_rows (
          row           INTEGER PRIMARY KEY,
          kind          TEXT NOT NULL CHECK (kind IN ('note', 'tag', 'claim')),
          item_id       TEXT NOT NULL,
          UNIQUE (kind, item_id)
        );
        -- Notes, tags and claims written since the index last caught up. The triggers test for a row
        -- rather than INSERT OR IGNORE: an outer upsert's conflict handling would override theirs.
        CREATE TABLE search_stale_items (
          kind          TEXT NOT NULL,
          item_id       TEXT NOT NULL,
          PRIMARY KEY (kind, item_id)
        ) WITHOUT ROWID;

        CREATE TRIGGER search_note_added AFTER INSERT ON annotations
        BEGIN INSERT INTO search_stale_items SELECT 'note', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'note' AND item_id = new.id); END;
        CREATE TRIGGER search_note_changed AFTER UPDATE OF note_text ON annotations
        BEGIN INSERT INTO search_stale_items SELECT 'note', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'note' AND item_id = new.id); END;
        CREATE TRIGGER search_note_removed AFTER DELETE ON annotations
        BEGIN INSERT INTO search_stale_items SELECT 'note', old.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'note' AND item_id = old.id); END;

        CREATE TRIGGER search_tag_added AFTER INSERT ON tags
        BEGIN INSERT INTO search_stale_items SELECT 'tag', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'tag' AND item_id = new.id); END;
        CREATE TRIGGER search_tag_changed AFTER UPDATE OF name ON tags
        BEGIN INSERT INTO search_stale_items SELECT 'tag', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'tag' AND item_id = new.id); END;
        CREATE TRIGGER search_tag_removed AFTER DELETE ON tags
        BEGIN INSERT INTO search_stale_items SELECT 'tag', old.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'tag' AND item_id = old.id); END;

        CREATE TRIGGER search_claim_added AFTER INSERT ON claims
        BEGIN INSERT INTO search_stale_items SELECT 'claim', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'claim' AND item_id = new.id); END;
        CREATE TRIGGER search_claim_changed AFTER UPDATE OF wording, people, places, verdict ON claims
        BEGIN INSERT INTO search_stale_items SELECT 'claim', new.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'claim' AND item_id = new.id); END;
        CREATE TRIGGER search_claim_removed AFTER DELETE ON claims
        BEGIN INSERT INTO search_stale_items SELECT 'claim', old.id WHERE NOT EXISTS (SELECT 1 FROM search_stale_items WHERE kind = 'claim' AND item_id = old.id); END;

        -- What a project holds already is indexed on its first search, as a new version is.
        INSERT INTO search_stale_items SELECT 'note', id FROM annotations WHERE note_text <> '';
        INSERT INTO search_stale_items SELECT 'tag', id FROM tags;
        INSERT INTO search_stale_items SELECT 'claim', id FROM claims;
      `);
    },
  },
  {
    version: 7,
    name: 'indexes for one document and for the codebook',
    // A project grows for years: listing one document's annotations (what a pane loads) must read
    // that document's rows only, already in the order the sidebar shows them, and a tag's
    // children must not scan the codebook.
    up: (db) => {
      db.exec(`
        CREATE INDEX annotations_by_document ON annotations (document_id, status, start, "end", created_at);
        CREATE INDEX tags_by_parent ON tags (parent_id);
      `);
    },
  },
  {
    version: 8,
    name: 'drop the unused index by version and place',
    // No query reads annotations by version; every re-anchoring paid for updating this index
    // (a third of the time of moving 40,000 highlights onto a new version).
    up: (db) => {
      db.exec('DROP INDEX IF EXISTS annotations_by_place');
    },
  },
];

/** Throws where the list is not 1, 2, 3…: an out-of-order set would skip or repeat a step. */
export function assertMigrationOrder(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
