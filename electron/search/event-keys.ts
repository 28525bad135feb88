/**
 * The keys by which two accounts of one event are recognised, whatever their language: names
 * (capitalised words by their cross-script key, so Кирова meets Kirov and Trotskiy meets
 * Trotsky), dates and numbers (normalised, see dates.ts), content words (form and stem, within
 * one language) and loan words (a short Latin skeleton, so that коллективизация meets
 * collectivization and политбюро meets Politburo across the scripts).
 *
 * A capitalised word inside a sentence is a name, unless the same word is also written in lower
 * case in its text: then it is a common noun capitalised as a title or an institution ("General
 * Secretary", "Party Congress"), and meets "general secretary" in a text that writes it small.
 */
import { mentionsOf } from './dates';
import { glossesOf } from './glossary';
import { STOPWORDS } from './stopwords';
import { crossKey, foldForm, formKeys, wordsOf } from './words';

export type KeyKind = 'name' | 'day' | 'month' | 'year' | 'date' | 'number' | 'term' | 'loan';

/**
 * How much a shared key of each kind counts, before its rarity (IDF): names and dates identify an
 * event far better than content words, and an exact day best of all; a loan word is a guess.
 */
export const KIND_WEIGHT: Record<KeyKind, number> = {
  name: 2,
  day: 4,
  month: 2,
  year: 1,
  date: 1.5,
  number: 1,
  term: 1,
  loan: 0.6,
};

export interface KeyedText {
  /** Key → how often it occurs. */
  readonly counts: Map<string, number>;
  /** Key → the words as first written in the text, for the reasons shown. */
  readonly surfaces: Map<string, string>;
  /** Content words, for length normalisation. */
  readonly length: number;
  /**
   * A query's content words translated (Russian ↔ English, see glossary.ts), as the term keys of
   * the other language, with how often: they find an account in the other language by its
   * wording. Empty for an indexed passage.
   */
  readonly glosses: Map<string, number>;
}

export interface KeyOptions {
  /**
   * Forms that occur in lower case somewhere in the text's source: a capitalised word is a name only
   * if it never does ("However" and "Congress" are not, "Kirov" is).
   */
  readonly lowerForms?: ReadonlySet<string>;
  /** Loan keys of the words, looked up in the other script: for a query, not for an indexed passage. */
  readonly query?: boolean;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const UPPER_FIRST = /^\p{Lu}/u;
// A word (as wordsOf reads one) that does not begin with a capital.
const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}])[\p{Ll}\p{Lo}][\p{L}\p{M}\p{N}]*/gu;
const LETTERS_ONLY = /^\p{L}[\p{L}\p{M}]*$/u;
const MIN_TERM = 3;
const MIN_LOAN_SKELETON = 5;
const LOAN_PREFIX = 6;

export function keyKindOf(key: string): KeyKind {
  if (key.startsWith('n:')) return 'name';
  if (key.startsWith('t:')) return 'term';
  if (key.startsWith('lat:') || key.startsWith('cyr:')) return 'loan';
  if (key.startsWith('#')) return 'number';
  if (/^d:\d{4}-\d{2}-\d{2}$/.test(key)) return 'day';
  if (/^d:\d{4}-\d{2}$/.test(key)) return 'month';
  if (/^d:\d{4}$/.test(key)) return 'year';
  return 'date';
}

/** Forms written in lower case anywhere in a text. */
export function lowerFormsOf(text: string): Set<string> {
  const forms = new Set<string>();
  for (const match of text.matchAll(LOWER_WORD)) forms.add(foldForm(match[0]));
  return forms;
}

/** The keys of text[start, end). */
export function keysOf(text: string, start: number, end: number, options: KeyOptions = {}): KeyedText {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const glosses = new Map<string, number>();
  const add = (key: string, surface: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!surfaces.has(key)) surfaces.set(key, surface);
  };
  const mentions = mentionsOf(text.slice(start, end));
  for (const mention of mentions) {
    const surface = text.slice(start + mention.start, start + mention.end);
    for (const key of mention.keys) add(mention.kind === 'date' ? `d:${key}` : key, surface);
  }
  let mentionIndex = 0;
  let length = 0;
  for (const word of wordsOf(text, start, end)) {
    while (mentionIndex < mentions.length && start + mentions[mentionIndex]!.end <= word.start) mentionIndex++;
    const mention = mentions[mentionIndex];
    if (mention && start + mention.start <= word.start && word.end <= start + mention.end) continue;
    if (!LETTERS_ONLY.test(word.text)) continue;
    const form = foldForm(word.text);
    if (STOPWORDS.has(form) || form.length < MIN_TERM) continue;
    length++;
    // A loan key meets only a word of the other script: an indexed Latin word and a query's
    // Cyrillic word are both keyed "lat:", an indexed Cyrillic word and a query's Latin word "cyr:".
    const loanPrefix = CYRILLIC.test(word.text) !== (options.query ?? false) ? 'cyr' : 'lat';
    if (isName(text, word.start, word.text, form, options.lowerForms)) {
      const { cross, loan } = wordKeysOf(word.text);
      if (cross) add(`n:${cross}`, word.text);
      // A name of the text is also indexed as a loan word, so that a word written small in the
      // other language (политбюро, петроградского) meets it (Politburo, Petrograd); a query's
      // name is looked up by its name key only, so that it does not count twice.
      if (!options.query) for (const key of loan) add(`${loanPrefix}:${key}`, word.text);
      continue;
    }
    const { forms, loan } = wordKeysOf(word.text);
    for (const key of forms) add(`t:${key}`, word.text);
    for (const key of loan) add(`${loanPrefix}:${key}`, word.text);
    if (options.query) {
      for (const stem of glossesOf(word.text)) glosses.set(`t:${stem}`, (glosses.get(`t:${stem}`) ?? 0) + 1);
    }
  }
  return { counts, surfaces, length, glosses };
}

// Stemming is the slow part of indexing a long text, and a text uses far fewer distinct words
// than it has; the memo is emptied when it grows past a bound.
const wordKeysMemo = new Map<string, WordKeys>();
const MEMO_LIMIT = 200_000;

interface WordKeys {
  readonly forms: string[];
  readonly cross: string | null;
  readonly loan: readonly string[];
}

function wordKeysOf(word: string): WordKeys {
  let keys = wordKeysMemo.get(word);
  if (!keys) {
    if (wordKeysMemo.size >= MEMO_LIMIT) wordKeysMemo.clear();
    keys = { forms: formKeys(word), cross: crossKey(word), loan: loanKeys(word) };
    wordKeysMemo.set(word, keys);
  }
  return keys;
}

/**
 * A capitalised word is a name unless it is also written in lower case in its text: then it is an
 * ordinary word that happens to open a sentence, or a common noun capitalised as a title or an
 * institution ("the General Secretary", "the Party Congress"). Without the text's lower-case
 * forms (a claim's wording), a capitalised word inside a sentence is a name.
 */
function isName(text: string, at: number, word: string, form: string, lowerForms: ReadonlySet<string> | undefined): boolean {
  if (!UPPER_FIRST.test(word)) return false;
  if (lowerForms) return !lowerForms.has(form);
  return !opensSentence(text, at);
}

function opensSentence(text: string, at: number): boolean {
  let index = at - 1;
  while (index >= 0 && /[\s"«“'(\[—–-]/u.test(text[index]!)) {
    if (text[index] === '\n') return true;
    index--;
  }
  return index < 0 || /[.!?…:;]/u.test(text[index]!);
}

/**
 * A loan word's Latin skeleton, cut to its first letters: the cross-script key with the spellings
 * that differ between a Latin word and its Cyrillic borrowing folded (ph/f, th/t, x/ks, a soft c
 * and ц/ts both t, so that -tion meets -ция and incident инцидент; a hard c k; z and s one
 * letter, so that opposition meets оппозиция). A word gives its skeleton cut at MIN_LOAN_SKELETON
 * and at LOAN_PREFIX letters: a pair that shares six letters (collectivization, коллективизация)
 * shares two keys, one whose endings part after five (arrested, арестован; Soviet, советский)
 * shares one. None for a word too short to say anything when cut.
 */
export function loanKeys(word: string): string[] {
  const cross = crossKey(word);
  if (!cross) return [];
  const skeleton = cross
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/x/g, 'ks')
    .replace(/ck/g, 'k')
    .replace(/c(?=[ei])/g, 't')
    .replace(/c(?!h)/g, 'k')
    .replace(/ts/g, 't')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
  if (skeleton.length < MIN_LOAN_SKELETON) return [];
  const short = skeleton.slice(0, MIN_LOAN_SKELETON);
  return skeleton.length > MIN_LOAN_SKELETON ? [short, skeleton.slice(0, LOAN_PREFIX)] : [short];
}
