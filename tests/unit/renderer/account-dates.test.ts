/**
 * The dates an account gives that lie outside its claim's date, for the timeline: Wikipedia's
 * "November 1931" against a claim of November 1932 is marked; Volkogonov's "8-9 November 1932"
 * is not, nor an account without dates, nor "the 15th October anniversary".
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import type { HistoricalDate, Stance } from '../../../shared/claims';
import { accountDatesDiffering } from '../../../renderer/src/claims/account-dates';
import type { AccountView } from '../../../renderer/src/claims/account-view';

const NOVEMBER_1932: HistoricalDate = { text: 'November 1932', from: '1932-11-01', to: '1932-11-30', precision: 'month', circa: false };

function view(id: string, label: string, exact: string, stance: Stance = 'supports'): AccountView {
  const annotation = { id: `a-${id}`, quote: { exact, prefix: '', suffix: '' } } as unknown as Annotation;
  return { account: { id, annotationId: annotation.id, stance, note: '' } as AccountView['account'], annotation, document: null, label, title: label };
}

describe('accountDatesDiffering', () => {
  const wikipedia = view('w', 'Joseph Stalin', 'In November 1931, after a group dinner in the Kremlin, Nadya shot herself.[344]', 'qualifies');
  const volkogonov = view('v', 'Triumph and Tragedy', 'In the night of 8-9 November 1932 she ended her life, after a party on the 15th October anniversary');
  const russian = view('r', 'Russian account', 'Она вышла и в ту же ночь покончила с собой.');

  it('marks the date of an account that places the event elsewhere in time', () => {
    expect(accountDatesDiffering(NOVEMBER_1932, [russian, wikipedia, volkogonov])).toEqual([
      { accountId: 'w', label: 'Joseph Stalin', text: 'November 1931', from: '1931-11-01', to: '1931-11-30' },
    ]);
  });

  it('reads years, spans and decades as the days they mean', () => {
    const dates = accountDatesDiffering(NOVEMBER_1932, [view('x', 'X', 'in 1929, in 1930–31 and in the 1920s; on 24 October')]);
    expect(dates.map((d) => [d.from, d.to])).toEqual([
      ['1929-01-01', '1929-12-31'],
      ['1930-01-01', '1931-12-31'],
      ['1920-01-01', '1929-12-31'],
    ]);
  });

  it('has nothing to mark for an undated claim, or an account whose date meets the claim’s', () => {
    expect(accountDatesDiffering(null, [wikipedia])).toEqual([]);
    expect(accountDatesDiffering(NOVEMBER_1932, [view('y', 'Y', 'in 1931 or perhaps in 1932')])).toEqual([]);
  });
});
