/**
 * How a word is found: the keys under which a word of a source, a note or a query is indexed.
 *
 * - Its form key: lower case, with ё read as е (Russian print mostly omits the dots) but й kept
 *   (a letter of its own); and its stem (Snowball: Russian for Cyrillic words, English for Latin
 *   ones), so Кирова, Кирову and Киров, or killed and killing, meet. A word is indexed under both
 *   its form and its stem because Snowball cuts proper names unevenly (Киров → кир, but Кирова →
 *   киров): any two forms of a name share at least one of the two.
 * - Its cross-script key: the word in Latin letters (Cyrillic romanised by the Wikipedia scheme,
 *   one of those iuliia implements), then folded so that the usual romanisation variants coincide
 *   (Trotsky/Trotskiy/Trotskii, Beria/Beriya, Alliluyeva/Allilueva, Kuibyshev/Kuybyshev,
 *   Yezhov/Ezhov, Khrushchev/Hrushchev), and a Russian case ending taken off. Kirov, Киров and
 *   Кирова all become "kirov". It is deliberately coarse: it finds names across scripts and
 *   spellings, and ranks below an exact form.
 */
import { translate, WIKIPEDIA } from 'iuliia';
import { newStemmer } from 'snowball-stemmers';

/** A word of a text: [start, end) in UTF-16 code units, and the word as written. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Letters with their combining marks, digits; an apostrophe or hyphen inside a word splits it
// (Kirov's → Kirov + s; Alliluyeva-Stalina → both names).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    words.push({ start: from + match.index, end: from + match.index + match[0].length, text: match[0] });
  }
  return words;
}

/** Lower case, ё as е; й stays й. */
export function foldForm(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

const russian = newStemmer('russian');
const english = newStemmer('english');

/** The word's stem by the Snowball stemmer of its script, or the form where the script has none. */
export function stemOf(form: string): string {
  if (CYRILLIC.test(form)) return russian.stem(form);
  if (LATIN.test(form)) return english.stem(form);
  return form;
}

/** The keys a word is indexed and searched under in its own script: its form and, if other, its stem. */
export function formKeys(word: string): string[] {
  const form = foldForm(word);
  const stem = stemOf(form);
  return stem && stem !== form ? [form, stem] : [form];
}

// Russian case endings as romanised and folded below, longest first; one is taken off a key
// that stays at least MIN_CROSS_STEM long (Кировым → kirovim → kirov; Аллилуевой → alliluevoi → alliluev).
const ENDINGS = ['ami', 'ogo', 'ego', 'omu', 'emu', 'imi', 'oi', 'ei', 'om', 'em', 'im', 'ih', 'ah', 'a', 'e', 'i', 'o', 'u'];
const MIN_CROSS_STEM = 4;
const MIN_CROSS_WORD = 3;

/**
 * The cross-script key of a word in Cyrillic or Latin letters, or null for a word too short to
 * carry a name (and for digits, which are matched as they are).
 */
export function crossKey(word: string): string | null {
  const lower = foldForm(word);
  const latin = CYRILLIC.test(lower) ? translate(lower, WIKIPEDIA) : lower;
  let key = latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/tz/g, 'ts')
    .replace(/w/g, 'v')
    .replace(/[jy]/g, 'i')
    // An i beside a vowel is the glide the schemes write as y, i, j or not at all
    // (Alliluyeva/Allilueva, Beriya/Beria, Kuibyshev/Kuybyshev, Yezhov/Ezhov).
    .replace(/i+(?=[aeou])|(?<=[aeou])i+/g, '')
    .replace(/(.)\1+/g, '$1');
  if (key.length < MIN_CROSS_WORD) return null;
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= MIN_CROSS_STEM) {
      key = key.slice(0, -ending.length);
      break;
    }
  }
  return key;
}
