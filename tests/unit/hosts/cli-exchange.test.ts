/**
 * `sourcebench export --format jsonld` then `sourcebench import FILE.jsonld` into another
 * project: the annotations travel between projects from the command line, run in-process with
 * the same program the `sourcebench` binary runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../electron/hosts/cli/cli';
import { openAnnotatedProject, type AnnotatedProject } from '../export/annotated-project';

let fixture: AnnotatedProject;
let dir: string;

async function sourcebench(...args: string[]): Promise<string> {
  let printed = '';
  await buildProgram((text) => (printed += text))
    .exitOverride()
    .parseAsync(args, { from: 'user' });
  return printed;
}

const annotationIds = (file: string) =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { first: { items: { id: string }[] } }).first.items.map((item) => item.id);

beforeAll(async () => {
  fixture = await openAnnotatedProject();
  // The CLI opens the project file itself: release the fixture's connection first.
  fixture.project.close();
  dir = path.dirname(fixture.project.path);
});
afterAll(() => fixture.close());

describe('sourcebench export --format jsonld, then import', () => {
  it('carries the annotations into another project, and adds nothing the second time', async () => {
    const exported = path.join(dir, 'notes.jsonld');
    expect(await sourcebench('--project', fixture.project.path, 'export', '--format', 'jsonld', '--out', exported)).toBe(
      `5 annotations written to ${exported}\n`,
    );

    const other = path.join(dir, 'other.sourcebench');
    const first = await sourcebench('--project', other, 'import', exported);
    expect(first).toMatch(/^imported .*notes\.jsonld: jsonld, 3 annotations, 3 tags, 2 notes, 1 claims, 0 new documents\n/);
    expect(first.match(/\n {2}skipped: .*is not a version of any document in this project/g)).toHaveLength(2);
    expect(await sourcebench('--project', other, 'import', exported)).toMatch(/: jsonld, 0 annotations, 0 tags, 0 notes, 0 claims/);

    const again = path.join(dir, 'again.jsonld');
    await sourcebench('--project', other, 'export', '--format', 'jsonld', '--out', again);
    expect(annotationIds(again)).toEqual(annotationIds(exported).slice(0, 3));
  });

  it('refuses a file that is not JSON, naming it, and changes nothing', async () => {
    const broken = path.join(dir, 'broken.jsonld');
    fs.writeFileSync(broken, '{"type": "AnnotationCollection",');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(sourcebench('--project', path.join(dir, 'other.sourcebench'), 'import', broken)).rejects.toThrow(/1 of 1 file\(s\) not imported/);
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('broken.jsonld is not JSON');
    } finally {
      stderr.mockRestore();
    }
  });
});
