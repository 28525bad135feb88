/**
 * Opens a project file: one SQLite database in WAL mode with foreign keys on, migrated forward
 * in a single transaction. A file is inspected read-only first, so a file that is not ours, or
 * that a newer Sourcebench wrote, is refused without a single byte of it changing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_MESSAGE, isBusyError } from '../../shared/errors';
import { assertMigrationOrder, migrations as defaultMigrations, type Migration } from './migrations';

/** "Srcb": marks a SQLite file as a Sourcebench project (PRAGMA application_id). */
const APPLICATION_ID = 0x53726362;

export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
}

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly path: string;
  /** The file did not exist (or was empty) before this call. */
  readonly created: boolean;
  readonly schemaVersion: number;
  /** Where the pre-migration copy was written, if a migration ran on an existing file. */
  readonly backupPath: string | null;
  /** A WAL with content lay beside the file when it was opened (a crash, or a copy taken while open). */
  readonly walAtOpen: boolean;
}

export interface OpenOptions {
  readonly migrations?: readonly Migration[];
  readonly now?: () => Date;
}

interface FileHeader {
  readonly userVersion: number;
  readonly applicationId: number;
  readonly objectCount: number;
}

export function openProjectDatabase(filePath: string, options: OpenOptions = {}): OpenedDatabase {
  const list = options.migrations ?? defaultMigrations;
  assertMigrationOrder(list);
  const latest = list.length;
  const absolute = path.resolve(filePath);
  const existed = fs.existsSync(absolute) && fs.statSync(absolute).size > 0;
  const walAtOpen = existed && (fs.statSync(`${absolute}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;

  let backupPath: string | null = null;
  if (existed) {
    const header = inspect(absolute);
    if (header.applicationId !== APPLICATION_ID && (header.applicationId !== 0 || header.objectCount > 0)) {
      throw new ProjectFileError(
        `${absolute} is an SQLite database of another application, not a Sourcebench project. It was left untouched.`,
      );
    }
    if (header.userVersion > latest) {
      throw new ProjectFileError(
        `${absolute} was written by a newer version of Sourcebench (project schema ${header.userVersion}; ` +
          `this version reads up to ${latest}). Update Sourcebench to open it. The file was left untouched.`,
      );
    }
    if (header.userVersion < latest && header.userVersion > 0) {
      backupPath = writeBackup(absolute, header.userVersion, (options.now ?? (() => new Date()))());
    }
  } else {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
  }

  const db = new Database(absolute);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a committed annotation must survive a power cut, not only a crash of the app.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list);
  } catch (error) {
    db.close();
    if (isBusyError(error)) throw new ProjectFileError(`${absolute}: ${BUSY_MESSAGE}`);
    throw error;
  }
  return { db, path: absolute, created: !existed, schemaVersion: latest, backupPath, walAtOpen };
}

/**
 * Closes a project. SQLite's last connection to close folds the WAL into the file; when a WAL
 * was already there and this session changed nothing (a refused import, a look at the texts),
 * that would rewrite the file's bytes though not a row changed. A read-only connection, which
 * can never fold the WAL in, then holds the file while the writer closes, and closes last.
 */
export function closeProjectDatabase(opened: OpenedDatabase): void {
  const { db } = opened;
  if (!db.open) return;
  const changedNothing =
    opened.walAtOpen &&
    !opened.created &&
    opened.backupPath === null &&
    Number(db.prepare('SELECT total_changes()').pluck().get()) === 0;
  if (!changedNothing) {
    db.close();
    return;
  }
  const reader = new Database(opened.path, { readonly: true, fileMustExist: true });
  try {
    // A read makes the reader hold its shared lock, which keeps the writer from checkpointing on close.
    reader.pragma('user_version', { simple: true });
    db.close();
  } finally {
    reader.close();
  }
}

/**
 * Reads the few header fields we decide on. Without a pending WAL they are read from the file's
 * first 100 bytes, because even a read-only SQLite connection creates -wal and -shm files beside
 * a WAL database, and a refused file must stay exactly as it was.
 */
function inspect(file: string): FileHeader {
  if (fs.existsSync(`${file}-wal`)) return inspectWithSqlite(file);
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw notADatabase(file);
  }
  checkComplete(file, header);
  return {
    userVersion: header.readUInt32BE(60),
    applicationId: header.readUInt32BE(68),
    // The schema cookie counts schema changes: zero means no table was ever created.
    objectCount: header.readUInt32BE(40),
  };
}

/**
 * Refuses a file shorter than its header says it is (an interrupted copy or download, a full
 * disk). SQLite would open it and fail only at the first read of a missing page, perhaps after
 * the user had started working; and writing to it could make the damage worse.
 */
function checkComplete(file: string, header: Buffer): void {
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  // The page count in the header is valid only when its "version valid for" matches the change counter.
  const pageCount = header.readUInt32BE(92) === header.readUInt32BE(24) ? header.readUInt32BE(28) : 0;
  const expected = pageSize * pageCount;
  const actual = fs.statSync(file).size;
  if (actual < expected) {
    throw new ProjectFileError(
      `${file} is cut short: it holds ${actual.toLocaleString('en-US')} bytes where its header says ${expected.toLocaleString('en-US')} ` +
        '(an interrupted copy or download, or a full disk). Open a backup of it instead (File → Back up project… keeps them in the Backups folder beside it). ' +
        'The file was left untouched.',
    );
  }
}

function notADatabase(file: string): ProjectFileError {
  return new ProjectFileError(`${file} is not a Sourcebench project (not an SQLite database). It was left untouched.`);
}

/** A crash left a WAL beside the file: only SQLite can tell what it holds. */
function inspectWithSqlite(file: string): FileHeader {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ProjectFileError(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    return {
      userVersion: Number(db.pragma('user_version', { simple: true })),
      applicationId: Number(db.pragma('application_id', { simple: true })),
      objectCount: Number((db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw notADatabase(file);
    }
    throw new ProjectFileError(`${file} cannot be read: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** A consistent copy beside the file, taken through SQLite so a pending WAL is included. */
function writeBackup(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parsed = path.parse(file);
  const target = path.join(parsed.dir, `${parsed.name}.backup-schema${fromVersion}-${stamp}${parsed.ext}`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  return target;
}

function migrate(db: Database.Database, list: readonly Migration[]): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = list.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  // One transaction: a failure half-way leaves the file exactly at its previous version.
  db.transaction(() => {
    for (const migration of pending) {
      try {
        migration.up(db);
      } catch (error) {
        throw new ProjectFileError(
          `Migration ${migration.version} ("${migration.name}") failed: ${(error as Error).message}`,
        );
      }
    }
    // sql-safe: PRAGMA takes no parameters; a constant and a count
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${list.length}`);
  }).immediate();
}
