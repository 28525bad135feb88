/**
 * A project grows for years, so the store's everyday queries must use its indexes: listing one
 * document's annotations (what a pane loads) reads that document's rows only, in order, without a
 * sort of its own; a tag's children and a tag's annotations are looked up, not scanned for. The
 * statements the repository really runs are recorded and SQLite's plan for each is read
 * (EXPLAIN QUERY PLAN).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { apiTable } from '../../../shared/api';
import { AnnotationRows } from '../../../electron/store/annotations';
import { openProjectDatabase } from '../../../electron/store/database';
import { corpusDir, tempDir } from '../../support/temp';

const CreateTag = apiTable.createTag.input;
const CreateAnnotation = apiTable.createAnnotation.input;
const { dir, cleanup } = tempDir('sourcebench-plans-');
const file = path.join(dir, 'plans.sourcebench');
let db: Database.Database;
let documentId: string;
let tagId: string;

beforeAll(() => {
  const project = Project.open(file, { corpusDir });
  const document = project.documents.list()[2]!;
  documentId = document.id;
  const tag = project.codebook.createTag(CreateTag.parse({ name: 'Terror', color: 'red' }));
  tagId = tag.id;
  project.codebook.createTag(CreateTag.parse({ name: 'Show trials', color: 'red', parentId: tag.id }));
  const text = project.documents.readingText(document.currentVersionId);
  const start = text.indexOf('Kirov');
  project.annotations.create(CreateAnnotation.parse({ versionId: document.currentVersionId, start, end: start + 5, tagIds: [tag.id] }));
  project.close();
  db = openProjectDatabase(file).db;
});

afterAll(() => {
  db.close();
  cleanup();
});

/** The plan of each statement `action` runs, with the arguments it ran with. */
function plansOf(action: (rows: AnnotationRows) => unknown): { sql: string; plan: string[] }[] {
  const ran: { sql: string; args: unknown[] }[] = [];
  const recording = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (sql: string) => {
        const statement = target.prepare(sql);
        for (const method of ['all', 'get', 'run', 'iterate'] as const) {
          const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
          (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
            ran.push({ sql, args });
            return original(...args);
          };
        }
        return statement;
      };
    },
  });
  action(new AnnotationRows(recording));
  expect(ran.length).toBeGreaterThan(0);
  return ran.map(({ sql, args }) => ({
    sql,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail),
  }));
}

/** A full scan of a table, by its name or an alias the statements give it (SCAN t, not SCAN t USING INDEX). */
const FULL_SCAN = (...names: string[]) => new RegExp(`^SCAN (${names.join('|')})$`);

describe('the store uses its indexes', () => {
  it("lists one document's annotations from that document's rows, in order, without a sort", () => {
    for (const { sql, plan } of plansOf((rows) => rows.list(documentId))) {
      for (const step of plan) {
        expect(step, sql).not.toMatch(FULL_SCAN('annotations', 'a'));
        expect(step, sql).not.toMatch(/USE TEMP B-TREE/);
      }
    }
  });

  it('lists every annotation document by document, each through the index', () => {
    for (const { sql, plan } of plansOf((rows) => rows.list())) {
      for (const step of plan) expect(step, sql).not.toMatch(FULL_SCAN('annotations', 'a'));
    }
  });

  it('re-anchoring reads a document through its index and writes each row by its rowid, not by a search', () => {
    const ran = plansOf((rows) => {
      const [anchor] = rows.anchorsOfDocument(documentId);
      expect(anchor).toBeDefined();
      // Row −1 does not exist: the statements run (and are planned) without changing the project.
      rows.moveAnchors(
        [
          { row: -1, id: anchor!.id, status: 'orphan', orphanReason: 'none' },
          { row: -1, id: anchor!.id, status: 'anchored', start: 0, end: 5, quote: anchor!.quote, position: { start: 0, end: 5 } },
        ],
        { versionId: anchor!.versionId, updatedAt: '2024-01-01T00:00:00.000Z' },
      );
    });
    for (const { sql, plan } of ran) {
      for (const step of plan) {
        expect(step, sql).not.toMatch(FULL_SCAN('annotations'));
        expect(step, sql).not.toMatch(/USE TEMP B-TREE/);
      }
    }
    const writes = ran.filter(({ sql }) => sql.trimStart().startsWith('UPDATE'));
    expect(writes).toHaveLength(2);
    for (const { sql, plan } of writes) expect(plan, sql).toEqual(['SEARCH annotations USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it("finds a tag's children and a tag's annotations by index", () => {
    for (const { sql, plan } of plansOf((rows) => [rows.childrenOf(tagId), rows.withTag(tagId)])) {
      for (const step of plan) {
        expect(step, sql).not.toMatch(FULL_SCAN('tags', 't'));
        expect(step, sql).not.toMatch(FULL_SCAN('annotation_tags', 't', 'x'));
        expect(step, sql).not.toMatch(FULL_SCAN('annotations', 'a'));
      }
    }
  });
});
