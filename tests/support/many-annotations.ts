/**
 * Projects with tens of thousands of highlights, for the tests and the bench of re-anchoring at
 * scale: annotations written straight through the store rows in one transaction (going through
 * the service would log an undoable change per highlight), and new versions made from a text.
 */
import { randomUUID } from 'node:crypto';
import type { Annotation } from '../../shared/annotations';
import { CodePointIndex, describeRange } from '../../shared/anchoring';
import { normalize, NORMALIZER } from '../../shared/text/normalize';
import { AnnotationRows } from '../../electron/store/annotations';
import { openProjectDatabase } from '../../electron/store/database';
import type { NewVersion } from '../../electron/store/documents';

const STAMP = '2024-01-01T00:00:00.000Z';

/**
 * Highlights of text[start, end) on a version, as a user would have made them: every tenth with
 * a tag (when one is given), every twentieth with a note.
 */
export function annotationsOn(
  target: { documentId: string; versionId: string; text: string },
  ranges: readonly { start: number; end: number }[],
  tagId?: string,
): Annotation[] {
  const codePoints = new CodePointIndex(target.text);
  return ranges.map(({ start, end }, index): Annotation => {
    const note = index % 20 === 0 ? { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Note ${index}` }] }] } : null;
    return {
      id: randomUUID(),
      documentId: target.documentId,
      versionId: target.versionId,
      status: 'anchored',
      start,
      end,
      quote: describeRange(target.text, start, end).quote,
      position: { start: codePoints.toCodePoint(start), end: codePoints.toCodePoint(end) },
      color: (['yellow', 'green', 'blue'] as const)[index % 3]!,
      tagIds: tagId !== undefined && index % 10 === 0 ? [tagId] : [],
      note,
      noteText: note ? `Note ${index}` : '',
      credibility: null,
      orphanReason: null,
      createdAt: STAMP,
      updatedAt: STAMP,
    };
  });
}

/** Writes the annotations into the project file in one transaction, on a connection of its own. */
export function storeAnnotations(projectPath: string, annotations: readonly Annotation[]): void {
  const { db } = openProjectDatabase(projectPath);
  try {
    const rows = new AnnotationRows(db);
    db.transaction(() => annotations.forEach((annotation) => rows.put(annotation)))();
  } finally {
    db.close();
  }
}

/** A new version made from a plain text, as the import of a .txt file stores it. */
export function textVersion(text: string, fileName = 'revised.txt'): NewVersion {
  return {
    fileName,
    format: 'txt',
    encoding: 'utf-8',
    raw: Buffer.from(text, 'utf8'),
    rawText: text,
    normalizer: NORMALIZER,
    normalized: normalize(text, { layout: 'line-per-block' }),
  };
}
