/**
 * Dates and numbers as comparable keys, whatever the language and the way they are written:
 * "1 декабря 1934", "December 1, 1934", "1 December 1934" and "1.12.1934" all give the day key
 * 1934-12-01 (and the coarser 1934-12 and 1934, so that "в декабре 1934 года" still meets them);
 * "XVII" and "17th" give the number 17. Accounts that tell the same event rarely share their
 * words across languages, but they share these.
 */

export interface Mention {
  /** [start, end) of the expression in the text, UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'date' | 'number';
  /**
   * Day keys "1934-12-01", month keys "1934-12", year keys "1934", day-of-month keys "--12-01"
   * (a day without a year), decade keys "1920s"; numbers as "#17".
   */
  readonly keys: readonly string[];
}

// Month stems: English names (and the usual abbreviations) and Russian stems, which cover every
// case form ("декабря", "декабре", "декабрь"). The stem must begin the word.
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'январ'],
  ['february', 'feb', 'феврал'],
  ['march', 'mar', 'март'],
  ['april', 'apr', 'апрел'],
  ['may', 'ма[йяею]'],
  ['june', 'jun', 'июн'],
  ['july', 'jul', 'июл'],
  ['august', 'aug', 'август'],
  ['september', 'sept', 'sep', 'сентябр'],
  ['october', 'oct', 'октябр'],
  ['november', 'nov', 'ноябр'],
  ['december', 'dec', 'декабр'],
];
const MONTH_WORD = `(?:${MONTHS.flat().join('|')})[\\p{L}]*\\.?`;
const DAY = '(\\d{1,2})(?:\\s*[-–—]\\s*(\\d{1,2}))?';
const YEAR = '(\\d{4})';
// A year range written in full or by its last digits: 1932–1933, 1932-33.
const YEAR_RANGE = '(\\d{4})(?:\\s*[-–—]\\s*(\\d{4}|\\d{2})(?!\\d))?';
const MONTH_RANGE = `(${MONTH_WORD})(?:\\s*[-–—]\\s*(${MONTH_WORD}))?`;

/** Ordered from the most specific: a span taken by one pattern is not read again by a later one. */
const PATTERNS: readonly { readonly pattern: RegExp; readonly keys: (match: RegExpExecArray) => string[] | null }[] = [
  // 1 декабря 1934, 8-9 November 1932
  { pattern: new RegExp(`(?<!\\d)${DAY}\\s+(${MONTH_WORD})\\s+${YEAR}(?!\\d)`, 'giu'), keys: (m) => dayKeys(m[4]!, m[3]!, m[1]!, m[2]) },
  // December 1, 1934; December 1-2, 1934
  { pattern: new RegExp(`(${MONTH_WORD})\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'giu'), keys: (m) => dayKeys(m[4]!, m[1]!, m[2]!, m[3]) },
  // 1.12.1934, 01/12/1934 (day first, as in Russian and British use)
  { pattern: /(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.]\d)/g, keys: (m) => numericDayKeys(m[3]!, m[2]!, m[1]!) },
  // January-February 1934, в октябре 1932 года, November 1931
  { pattern: new RegExp(`${MONTH_RANGE}\\s+${YEAR}(?!\\d)`, 'giu'), keys: (m) => monthKeys(m[3]!, [m[1]!, m[2]]) },
  // 1 December, 15 August (no year): matched day against day
  { pattern: new RegExp(`(?<!\\d)${DAY}\\s+(${MONTH_WORD})(?![\\p{L}])`, 'giu'), keys: (m) => bareDayKeys(m[3]!, m[1]!, m[2]) },
  { pattern: new RegExp(`(${MONTH_WORD})\\s+${DAY}(?!\\d)(?!,?\\s*\\d{4})`, 'giu'), keys: (m) => bareDayKeys(m[1]!, m[2]!, m[3]) },
  // the 1920's, 1920s, 1920-х
  { pattern: /(?<!\d)(1\d{3})(?:'s|’s|s|-х|-e|-ые)(?![\p{L}\d])/gu, keys: (m) => (Number(m[1]) % 10 === 0 ? [`${m[1]}s`] : null) },
  // 1934, 1932–33, 1934 г., в 1932 году
  { pattern: new RegExp(`(?<![\\d.,])${YEAR_RANGE}(?![\\d]|[.,]\\d)`, 'gu'), keys: (m) => yearKeys(m[1]!, m[2]) },
];

const NUMBER = /(?<![\d.,\p{L}])(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th|-?(?:й|я|е|го|му|м|х|ми))?(?![\d\p{L}])/gu;
// Roman numerals of congresses, chapters, centuries: at least two letters, upper case.
const ROMAN = /(?<![\p{L}\d])([IVXLC]{2,})(?![\p{L}\d])/gu;

const MIN_YEAR = 1000;
const MAX_YEAR = 2100;

/** The date and number expressions of a text, in text order. */
export function mentionsOf(text: string): Mention[] {
  const mentions: Mention[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([from, to]) => end <= from || start >= to);
  for (const { pattern, keys } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].replace(/[\s.]+$/u, '').length;
      if (!free(start, end)) continue;
      const found = keys(match);
      if (!found || found.length === 0) continue;
      mentions.push({ start, end, kind: 'date', keys: found });
      taken.push([start, end]);
    }
  }
  for (const pattern of [NUMBER, ROMAN]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!free(start, end)) continue;
      const value = pattern === ROMAN ? romanValue(match[1]!) : Number(match[1]!.replaceAll(',', ''));
      if (value === null || !Number.isFinite(value)) continue;
      mentions.push({ start, end, kind: 'number', keys: [`#${value}`] });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((stems) => stems.some((stem) => new RegExp(`^${stem}`, 'u').test(lower)));
  // An abbreviation must be the whole word ("Mar" is March, "Marx" is not).
  if (index < 0) return null;
  const stems = MONTHS[index]!;
  const whole = stems.some((stem) => stem.length > 3 && new RegExp(`^${stem}`, 'u').test(lower)) || stems.includes(lower);
  return whole ? index + 1 : null;
}

const pad = (value: number) => String(value).padStart(2, '0');

function validYear(year: string): number | null {
  const value = Number(year);
  return value >= MIN_YEAR && value <= MAX_YEAR ? value : null;
}

function dayKeys(year: string, month: string, day: string, lastDay: string | undefined): string[] | null {
  const y = validYear(year);
  const m = monthNumber(month);
  if (y === null || m === null) return null;
  const days = dayRange(day, lastDay);
  if (!days) return null;
  return [...days.map((d) => `${y}-${pad(m)}-${pad(d)}`), `${y}-${pad(m)}`, `${y}`];
}

function numericDayKeys(year: string, month: string, day: string): string[] | null {
  const y = validYear(year);
  const m = Number(month);
  const d = Number(day);
  if (y === null || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return [`${y}-${pad(m)}-${pad(d)}`, `${y}-${pad(m)}`, `${y}`];
}

function monthKeys(year: string, months: (string | undefined)[]): string[] | null {
  const y = validYear(year);
  const numbers = months.filter((month): month is string => month !== undefined).map(monthNumber);
  if (y === null || numbers.some((m) => m === null)) return null;
  return [...(numbers as number[]).map((m) => `${y}-${pad(m)}`), `${y}`];
}

function bareDayKeys(month: string, day: string, lastDay: string | undefined): string[] | null {
  const m = monthNumber(month);
  const days = dayRange(day, lastDay);
  if (m === null || !days) return null;
  return days.map((d) => `--${pad(m)}-${pad(d)}`);
}

function dayRange(day: string, lastDay: string | undefined): number[] | null {
  const first = Number(day);
  const last = lastDay === undefined ? first : Number(lastDay);
  if (first < 1 || last > 31 || last < first || last - first > 6) return null;
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function yearKeys(year: string, until: string | undefined): string[] | null {
  const from = validYear(year);
  if (from === null) return null;
  if (until === undefined) return [`${from}`];
  const to = until.length === 2 ? Math.floor(from / 100) * 100 + Number(until) : Number(until);
  if (to <= from || to - from > 10) return [`${from}`];
  return Array.from({ length: to - from + 1 }, (_, index) => `${from + index}`);
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(numeral: string): number | null {
  let value = 0;
  for (let index = 0; index < numeral.length; index++) {
    const digit = ROMAN_DIGITS[numeral[index]!]!;
    const next = ROMAN_DIGITS[numeral[index + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  }
  // Only a numeral written the canonical way: "XVII" yes, "IIV" or "CLI" in a name (rare) no.
  return toRoman(value) === numeral ? value : null;
}

function toRoman(value: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let numeral = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      numeral += letters;
      rest -= amount;
    }
  }
  return numeral;
}
