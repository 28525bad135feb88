/**
 * Figures in accounts of one claim and where the accounts disagree about them, tried on the
 * bundled corpus: the Russian account (000), Wikipedia (001) and Volkogonov in OCR (002).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFigures, findFigures, type Figure } from '../../../shared/figures';
import { corpusDir } from '../../support/temp';

const corpus = (prefix: string) => {
  const file = fs.readdirSync(corpusDir).find((name) => name.startsWith(prefix) && name.endsWith('.txt'))!;
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
};
const russian = corpus('000_');
const wikipedia = corpus('001_');
const volkogonov = corpus('002_');

/** The passage of a corpus text from `first` up to and including `last`, exactly as it stands. */
function passage(text: string, first: string, last: string): string {
  const start = text.indexOf(first);
  expect(start, `"${first}" is in the corpus`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(last, start);
  expect(end, `"${last}" follows it`).toBeGreaterThan(start);
  return text.slice(start, end + last.length);
}
/** The reading view joins hard-wrapped OCR lines; tests see both forms. */
const joined = (raw: string) => raw.replace(/[ \t]*\n[ \t]*/g, ' ');

const brief = (figures: Figure[]) => figures.map((f) => `${f.kind}:${f.value}`);

function expectOffsets(text: string, figures: Figure[]) {
  for (const f of figures) expect(text.slice(f.start, f.end)).toBe(f.text);
  for (let i = 1; i < figures.length; i++) expect(figures[i]!.start).toBeGreaterThanOrEqual(figures[i - 1]!.end);
}

// The accounts of Nadezhda Alliluyeva's death.
const wikiDeath = passage(wikipedia, 'In November 1931, after a group dinner', 'Nadya shot herself.[344]');
const volkDeathRaw = passage(volkogonov, 'In the night of 8-9 November 1932', 'ended her life by suicide.');
const volkDeath = joined(volkDeathRaw);
const russianDeath = passage(russian, 'Она вышла', 'покончила с собой.');
const russianCrisis = passage(russian, 'Последствия насильственной коллективизации', 'в 1932-33 гг.');
const russianRyutin = passage(russian, 'В октябре 1932 года был арестован Рютин', 'объемом 200 страниц');

describe('findFigures on the corpus', () => {
  it('reads the month and year in Wikipedia, not its citation marker', () => {
    expect(wikiDeath).toBe('In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.[344]');
    const figures = findFigures(wikiDeath, 'en');
    expect(figures).toEqual([{ kind: 'month', value: '1931-11', text: 'November 1931', start: 3, end: 16 }]);
  });

  it('reads "8-9 November 1932" in the OCR as one span of days, not the numbers 8 and 9', () => {
    expect(volkDeath).toBe('In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide.');
    expect(findFigures(volkDeath, 'en')).toEqual([
      { kind: 'date', value: '1932-11-08/1932-11-09', text: '8-9 November 1932', start: 16, end: 33 },
    ]);
    // The raw hard-wrapped line reads the same.
    expect(volkDeathRaw).toContain('\n');
    expect(brief(findFigures(volkDeathRaw, 'en'))).toEqual(['date:1932-11-08/1932-11-09']);
  });

  it('reads the Russian span of years with "гг."', () => {
    const figures = findFigures(russianCrisis, 'ru');
    expect(figures).toEqual([
      { kind: 'year', value: '1932/1933', text: '1932-33', start: russianCrisis.indexOf('1932-33'), end: russianCrisis.indexOf('1932-33') + 7 },
    ]);
  });

  it('reads the Russian month in the prepositional case and a count of pages', () => {
    const figures = findFigures(russianRyutin, 'ru');
    expect(brief(figures)).toEqual(['month:1932-10', 'number:200']);
    expect(figures.map((f) => f.text)).toEqual(['октябре 1932', '200']);
    expectOffsets(russianRyutin, figures);
  });

  it('reads the whole Russian account: genitive dates, years with "году"/"годах", months', () => {
    const figures = findFigures(russian, 'ru');
    expect(brief(figures)).toEqual([
      'year:1919',
      'year:1909',
      'year:1911',
      'year:1932/1933',
      'month:1932-10',
      'number:200',
      'month:1934-01',
      'date:1934-12-01',
    ]);
    expect(figures.at(-1)!.text).toBe('1 декабря 1934');
    expectOffsets(russian, figures);
    // Without a language, Cyrillic is enough to read it the Russian way.
    expect(findFigures(russian)).toEqual(figures);
  });

  it('reads the grain figures in Volkogonov with their scale words across line breaks', () => {
    const raw = passage(volkogonov, 'In 1928, at the start of', 'the state was now obtaining 1.3 billion');
    expect(raw).toContain('In 1932 the gross harvest constituted 4.3 \nbillion');
    for (const text of [raw, joined(raw)]) {
      const figures = findFigures(text, 'en');
      expect(brief(figures)).toEqual(['year:1928', 'number:4500000000', 'number:680000000', 'year:1932', 'number:4300000000', 'number:1300000000']);
      expect(figures.map((f) => f.text.replace(/\s+/g, ' '))).toEqual(['1928', '4.5 billion', '680 million', '1932', '4.3 billion', '1.3 billion']);
      expectOffsets(text, figures);
    }
    const sold = passage(volkogonov, 'the peasants sold the state only 680', 'million poods');
    expect(brief(findFigures(sold, 'en'))).toEqual(['number:680000000']);
  });

  it('reads thousands separators in the de-kulakization figures', () => {
    const text = joined(passage(volkogonov, 'According to some figures, more than 150,000 kulak', 'more than 285,000 in 1931.'));
    expect(brief(findFigures(text, 'en'))).toEqual(['number:150000', 'year:1929', 'number:240000', 'year:1930', 'number:285000', 'year:1931']);
  });

  it('reads a list of years without separators between them as years, not as one number', () => {
    const text = joined(passage(volkogonov, 'In 1931 even he was declaring', '1913....'));
    expect(brief(findFigures(text, 'en'))).toEqual(['year:1931', 'year:1906', 'year:1907', 'year:1912', 'year:1913']);
  });

  it('reads day spans in parentheses and the counts around them', () => {
    const text = joined(passage(volkogonov, 'Workers Party Conference (24-29 April 1917)', 'senting 80,000 party members.'));
    expect(brief(findFigures(text, 'en'))).toEqual(['date:1917-04-24/1917-04-29', 'number:151', 'number:80000']);
    const plenum = joined(passage(volkogonov, 'was held 14-15 January 1924.', '1924.'));
    expect(brief(findFigures(plenum, 'en'))).toEqual(['date:1924-01-14/1924-01-15']);
  });

  it('reads a day span whose year is left to the context as days, not numbers', () => {
    const text = joined(passage(volkogonov, 'in the night of 22-23 December, there', 'there'));
    expect(findFigures(text, 'en')).toEqual([
      { kind: 'date', value: '--12-22/--12-23', text: '22-23 December', start: 16, end: 30 },
    ]);
  });

  it('reads Wikipedia ranges with scale words and skips its citation markers', () => {
    const text = passage(wikipedia, 'Adding 6–8 million famine victims', 'between 15 and 17 million victims.');
    expect(brief(findFigures(text, 'en'))).toEqual(['number:6000000/8000000', 'number:15', 'number:17000000']);
    const famine = passage(wikipedia, 'between 5 and 7 million died during the 1932–33 famine', 'famine.');
    expect(brief(findFigures(famine, 'en'))).toEqual(['number:5', 'number:7000000', 'year:1932/1933']);
    const family = passage(wikipedia, 'In 1929, his son Yakov', 'Nadya shot herself.[344]');
    expect(brief(findFigures(family, 'en'))).toEqual(['year:1929', 'month:1931-11']);
  });

  it('does not read document numbers in the OCR page headers as figures', () => {
    const header = passage(volkogonov, 'JPRS-UPA-89-043 \n6 July 1989 132', '132');
    expect(brief(findFigures(header, 'en'))).toEqual(['date:1989-07-06', 'number:132']);
  });
});

describe('findFigures: forms and edge cases', () => {
  const en = (text: string) => brief(findFigures(text, 'en'));
  const ru = (text: string) => brief(findFigures(text, 'ru'));

  it('reads full dates in English, Russian, ISO and dotted forms', () => {
    expect(en('8 November 1932; November 8, 1932; Nov. 8 1932; 8th of November 1932; 1932-11-08; 08.11.1932')).toEqual(
      Array(6).fill('date:1932-11-08'),
    );
    expect(ru('8 ноября 1932 г.; 8 нояб. 1932 года')).toEqual(['date:1932-11-08', 'date:1932-11-08']);
    expect(en('8 November – 2 December 1932, May 15–17, 1932')).toEqual(['date:1932-11-08/1932-12-02', 'date:1932-05-15/1932-05-17']);
  });

  it('reads months and spans of months', () => {
    expect(en('November 1932, Nov. 1932, October–November 1932')).toEqual(['month:1932-11', 'month:1932-11', 'month:1932-10/1932-11']);
    expect(ru('ноябрь 1932 г., в ноябре 1932 года, Ноябрь 1932')).toEqual(['month:1932-11', 'month:1932-11', 'month:1932-11']);
  });

  it('reads years, spans of years and decades', () => {
    expect(en('1932, 1932–33, 1932-1933, 1941–45, 1930s, the 1930\'s')).toEqual([
      'year:1932',
      'year:1932/1933',
      'year:1932/1933',
      'year:1941/1945',
      'year:1930s',
      'year:1930s',
    ]);
    expect(ru('1930-е годы, в 1930-х годах, в 1932-м году, 1932г.')).toEqual(['year:1930s', 'year:1930s', 'year:1932', 'year:1932']);
  });

  it('takes four-digit numbers outside 1000–2099 or with a scale, "%" or separator for quantities', () => {
    expect(en('999 men, 2100 men, 1500 million, 1,500 men, 1932%')).toEqual([
      'number:999',
      'number:2100',
      'number:1500000000',
      'number:1500',
      'number:1932%',
    ]);
    // A bare 1500 reads as a year: the honest limit of a heuristic without number words.
    expect(en('some 1500 men')).toEqual(['year:1500']);
  });

  it('reads English and Russian separators, decimals, scales and percentages', () => {
    expect(en('1,225; 1 225; 1\u00A0225; 4.3; 1,234,567.50; 3.5%; 0.5 per cent; 2.5 thousand; R30,000')).toEqual([
      'number:1225',
      'number:1225',
      'number:1225',
      'number:4.3',
      'number:1234567.5',
      'number:3.5%',
      'number:0.5%',
      'number:2500',
      'number:30000',
    ]);
    expect(ru('4,3 млрд; 15 000 человек; 1,5 тыс. ; 12 345,6; 680 млн.; 3 миллиона; 20 процентов')).toEqual([
      'number:4300000000',
      'number:15000',
      'number:1500',
      'number:12345.6',
      'number:680000000',
      'number:3000000',
      'number:20%',
    ]);
    // English "4,5" is no decimal: two numbers.
    expect(en('4,5')).toEqual(['number:4', 'number:5']);
  });

  it('reads a bare hyphenated pair as one range, never as two numbers', () => {
    expect(findFigures('aged 8-9 and 10–12', 'en')).toEqual([
      { kind: 'number', value: '8/9', text: '8-9', start: 5, end: 8 },
      { kind: 'number', value: '10/12', text: '10–12', start: 13, end: 18 },
    ]);
  });

  it('skips citation markers, page references, ordinals and identifiers', () => {
    expect(en('He was born in 1878.[1][2][note 3] See p. 143, pp. 12–14, p.7 and [343]:45.')).toEqual(['year:1878']);
    expect(ru('См. с. 143 и стр. 12-14.')).toEqual([]);
    expect(en('the 17th Congress, 2nd, 3rd and 21st; JPRS-UPA-89-043; Tu-154')).toEqual([]);
    expect(ru('17-й съезд, 3-го числа')).toEqual([]);
  });

  it('does not read "the 15th October anniversary" (of the Revolution) as a day of October', () => {
    expect(en('a holiday party on the 15th October anniversary attended by Molotov')).toEqual([]);
    expect(en('on the 10th October anniversary, in 1927')).toEqual(['year:1927']);
    expect(en('on 15 October 1932, the anniversary')).toEqual(['date:1932-10-15']);
    expect(en('on the 15th October, late')).toEqual(['date:--10-15']);
  });

  it('reads English month names only capitalized, Russian ones in any case', () => {
    expect(en('may 1932; march 1932; MAY 1932; March 1917')).toEqual(['year:1932', 'year:1932', 'month:1932-05', 'month:1917-03']);
    expect(ru('НОЯБРЯ 1932; ноября 1932')).toEqual(['month:1932-11', 'month:1932-11']);
    expect(en('Mayday 1932')).toEqual(['year:1932']);
  });

  it('does not take impossible days for dates', () => {
    expect(en('31 February 1932')).toEqual(['number:31', 'month:1932-02']);
    expect(en('1932-13-01')).toEqual(['year:1932']);
    expect(en('9-8 November 1932')).toEqual(['number:9/8', 'month:1932-11']);
  });

  it('keeps UTF-16 offsets right after characters outside the Basic Multilingual Plane', () => {
    const text = '𝕏 𝕐 In November 1931 there were 200 𝔸';
    const figures = findFigures(text, 'en');
    expect(brief(figures)).toEqual(['month:1931-11', 'number:200']);
    expectOffsets(text, figures);
  });

  it('finds nothing in text without figures, or in an empty text', () => {
    expect(findFigures('', 'en')).toEqual([]);
    expect(findFigures('Она вышла и в ту же ночь покончила с собой.')).toEqual([]);
  });

  it('reads the whole Wikipedia article consistently', () => {
    const figures = findFigures(wikipedia, 'en');
    expect(figures.length).toBeGreaterThan(500);
    expectOffsets(wikipedia, figures);
    // Citation markers are all skipped: no figure sits inside square brackets.
    for (const f of figures) expect(wikipedia[f.start - 1]).not.toBe('[');
  });

  it('reads a mostly English text the English way without a language, despite a Russian name in it', () => {
    expect(wikipedia).toMatch(/Виссарио/);
    const gori = passage(wikipedia, 'was home to a population of 20,000', '20,000');
    expect(brief(findFigures(gori))).toEqual(['number:20000']);
    expect(findFigures(wikipedia)).toEqual(findFigures(wikipedia, 'en'));
  });
});

describe('compareFigures', () => {
  const accounts = {
    wikipedia: { id: 'acc-wiki', label: 'Wikipedia', text: wikiDeath, language: 'en' },
    volkogonov: { id: 'acc-volk', label: 'Volkogonov', text: volkDeath, language: 'en' },
    russian: { id: 'acc-ru', label: 'Russian account', text: russianDeath, language: 'ru' },
  };

  it('finds the year of Alliluyeva\'s death in dispute, and the month in agreement', () => {
    const differences = compareFigures([accounts.wikipedia, accounts.volkogonov]);
    expect(differences).toMatchObject([
      {
        kind: 'year',
        values: { 'acc-wiki': ['1931'], 'acc-volk': ['1932'] },
        summary: 'year: 1931 (Wikipedia) vs 1932 (Volkogonov)',
      },
    ]);
    // Where to point: the figure that gives the year, in each text.
    expect(Object.fromEntries(Object.entries(differences[0]!.differing).map(([id, figures]) => [id, figures.map((f) => f.text)]))).toEqual({
      'acc-wiki': ['November 1931'],
      'acc-volk': ['8-9 November 1932'],
    });
    // November in both: no difference of month. Only Volkogonov gives the day: no difference of date.
    expect(differences.map((d) => d.kind)).not.toContain('month');
    expect(differences.map((d) => d.kind)).not.toContain('date');
  });

  it('finds no difference in a date that is not one of the event ("15th October anniversary")', () => {
    const longer = passage(volkogonov, 'In the night of 8-9 November 1932', 'by Molotov and Voroshilov');
    const volk = { ...accounts.volkogonov, text: joined(longer) };
    const russianDay = { id: 'acc-ru', label: 'Russian account', text: 'В ночь на 9 ноября 1932 г. она застрелилась.', language: 'ru' };
    expect(compareFigures([volk, russianDay]).map((d) => d.kind)).not.toContain('month');
    expect(compareFigures([accounts.wikipedia, volk]).map((d) => d.summary)).toEqual(['year: 1931 (Wikipedia) vs 1932 (Volkogonov)']);
  });

  it('reads the hard-wrapped OCR the same way', () => {
    const raw = { ...accounts.volkogonov, text: volkDeathRaw };
    expect(compareFigures([accounts.wikipedia, raw]).map((d) => d.summary)).toEqual(['year: 1931 (Wikipedia) vs 1932 (Volkogonov)']);
  });

  it('does not count an account without figures as disagreeing', () => {
    expect(compareFigures([accounts.wikipedia, accounts.russian])).toEqual([]);
    const three = compareFigures([accounts.wikipedia, accounts.volkogonov, accounts.russian]);
    expect(three).toHaveLength(1);
    expect(Object.keys(three[0]!.values)).toEqual(['acc-wiki', 'acc-volk']);
  });

  it('finds nothing to compare in one account, or in none', () => {
    expect(compareFigures([])).toEqual([]);
    expect(compareFigures([accounts.volkogonov])).toEqual([]);
  });

  it('finds the Russian and Wikipedia accounts agreeing on the famine years', () => {
    const famine = passage(wikipedia, 'between 5 and 7 million died during the 1932–33 famine', 'famine.');
    expect(
      compareFigures([
        { id: 'ru', label: 'Russian account', text: russianCrisis, language: 'ru' },
        { id: 'wiki', label: 'Wikipedia', text: famine, language: 'en' },
      ]),
    ).toEqual([]);
  });

  it('finds the Russian and Wikipedia accounts agreeing on Kirov\'s murder, one giving the day', () => {
    const kirovWiki = passage(wikipedia, 'However, in December 1934, the prominent Communist Sergey Kirov was murdered.', 'murdered.');
    const kirovRu = passage(russian, '1 декабря 1934 года Киров был убит', 'студентом-коммунистом.');
    expect(
      compareFigures([
        { id: 'wiki', label: 'Wikipedia', text: kirovWiki, language: 'en' },
        { id: 'ru', label: 'Russian account', text: kirovRu, language: 'ru' },
      ]),
    ).toEqual([]);
  });

  it('points at the month, the day and the number where they differ, each on its own', () => {
    const differences = compareFigures([
      { id: 'ru', label: 'Russian account', text: russianRyutin, language: 'ru' },
      { id: 'x', label: 'Memoir', text: 'Ryutin was arrested on 22 September 1932 over a platform of 190 pages.', language: 'en' },
    ]);
    expect(differences).toMatchObject([
      { kind: 'month', values: { ru: ['1932-10'], x: ['1932-09'] }, summary: 'month: October 1932 (Russian account) vs September 1932 (Memoir)' },
      { kind: 'number', values: { ru: ['200'], x: ['190'] }, summary: 'number: 200 (Russian account) vs 190 (Memoir)' },
    ]);
  });

  it('compares days on the day of the month only, so a wrong month is not also a wrong day', () => {
    const one = (id: string, text: string) => ({ id, label: id.toUpperCase(), text, language: 'en' });
    expect(compareFigures([one('a', '8 November 1932'), one('b', '8 December 1932')]).map((d) => d.summary)).toEqual([
      'month: November 1932 (A) vs December 1932 (B)',
    ]);
    expect(compareFigures([one('a', '8-9 November 1932'), one('b', '9 November 1932')]).map((d) => d.summary)).toEqual([
      'date: 8–9 November 1932 (A) vs 9 November 1932 (B)',
    ]);
    expect(compareFigures([one('a', 'on 24 October'), one('b', '25 October 1917')]).map((d) => d.summary)).toEqual([
      'date: 24 October (A) vs 25 October 1917 (B)',
    ]);
  });

  it('groups accounts that agree with each other against those that do not', () => {
    const differences = compareFigures([
      { id: 'w', label: 'Wikipedia', text: wikiDeath, language: 'en' },
      { id: 'v', label: 'Volkogonov', text: volkDeath, language: 'en' },
      { id: 'r', label: 'Russian', text: 'Аллилуева покончила с собой в ноябре 1932 года.', language: 'ru' },
    ]);
    expect(differences).toMatchObject([
      { kind: 'year', values: { w: ['1931'], v: ['1932'], r: ['1932'] }, summary: 'year: 1931 (Wikipedia) vs 1932 (Volkogonov, Russian)' },
    ]);
  });

  it('lets a decade agree with the years in it, and a span of years differ from one of its years', () => {
    const one = (id: string, text: string) => ({ id, label: id, text, language: 'en' });
    expect(compareFigures([one('a', 'in the 1930s'), one('b', 'in 1932')])).toEqual([]);
    expect(compareFigures([one('a', 'in the 1920s'), one('b', 'in 1932')]).map((d) => d.summary)).toEqual(['year: 1920s (a) vs 1932 (b)']);
    expect(compareFigures([one('a', 'the 1932–33 famine'), one('b', 'the famine of 1932')]).map((d) => d.summary)).toEqual([
      'year: 1932–1933 (a) vs 1932 (b)',
    ]);
  });

  it('compares numbers by value whatever their spelling, and names them as written', () => {
    const grain = joined(passage(volkogonov, 'In 1932 the gross harvest constituted 4.3', 'obtaining 1.3 billion'));
    expect(
      compareFigures([
        { id: 'v', label: 'Volkogonov', text: grain, language: 'en' },
        { id: 'r', label: 'Summary', text: 'В 1932 году валовой сбор составил 4300 млн пудов, государство получило 1,3 млрд.', language: 'ru' },
      ]),
    ).toEqual([]);
    const differences = compareFigures([
      { id: 'v', label: 'Volkogonov', text: grain, language: 'en' },
      { id: 'r', label: 'Summary', text: 'В 1932 году валовой сбор составил 4,5 млрд пудов, государство получило 1,3 млрд.', language: 'ru' },
    ]);
    expect(differences).toMatchObject([
      {
        kind: 'number',
        values: { v: ['4300000000', '1300000000'], r: ['4500000000', '1300000000'] },
        summary: 'number: 4.3 billion, 1.3 billion (Volkogonov) vs 4,5 млрд, 1,3 млрд. (Summary)',
      },
    ]);
  });

  it('ignores citation markers when comparing', () => {
    const a = { id: 'a', label: 'A', text: 'Nadya shot herself.[344]', language: 'en' };
    const b = { id: 'b', label: 'B', text: 'Nadya shot herself.[12]', language: 'en' };
    expect(compareFigures([a, b])).toEqual([]);
  });

  it('lists differences in the order year, month, date, number', () => {
    const differences = compareFigures([
      { id: 'a', label: 'A', text: '200 pages on 8 November 1931', language: 'en' },
      { id: 'b', label: 'B', text: '190 pages on 9 December 1932', language: 'en' },
    ]);
    expect(differences.map((d) => d.kind)).toEqual(['year', 'month', 'date', 'number']);
  });
});
