/**
 * Differences in dates and numbers between the accounts of a claim (the shared figures module
 * compares their exact quotes), pointed out above the accounts, and where the differing figures
 * stand inside each quote so they can be marked there.
 */
import { compareFigures, type Figure, type FigureKind } from '../../../shared/figures';
import type { AccountView } from './account-view';

export interface FigureMark {
  readonly start: number;
  readonly end: number;
}

export interface QuoteDifference {
  readonly kind: FigureKind;
  /** In words: "Dates differ — year: 1931 (Joseph Stalin) vs 1932 (Triumph and Tragedy)". */
  readonly summary: string;
  /** Where the differing figures stand in each account's quote (its exact text), by account id. */
  readonly marks: ReadonlyMap<string, readonly FigureMark[]>;
}

/** The part of a figure to mark: for a year, only the year's digits ("1932" of "8-9 November 1932"). */
function markOf(figure: Figure, kind: FigureKind): FigureMark {
  if (kind === 'year') {
    const years = [...new Set(figure.value.split('/').map((end) => (figure.kind === 'year' ? end : end.slice(0, 4)).replace(/s$/, '')))];
    const at = years.length === 1 ? figure.text.lastIndexOf(years[0]!) : -1;
    if (at >= 0) return { start: figure.start + at, end: figure.start + at + years[0]!.length };
  }
  return { start: figure.start, end: figure.end };
}

const LEAD: Record<FigureKind, string> = { year: 'Dates differ', month: 'Dates differ', date: 'Dates differ', number: 'Numbers differ' };

export function figureDifferences(views: readonly AccountView[]): QuoteDifference[] {
  const accounts = views.flatMap((view) =>
    view.annotation
      ? [{ id: view.account.id, label: view.label, text: view.annotation.quote.exact, language: view.document?.language }]
      : [],
  );
  if (accounts.length < 2) return [];
  const differences = compareFigures(accounts);
  if (differences.length === 0) return [];
  return differences.map((difference) => {
    const marks = new Map<string, FigureMark[]>();
    for (const [id, figures] of Object.entries(difference.differing)) {
      marks.set(id, figures.map((figure) => markOf(figure, difference.kind)));
    }
    return { kind: difference.kind, summary: `${LEAD[difference.kind]} — ${difference.summary}`, marks };
  });
}

/** Every differing figure in one account's quote, merged and in order. */
export function marksFor(differences: readonly QuoteDifference[], accountId: string): FigureMark[] {
  const all = differences.flatMap((difference) => [...(difference.marks.get(accountId) ?? [])]).sort((a, b) => a.start - b.start);
  const merged: FigureMark[] = [];
  for (const mark of all) {
    const last = merged[merged.length - 1];
    if (last && mark.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, mark.end) };
    else merged.push(mark);
  }
  return merged;
}
