/**
 * The dates an account gives for its claim, read off its quote (the shared figures module), where
 * none of them falls within the claim's date: the timeline marks them beside the claim, so an
 * account that places the event elsewhere in time is seen at once ("November 1931" against a
 * claim of November 1932). Dates without a year ("24 October") cannot be placed and are left out.
 */
import type { HistoricalDate } from '../../../shared/claims';
import { findFigures, type Figure } from '../../../shared/figures';
import { daysInMonth } from '../../../shared/historical-date';
import type { AccountView } from './account-view';

export interface AccountDate {
  readonly accountId: string;
  /** The source, as the views name it. */
  readonly label: string;
  /** As the quote writes it. */
  readonly text: string;
  /** Earliest and latest day meant, ISO 8601 (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day one end of a figure's value means ("1932", "1930s", "1932-11", "1932-11-08"). */
function endDays(end: string): { first: string; last: string } | null {
  const decade = /^(\d{3})0s$/.exec(end);
  if (decade) return { first: `${decade[1]}0-01-01`, last: `${decade[1]}9-12-31` };
  if (/^\d{4}$/.test(end)) return { first: `${end}-01-01`, last: `${end}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(end);
  if (month) return { first: `${end}-01`, last: `${end}-${pad(daysInMonth(Number(month[1]), Number(month[2])))}` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(end)) return { first: end, last: end };
  return null;
}

/** The days a dated figure means; null for a number, or a date without its year. */
export function daysOf(figure: Figure): { from: string; to: string } | null {
  if (figure.kind === 'number') return null;
  const ends = figure.value.split('/').map(endDays);
  if (ends.some((end) => end === null)) return null;
  return { from: ends[0]!.first, to: ends[ends.length - 1]!.last };
}

/**
 * Per account, its dates when none of them meets the claim's date; accounts that agree on the
 * date, or give none, are left out. An undated claim has nothing to differ from.
 */
export function accountDatesDiffering(date: HistoricalDate | null, views: readonly AccountView[]): AccountDate[] {
  if (!date) return [];
  return views.flatMap((view) => {
    if (!view.annotation) return [];
    const dated = findFigures(view.annotation.quote.exact, view.document?.language).flatMap((figure) => {
      const days = daysOf(figure);
      return days ? [{ ...days, text: figure.text.replace(/\s+/g, ' ') }] : [];
    });
    if (dated.some((d) => d.from <= date.to && d.to >= date.from)) return [];
    return dated.map((d) => ({ accountId: view.account.id, label: view.label, ...d }));
  });
}
