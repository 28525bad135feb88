/**
 * A project is one SQLite file. These tests open real files in temporary folders: a new project
 * holds the bundled sources byte for byte, an older file is backed up before it is migrated, and
 * a file that is not ours or is too new is refused without a byte changing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectDatabase, ProjectFileError } from '../../../electron/store/database';
import { migrations, type Migration } from '../../../electron/store/migrations';
import { sha256Hex } from '../../../electron/store/documents';
import { Project } from '../../../electron/app/project';
import { corpusDir, fileHash, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const corpusFiles = ['000_01da8a07c5673cc1.txt', '001_957ac4986f5e7508.txt', '002_10df7f476cedd2f2.txt'];

describe('a new project', () => {
  it('is seeded with the three bundled sources, byte for byte, with their bibliographic record', () => {
    const project = Project.open(path.join(dir, 'new.sourcebench'), { corpusDir });
    try {
      const documents = project.documents.list();
      expect(documents.map((d) => [d.language, d.sourceKind])).toEqual([
        ['ru', 'secondary'],
        ['en', 'tertiary'],
        ['en', 'secondary'],
      ]);
      expect(documents[2]).toMatchObject({ author: 'Dmitri Volkogonov', titleSupplied: false });
      expect(documents[0]).toMatchObject({ author: null, titleSupplied: true });
      documents.forEach((document, index) => {
        const raw = project.documents.getRaw(document.currentVersionId);
        expect(sha256Hex(raw)).toBe(fileHash(path.join(corpusDir, corpusFiles[index]!)));
        expect(project.documents.getVersionContent(document.currentVersionId).sha256).toBe(sha256Hex(raw));
      });
    } finally {
      project.close();
    }
  });

  it('uses WAL, enforces foreign keys and records its schema version', () => {
    const file = path.join(dir, 'p.sourcebench');
    const project = Project.open(file, { corpusDir });
    project.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    const { db: writable } = openProjectDatabase(file);
    expect(writable.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      writable
        .prepare("INSERT INTO version_texts VALUES ('no-such-version', 'n', NULL, 'x', '{}')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    writable.close();
  });

  it('keeps document versions and their text immutable', () => {
    const file = path.join(dir, 'p.sourcebench');
    Project.open(file, { corpusDir }).close();
    const { db } = openProjectDatabase(file);
    expect(() => db.prepare("UPDATE version_texts SET text = 'forged'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE document_versions SET file_name = 'x'").run()).toThrow(/immutable/);
    db.close();
  });

  it('is reopened without seeding twice', () => {
    const file = path.join(dir, 'p.sourcebench');
    Project.open(file, { corpusDir }).close();
    const again = Project.open(file, { corpusDir });
    expect(again.documents.list()).toHaveLength(3);
    again.close();
  });

  it('refuses a damaged copy of a bundled source instead of seeding it', () => {
    const damaged = path.join(dir, 'corpus');
    fs.cpSync(corpusDir, damaged, { recursive: true });
    fs.appendFileSync(path.join(damaged, '002_10df7f476cedd2f2.txt'), 'x');
    const file = path.join(dir, 'p.sourcebench');
    expect(() => Project.open(file, { corpusDir: damaged })).toThrow(/002_10df7f476cedd2f2.txt differs/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('leaves no file behind when the corpus cannot be read', () => {
    const file = path.join(dir, 'p.sourcebench');
    expect(() => Project.open(file, { corpusDir: path.join(dir, 'no-corpus') })).toThrow(/corpus manifest/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('opening an existing file', () => {
  const addNotes: Migration = {
    version: 2,
    name: 'notes',
    up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'),
  };

  it('writes a backup beside the file before migrating it, and keeps its data', () => {
    const file = path.join(dir, 'old.sourcebench');
    const v1 = openProjectDatabase(file, { migrations: [migrations[0]!] });
    v1.db.prepare(
      "INSERT INTO documents (id, position, title, language, source_kind, created_at) VALUES ('d', 1, 'Kept', 'en', 'primary', 'now')",
    ).run();
    v1.db.close();

    const now = () => new Date('2026-11-25T10:00:00Z');
    const v2 = openProjectDatabase(file, { migrations: [migrations[0]!, addNotes], now });
    expect(v2.backupPath).toBe(path.join(dir, 'old.backup-schema1-2026-11-25T10-00-00-000Z.sourcebench'));
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.db.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Kept' });
    v2.db.close();

    const backup = new Database(v2.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Kept' });
    backup.close();
  });

  it('brings a project of schema 1 forward: backup, then a traceable reading text for each version', () => {
    const file = path.join(dir, 'schema1.sourcebench');
    const v1 = openProjectDatabase(file, { migrations: [migrations[0]!] });
    const raw = fs.readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'));
    v1.db.prepare(
      "INSERT INTO documents (id, position, title, language, source_kind, created_at) VALUES ('d', 1, 'Russian account', 'ru', 'secondary', 'then')",
    ).run();
    v1.db.prepare(
      "INSERT INTO document_versions (id, document_id, sha256, file_name, encoding, raw, normalizer, imported_at) VALUES ('v', 'd', ?, 'ru.txt', 'utf-8', ?, 'paragraphs@1', 'then')",
    ).run(sha256Hex(raw), raw);
    v1.db.prepare("INSERT INTO blocks VALUES ('v', 0, 'paragraph', NULL, 'old text', 0, 10)").run();
    v1.db.close();

    const project = Project.open(file, { corpusDir });
    try {
      expect(project.schemaVersion).toBe(migrations.length);
      expect(project.backupPath).toMatch(/schema1\.backup-schema1-.*\.sourcebench$/);
      const content = project.documents.getVersionContent('v');
      expect(content.blocks).toHaveLength(3);
      expect(content.text).toMatch(/^Вторая жена Сталина/);
      expect(project.documents.locate('v', content.blocks[2]!.start)).toMatchObject({ line: 3, column: 1 });
      expect(sha256Hex(project.documents.getRaw('v'))).toBe(sha256Hex(raw));
    } finally {
      project.close();
    }
  });

  it('brings a project of schema 4 forward: a re-anchored highlight cites the version it rests on', async () => {
    const file = path.join(dir, 'schema4.sourcebench');
    let project = Project.open(file, { corpusDir });
    const russian = project.documents.list()[0]!;
    const text = project.documents.readingText(russian.currentVersionId);
    const start = text.indexOf('Надежда Аллилуева');
    const made = project.annotations.create({ versionId: russian.currentVersionId, start, end: start + 17 });
    project.close();
    // What re-anchoring left before schema 5: the place moved, the selectors stayed behind.
    const stale = new Database(file);
    stale.prepare("UPDATE annotations SET prefix = 'old context', position_start = 3, position_end = 20 WHERE id = ?").run(made.id);
    // Nor had schema 4 the search index of schema 6.
    for (const trigger of stale.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").pluck().all()) {
      stale.exec(`DROP TRIGGER ${String(trigger)}`);
    }
    stale.exec('DROP TABLE search_passages; DROP TABLE search_versions; DROP TABLE search_items; DROP TABLE search_item_rows; DROP TABLE search_stale_items;');
    // Nor the indexes of schema 7.
    stale.exec('DROP INDEX annotations_by_document; DROP INDEX tags_by_parent;');
    stale.pragma('user_version = 4');
    stale.close();

    project = Project.open(file, { corpusDir });
    try {
      const fixed = project.annotations.get(made.id);
      expect(fixed.quote).toEqual(made.quote);
      expect(fixed.position).toEqual(made.position);
    } finally {
      project.close();
    }
  });

  it('rolls a failed migration back completely', () => {
    const file = path.join(dir, 'old.sourcebench');
    openProjectDatabase(file, { migrations: [migrations[0]!] }).db.close();
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up: (db) => {
        db.exec('CREATE TABLE half (x)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openProjectDatabase(file, { migrations: [migrations[0]!, broken] })).toThrow(/Migration 2 .*half done/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a file written by a newer version and leaves it untouched', () => {
    const file = path.join(dir, 'future.sourcebench');
    Project.open(file, { corpusDir }).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fileHash(file);
    const listing = fs.readdirSync(dir).sort();
    expect(() => openProjectDatabase(file)).toThrow(ProjectFileError);
    expect(() => openProjectDatabase(file)).toThrow(
      `newer version of Sourcebench (project schema 99; this version reads up to ${migrations.length})`,
    );
    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('refuses a file that is not an SQLite database and leaves it untouched', () => {
    const file = path.join(dir, 'notes.sourcebench');
    fs.writeFileSync(file, 'Dear diary, today I read Volkogonov.\n'.repeat(100));
    const before = fileHash(file);
    expect(() => openProjectDatabase(file)).toThrow(/not a Sourcebench project \(not an SQLite database\)/);
    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['notes.sourcebench']);
  });

  it('refuses a project file cut short (an interrupted copy) and leaves it untouched', () => {
    const file = path.join(dir, 'copied.sourcebench');
    Project.open(file, { corpusDir }).close();
    const whole = fs.readFileSync(file);
    // What an interrupted copy leaves: the first part of the file, its header intact.
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = fileHash(file);
    expect(() => openProjectDatabase(file)).toThrow(ProjectFileError);
    expect(() => Project.open(file, { corpusDir })).toThrow(
      new RegExp(`copied\\.sourcebench is cut short: it holds ${Math.floor(whole.length / 2).toLocaleString('en-US')} bytes where its header says ${whole.length.toLocaleString('en-US')} .*Open a backup of it instead.*The file was left untouched\\.`),
    );
    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['copied.sourcebench']);
  });

  it("refuses another application's database", () => {
    const file = path.join(dir, 'zotero.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE items (id INTEGER PRIMARY KEY)');
    other.close();
    const before = fileHash(file);
    expect(() => openProjectDatabase(file)).toThrow(/another application/);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a migration list that is out of order', () => {
    const skipping = [migrations[0]!, { ...addNotes, version: 3 }];
    expect(() => openProjectDatabase(path.join(dir, 'x.sourcebench'), { migrations: skipping })).toThrow(
      /version 3, expected 2/,
    );
  });
});
