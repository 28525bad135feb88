/**
 * Dates as historians write them, in English and Russian: "8 November 1932", "8 ноября 1932 г.",
 * "November 1932", "1932–33", "the 1930s", "c. 1932". The typed text is kept as written; `from`
 * and `to` are the earliest and latest day it can mean, so claims sort and sit on a timeline.
 *
 * Approximate dates ("c. 1932", "около 1932") keep `from`/`to` exactly as written and only set
 * `circa`. Widening them by a fixed margin would invent a precision the historian did not give
 * (how far "c. 1932" reaches depends on the period and the source, not on a rule), would make
 * "c. 1932" sort before "1931" in `compareClaims`, and could not be undone when the claim is
 * shown again. A timeline draws `circa` dates with soft edges instead.
 *
 * Days are read in the proleptic Gregorian calendar and not converted: "25 октября 1917" (Old
 * Style) stays 1917-10-25, as written. Dates before the common era are refused, not guessed.
 *
 * Pure: no DOM, no Node APIs (runs in the renderer and in Node).
 */
import type { DatePrecision, HistoricalDate } from './claims';

export type ParseHistoricalDateResult = { ok: true; date: HistoricalDate } | { ok: false; error: string };

// ————— month names —————

const ENGLISH_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const DISPLAY_MONTHS = ENGLISH_MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** Every spelling read as a month, lowercase and without a final dot. */
const MONTH_WORDS = new Map<string, number>();
ENGLISH_MONTHS.forEach((name, i) => MONTH_WORDS.set(name, i + 1));
for (const [abbr, month] of [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
] as const) MONTH_WORDS.set(abbr, month);
// Russian: nominative ("ноябрь 1932"), genitive ("8 ноября"), prepositional ("в ноябре") and
// the usual abbreviations. March and August take -а/-е on a stem that is itself the nominative.
const RUSSIAN_STEMS: readonly (readonly [string, readonly string[]])[] = [
  ['январ', ['ь', 'я', 'е']], ['феврал', ['ь', 'я', 'е']], ['март', ['', 'а', 'е']],
  ['апрел', ['ь', 'я', 'е']], ['ма', ['й', 'я', 'е']], ['июн', ['ь', 'я', 'е']],
  ['июл', ['ь', 'я', 'е']], ['август', ['', 'а', 'е']], ['сентябр', ['ь', 'я', 'е']],
  ['октябр', ['ь', 'я', 'е']], ['ноябр', ['ь', 'я', 'е']], ['декабр', ['ь', 'я', 'е']],
];
RUSSIAN_STEMS.forEach(([stem, endings], i) => endings.forEach((e) => MONTH_WORDS.set(stem + e, i + 1)));
for (const [abbr, month] of [
  ['янв', 1], ['фев', 2], ['февр', 2], ['мар', 3], ['апр', 4], ['авг', 8],
  ['сен', 9], ['сент', 9], ['окт', 10], ['ноя', 11], ['нояб', 11], ['дек', 12],
] as const) MONTH_WORDS.set(abbr, month);

/**
 * The month (1–12) a word names, in English or Russian, any case, with or without a final dot
 * ("Nov.", "ноября", "в ноябре" → "ноябре"); undefined when it names none. Shared with the
 * figure finder so both read the same spellings.
 */
export function monthNumber(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ''));
}

const FULL_NAMES = new Set<string>([...ENGLISH_MONTHS, ...RUSSIAN_STEMS.flatMap(([stem, endings]) => endings.map((e) => stem + e))]);

/**
 * Every spelling `monthNumber` reads, lowercase and without a dot, longest first (so a regex
 * alternation built from it prefers "sept" to "sep"). Abbreviations may be written with a dot.
 */
export const MONTH_SPELLINGS: readonly { readonly word: string; readonly month: number; readonly abbreviation: boolean }[] = [
  ...MONTH_WORDS,
]
  .map(([word, month]) => ({ word, month, abbreviation: !FULL_NAMES.has(word) }))
  .sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word));

/** English display name of a month 1–12 ("November"). */
export function monthName(month: number): string {
  const name = DISPLAY_MONTHS[month - 1];
  if (!name) throw new RangeError(`No month ${month}`);
  return name;
}

// ————— calendar arithmetic (integers only: Date cannot hold years below 100 reliably) —————

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ————— parsing —————

/** A date or one end of a span, as far as it was written. */
interface Point {
  y?: number;
  m?: number;
  d?: number;
  decade?: boolean;
  /** A bare one- or two-digit number: a day ("8–9 November") or a short year ("1932–33"). */
  digits?: string;
  /** The end of "May 15–17, 1932": a day and year that borrow the month of the start. */
  needsMonth?: boolean;
}

type PointResult = Point | { error: string } | null;

const isError = (r: PointResult): r is { error: string } => r !== null && 'error' in r;

const ORDINAL = '(?:st|nd|rd|th)?';
const MONTH_WORD = '(\\p{L}+\\.?)';

function hint(typed: string): string {
  return `Cannot read "${typed}" as a date: write it as "8 November 1932", "November 1932", "1932", "1932–33" or "c. 1932".`;
}

/**
 * Reads a date as a historian writes it. Never throws: on failure `error` is one sentence for
 * the user that quotes what they typed and shows how to write it.
 */
export function parseHistoricalDate(text: string): ParseHistoricalDateResult {
  const typed = text.trim();
  if (typed === '') {
    return { ok: false, error: 'Write a date, e.g. "8 November 1932", "November 1932", "1932", "1932–33" or "c. 1932".' };
  }
  const fail = (error: string): ParseHistoricalDateResult => ({ ok: false, error });

  let s = typed
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ');

  // Before-the-common-era dates would need a year 0 convention and astronomical numbering that
  // ISO strings here do not carry; refusing is better than silently reading "44 BC" as 44.
  const beforeCommonEra = /(?<!\p{L})(?:b\.? ?c\.?(?: ?e\.?)?|before christ|до (?:нашей эры|н\. ?э\.?|р\. ?х\.?))(?!\p{L})/u;
  if (beforeCommonEra.test(s) || /^(?:c\.|ca\.|~|около|ок\.)?\s*-\s*\d/u.test(s)) {
    return fail(
      `Cannot read "${typed}": dates before the common era (BC) are not supported; write a year from 1 to 9999, e.g. "1932".`,
    );
  }

  let circa = false;
  // A bare "c" or "ca" needs a space or digit after it, so "christmas" is not read as circa.
  const circaPrefix =
    /^(?:(?:circa|cca\.?|ca\.|c\.|approximately|approx\.?|about|around|roughly|около|ок\.|примерно|приблизительно)\s*|(?:ca|c|ок)\s+|c(?=\d)|~\s*)/u;
  if (circaPrefix.test(s)) {
    circa = true;
    s = s.replace(circaPrefix, '');
  }
  if (/\s*(?:\(\?\)|\?)$/.test(s)) {
    circa = true;
    s = s.replace(/\s*(?:\(\?\)|\?)$/, '');
  }

  // An explicit era lets short years through ("AD 33"); without one, "Nov 32" is too ambiguous.
  let eraGiven = false;
  const era = /(?<!\p{L})(?:a\. ?d\.|ad|c\. ?e\.|ce|н\. ?э\.?|нашей эры)(?!\p{L})/gu;
  if (era.test(s)) {
    eraGiven = true;
    s = s.replace(era, ' ');
  }
  s = s
    // Russian year words carry no meaning beyond "this number is a year".
    .replace(/(?<=\d|\s|^)(?:гг?\.?|год(?:а|у|ы|ов|ах)?)(?=\s|$|-|,)/gu, ' ')
    .replace(/(\d{3,4}0)(?:'s|s|-(?:е|х|ые|ых))(?!\p{L})/gu, '$1s')
    .replace(/\s+/g, ' ')
    .replace(/[\s,]+$/u, '')
    .replace(/(?<=\d)\.$/u, '')
    .trim();
  // An abbreviated month keeps its dot ("nov."); after any other word a final dot is punctuation.
  s = s.replace(/(?<!\p{L})(\p{L}+)\.$/u, (whole, word: string) => (monthNumber(word) ? whole : word)).trim();

  const YEAR = eraGiven ? '(\\d{1,4})' : '(\\d{3,4})';

  const checkYear = (y: number): string | null =>
    y >= 1 && y <= 9999 ? null : `Cannot read "${typed}": years run from 1 to 9999, e.g. "1932".`;

  const checkDay = (p: Point): string | null => {
    if (p.m !== undefined && (p.m < 1 || p.m > 12)) {
      return `Cannot read "${typed}": there is no month ${p.m}; months run from 1 to 12, e.g. "08.11.1932".`;
    }
    if (p.d !== undefined && p.m !== undefined) {
      const max = p.y !== undefined ? daysInMonth(p.y, p.m) : p.m === 2 ? 29 : daysInMonth(2001, p.m);
      if (p.d < 1 || p.d > max) {
        const where = p.y !== undefined ? `${monthName(p.m)} ${p.y}` : monthName(p.m);
        return `Cannot read "${typed}": ${where} has no day ${p.d}, it has ${max} days.`;
      }
    }
    return p.y !== undefined ? checkYear(p.y) : null;
  };

  const parsePoint = (part: string): PointResult => {
    const p = part.trim();
    let m: RegExpExecArray | null;
    const month = (word: string | undefined): number | undefined => (word === undefined ? undefined : monthNumber(word));
    const done = (point: Point): PointResult => {
      const error = checkDay(point);
      return error ? { error } : point;
    };
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(p))) return done({ y: +m[1]!, m: +m[2]!, d: +m[3]! });
    if ((m = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}$`, 'u').exec(p))) return done({ y: +m[3]!, m: +m[2]!, d: +m[1]! });
    if ((m = new RegExp(`^(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH_WORD},?\\s*${YEAR}$`, 'u').exec(p)) && month(m[2])) {
      return done({ y: +m[3]!, m: month(m[2])!, d: +m[1]! });
    }
    if ((m = new RegExp(`^${MONTH_WORD}\\s*(\\d{1,2})${ORDINAL}(?:,\\s*|\\s+)${YEAR}$`, 'u').exec(p)) && month(m[1])) {
      return done({ y: +m[3]!, m: month(m[1])!, d: +m[2]! });
    }
    if ((m = new RegExp(`^${MONTH_WORD},?\\s*${YEAR}$`, 'u').exec(p)) && month(m[1])) return done({ y: +m[2]!, m: month(m[1])! });
    if ((m = new RegExp(`^${YEAR}$`, 'u').exec(p)) && (eraGiven || m[1]!.length >= 3)) return done({ y: +m[1]! });
    if ((m = /^(\d{3,4})s$/.exec(p)) && m[1]!.endsWith('0')) return done({ y: +m[1]!, decade: true });
    // Partial forms: only ever one end of a span, which lends them its month and year.
    if ((m = new RegExp(`^(\\d{1,2})${ORDINAL}(?:,\\s*|\\s+)${YEAR}$`, 'u').exec(p))) {
      return { y: +m[2]!, d: +m[1]!, needsMonth: true };
    }
    if ((m = /^(\d{1,2})$/.exec(p))) return { digits: m[1]! };
    if ((m = new RegExp(`^(\\d{1,2})${ORDINAL}$`, 'u').exec(p))) return { d: +m[1]! };
    if ((m = new RegExp(`^(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH_WORD}$`, 'u').exec(p)) && month(m[2])) {
      return { m: month(m[2])!, d: +m[1]! };
    }
    if ((m = new RegExp(`^${MONTH_WORD}\\s*(\\d{1,2})${ORDINAL}$`, 'u').exec(p)) && month(m[1])) return { m: month(m[1])!, d: +m[2]! };
    if ((m = new RegExp(`^${MONTH_WORD}$`, 'u').exec(p)) && month(m[1])) return { m: month(m[1])! };
    return null;
  };

  const complete = (p: Point): p is Point & { y: number } => p.y !== undefined;
  const start = (p: Point & { y: number }): string =>
    isoDate(p.y, p.m ?? 1, p.d ?? 1);
  const end = (p: Point & { y: number }): string => {
    if (p.decade) return isoDate(Math.min(p.y + 9, 9999), 12, 31);
    const m = p.m ?? 12;
    return isoDate(p.y, m, p.d ?? daysInMonth(p.y, m));
  };
  const precisionOf = (p: Point): DatePrecision => (p.decade ? 'decade' : p.d !== undefined ? 'day' : p.m !== undefined ? 'month' : 'year');
  const ok = (from: string, to: string, precision: DatePrecision): ParseHistoricalDateResult => ({
    ok: true,
    date: { text: typed, from, to, precision, circa },
  });

  /** The start of a span borrows what it leaves out from the end: "8–9 November 1932". */
  const span = (leftText: string, rightText: string): ParseHistoricalDateResult | null => {
    const left = parsePoint(leftText);
    const right = parsePoint(rightText);
    if (isError(left)) return fail(left.error);
    if (isError(right)) return fail(right.error);
    if (!left || !right || left.needsMonth) return null;
    let end_: Point = right;
    if (right.digits !== undefined) {
      // "1932–33": a two-digit end takes the century of the start.
      if (!complete(left) || left.m !== undefined || left.decade || right.digits.length !== 2) return null;
      end_ = { y: Math.floor(left.y / 100) * 100 + Number(right.digits) };
      // "1998–03" crosses a century and "1932-11" may be meant as ISO for November: both need rewriting.
      if (end_.y! < left.y && Number(right.digits) <= 12) {
        return fail(`Cannot read "${typed}": write a month as "November 1932", and a span with its end year in full, e.g. "1898–1902".`);
      }
    }
    if (!complete(end_)) return null;
    let to: Point & { y: number } = end_;
    if (to.needsMonth) {
      if (left.m === undefined || left.d === undefined || left.y !== undefined) return null;
      to = { y: to.y, m: left.m, d: to.d };
    }
    let from: Point & { y: number };
    if (left.digits !== undefined || (left.d !== undefined && left.m === undefined && left.y === undefined)) {
      if (to.d === undefined) return null;
      from = { y: to.y, m: to.m, d: left.d ?? Number(left.digits) };
    } else if (!complete(left)) {
      if (left.d !== undefined && to.d === undefined && to.m === undefined) return null;
      if (left.d === undefined && to.m === undefined) return null;
      from = { ...left, y: to.y };
    } else {
      from = left;
    }
    const error = checkDay(from) ?? checkDay(to);
    if (error) return fail(error);
    const fromIso = start(from);
    const toIso = end(to);
    if (toIso < fromIso) {
      return fail(
        `Cannot read "${typed}": the span ends before it starts; write the earlier date first, ` +
          `with its own year if it differs, e.g. "28 December 1932 – 3 January 1933".`,
      );
    }
    return ok(fromIso, toIso, 'span');
  };

  // "в ночь на 9 ноября" is the night before the 9th: it reaches back into the 8th.
  let m: RegExpExecArray | null;
  if ((m = /^(?:в )?ночь с (.+?) на (.+)$/u.exec(s))) return span(m[1]!, m[2]!) ?? fail(hint(typed));
  if ((m = /^(?:в )?ночь на (.+)$/u.exec(s))) {
    const p = parsePoint(m[1]!);
    if (isError(p)) return fail(p.error);
    if (!p || !complete(p) || p.d === undefined) return fail(hint(typed));
    const before =
      p.d > 1
        ? { y: p.y, m: p.m!, d: p.d - 1 }
        : p.m! > 1
          ? { y: p.y, m: p.m! - 1, d: daysInMonth(p.y, p.m! - 1) }
          : { y: p.y - 1, m: 12, d: 31 };
    if (before.y < 1) return fail(checkYear(0)!);
    return ok(isoDate(before.y, before.m, before.d), start(p), 'span');
  }
  s = s.replace(/^(?:(?:in|on) )?(?:the )?night of /u, '');

  if ((m = /^(?:from|between) (.+?) (?:to|and|until|till|through|thru) (.+)$/u.exec(s))) return span(m[1]!, m[2]!) ?? fail(hint(typed));
  if ((m = /^(?:с|со|между) (.+?) (?:по|до|и) (.+)$/u.exec(s))) return span(m[1]!, m[2]!) ?? fail(hint(typed));
  s = s.replace(/^(?:(?:in|on|during|the|в|во) )+/u, '');

  const point = parsePoint(s);
  if (isError(point)) return fail(point.error);
  if (point && complete(point) && !point.needsMonth) return ok(start(point), end(point), precisionOf(point));

  const separator = /\s*(?:-|\/)\s*|\s+(?:to|until|till|through|thru|по|до)\s+/gu;
  let firstError: ParseHistoricalDateResult | null = null;
  for (const sep of s.matchAll(separator)) {
    const result = span(s.slice(0, sep.index), s.slice(sep.index + sep[0].length));
    if (result?.ok) return result;
    firstError ??= result;
  }
  if (firstError) return firstError;
  // A day-and-month that could be a date lacks only its year; "Nov 32" is too ambiguous for that hint.
  if (point && !isError(point) && !complete(point) && point.m !== undefined && point.d !== undefined && !checkDay(point)) {
    return fail(`Cannot read "${typed}" as a date without a year: add the year, e.g. "8 November 1932" or "November 1932".`);
  }
  return fail(hint(typed));
}
