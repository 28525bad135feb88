/**
 * Differences in dates and numbers between the accounts of a claim (the shared figures module
 * compares their exact quotes), pointed out above the accounts, and where the differing figures
 * stand inside each quote so they can be marked there.
 */
import { compareFigures, findFigures, type Figure, type FigureKind } from '../../../shared/figures';
import type { AccountView } from './claim-facts';

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

/** What a figure tells at one kind's level, as compareFigures reports it in `values`. */
function valueAt(figure: Figure, kind: FigureKind): string | null {
  const ends = figure.value.split('/');
  switch (kind) {
    case 'number':
      return figure.kind === 'number' ? figure.value : null;
    case 'year': {
      if (figure.kind === 'number') return null;
      const years = [...new Set(ends.map((end) => (figure.kind === 'year' ? end : end.slice(0, 4))).filter((year) => /^\d{4}s?$/.test(year)))];
      return years.length > 0 ? years.join('/') : null;
    }
    case 'month': {
      if (figure.kind !== 'month' && figure.kind !== 'date') return null;
      return [...new Set(ends.map((end) => (end.startsWith('--') ? end.slice(0, 4) : end.slice(0, 7))))].join('/');
    }
    case 'date':
      return figure.kind === 'date' ? figure.value : null;
  }
}

/** The part of a figure to mark: for a year, only the year's digits ("1932" of "8-9 November 1932"). */
function markOf(figure: Figure, kind: FigureKind, value: string): FigureMark {
  if (kind === 'year') {
    const years = value.split('/').map((year) => year.replace(/s$/, ''));
    const spots = years.map((year) => figure.text.lastIndexOf(year)).filter((at) => at >= 0);
    if (spots.length === 1 && years.length === 1) {
      const at = spots[0]!;
      return { start: figure.start + at, end: figure.start + at + years[0]!.length };
    }
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
  const figures = new Map(accounts.map((account) => [account.id, findFigures(account.text, account.language)]));
  return differences.map((difference) => {
    const marks = new Map<string, FigureMark[]>();
    const given = Object.entries(difference.values);
    for (const [id, values] of given) {
      // A value differs when another account that gives this kind does not give it too.
      const differing = values.filter((value) => given.some(([other, theirs]) => other !== id && !theirs.includes(value)));
      const spots: FigureMark[] = [];
      for (const figure of figures.get(id) ?? []) {
        const value = valueAt(figure, difference.kind);
        if (value !== null && differing.includes(value)) spots.push(markOf(figure, difference.kind, value));
      }
      if (spots.length > 0) marks.set(id, spots);
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
