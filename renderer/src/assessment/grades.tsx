/** How grades are shown: always a letter or number with its words, never colour alone. */
import { CREDIBILITY_WORDING, SOURCE_RELIABILITY_WORDING, type SourceReliability } from '../../../shared/annotations';

export const GRADES = Object.keys(SOURCE_RELIABILITY_WORDING) as SourceReliability[];
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

export function gradeWording(grade: SourceReliability | null | undefined): string {
  return grade ? `Source reliability ${grade}: ${SOURCE_RELIABILITY_WORDING[grade]}` : 'Source reliability not graded yet';
}

export function credibilityWording(credibility: number | null | undefined): string {
  return credibility
    ? `Credibility ${credibility}: ${CREDIBILITY_WORDING[credibility] ?? ''}`
    : 'Credibility of the information not rated';
}

/** What a card's letter and number mean together, for its tooltip: "F 3" alone says nothing to a newcomer. */
export function gradesExplained(grade: SourceReliability | null | undefined, credibility: number | null | undefined): string {
  const source = grade ? `Source graded ${grade}: ${SOURCE_RELIABILITY_WORDING[grade].toLowerCase()}` : 'Source not graded yet';
  const information = credibility
    ? `Information rated ${credibility}: ${(CREDIBILITY_WORDING[credibility] ?? '').toLowerCase()}`
    : 'Credibility of the information not rated';
  return `${source}\n${information}`;
}

/** `title` false: a tooltip around the badge explains it. */
export function GradeBadge({ grade, title = true }: { grade: SourceReliability | null | undefined; title?: boolean }) {
  return (
    <span className={`grade-badge grade-${grade ?? 'none'}`} title={title ? gradeWording(grade) : undefined} aria-label={gradeWording(grade)}>
      {grade ?? '–'}
    </span>
  );
}

export function CredibilityBadge({ credibility, title = true }: { credibility: number | null | undefined; title?: boolean }) {
  return (
    <span
      className={`credibility-badge credibility-${credibility ?? 'none'}`}
      title={title ? credibilityWording(credibility) : undefined}
      aria-label={credibilityWording(credibility)}
    >
      {credibility ?? '–'}
    </span>
  );
}
