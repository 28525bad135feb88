/**
 * Things every format states in words: which filter made the export, and the answers of a
 * source's assessment that were given.
 */
import type { SourceAssessment } from '../../shared/annotations';
import { displayTitle } from '../../shared/domain';
import { tagPathLabel } from './labels';
import type { ExportSnapshot } from './model';

/** The filter as a reader of the file understands it (titles and tag paths, not ids); empty when nothing was filtered. */
export function filterSummary(snapshot: ExportSnapshot): [string, string | string[]][] {
  const { filter } = snapshot;
  const summary: [string, string | string[]][] = [];
  if (filter.documentIds?.length) summary.push(['documents', snapshot.documents.map(displayTitle)]);
  if (filter.tagIds?.length) {
    const chosen = snapshot.tags.filter((tag) => filter.tagIds!.includes(tag.id));
    summary.push(['tags (with sub-tags)', chosen.map((tag) => tagPathLabel(tag.path))]);
  }
  if (filter.colors?.length) summary.push(['colours', [...filter.colors]]);
  if (filter.credibility?.length) summary.push(['credibility', filter.credibility.map((grade) => (grade === null ? 'not graded' : String(grade)))]);
  if (filter.text?.trim()) summary.push(['text contains', filter.text.trim()]);
  if (filter.includeOrphans) summary.push(['orphans', 'included']);
  return summary;
}

const QUESTIONS: [keyof SourceAssessment, string][] = [
  ['authorship', 'Authorship'],
  ['dateOfWriting', 'Date of writing'],
  ['placeOfWriting', 'Place of writing'],
  ['proximity', 'Proximity to the events'],
  ['tendency', 'Tendency'],
  ['provenance', 'Provenance'],
];

/** The questions of source criticism that have an answer, with it. */
export function assessmentQuestions(assessment: SourceAssessment): [string, string][] {
  return QUESTIONS.flatMap(([key, label]) => {
    const answer = String(assessment[key] ?? '').trim();
    return answer ? [[label, answer] as [string, string]] : [];
  });
}
