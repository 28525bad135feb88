/**
 * The tokens the search index stores for a word, one per column: its folded form, its stem and
 * its cross-script key (see words.ts for what each means). Each column holds exactly one token
 * per word, so the n-th token of every column is the n-th word of the passage, and a phrase lines
 * up in whichever column it is matched.
 */
import { crossKey, foldForm, stemOf, type Word } from './words';

export interface WordKeys {
  readonly form: string;
  readonly stem: string;
  /** NO_CROSS, the cross key of a Latin word, or CYRILLIC_MARK + the cross key of a Cyrillic word. */
  readonly cross: string;
}

/**
 * Stands for a word without a cross key (a number, a short word), keeping the column in step.
 * Cross keys are Latin letters only, so no key is ever this.
 */
export const NO_CROSS = '0';
/**
 * Marks the cross key of a Cyrillic word: a Cyrillic query looks for its cross key in Latin words
 * only, because two Cyrillic words with one cross key differ in spelling (свои and свой both
 * become "svo"), and й is not и.
 */
export const CYRILLIC_MARK = '1';

const CYRILLIC = /\p{Script=Cyrillic}/u;

// A text repeats its words: the stemmer and the romaniser run once per distinct spelling. The
// bound keeps a long session from holding every word it ever saw.
const MAX_CACHED = 200_000;
const cache = new Map<string, WordKeys>();

export function keysOf(word: string): WordKeys {
  let keys = cache.get(word);
  if (keys === undefined) {
    const form = foldForm(word);
    const cross = crossKey(word);
    keys = {
      form,
      stem: stemOf(form) || form,
      cross: cross === null ? NO_CROSS : CYRILLIC.test(word) ? CYRILLIC_MARK + cross : cross,
    };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, keys);
  }
  return keys;
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** The three column values of a run of words, as FTS5 stores them. */
export function columnsOf(words: readonly Word[]): { forms: string; stems: string; cross: string } {
  const forms: string[] = [];
  const stems: string[] = [];
  const cross: string[] = [];
  for (const word of words) {
    const keys = keysOf(word.text);
    forms.push(keys.form);
    stems.push(keys.stem);
    cross.push(keys.cross);
  }
  return { forms: forms.join(' '), stems: stems.join(' '), cross: cross.join(' ') };
}
