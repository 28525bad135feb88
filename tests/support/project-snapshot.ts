/**
 * What "the project is unchanged" means in the tests that try to break it: every row of every
 * table of the project file, read by a connection of its own, hashed per table. Rows are sorted,
 * since some tables have no rowid to order by; each value keeps its type (a blob, a number and a
 * string of the same digits hash apart).
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export function tableHashes(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      names.map((name) => {
        const rows = (db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][]).map((row) =>
          JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? { blob: value.toString('base64') } : value)),
        );
        const hash = createHash('sha256');
        for (const row of rows.sort()) hash.update(`${row}\n`);
        return [name, hash.digest('hex')];
      }),
    );
  } finally {
    db.close();
  }
}

/** One hash for the whole project. */
export function projectHash(file: string): string {
  return createHash('sha256').update(JSON.stringify(tableHashes(file))).digest('hex');
}
