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

export function GradeBadge({ grade }: { grade: SourceReliability | null | undefined }) {
  return (
    <span className={`grade-badge grade-${grade ?? 'none'}`} title={gradeWording(grade)} aria-label={gradeWording(grade)}>
      {grade ?? '–'}
    </span>
  );
}

export function CredibilityBadge({ credibility }: { credibility: number | null | undefined }) {
  return (
    <span
      className={`credibility-badge credibility-${credibility ?? 'none'}`}
      title={credibilityWording(credibility)}
      aria-label={credibilityWording(credibility)}
    >
      {credibility ?? '–'}
    </span>
  );
}
