/**
 * `sourcebench export` and `sourcebench backup`: a user's notes and project leave the workbench
 * from the command line, byte for byte the same for the same project, and a path that cannot be
 * written gets a clear message with nothing half-written left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnnotatedProject, RUSSIAN_QUOTE, type AnnotatedProject } from '../export/annotated-project';
import { runSourcebench } from '../../support/cli';

// Each run of the binary starts Node and compiles the TypeScript it runs (about 1.5 s, several on
// a busy machine); a test that runs it many times gets the time for that.
const SPAWNS_TIMEOUT = 120_000;
let fixture: AnnotatedProject;
let dir: string;

const sourcebench = (env: NodeJS.ProcessEnv, ...args: string[]) => runSourcebench(fixture.project.path, env, ...args);

beforeAll(async () => {
  fixture = await openAnnotatedProject();
  // The CLI opens the file itself, as it would beside a running workbench: release ours first.
  fixture.project.close();
  dir = path.dirname(fixture.project.path);
});
afterAll(() => fixture.close());

describe('sourcebench export', () => {
  it('writes each format, the same bytes for the same project and date', () => {
    const epoch = { SOURCE_DATE_EPOCH: '1740819600' };
    for (const format of ['md', 'html', 'csv']) {
      const first = path.join(dir, `notes-1.${format}`);
      const second = path.join(dir, `notes-2.${format}`);
      expect(sourcebench(epoch, 'export', '--format', format, '--out', first, '--group-by', 'tag').code).toBe(0);
      expect(sourcebench(epoch, 'export', '--format', format, '--out', second, '--group-by', 'tag').code).toBe(0);
      expect(fs.readFileSync(first)).toEqual(fs.readFileSync(second));
    }
    expect(fs.readFileSync(path.join(dir, 'notes-1.md'), 'utf8')).toContain('exported: 2025-03-01T09:00:00.000Z');
    const rows = parse(fs.readFileSync(path.join(dir, 'notes-1.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.Quote)).toContain(RUSSIAN_QUOTE);
  }, SPAWNS_TIMEOUT);

  it('refuses a path it cannot write, naming it, and leaves nothing behind', () => {
    const out = path.join(dir, 'no-such-folder', 'notes.md');
    const { code, stderr } = sourcebench({}, 'export', '--format', 'md', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot write ${out}`);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('names the formats it knows when given another', () => {
    const { code, stderr } = sourcebench({}, 'export', '--format', 'docx', '--out', path.join(dir, 'x.docx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sourcebench: Invalid --format "docx": allowed choices are md, html, csv, jsonld, qdpx\./);
  });
});

describe('sourcebench backup', () => {
  it('copies the project while another connection has it open, with every annotation', () => {
    const open = new Database(fixture.project.path);
    try {
      const out = path.join(dir, 'copy.sourcebench');
      const { code, stdout } = sourcebench({}, 'backup', '--out', out);
      expect(code).toBe(0);
      expect(stdout).toContain(out);
      const copy = new Database(out, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
        expect(count(copy)).toBe(count(open));
        expect(count(copy)).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    } finally {
      open.close();
    }
  });
});
