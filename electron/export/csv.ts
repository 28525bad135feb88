/**
 * One row per annotation, for spreadsheets and statistics: RFC 4180 (CRLF, quoted where needed)
 * in UTF-8 with a byte order mark, without which Excel reads Cyrillic as mojibake. Text that a
 * spreadsheet would run as a formula is neutralised, as OWASP recommends against CSV injection.
 */
import { stringify } from 'csv-stringify/sync';
import { displayTitle } from '../../shared/domain';
import { indexSnapshot } from './grouping';
import { tagPathLabel } from './labels';
import type { ExportAnnotation, ExportSnapshot } from './model';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe: shown as text, and visibly changed rather than silently.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const COLUMNS = [
  'Document',
  'Author',
  'Title',
  'Chapter',
  'Section',
  'Near page',
  'Raw line',
  'Quote',
  'Before',
  'After',
  'Tags',
  'Colour',
  'Credibility',
  'Source reliability',
  'Note',
  'Claims',
  'Status',
  'Created',
  'Updated',
  'ID',
] as const;

export function exportCsv(snapshot: ExportSnapshot): string {
  const index = indexSnapshot(snapshot);
  const row = (annotation: ExportAnnotation): string[] => {
    const document = index.document(annotation.documentId);
    const location = annotation.location;
    return [
      String(document.position),
      document.author ?? '',
      displayTitle(document),
      location?.chapter ?? '',
      location?.section ?? '',
      location?.page ?? '',
      location ? String(location.line) : '',
      annotation.quote.exact,
      annotation.quote.prefix,
      annotation.quote.suffix,
      index
        .tagsOf(annotation)
        .map((tag) => tagPathLabel(tag.path))
        .join('; '),
      annotation.color,
      annotation.credibility === null ? '' : String(annotation.credibility),
      document.assessment.reliability ?? '',
      annotation.noteText,
      annotation.claims.map((account) => `${account.wording} (${account.stance}${account.note ? `: ${account.note}` : ''})`).join('; '),
      annotation.status,
      annotation.createdAt,
      annotation.updatedAt,
      annotation.id,
    ].map(neutraliseFormula);
  };
  return stringify([[...COLUMNS], ...snapshot.annotations.map(row)], { bom: true, record_delimiter: 'windows' });
}
