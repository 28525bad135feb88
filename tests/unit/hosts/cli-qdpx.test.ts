/**
 * `sourcebench export --format qdpx` and `sourcebench import FILE.qdpx`: a project's highlights
 * travel through a REFI-QDA file into another project from the command line, and the same
 * project and date give the same archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { openAnnotatedProject, RUSSIAN_QUOTE, type AnnotatedProject } from '../export/annotated-project';
import { runSourcebench } from '../../support/cli';
import { corpusDir } from '../../support/temp';

const epoch = { SOURCE_DATE_EPOCH: '1740819600' };
// Each run of the binary starts Node and compiles the TypeScript it runs (about 1.5 s, several on
// a busy machine); a test that runs it many times gets the time for that.
const SPAWNS_TIMEOUT = 120_000;
let fixture: AnnotatedProject;
let dir: string;

const sourcebench = (projectFile: string, ...args: string[]) => runSourcebench(projectFile, epoch, ...args);

beforeAll(async () => {
  fixture = await openAnnotatedProject();
  // The CLI opens the file itself: release ours first.
  fixture.project.close();
  dir = path.dirname(fixture.project.path);
});
afterAll(() => fixture.close());

describe('sourcebench export --format qdpx, then import', () => {
  it('carries the highlights into another project', () => {
    const first = path.join(dir, 'stalin-1.qdpx');
    const second = path.join(dir, 'stalin-2.qdpx');
    expect(sourcebench(fixture.project.path, 'export', '--format', 'qdpx', '--out', first).code).toBe(0);
    expect(sourcebench(fixture.project.path, 'export', '--format', 'qdpx', '--out', second).code).toBe(0);
    expect(fs.readFileSync(first).equals(fs.readFileSync(second))).toBe(true);

    const other = path.join(dir, 'other.sourcebench');
    const imported = sourcebench(other, 'import', first);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`imported ${first}: qdpx, 5 annotations, 3 tags, 3 notes, 0 claims, 1 new documents`);
    expect(imported.stdout).toMatch(/skipped: 3 links between items/);

    const project = Project.open(other, { corpusDir });
    try {
      const quotes = project.annotations.list().map((annotation) => annotation.quote.exact);
      expect(quotes).toHaveLength(5);
      expect(quotes).toContain(RUSSIAN_QUOTE);
      expect(project.codebook.tags().map((tag) => tag.name).sort()).toEqual(['<img src=x onerror=alert(1)>', 'cause of death', 'suicide']);
    } finally {
      project.close();
    }
  }, SPAWNS_TIMEOUT);

  it('reports a file it refuses, and leaves the project unchanged', () => {
    const bad = path.join(dir, 'bad.qdpx');
    fs.writeFileSync(bad, 'not a zip');
    const other = path.join(dir, 'untouched.sourcebench');
    const { code, stderr } = sourcebench(other, 'import', bad);
    expect(code).toBe(1);
    expect(stderr).toContain('The file is not a .qdpx project: it is not a zip archive. Nothing was imported.');
    const project = Project.open(other, { corpusDir });
    try {
      expect(project.annotations.list()).toEqual([]);
      expect(project.documents.list()).toHaveLength(3);
    } finally {
      project.close();
    }
  });
});
