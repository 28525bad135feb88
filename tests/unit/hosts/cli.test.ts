/**
 * The `sourcebench` command works on a project file with the same handlers as the workbench,
 * prints JSON for scripts, and explains bad input instead of failing obscurely.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHash, repoRoot, tempDir } from '../../support/temp';

const bin = path.join(repoRoot, 'bin', 'sourcebench.js');
let dir: string;
let cleanup: () => void;
let project: string;

function sourcebench(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: path.join(dir, 'xdg') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  project = path.join(dir, 'cli.sourcebench');
});
afterAll(() => cleanup());

describe('the sourcebench command', () => {
  it('lists its commands in --help', () => {
    const { code, stdout } = sourcebench('--help');
    expect(code).toBe(0);
    for (const command of ['info', 'documents', 'read', 'text', 'locate', 'import', 'export', 'backup', 'methods', 'call', 'serve']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(stdout).toContain('--project <file>');
    expect(stdout).toContain('--json');
  });

  it('creates a project with the bundled sources and lists them as JSON', () => {
    const { code, stdout } = sourcebench('--project', project, '--json', 'documents');
    expect(code).toBe(0);
    const documents = JSON.parse(stdout) as { title: string; language: string }[];
    expect(documents.map((d) => d.language)).toEqual(['ru', 'en', 'en']);
    expect(documents[2]!.title).toMatch(/^Triumph and Tragedy/);
  });

  it('uses the XDG data folder when no project is given', () => {
    const { code, stdout } = sourcebench('--json', 'info');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      host: 'cli',
      projectPath: path.join(dir, 'xdg', 'sourcebench', 'default.sourcebench'),
    });
  });

  it('prints the reading text of a document', () => {
    const { code, stdout } = sourcebench('--project', project, 'read', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Вторая жена Сталина/);
  });

  it('calls any API method through the same validation', () => {
    const ok = sourcebench('--project', project, 'call', 'listDocuments');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(3);
    const bad = sourcebench('--project', project, 'call', 'getVersionContent', '{"versionId": 5}');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid input for getVersionContent: versionId: /);
    const notJson = sourcebench('--project', project, 'call', 'listDocuments', '{nope');
    expect(notJson.stderr).toMatch(/not valid JSON/);
  });

  it('refuses a project from a newer version with a clear message and leaves it untouched', () => {
    const future = path.join(dir, 'future.sourcebench');
    fs.copyFileSync(project, future);
    const db = new Database(future);
    db.pragma('user_version = 42');
    db.close();
    const before = fileHash(future);
    const { code, stderr } = sourcebench('--project', future, 'documents');
    expect(code).toBe(1);
    expect(stderr).toMatch(/newer version of Sourcebench/);
    expect(fileHash(future)).toBe(before);
  });

  it('prints the normalized text of a raw file with headings marked by level', () => {
    const { code, stdout } = sourcebench('text', path.join(repoRoot, 'corpus', '001_957ac4986f5e7508.txt'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Joseph Vissarionovich Stalin \(18 December 1878 – 5 March 1953\)/);
    expect(stdout).toContain('\n\n# Early life\n\n');
    expect(stdout).toContain('\n\n## Childhood: 1878–1899\n\n');
    expect(stdout).not.toMatch(/\[\d+\]/);
  });

  it('locates a character of that output in the raw file as line:column', () => {
    const file = path.join(repoRoot, 'corpus', '001_957ac4986f5e7508.txt');
    const printed = sourcebench('text', file).stdout;
    const offset = [...printed.slice(0, printed.indexOf('Childhood: 1878'))].length;
    const raw = fs.readFileSync(file, 'utf8').split('\n');
    const line = raw.findIndex((text) => text.startsWith('Childhood: 1878')) + 1;
    expect(sourcebench('locate', file, String(offset)).stdout).toBe(`${line}:1\n`);
    // Past the citation markers the columns still count the raw file's characters.
    const cited = [...printed.slice(0, printed.indexOf('was a Georgian-born'))].length;
    const column = [...raw[0]!.slice(0, raw[0]!.indexOf('was a Georgian-born'))].length + 1;
    expect(sourcebench('locate', file, String(cited)).stdout).toBe(`1:${column}\n`);
    const bad = sourcebench('locate', file, String(printed.length + 10));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/past the end/);
  });

  it('imports files and reports their detected encoding', () => {
    const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');
    const { code, stdout } = sourcebench(
      '--project', project, 'import', path.join(fixtures, 'ru-koi8-r.txt'), path.join(fixtures, 'stalin.md'), '--kind', 'secondary',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/ru-koi8-r\.txt: txt, koi8-r \(detected koi8-r\) → document /);
    expect(stdout).toMatch(/stalin\.md: md/);
    const documents = JSON.parse(sourcebench('--project', project, '--json', 'documents').stdout) as unknown[];
    expect(documents).toHaveLength(5);
  });

  it('imports the good files of a batch and names the bad ones', () => {
    const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');
    const before = (JSON.parse(sourcebench('--project', project, '--json', 'documents').stdout) as unknown[]).length;
    const result = sourcebench('--project', project, 'import', path.join(fixtures, 'scan.pdf'), path.join(fixtures, 'ru-account.docx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scan\.pdf: .*OCR/);
    expect(result.stdout).toMatch(/ru-account\.docx: docx/);
    expect(JSON.parse(sourcebench('--project', project, '--json', 'documents').stdout)).toHaveLength(before + 1);
  });

  it('with --json, prints each imported file as a JSON line with the new ids, and each failure as one on stderr', () => {
    const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');
    const result = sourcebench('--project', project, '--json', 'import', path.join(fixtures, 'ru-windows-1251.txt'), path.join(fixtures, 'scan.pdf'));
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        file: path.join(fixtures, 'ru-windows-1251.txt'),
        format: 'txt',
        encoding: 'windows-1251',
        detectedEncoding: 'windows-1251',
        documentId: expect.any(String),
        versionId: expect.any(String),
      },
    ]);
    const documents = JSON.parse(sourcebench('--project', project, '--json', 'documents').stdout) as { id: string }[];
    expect(documents.map((document) => document.id)).toContain(lines[0]!.documentId);
    // The file's refusal, then the batch's outcome.
    const failures = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { ok: boolean; error: { message: string; field?: string } });
    expect(failures).toEqual([
      { ok: false, error: expect.objectContaining({ field: path.join(fixtures, 'scan.pdf'), message: expect.stringContaining('OCR') }) },
      { ok: false, error: expect.objectContaining({ message: '1 of 2 file(s) not imported; the project is unchanged for those.' }) },
    ]);
  });

  it('rejects an unknown command, pointing to the help', () => {
    const { code, stderr } = sourcebench('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toBe('sourcebench: Unknown command "frobnicate". See: sourcebench --help\n');
  });
});
