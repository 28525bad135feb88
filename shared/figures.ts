/**
 * Figures in a passage — years, dates, months and other numbers — and where accounts of one claim
 * disagree about them, so the compare view can point at "1931" in one account and "1932" in
 * another. Heuristic by design: it reads dates as historians print them in English and Russian,
 * and says plainly what it compared, so a historian can check every difference it reports.
 *
 * Pure: no DOM, no Node APIs (runs in the renderer and in Node).
 */
import { MONTH_SPELLINGS, daysInMonth, monthName } from './historical-date';

export type FigureKind = 'year' | 'date' | 'month' | 'number';

/**
 * One figure as found. `value` is normalized so that different spellings of one figure compare
 * equal; a span keeps both ends joined by "/" (ISO 8601 interval style):
 * - year: "1932"; a span of years "1932/1933" ("1932–33"); a decade "1930s" ("1930-е")
 * - month: "1932-11"; a span of months "1932-10/1932-11" ("October–November 1932")
 * - date: "1932-11-08"; a span of days "1932-11-08/1932-11-09" ("8-9 November 1932");
 *   without a year (ISO 8601 "--MM-DD"): "--10-24" ("24 October")
 * - number: digits with "." for decimals, scale words applied ("4.3 billion" → "4300000000"),
 *   "%" kept ("15%"), a range "8/9" ("8-9" with no month after it)
 */
export interface Figure {
  kind: FigureKind;
  value: string;
  /** As found in the text. */
  text: string;
  /** UTF-16 offsets into the given text; `end` is exclusive. */
  start: number;
  end: number;
}

// ————— patterns —————

const capitalized = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English month names only count capitalized ("May", "March"; "may", "march" are other words);
 * Russian ones also in lowercase, as Russian writes them ("8 ноября").
 */
const MONTH_ALTERNATIVES = MONTH_SPELLINGS.flatMap(({ word, abbreviation }) => {
  const forms = /[a-z]/.test(word) ? [capitalized(word), word.toUpperCase()] : [word, capitalized(word), word.toUpperCase()];
  return forms.map((f) => escape(f) + (abbreviation ? '\\.?' : ''));
}).join('|');

const MONTH_BY_FORM = new Map<string, number>();
for (const { word, month } of MONTH_SPELLINGS) MONTH_BY_FORM.set(word, month);
const monthOf = (form: string): number => MONTH_BY_FORM.get(form.toLowerCase().replace(/\.$/, ''))!;

const WS = '[\\s\\u00A0]+';
const DASH = '\\s*[-\\u2010-\\u2015\\u2212]\\s*';
const MONTH = `(?<!\\p{L})(${MONTH_ALTERNATIVES})(?!\\p{L})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])';
const YEAR4 = '(\\d{4})(?!\\p{N})';
const OF = `(?:${WS}of)?`;

const SCALES: readonly [RegExp, number][] = [
  [/^(?:thousand|тыс\.?|тысяч[аи]?)$/i, 3],
  [/^(?:million|млн\.?|миллион(?:а|ов)?)$/i, 6],
  [/^(?:billion|млрд\.?|миллиард(?:а|ов)?)$/i, 9],
  [/^trillion$/i, 12],
];
const SCALE = '(?:thousand|million|billion|trillion|тыс\\.?|тысяч[аи]?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?)';
const PERCENT = '(?:\\s?%|[\\s\\u00A0]+(?:per\\s?cent|percent|процент(?:а|ов)?))';

/**
 * Wikipedia citation markers ("[343]", "[343]:45", "[note 3]") and page references ("p. 143",
 * "pp. 143–145", "с. 143", "стр. 143") are apparatus, not figures of the account.
 */
const APPARATUS =
  /\[\s*(?:note\s+|nb\s+)?\d+(?:\s*[,\u2013-]\s*\d+)*\s*\](?::\s?\d+(?:\s?[-\u2013]\s?\d+)?)?|(?<!\p{L})(?:[Pp]p?|[Сс]|[Сс]тр)\.\s?\d+(?:\s?[-\u2013\u2014]\s?\d+)?/gu;

type Handler = (m: RegExpExecArray) => Omit<Figure, 'start' | 'end' | 'text'> | null;

const pad2 = (n: number) => String(n).padStart(2, '0');
const inYearRange = (y: number) => y >= 1000 && y <= 2099;
/** Without a year, 29 February may still be a day. */
const validDay = (d: number, m: number, y?: number) => d >= 1 && d <= (y === undefined ? (m === 2 ? 29 : daysInMonth(2001, m)) : daysInMonth(y, m));
const dayValue = (y: number | undefined, m: number, d: number) => `${y === undefined ? '-' : y}-${pad2(m)}-${pad2(d)}`;

/** Days of one month, or a span of them; null when a day does not exist or the span runs backwards. */
function days(y: number | undefined, m: number, d1: number, d2: number | undefined): string | null {
  if (y !== undefined && !inYearRange(y)) return null;
  if (!validDay(d1, m, y) || (d2 !== undefined && (!validDay(d2, m, y) || d2 <= d1))) return null;
  return d2 === undefined ? dayValue(y, m, d1) : `${dayValue(y, m, d1)}/${dayValue(y, m, d2)}`;
}

/** "1932"+"33" → 1933; the end of a span of years may drop its century. */
function spanEnd(start: number, end: string): number {
  return end.length === 2 ? Math.floor(start / 100) * 100 + Number(end) : Number(end);
}

interface Pattern {
  re: RegExp;
  handle: Handler;
  /** Consumes what it matches without making a figure of it. */
  consumeOnly?: true;
}

function numberPatterns(commaDecimal: boolean): Pattern[] {
  const thousands = commaDecimal
    ? '\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:,\\d+)?(?!\\d)'
    : '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d])|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:\\.\\d+)?(?!\\d)';
  const plain = commaDecimal ? '\\d+(?:[.,]\\d+)?' : '\\d+(?:\\.\\d+)?';
  return [
    {
      // "8-9" without a month after it: one range, not the numbers 8 and 9.
      re: new RegExp(`(\\d{1,3})[-\\u2013](\\d{1,3})(?![\\p{N}\\p{L}])(?:[\\s\\u00A0]+(${SCALE})(?!\\p{L}))?`, 'uy'),
      handle: (m) => {
        const scale = m[3] ? SCALES.find(([re]) => re.test(m[3]!))![1] : 0;
        return { kind: 'number', value: `${canonicalNumber(m[1]!, scale)}/${canonicalNumber(m[2]!, scale)}` };
      },
    },
    {
      re: new RegExp(`(${thousands}|${plain})(?:(${PERCENT})|[\\s\\u00A0]+(${SCALE})(?!\\p{L}))?`, 'uy'),
      handle: (m) => {
        const digits = m[1]!;
        const grouped = /[ \u00A0\u202F]/.test(digits) || (!commaDecimal && digits.includes(','));
        const plainInteger = /^\d+$/.test(digits);
        if (plainInteger && digits.length === 4 && !m[2] && !m[3] && inYearRange(Number(digits))) {
          return { kind: 'year', value: digits };
        }
        let normalized = digits.replace(/[ \u00A0\u202F]/g, '');
        normalized = grouped && !commaDecimal ? normalized.replace(/,/g, '') : normalized.replace(',', '.');
        const scale = m[3] ? SCALES.find(([re]) => re.test(m[3]!))![1] : 0;
        return { kind: 'number', value: canonicalNumber(normalized, scale) + (m[2] ? '%' : '') };
      },
    },
  ];
}

/** "004.50" × 10^scale → "4.5" (scale 0) or "4500000000" (scale 9), in decimal, without rounding. */
function canonicalNumber(decimal: string, scale: number): string {
  const [intPart = '0', fracPart = ''] = decimal.split('.');
  const int = (intPart + fracPart.slice(0, scale).padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  const frac = fracPart.slice(scale).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

const DATE_PATTERNS: Pattern[] = [
  {
    // "the 15th October anniversary" is the fifteenth anniversary of the October Revolution: it
    // names an occasion, not a day of October, and must not set the account against the others.
    re: new RegExp(`\\d+(?:st|nd|rd|th)${WS}${MONTH}${WS}(?:anniversar(?:y|ies)|jubilee)(?!\\p{L})`, 'uy'),
    handle: () => null,
    consumeOnly: true,
  },
  {
    // "8 November – 2 December 1932"
    re: new RegExp(`${DAY}${OF}${WS}${MONTH}${DASH}${DAY}${OF}${WS}${MONTH},?${WS}${YEAR4}`, 'uy'),
    handle: (m) => {
      const y = Number(m[5]);
      const [m1, m2] = [monthOf(m[2]!), monthOf(m[4]!)];
      const a = days(y, m1, Number(m[1]), undefined);
      const b = days(y, m2, Number(m[3]), undefined);
      return a && b && a < b ? { kind: 'date', value: `${a}/${b}` } : null;
    },
  },
  {
    // "8 November 1932", "8-9 November 1932", "8 ноября 1932"
    re: new RegExp(`${DAY}(?:${DASH}${DAY})?${OF}${WS}${MONTH},?${WS}${YEAR4}`, 'uy'),
    handle: (m) => {
      const value = days(Number(m[4]), monthOf(m[3]!), Number(m[1]), m[2] === undefined ? undefined : Number(m[2]));
      return value ? { kind: 'date', value } : null;
    },
  },
  {
    // "November 8, 1932", "May 15–17, 1932"
    re: new RegExp(`${MONTH}${WS}${DAY}(?:${DASH}${DAY})?,?${WS}${YEAR4}`, 'uy'),
    handle: (m) => {
      const value = days(Number(m[4]), monthOf(m[1]!), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
      return value ? { kind: 'date', value } : null;
    },
  },
  {
    re: /(\d{4})-(\d{2})-(\d{2})(?![\p{N}\p{L}])/uy,
    handle: (m) => {
      const value = days(Number(m[1]), Number(m[2]), Number(m[3]), undefined);
      return Number(m[2]) >= 1 && Number(m[2]) <= 12 && value ? { kind: 'date', value } : null;
    },
  },
  {
    // "08.11.1932", as Russian texts write days.
    re: /(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\p{N})/uy,
    handle: (m) => {
      const month = Number(m[2]);
      const value = month >= 1 && month <= 12 ? days(Number(m[3]), month, Number(m[1]), undefined) : null;
      return value ? { kind: 'date', value } : null;
    },
  },
  {
    // "November 1932", "October–November 1932", "в октябре 1932 года"
    re: new RegExp(`${MONTH}(?:${DASH}${MONTH})?,?${WS}${YEAR4}`, 'uy'),
    handle: (m) => {
      const y = Number(m[3]);
      if (!inYearRange(y)) return null;
      const first = `${y}-${pad2(monthOf(m[1]!))}`;
      if (m[2] === undefined) return { kind: 'month', value: first };
      const second = `${y}-${pad2(monthOf(m[2]))}`;
      return second > first ? { kind: 'month', value: `${first}/${second}` } : null;
    },
  },
  {
    // "24-25 October" with the year left to the context: the days are not numbers.
    re: new RegExp(`${DAY}(?:${DASH}${DAY})?${OF}${WS}${MONTH}`, 'uy'),
    handle: (m) => {
      const value = days(undefined, monthOf(m[3]!), Number(m[1]), m[2] === undefined ? undefined : Number(m[2]));
      return value ? { kind: 'date', value } : null;
    },
  },
  {
    re: new RegExp(`${MONTH}${WS}${DAY}(?:${DASH}${DAY})?`, 'uy'),
    handle: (m) => {
      const value = days(undefined, monthOf(m[1]!), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
      return value ? { kind: 'date', value } : null;
    },
  },
  {
    // "1932–33", "1932-1933"
    re: new RegExp(`${YEAR4}${DASH}(\\d{4}|\\d{2})(?![\\p{N}])`, 'uy'),
    handle: (m) => {
      const a = Number(m[1]);
      const b = spanEnd(a, m[2]!);
      return inYearRange(a) && inYearRange(b) && b > a ? { kind: 'year', value: `${a}/${b}` } : null;
    },
  },
  {
    // "1930s", "1930's", "1930-е", "1930-х годах"
    re: /(\d{3}0)(?:['\u2019]?s|-(?:е|х|ые|ых))(?![\p{L}\p{N}])/uy,
    handle: (m) => (inYearRange(Number(m[1])) ? { kind: 'year', value: `${m[1]}s` } : null),
  },
  {
    // Russian ordinal years: "в 1932-м году" is the year 1932.
    re: /(\d{4})-(?:м|й|го|му|ом)(?![\p{L}\p{N}])/uy,
    handle: (m) => (inYearRange(Number(m[1])) ? { kind: 'year', value: m[1]! } : null),
  },
  {
    // Other ordinals ("the 17th Congress", "17-й съезд") name things rather than count them.
    re: /\d+(?:st|nd|rd|th|-(?:й|я|е|го|му|м|х|ми|ой|ом|ая|ое|ые|ых))(?![\p{L}\p{N}])/uy,
    handle: () => null,
    consumeOnly: true,
  },
];

const PATTERNS = { comma: [...DATE_PATTERNS, ...numberPatterns(true)], dot: [...DATE_PATTERNS, ...numberPatterns(false)] };

const WORD = /\p{L}+/uy;

/** Without a language, a text in mostly Cyrillic letters is read the Russian way. */
function mostlyCyrillic(text: string): boolean {
  const cyrillic = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cyrillic > latin;
}

/** Languages that write "4,3" for four point three (and so never "1,225" for a thousand and more). */
const COMMA_DECIMAL = /^(?:ru|uk|be|bg|sr|hr|bs|sl|mk|pl|cs|sk|hu|ro|de|fr|es|it|pt|nl|sv|no|nb|nn|da|fi|et|lv|lt|tr|el|ka|hy|az|kk)\b/i;

/**
 * Years, dates, months and other numbers in `text`, in reading order, none overlapping.
 *
 * `language` (ISO 639-1, as stored with a document) decides whether "4,3" is a decimal (Russian
 * and most European languages) or "1,225" is a thousand and more (English); without it, a text
 * in mostly Cyrillic letters is read the Russian way. Month names are read in English and Russian
 * whatever the language, since quotations cross languages.
 *
 * Heuristics, kept simple enough to explain:
 * - a plain four-digit number from 1000 to 2099 is a year, unless a scale word, "%" or a
 *   thousands separator shows it is a quantity ("1,500", "1500 million");
 * - the days in "8-9 November 1932" and "24 October" belong to the date, not to the numbers;
 *   a bare "8-9" is one range;
 * - ordinals ("15th", "17-й") are not figures, nor is an ordinal anniversary named by a month
 *   ("the 15th October anniversary"); number words ("three hundred") are not read;
 * - citation markers ("[343]") and page references ("p. 143") are skipped.
 */
export function findFigures(text: string, language?: string): Figure[] {
  const commaDecimal = language ? COMMA_DECIMAL.test(language) : mostlyCyrillic(text);
  const patterns = commaDecimal ? PATTERNS.comma : PATTERNS.dot;
  const skipped: [number, number][] = [];
  for (const m of text.matchAll(APPARATUS)) skipped.push([m.index, m.index + m[0].length]);

  const figures: Figure[] = [];
  let skip = 0;
  let i = 0;
  while (i < text.length) {
    while (skip < skipped.length && skipped[skip]![1] <= i) skip++;
    const apparatus = skipped[skip];
    if (apparatus && apparatus[0] <= i) {
      i = apparatus[1];
      continue;
    }
    const ch = text[i]!;
    const prev = i > 0 ? text[i - 1]! : '';
    // Digits glued to a word by a hyphen are part of a name or a file number ("JPRS-UPA-89-043",
    // "Ту-154"); digits after a point belong to what came before ("08.11.32" is no decimal).
    const glued = /[-.]/.test(prev) && i > 1 && /[\p{L}\p{N}]/u.test(text[i - 2]!);
    const digitStart = /\d/.test(ch) && !/\d/.test(prev) && !glued;
    const wordStart = /\p{L}/u.test(ch) && !/\p{L}/u.test(prev);
    let end = i + 1;
    // Only month names start figures among words; the rest are stepped over whole, which keeps
    // a book-length OCR text fast.
    if (wordStart) {
      WORD.lastIndex = i;
      const w = WORD.exec(text)![0];
      if (!MONTH_BY_FORM.has(w.toLowerCase())) {
        i += w.length;
        continue;
      }
    }
    if (digitStart || wordStart) {
      for (const pattern of patterns) {
        pattern.re.lastIndex = i;
        const m = pattern.re.exec(text);
        if (!m) continue;
        const matchEnd = i + m[0].length;
        // A figure never reaches into a citation marker or page reference; a shorter pattern may fit.
        if (apparatus && apparatus[0] < matchEnd) continue;
        const found = pattern.handle(m);
        if (!found && !pattern.consumeOnly) continue;
        if (found) figures.push({ ...found, text: m[0], start: i, end: matchEnd });
        end = matchEnd;
        break;
      }
    }
    i = end;
  }
  return figures;
}

// ————— comparing accounts —————

/** One account of a claim, as the compare view has it. */
export interface FigureAccount {
  id: string;
  /** Names the account in summaries ("Wikipedia", "Volkogonov"). */
  label: string;
  text: string;
  /** ISO 639-1 of the text, as stored with its document. */
  language?: string;
}

export interface FigureDifference {
  kind: FigureKind;
  /**
   * Per account id, the values it gives at this kind's level: years ("1932", "1932/1933",
   * "1930s") for 'year', months ("1932-11", "--11") for 'month', days for 'date', numbers for
   * 'number'. Accounts that give none of this kind are absent.
   */
  values: Record<string, string[]>;
  /**
   * Per account id, the figures of its text that another account giving this kind does not
   * match (where to point in each text); accounts with none are absent.
   */
  differing: Record<string, Figure[]>;
  /** For people: "year: 1931 (Wikipedia) vs 1932 (Volkogonov)". */
  summary: string;
}

const KIND_ORDER: readonly FigureKind[] = ['year', 'month', 'date', 'number'];

/** What one figure tells at one kind's level: a value to show, and the parts compared. */
interface Reading {
  value: string;
  parts: string[];
  text: string;
}

/**
 * Dates are compared part by part, each kind on its own part: 'year' on the year, 'month' on
 * the month of the year, 'date' on the day of the month. So "November 1931" and "8-9 November
 * 1932" differ in the year only, and "8 November 1932" against "8 December 1932" in the month
 * only; every difference points at the one part that differs.
 */
function readings(figure: Figure, kind: FigureKind): Reading[] {
  const ends = figure.value.split('/');
  const one = (value: string, parts: string[]): Reading[] => [{ value, parts, text: figure.text }];
  const distinct = (xs: string[]) => [...new Set(xs)];
  switch (kind) {
    case 'number':
      return figure.kind === 'number' ? one(figure.value, [figure.value]) : [];
    case 'year': {
      if (figure.kind === 'number') return [];
      const years = distinct(ends.map((e) => (figure.kind === 'year' ? e : e.slice(0, 4))).filter((y) => /^\d{4}s?$/.test(y)));
      return years.length ? one(years.join('/'), years) : [];
    }
    case 'month': {
      if (figure.kind !== 'month' && figure.kind !== 'date') return [];
      const months = distinct(ends.map((e) => (e.startsWith('--') ? e.slice(0, 4) : e.slice(0, 7))));
      return one(months.join('/'), distinct(months.map((m) => m.slice(-2))));
    }
    case 'date':
      return figure.kind === 'date' ? one(figure.value, distinct(ends.map((e) => e.slice(-2)))) : [];
  }
}

/** A decade agrees with every year in it: "the 1930s" does not contradict "1932". */
function compatible(kind: FigureKind, a: string, b: string): boolean {
  if (a === b) return true;
  if (kind !== 'year') return false;
  const decade = (x: string) => (x.endsWith('s') ? x.slice(0, 3) : null);
  const [da, db] = [decade(a), decade(b)];
  return (da !== null && b.startsWith(da)) || (db !== null && a.startsWith(db));
}

function display(kind: FigureKind, reading: Reading): string {
  if (kind === 'number') return reading.text.replace(/\s+/g, ' ');
  if (kind === 'year') return reading.value.replace('/', '–');
  const [a, b] = reading.value.split('/') as [string, string | undefined];
  const parse = (v: string) => {
    const [y, m, d] = v.startsWith('--') ? [undefined, v.slice(2, 4), v.slice(5, 7)] : v.split('-');
    return { y, m: monthName(Number(m)), d: d ? String(Number(d)) : undefined };
  };
  const p = parse(a);
  const year = (x: { y?: string | undefined }) => (x.y ? ` ${x.y}` : '');
  if (kind === 'month') {
    if (!b) return `${p.m}${year(p)}`;
    const q = parse(b);
    return p.y === q.y ? `${p.m}–${q.m}${year(q)}` : `${p.m}${year(p)} – ${q.m}${year(q)}`;
  }
  if (!b) return `${p.d} ${p.m}${year(p)}`;
  const q = parse(b);
  return p.m === q.m ? `${p.d}–${q.d} ${q.m}${year(q)}` : `${p.d} ${p.m} – ${q.d} ${q.m}${year(q)}`;
}

/**
 * Where accounts of one claim disagree on a figure, kind by kind (year, month, date, number).
 *
 * Two accounts disagree on a kind when both give figures of that kind and one gives a value the
 * other has nothing compatible with (for years, a decade is compatible with each year in it).
 * An account that gives no figure of a kind takes no part in comparing that kind: silence is not
 * a disagreement, so "Nadya shot herself" against "8-9 November 1932" yields nothing, and a
 * lone account never yields a difference. Each kind is compared on its own part of a date (see
 * `readings`), so "November 1931" against "8-9 November 1932" is a difference in the year and
 * none in the month. Each difference lists every account that gives that kind, agreeing or not,
 * and its summary groups accounts that give the same values, e.g.
 * "year: 1931 (Wikipedia) vs 1932 (Volkogonov, Russian account)".
 */
export function compareFigures(accounts: readonly FigureAccount[]): FigureDifference[] {
  const found = accounts.map((account) => ({ account, figures: findFigures(account.text, account.language) }));
  const differences: FigureDifference[] = [];
  for (const kind of KIND_ORDER) {
    const giving = found
      .map(({ account, figures }) => {
        const rs: Reading[] = [];
        const read = figures.flatMap((figure) => readings(figure, kind).map((reading) => ({ figure, reading })));
        for (const { reading } of read) if (!rs.some((x) => x.value === reading.value)) rs.push(reading);
        return { account, readings: rs, read, parts: [...new Set(rs.flatMap((r) => r.parts))] };
      })
      .filter((g) => g.readings.length > 0);
    const covers = (xs: string[], ys: string[]) => xs.every((x) => ys.some((y) => compatible(kind, x, y)));
    const disagree = giving.some((a, i) => giving.slice(i + 1).some((b) => !covers(a.parts, b.parts) || !covers(b.parts, a.parts)));
    if (!disagree) continue;

    const values: Record<string, string[]> = {};
    const differing: Record<string, Figure[]> = {};
    const groups: { shown: string; labels: string[] }[] = [];
    for (const g of giving) {
      values[g.account.id] = g.readings.map((r) => r.value);
      const odd = g.read.filter(({ reading }) => giving.some((other) => other !== g && !covers(reading.parts, other.parts))).map(({ figure }) => figure);
      if (odd.length > 0) differing[g.account.id] = [...new Set(odd)];
      const shown = g.readings.map((r) => display(kind, r)).join(', ');
      const group = groups.find((x) => x.shown === shown);
      if (group) group.labels.push(g.account.label);
      else groups.push({ shown, labels: [g.account.label] });
    }
    differences.push({ kind, values, differing, summary: `${kind}: ${groups.map((x) => `${x.shown} (${x.labels.join(', ')})`).join(' vs ')}` });
  }
  return differences;
}
