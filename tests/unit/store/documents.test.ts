/**
 * The document repository locates a passage for a citation: line and column in the raw file, and
 * the printed page and chapter by the rule in shared/text (the CLI's `locate` uses the same).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { corpusDir, tempDir } from '../../support/temp';

let project: Project;
let cleanup: () => void;

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
});
afterEach(() => {
  project.close();
  cleanup();
});

describe('locating a passage of the Volkogonov biography', () => {
  it('gives the page printed before it, its chapter, and where it stands in the raw file', () => {
    const volkogonov = project.documents.list()[2]!;
    const versionId = volkogonov.currentVersionId;
    const text = project.documents.readingText(versionId);
    const offset = text.indexOf('And Stalin\'s "insertions" were as follows:');
    const location = project.documents.locate(versionId, offset);
    expect(location).toMatchObject({ textOffset: offset, page: '143', chapter: 'Chapter V. In the Toga of a Leader', inTextLayer: false });
    const raw = project.documents.rawText(versionId);
    expect(raw.slice(location.rawOffset).startsWith('And Stalin')).toBe(true);
    expect(raw.split('\n')[location.line - 1]!.slice(location.column - 1).startsWith('And Stalin')).toBe(true);
  });

  it('refuses an offset past the end, and a version or document that does not exist, naming the field', () => {
    const volkogonov = project.documents.list()[2]!;
    const length = project.documents.readingText(volkogonov.currentVersionId).length;
    expect(() => project.documents.locate(volkogonov.currentVersionId, length + 1)).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'offset' }));
    expect(() => project.documents.locate('no-such-version', 0)).toThrow(expect.objectContaining({ code: 'not_found', field: 'versionId' }));
    expect(() => project.documents.checkDocument('no-such-document', 'versionOf')).toThrow(
      expect.objectContaining({ code: 'not_found', field: 'versionOf' }),
    );
    expect(() => project.documents.checkDocument(volkogonov.id)).not.toThrow();
  });
});
