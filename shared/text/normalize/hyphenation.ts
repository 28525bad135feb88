/**
 * Line-end hyphenation of hard-wrapped text: is "Dzhu- / gashvili" a word broken by the
 * typesetter (join it), "non- / Bolshevism" a compound (keep the hyphen), "first- / and" a
 * suspended hyphen, or "leaders- / Lenin" a dash read as a hyphen?
 *
 * Decided first from the document itself (does the joined or the hyphenated form occur elsewhere
 * in it, as a whole word?), then from an English word list, then from the shape of the two
 * halves. Every decision comes with a reason a reader understands.
 */
import englishWordArray from 'an-array-of-english-words' with { type: 'json' };

/** A set of lower-case words. */
export interface WordList {
  has(word: string): boolean;
}

/** A sorted word array, searched by halves: no set of 275,000 entries to build at start-up. */
class SortedWordList implements WordList {
  constructor(private readonly words: readonly string[]) {}

  has(word: string): boolean {
    const { words } = this;
    let low = 0;
    let high = words.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = words[middle]!;
      if (candidate === word) return true;
      if (candidate < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

let englishWords: WordList | undefined;

/** ~275,000 lower-case English words, inflected forms included (package an-array-of-english-words, MIT). */
export function englishWordList(): WordList {
  if (!englishWords) {
    const words = englishWordArray as readonly string[];
    let sorted = true;
    for (let index = 1; index < words.length && sorted; index++) sorted = words[index - 1]! < words[index]!;
    englishWords = sorted ? new SortedWordList(words) : new Set(words);
  }
  return englishWords;
}

export const NO_WORDS: WordList = { has: () => false };

/** Endings of English word forms, longest first: a form missing from the list may have its stem there. */
const ENDINGS = ['ations', 'ation', 'ments', 'ment', 'nesses', 'ness', 'isms', 'ism', 'ists', 'ist', 'ings', 'ing', 'ies', 'es', 'ed', 'ly', 's'];

/** The word, or its stem without a common ending ("underlinings" → "underlining"), is in the list. */
export function isListedWord(words: WordList, key: string): boolean {
  if (words.has(key)) return true;
  for (const ending of ENDINGS) {
    if (key.length - ending.length < 4 || !key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    if (words.has(stem) || words.has(`${stem}e`) || (ending === 'ies' && words.has(`${stem}y`))) return true;
  }
  return false;
}

/** Lower case, without a possessive "'s" or a final apostrophe. */
function wordKey(word: string): string {
  return stripPossessive(word.toLowerCase());
}

function stripPossessive(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, -1);
  if (last === 115 /* s */) {
    const before = word.charCodeAt(word.length - 2);
    if (before === 39 || before === 0x2019) return word.slice(0, -2);
  }
  return word;
}

const LETTER = /\p{L}/u;
const WORD = /[\p{L}\p{N}]/u;

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return code === code && LETTER.test(String.fromCharCode(code));
}

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return code === code && WORD.test(String.fromCharCode(code));
}

/**
 * What the document says about its own words, gathered in one pass: how often each word occurs,
 * alone or inside a compound, and how often each hyphenated pair occurs. The halves of words
 * broken at a line end are left out, so that all counts mean "elsewhere".
 */
interface WordCounts {
  /** Occurrences alone or inside a compound. */
  word: number;
  /** Occurrences alone. */
  standalone: number;
  /** Occurrences before a hyphen inside a compound. */
  head: number;
}

export class HyphenEvidence {
  private readonly words = new Map<string, WordCounts>();
  private readonly pairs = new Map<string, number>();
  /** All word tokens counted. */
  tokens = 0;

  static fromText(text: string): HyphenEvidence {
    const evidence = new HyphenEvidence();
    // Lower-cased once: keys are case-insensitive (offsets are only compared within `lower`).
    const lower = text.toLowerCase();
    const length = lower.length;
    let skipNext = false;
    let index = 0;
    // Tokens are words with their inner hyphens and apostrophes ("dzhugashvili-stalin", "stalin's"),
    // read by hand: this pass reads every character of the book once.
    while (index < length) {
      if (!isWordCode(lower.charCodeAt(index))) {
        index++;
        continue;
      }
      const start = index;
      while (index < length) {
        const code = lower.charCodeAt(index);
        if (isWordCode(code)) index++;
        else if ((code === 39 || code === 0x2019) && isLetterCode(lower.charCodeAt(index + 1))) index++;
        else if (code === 45 && isWordCode(lower.charCodeAt(index + 1))) index++;
        else break;
      }
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (lower.charCodeAt(index) === 45) {
        // "Dzhu- ⏎": a broken word (or a suspended "first- and"). If the hyphen ends the line,
        // the first word of the next line is the other half: leave both out.
        let after = index + 1;
        while (after < length && (lower[after] === ' ' || lower[after] === '\t')) after++;
        if (lower[after] === '\n' || lower[after] === '\r') skipNext = true;
        continue;
      }
      evidence.add(lower.slice(start, index));
    }
    return evidence;
  }

  private entry(key: string): WordCounts {
    let counts = this.words.get(key);
    if (!counts) {
      counts = { word: 0, standalone: 0, head: 0 };
      this.words.set(key, counts);
    }
    return counts;
  }

  /** Counts a lower-case token. */
  private add(token: string): void {
    this.tokens++;
    if (!token.includes('-')) {
      const counts = this.entry(stripPossessive(token));
      counts.word++;
      counts.standalone++;
      return;
    }
    const parts = token.split('-').map(stripPossessive);
    parts.forEach((part, index) => {
      const counts = this.entry(part);
      counts.word++;
      const next = parts[index + 1];
      if (next !== undefined) {
        counts.head++;
        const pair = `${part}-${next}`;
        this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
      }
    });
  }

  /** Occurrences of a word, alone or as part of a compound. */
  word(key: string): number {
    return this.words.get(key)?.word ?? 0;
  }

  /** Occurrences of a word on its own (not inside a hyphenated compound). */
  standalone(key: string): number {
    return this.words.get(key)?.standalone ?? 0;
  }

  /** Occurrences of "a-b" inside a hyphenated compound. */
  pair(a: string, b: string): number {
    return this.pairs.get(`${a}-${b}`) ?? 0;
  }

  /** A short word among the commonest of the document ("was", "the", "it"): no part of a compound. */
  isCommonShortWord(key: string): boolean {
    return key.length <= 4 && this.standalone(key) >= Math.max(20, this.tokens / 1000);
  }

  /** How often a word stands before a hyphen in a compound ("non-", "anti-", "mid-"). */
  head(key: string): number {
    return this.words.get(key)?.head ?? 0;
  }
}

export type HyphenAction =
  /** A typesetting break: drop the hyphen and join the halves. */
  | 'join'
  /** A real compound: keep the hyphen, join without a space. */
  | 'keep'
  /** A suspended hyphen ("first- and second-echelon"): keep the hyphen and the space. */
  | 'suspended'
  /** A dash read as a hyphen: make it a dash, join without a space. */
  | 'dash';

export interface HyphenDecision {
  readonly action: HyphenAction;
  readonly reason: string;
}

export interface HyphenContext {
  readonly evidence: HyphenEvidence;
  readonly words: WordList;
  /** Lower-case words after which a hyphen is suspended ("and", "or"). */
  readonly suspendedBefore: ReadonlySet<string>;
}

const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);
const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string) => /^\p{Lu}{2,}$/u.test(word);

/**
 * Decides a hyphen at a line end. `before` is the word (possibly a compound) the line ends with,
 * without its hyphen; `after` is the word the next line starts with.
 */
export function decideLineEndHyphen(
  before: string,
  after: string,
  context: HyphenContext,
  /** The text that follows the second word (a few dozen characters), for paired dashes. */
  following = '',
): HyphenDecision {
  const { evidence, words } = context;
  const a = before.slice(before.lastIndexOf('-') + 1);
  const bFull = after.split('-')[0] ?? after;
  const b = bFull.replace(/['’]s?$/u, '');
  const aKey = wordKey(a);
  const bKey = wordKey(b);
  const joined = `${a}${b}`;
  const hyphenated = `${a}-${b}`;
  const joinedKey = aKey + bKey;

  if (context.suspendedBefore.has(after.toLowerCase())) {
    return { action: 'suspended', reason: `a suspended hyphen before "${after}" ("${a}- ${after} …"): kept with its space` };
  }
  if (/\p{N}$/u.test(a) || /^\p{N}/u.test(b)) {
    return { action: 'keep', reason: `a number ("${hyphenated}"): the hyphen belongs to it` };
  }

  // 1. The document's own usage.
  const joinedCount = evidence.word(joinedKey);
  const hyphenatedCount = evidence.pair(aKey, bKey);
  if (joinedCount > hyphenatedCount) {
    const other = hyphenatedCount ? `"${hyphenated}" only ${times(hyphenatedCount)}` : `"${hyphenated}" never`;
    return { action: 'join', reason: `"${joined}" occurs ${times(joinedCount)} elsewhere; ${other}` };
  }
  if (hyphenatedCount > joinedCount) {
    const other = joinedCount ? `"${joinedKey}" only ${times(joinedCount)}` : `"${joinedKey}" never`;
    return { action: 'keep', reason: `"${hyphenated}" occurs ${times(hyphenatedCount)} elsewhere; ${other}` };
  }

  // 2. The shape of the halves, then the word list.
  if (isAllCaps(a) && isAllCaps(b)) {
    if (evidence.standalone(aKey) > 0 && evidence.standalone(bKey) > 0) {
      return { action: 'keep', reason: `"${a}" and "${b}" both occur as words elsewhere: a compound of abbreviations` };
    }
    return { action: 'join', reason: `a word in capitals broken at the line end ("${joined}")` };
  }
  if (isCapitalized(b)) {
    if (isCapitalized(a)) {
      return { action: 'keep', reason: `both halves are capitalized ("${hyphenated}"): a compound, not a broken word` };
    }
    const heads = evidence.head(aKey);
    if (heads > 0) {
      return { action: 'keep', reason: `"${a}-" begins compounds ${times(heads)} elsewhere: a prefix before "${b}"` };
    }
    if (evidence.standalone(aKey) > 0) {
      return {
        action: 'dash',
        reason: `"${a}" is a whole word that begins no compound elsewhere, and "${b}" is capitalized: a dash read as a hyphen`,
      };
    }
    return { action: 'keep', reason: `a lower-case prefix before a capitalized word ("${hyphenated}")` };
  }
  if (isListedWord(words, joinedKey)) {
    return { action: 'join', reason: `"${joinedKey}" is an English word; neither form occurs elsewhere` };
  }
  const isWord = (key: string) => (key.length >= 3 && words.has(key)) || evidence.standalone(key) >= 2;
  // "it- history—is": a dash opening a pair of dashes around a word or two.
  const clause = /^[^.?!;:,]{0,30}?—/u.exec(following);
  if (clause && isWord(aKey) && isWord(bKey)) {
    return { action: 'dash', reason: `another dash follows "${b}" within the clause: the first of a pair of dashes, read as a hyphen` };
  }
  if (isWord(aKey) && evidence.isCommonShortWord(bKey)) {
    return {
      action: 'dash',
      reason: `"${a}" is a whole word and "${b}" one of the commonest words of the text, never part of a compound: a dash read as a hyphen`,
    };
  }
  if (isWord(aKey) && isWord(bKey)) {
    return { action: 'keep', reason: `"${joinedKey}" is no English word, but "${a}" and "${b}" are: a compound` };
  }
  const broken = !isWord(bKey) ? b : !isWord(aKey) ? a : joined;
  return { action: 'join', reason: `"${broken}" alone is no word and neither form occurs elsewhere: a typesetting break` };
}

/**
 * Decides a hyphen followed by a space inside a line ("first- and second-echelon", "resolutions-
 * the congress"): a suspended hyphen stays as it is, anything else reads as a dash.
 */
export function decideInlineHyphen(before: string, after: string, context: HyphenContext): HyphenDecision {
  if (context.suspendedBefore.has(after.toLowerCase())) {
    return { action: 'suspended', reason: `a suspended hyphen before "${after}" ("${before}- ${after} …")` };
  }
  if (/\p{N}$/u.test(before) && /^\p{N}/u.test(after)) {
    return { action: 'suspended', reason: `a number range ("${before}- ${after}"): left as printed` };
  }
  return { action: 'dash', reason: `a hyphen and a space between "${before}" and "${after}": a dash read as a hyphen` };
}
