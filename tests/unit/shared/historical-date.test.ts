/**
 * Dates as historians type them for a claim, in English and Russian: kept as typed, with the
 * earliest and latest day meant, so claims sort and sit on a timeline.
 */
import { describe, expect, it } from 'vitest';
import { HistoricalDate, compareClaims } from '../../../shared/claims';
import {
  MONTH_SPELLINGS,
  daysInMonth,
  isLeapYear,
  monthName,
  monthNumber,
  parseHistoricalDate,
} from '../../../shared/historical-date';

/** from, to, precision, circa — the parts that are not simply the typed text. */
function read(text: string): [string, string, string, boolean] {
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error}`);
  // Whatever is read must satisfy the schema claims are stored with.
  expect(HistoricalDate.parse(result.date)).toEqual(result.date);
  expect(result.date.text).toBe(text.trim());
  return [result.date.from, result.date.to, result.date.precision, result.date.circa];
}

function refusal(text: string): string {
  const result = parseHistoricalDate(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.date)}`);
  return result.error;
}

const HOW_TO = '"8 November 1932", "November 1932", "1932", "1932–33" or "c. 1932"';

describe('parseHistoricalDate: exact days', () => {
  it.each([
    '8 November 1932',
    'November 8, 1932',
    'November 8 1932',
    'Nov 8, 1932',
    '8 Nov 1932',
    '8 Nov. 1932',
    '8th November 1932',
    'November 8th, 1932',
    '8 of November 1932',
    '1932-11-08',
    '08.11.1932',
    '8.11.1932',
    '8 ноября 1932',
    '8 ноября 1932 г.',
    '8 ноября 1932 года',
    '8 ноября 1932г.',
    '8 нояб. 1932',
    'on 8 November 1932',
    'NOVEMBER 8, 1932',
  ])('reads "%s" as 8 November 1932', (text) => {
    expect(read(text)).toEqual(['1932-11-08', '1932-11-08', 'day', false]);
  });

  it('keeps the text as typed, only trimmed', () => {
    const result = parseHistoricalDate('  8 ноября 1932 г.  ');
    expect(result.ok && result.date.text).toBe('8 ноября 1932 г.');
  });

  it('knows leap years, including the Gregorian century rule', () => {
    expect(read('29 February 1932')).toEqual(['1932-02-29', '1932-02-29', 'day', false]);
    expect(read('29 February 2000')[0]).toBe('2000-02-29');
    expect(refusal('29 February 1900')).toBe('Cannot read "29 February 1900": February 1900 has no day 29, it has 28 days.');
    expect(refusal('29 February 1933')).toMatch(/February 1933 has no day 29/);
  });

  it('reads days at the edges of months and years', () => {
    expect(read('1 января 1932')).toEqual(['1932-01-01', '1932-01-01', 'day', false]);
    expect(read('31 December 1932')).toEqual(['1932-12-31', '1932-12-31', 'day', false]);
    expect(read('30 апреля 1932')[0]).toBe('1932-04-30');
  });
});

describe('parseHistoricalDate: spans of days', () => {
  it.each([
    ['8–9 November 1932', '1932-11-08', '1932-11-09'],
    ['8-9 November 1932', '1932-11-08', '1932-11-09'],
    ['8 - 9 November 1932', '1932-11-08', '1932-11-09'],
    ['8—9 November 1932', '1932-11-08', '1932-11-09'],
    ['8/9 November 1932', '1932-11-08', '1932-11-09'],
    ['8–9 ноября 1932 г.', '1932-11-08', '1932-11-09'],
    ['in the night of 8-9 November 1932', '1932-11-08', '1932-11-09'],
    ['в ночь на 9 ноября 1932', '1932-11-08', '1932-11-09'],
    ['в ночь на 9 ноября 1932 года', '1932-11-08', '1932-11-09'],
    ['в ночь с 8 на 9 ноября 1932 г.', '1932-11-08', '1932-11-09'],
    ['8 November – 2 December 1932', '1932-11-08', '1932-12-02'],
    ['30 ноября - 1 декабря 1932', '1932-11-30', '1932-12-01'],
    ['November 8 – December 2, 1932', '1932-11-08', '1932-12-02'],
    ['May 15–17, 1932', '1932-05-15', '1932-05-17'],
    ['15 to 17 May 1932', '1932-05-15', '1932-05-17'],
    ['28 December 1932 – 3 January 1933', '1932-12-28', '1933-01-03'],
    ['1932-11-08 – 1932-12-02', '1932-11-08', '1932-12-02'],
  ])('reads "%s" as %s to %s', (text, from, to) => {
    expect(read(text)).toEqual([from, to, 'span', false]);
  });

  it('reaches back across a month and a year for the night before the 1st', () => {
    expect(read('в ночь на 1 марта 1932')).toEqual(['1932-02-29', '1932-03-01', 'span', false]);
    expect(read('в ночь на 1 января 1933')).toEqual(['1932-12-31', '1933-01-01', 'span', false]);
  });

  it('checks each end of a span against its month', () => {
    expect(refusal('30-31 November 1932')).toBe('Cannot read "30-31 November 1932": November 1932 has no day 31, it has 30 days.');
  });
});

describe('parseHistoricalDate: months', () => {
  it.each(['November 1932', 'Nov. 1932', 'Nov 1932', 'november 1932', 'ноябрь 1932', 'Ноябрь 1932 г.', 'в ноябре 1932 года', 'ноября 1932', 'нояб. 1932', 'in November 1932', 'November, 1932'])(
    'reads "%s" as November 1932',
    (text) => {
      expect(read(text)).toEqual(['1932-11-01', '1932-11-30', 'month', false]);
    },
  );

  it('ends February on the 29th in leap years only', () => {
    expect(read('February 1932')).toEqual(['1932-02-01', '1932-02-29', 'month', false]);
    expect(read('февраль 1933')).toEqual(['1933-02-01', '1933-02-28', 'month', false]);
  });

  it.each([
    ['October–November 1932', '1932-10-01', '1932-11-30'],
    ['октябрь-ноябрь 1932 г.', '1932-10-01', '1932-11-30'],
    ['from October to November 1932', '1932-10-01', '1932-11-30'],
    ['October 1932 – March 1933', '1932-10-01', '1933-03-31'],
  ])('reads the span of months "%s"', (text, from, to) => {
    expect(read(text)).toEqual([from, to, 'span', false]);
  });

  it('reads every month name in English and Russian', () => {
    const english = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const genitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    const prepositional = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
    const nominative = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
    for (const names of [english, genitive, prepositional, nominative]) {
      expect(names.map((name) => monthNumber(name))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
    expect(['Jan.', 'Feb', 'Sept.', 'Sep', 'сент.', 'фев', 'февр.', 'авг.'].map((w) => monthNumber(w))).toEqual([1, 2, 9, 9, 9, 2, 2, 8]);
    expect(monthNumber('Mayday')).toBeUndefined();
    expect(monthNumber('1932')).toBeUndefined();
    expect(english.map((_, i) => monthName(i + 1))).toEqual(english);
    expect(() => monthName(13)).toThrow(RangeError);
  });

  it('lists spellings longest first, abbreviations marked, so a regex prefers "sept" to "sep"', () => {
    const words = MONTH_SPELLINGS.map((s) => s.word);
    expect(words.indexOf('sept')).toBeLessThan(words.indexOf('sep'));
    expect(MONTH_SPELLINGS.find((s) => s.word === 'nov')).toEqual({ word: 'nov', month: 11, abbreviation: true });
    expect(MONTH_SPELLINGS.find((s) => s.word === 'may')).toEqual({ word: 'may', month: 5, abbreviation: false });
    expect(MONTH_SPELLINGS.find((s) => s.word === 'ноября')?.abbreviation).toBe(false);
  });
});

describe('parseHistoricalDate: years, decades and spans of years', () => {
  it.each(['1932', '1932 г.', '1932 г', '1932 год', '1932 года', 'в 1932 году', 'in 1932', '1932.', 'AD 1932', '1932 AD', '1932 н. э.'])('reads "%s" as the year 1932', (text) => {
    expect(read(text)).toEqual(['1932-01-01', '1932-12-31', 'year', false]);
  });

  it('reads three-digit years, and short years only with an era', () => {
    expect(read('988')).toEqual(['0988-01-01', '0988-12-31', 'year', false]);
    expect(read('AD 33')).toEqual(['0033-01-01', '0033-12-31', 'year', false]);
    expect(read('1 AD')[0]).toBe('0001-01-01');
    expect(read('9999')[1]).toBe('9999-12-31');
  });

  it.each(['1930s', "1930's", '1930’s', 'the 1930s', '1930-е', '1930–е', '1930-е годы', 'в 1930-х годах', '1930-х гг.'])('reads "%s" as a decade', (text) => {
    expect(read(text)).toEqual(['1930-01-01', '1939-12-31', 'decade', false]);
  });

  it.each([
    ['1932–33', '1932', '1933'],
    ['1932-33', '1932', '1933'],
    ['1932—33', '1932', '1933'],
    ['1932–1933', '1932', '1933'],
    ['1932 – 1933', '1932', '1933'],
    ['1932-33 гг.', '1932', '1933'],
    ['в 1932–1933 годах', '1932', '1933'],
    ['1936 to 1938', '1936', '1938'],
    ['from 1936 to 1938', '1936', '1938'],
    ['between 1936 and 1938', '1936', '1938'],
    ['1936 until 1938', '1936', '1938'],
    ['с 1936 по 1938 год', '1936', '1938'],
    ['с 1936 по 1938 гг.', '1936', '1938'],
    ['между 1936 и 1938', '1936', '1938'],
    ['1936 по 1938', '1936', '1938'],
    ['1909-12', '1909', '1912'],
    ['1898–1902', '1898', '1902'],
    ['1930s–1940s', '1930', '1949'],
  ])('reads "%s" as %s to %s', (text, from, to) => {
    expect(read(text)).toEqual([`${from}-01-01`, `${to}-12-31`, 'span', false]);
  });
});

describe('parseHistoricalDate: approximate dates', () => {
  it.each(['c. 1932', 'c.1932', 'c 1932', 'c1932', 'ca. 1932', 'ca 1932', 'circa 1932', 'Circa 1932', 'about 1932', 'around 1932', 'approx. 1932', 'ок. 1932', 'около 1932', 'примерно 1932', '~1932', '~ 1932', '1932?', '1932 (?)'])(
    'reads "%s" as 1932, circa, with from/to as written',
    (text) => {
      expect(read(text)).toEqual(['1932-01-01', '1932-12-31', 'year', true]);
    },
  );

  it('keeps the precision of what is approximate', () => {
    expect(read('c. 8 November 1932')).toEqual(['1932-11-08', '1932-11-08', 'day', true]);
    expect(read('около ноября 1932 г.')).toEqual(['1932-11-01', '1932-11-30', 'month', true]);
    expect(read('about 1932–33')).toEqual(['1932-01-01', '1933-12-31', 'span', true]);
    expect(read('c. 1930s')).toEqual(['1930-01-01', '1939-12-31', 'decade', true]);
    expect(read('около 1930-х')).toEqual(['1930-01-01', '1939-12-31', 'decade', true]);
  });

  it('does not widen circa dates, so "c. 1932" sorts with 1932 and not before 1931', () => {
    const claim = (text: string) => {
      const result = parseHistoricalDate(text);
      if (!result.ok) throw new Error(result.error);
      return { date: result.date, wording: text };
    };
    const sorted = [claim('1933'), claim('c. 1932'), claim('1931')].sort(compareClaims).map((c) => c.wording);
    expect(sorted).toEqual(['1931', 'c. 1932', '1933']);
  });

  it('does not take words that merely start like "c" for circa', () => {
    expect(refusal('christmas 1932')).toBe(`Cannot read "christmas 1932" as a date: write it as ${HOW_TO}.`);
  });
});

describe('parseHistoricalDate: refusals', () => {
  it('answers what it cannot read with one sentence quoting the text and showing the forms', () => {
    for (const text of ['Nov 32', 'hello', 'November', '12345', '10000', '8.11.32', '1932-1933-1934', '8 November 1932 - 1 December', 'spring 1932', '32']) {
      expect(refusal(text)).toBe(`Cannot read "${text}" as a date: write it as ${HOW_TO}.`);
    }
  });

  it('asks for the year when only it is missing', () => {
    expect(refusal('8 November')).toBe('Cannot read "8 November" as a date without a year: add the year, e.g. "8 November 1932" or "November 1932".');
    expect(refusal('8 ноября')).toMatch(/without a year/);
  });

  it('asks for a date when nothing was typed', () => {
    expect(refusal('')).toBe(`Write a date, e.g. ${HOW_TO}.`);
    expect(refusal('   ')).toBe(`Write a date, e.g. ${HOW_TO}.`);
  });

  it('refuses days a month does not have', () => {
    expect(refusal('31 February 1932')).toBe('Cannot read "31 February 1932": February 1932 has no day 31, it has 29 days.');
    expect(refusal('31 апреля 1932')).toMatch(/April 1932 has no day 31, it has 30 days\.$/);
    expect(refusal('31.04.1932')).toMatch(/April 1932 has no day 31/);
    expect(refusal('0 November 1932')).toMatch(/November 1932 has no day 0/);
  });

  it('refuses months outside 1–12', () => {
    expect(refusal('08.13.1932')).toBe('Cannot read "08.13.1932": there is no month 13; months run from 1 to 12, e.g. "08.11.1932".');
    expect(refusal('1932-13-01')).toMatch(/there is no month 13/);
    expect(refusal('1932-00-01')).toMatch(/there is no month 0/);
  });

  it('refuses years outside 1–9999', () => {
    expect(refusal('0000')).toBe('Cannot read "0000": years run from 1 to 9999, e.g. "1932".');
    expect(refusal('0 AD')).toMatch(/years run from 1 to 9999/);
    expect(refusal('в ночь на 1 января 0001')).toMatch(/years run from 1 to 9999/);
  });

  it('refuses spans that end before they start', () => {
    const error = refusal('1938–1936');
    expect(error).toBe(
      'Cannot read "1938–1936": the span ends before it starts; write the earlier date first, with its own year if it differs, e.g. "28 December 1932 – 3 January 1933".',
    );
    expect(refusal('9–8 November 1932')).toMatch(/ends before it starts/);
    expect(refusal('December–November 1932')).toMatch(/ends before it starts/);
    // The start borrows the end's year, so a span across New Year needs both years.
    expect(refusal('28 December – 3 January 1933')).toMatch(/ends before it starts/);
  });

  it('asks for the full end year when a short one would run backwards', () => {
    // "1932-11" may also be an ISO month; the answer says how to write either.
    expect(refusal('1998–03')).toBe('Cannot read "1998–03": write a month as "November 1932", and a span with its end year in full, e.g. "1898–1902".');
    expect(refusal('1932-11')).toBe('Cannot read "1932-11": write a month as "November 1932", and a span with its end year in full, e.g. "1898–1902".');
    expect(refusal('1932–31')).toMatch(/the span ends before it starts/);
  });

  it.each(['44 BC', '44 B.C.', '44 BCE', '44 bc', '-44', '−44', 'c. -500', '44 до н. э.', '44 до н.э.', '44 до нашей эры'])(
    'refuses the year before the common era "%s" clearly',
    (text) => {
      expect(refusal(text)).toBe(
        `Cannot read "${text}": dates before the common era (BC) are not supported; write a year from 1 to 9999, e.g. "1932".`,
      );
    },
  );

  it('never throws, whatever is typed', () => {
    for (const text of ['-', '–', '~', 'c.', 'около', 'в ночь на', 'from to', '1932 to', 'to 1932', '////', '8--9 November 1932', '\u0000', 'Nov. Nov. 1932']) {
      expect(() => parseHistoricalDate(text)).not.toThrow();
      expect(parseHistoricalDate(text).ok).toBe(false);
    }
  });
});

describe('calendar helpers', () => {
  it('counts days in months with leap years', () => {
    expect([isLeapYear(1900), isLeapYear(1932), isLeapYear(1933), isLeapYear(2000)]).toEqual([false, true, false, true]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(1932, m))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(1933, 2)).toBe(28);
  });
});
