/**
 * The words every export prints for grades, stances, kinds of source and tags, taken from the
 * app's own wording so a printed note says what the screen said.
 */
import { CREDIBILITY_WORDING, SOURCE_RELIABILITY_WORDING, type SourceReliability } from '../../shared/annotations';
import { STANCES, type Stance } from '../../shared/claims';
import type { SourceKind } from '../../shared/domain';

export function reliabilityLabel(grade: SourceReliability | null): string {
  return grade ? `${grade} — ${SOURCE_RELIABILITY_WORDING[grade]}` : 'not graded';
}

export function credibilityLabel(grade: number | null): string {
  return grade === null ? 'not graded' : `${grade} — ${CREDIBILITY_WORDING[grade] ?? ''}`;
}

/** Symbol and word: the stance stays readable printed in black and white. */
export function stanceLabel(stance: Stance): string {
  return `${STANCES[stance].symbol} ${STANCES[stance].label}`;
}

export function kindLabel(kind: SourceKind): string {
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} source`;
}

/** A codebook path as the app shows it: "cause of death / suicide". */
export function tagPathLabel(path: readonly string[]): string {
  return path.join(' / ');
}
