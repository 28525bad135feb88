/**
 * The search syntax, parsed here rather than handed to FTS5, so that what a user types can never
 * be an FTS5 syntax error and each mistake gets a message that says what to change:
 *
 *   Kirov Stalin        both words, in any of their forms (AND may be written)
 *   Kirov OR Leningrad  either
 *   -Leningrad          leave out passages with the word (also NOT Leningrad)
 *   "in the night of"   the words in this order
 *   Джугашвил*          words beginning so
 *   (Kirov OR Киров) -murder   parentheses group
 *
 * A word in Latin letters also finds its Cyrillic spelling and its usual romanisation variants
 * (Kirov finds Киров; Trotsky finds Trotskiy); a Cyrillic word also finds its romanisation.
 */
import { codePointLength } from '../../shared/anchoring';
import { ApiError } from '../../shared/errors';
import { crossKey, foldForm, wordsOf } from './words';
import { CYRILLIC_MARK, isCyrillic, keysOf } from './word-keys';

export type Term =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'phrase'; readonly words: readonly string[] };

/**
 * Words too common to narrow a search: left out of a query as bare words (a passage without
 * "the" is not what anyone looks for), kept inside quotes.
 */
const COMMON_WORDS = new Set([
  ...['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his'],
  ...['in', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'were', 'which', 'with'],
  ...['а', 'бы', 'был', 'была', 'были', 'было', 'в', 'во', 'для', 'до', 'его', 'ее', 'же', 'за', 'и', 'из', 'их', 'к'],
  ...['как', 'ли', 'на', 'не', 'но', 'о', 'об', 'он', 'она', 'они', 'от', 'по', 'с', 'со', 'так', 'то', 'у', 'что', 'это'],
]);

const MIN_PREFIX = 2;

/** A column of keys in the index (see word-keys.ts). */
export type KeyColumn = 'forms' | 'stems' | 'cross';

/**
 * One phrase of the FTS5 expression: its tokens in this order in one of the columns, the last
 * token a prefix where `prefix`. The phrases the query looks for (not those it leaves out) are
 * what is marked in a hit.
 */
export interface QueryPhrase {
  readonly columns: readonly KeyColumn[];
  readonly tokens: readonly string[];
  readonly prefix: boolean;
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression over the key columns (forms, stems, cross). */
  readonly match: string;
  readonly phrases: readonly QueryPhrase[];
}

export function parseQuery(query: string): ParsedQuery {
  const parser = new Parser(lex(query));
  const tree = parser.parseAll();
  const phrases: QueryPhrase[] = [];
  const compiled = compile(tree, phrases);
  if (!compiled) {
    throw invalid(
      parser.sawCommonWord
        ? 'The query has only very common words (such as "the" or "и"), which would find nearly every passage: add a more telling word, or put a phrase in quotes, e.g. "in the night of".'
        : 'The query has no words to search for, only punctuation.',
    );
  }
  return { match: compiled, phrases };
}

function invalid(message: string): ApiError {
  return new ApiError('invalid_input', message, 'query');
}

// -- lexing ------------------------------------------------------------------------------------

type Lexeme =
  | { readonly type: 'open' | 'close' | 'or' | 'and' | 'not' }
  /** term null: the piece had no word (punctuation); common: a bare very common word. */
  | { readonly type: 'term'; readonly term: Term | null; readonly common: boolean };

function lex(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at]!;
    if (/\s/.test(char)) {
      at++;
    } else if (char === '(' || char === ')') {
      lexemes.push({ type: char === '(' ? 'open' : 'close' });
      at++;
    } else if (char === '"' || char === '“' || char === '«') {
      const closing = char === '"' ? '"' : char === '“' ? '”' : '»';
      const end = query.indexOf(closing, at + 1);
      if (end < 0) throw invalid(`The query opens a phrase with ${char} but does not close it with ${closing}.`);
      const words = wordsOf(query.slice(at + 1, end)).map((word) => word.text);
      if (words.length === 0) throw invalid(`The quotes ${char}${closing} hold no words to search for.`);
      lexemes.push({ type: 'term', term: words.length === 1 ? { kind: 'word', word: words[0]! } : { kind: 'phrase', words }, common: false });
      at = end + 1;
    } else if (char === '-') {
      const next = query[at + 1];
      if (next === undefined || /\s/.test(next) || next === ')') {
        throw invalid('A - must stand right before what to leave out, with no space: e.g. Kirov -Leningrad.');
      }
      lexemes.push({ type: 'not' });
      at++;
    } else {
      let end = at;
      while (end < query.length && !/[\s()"“«]/.test(query[end]!)) end++;
      lexemes.push(bare(query.slice(at, end)));
      at = end;
    }
  }
  return lexemes;
}

/** A piece of the query between spaces, quotes and parentheses: an operator, a word, a prefix or a hyphenated phrase. */
function bare(piece: string): Lexeme {
  if (piece === 'OR') return { type: 'or' };
  if (piece === 'AND') return { type: 'and' };
  if (piece === 'NOT') return { type: 'not' };
  if (piece.endsWith('*')) {
    const words = wordsOf(piece.replace(/\*+$/, ''));
    if (words.length !== 1) throw invalid(`A * ends the beginning of one word, e.g. Джугашвил* or Dzhugash*; "${piece}" is not one.`);
    const prefix = words[0]!.text;
    if (codePointLength(prefix) < MIN_PREFIX) throw invalid(`A prefix needs at least ${MIN_PREFIX} letters before the *: "${piece}" would match too much.`);
    return { type: 'term', term: { kind: 'prefix', prefix }, common: false };
  }
  const words = wordsOf(piece).map((word) => word.text);
  if (words.length === 0) return { type: 'term', term: null, common: false };
  // Kirov's or Alliluyeva-Stalina: the index splits them into words, so they are found as a phrase.
  if (words.length > 1) return { type: 'term', term: { kind: 'phrase', words }, common: false };
  return { type: 'term', term: { kind: 'word', word: words[0]! }, common: COMMON_WORDS.has(foldForm(words[0]!)) };
}

// -- parsing -----------------------------------------------------------------------------------

type Node =
  | { readonly kind: 'term'; readonly term: Term | null; readonly common: boolean }
  | { readonly kind: 'not'; readonly child: Node }
  | { readonly kind: 'and'; readonly items: readonly Node[] }
  | { readonly kind: 'or'; readonly alternatives: readonly Node[] };

class Parser {
  private at = 0;
  sawCommonWord = false;

  constructor(private readonly lexemes: readonly Lexeme[]) {}

  parseAll(): Node {
    const tree = this.parseOr();
    if (this.peek()?.type === 'close') throw invalid('The query closes a ) that was never opened.');
    return tree;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.at];
  }

  /** At the end of a group: nothing, a ), or an OR to its right. */
  private atGroupEnd(): boolean {
    const next = this.peek()?.type;
    return next === undefined || next === 'close' || next === 'or';
  }

  private parseOr(): Node {
    const alternatives: Node[] = [];
    for (;;) {
      if (this.atGroupEnd() && (alternatives.length > 0 || this.peek()?.type === 'or')) {
        throw invalid('OR needs something to search for on each side, e.g. Kirov OR Киров.');
      }
      alternatives.push(this.parseAnd());
      if (this.peek()?.type !== 'or') break;
      this.at++;
    }
    return alternatives.length === 1 ? alternatives[0]! : { kind: 'or', alternatives };
  }

  private parseAnd(): Node {
    const items: Node[] = [];
    while (!this.atGroupEnd()) {
      if (this.peek()?.type === 'and') {
        this.at++;
        if (items.length === 0 || this.atGroupEnd() || this.peek()?.type === 'and') {
          throw invalid('AND needs something to search for on each side, e.g. Kirov AND murder.');
        }
        continue;
      }
      items.push(this.parseUnary());
    }
    return { kind: 'and', items };
  }

  private parseUnary(): Node {
    const lexeme = this.lexemes[this.at++]!;
    switch (lexeme.type) {
      case 'not': {
        const next = this.peek()?.type;
        if (next === undefined || next === 'close' || next === 'or' || next === 'and') {
          throw invalid('NOT (or -) needs what to leave out right after it, e.g. Kirov NOT Leningrad.');
        }
        if (next === 'not') throw invalid('Something can be left out only once: drop the second NOT (or -).');
        return { kind: 'not', child: this.parseUnary() };
      }
      case 'open': {
        if (this.peek()?.type === 'close') throw invalid('The parentheses () hold nothing to search for.');
        const inner = this.parseOr();
        if (this.peek()?.type !== 'close') throw invalid('The query opens a ( but does not close it with ).');
        this.at++;
        return inner;
      }
      case 'term':
        if (lexeme.common) this.sawCommonWord = true;
        return { kind: 'term', term: lexeme.term, common: lexeme.common };
      default:
        // 'close', 'or' and 'and' are consumed by the group they end or join.
        throw invalid('The query closes a ) that was never opened.');
    }
  }
}

// -- compiling to FTS5 -------------------------------------------------------------------------

/**
 * The FTS5 expression of a node; null where nothing is left to search for (only punctuation or
 * very common words). The phrases looked for are added to `found` (null: inside a NOT).
 */
function compile(node: Node, found: QueryPhrase[] | null): string | null {
  switch (node.kind) {
    case 'term': {
      if (node.term === null || node.common) return null;
      const phrases = termPhrases(node.term);
      found?.push(...phrases);
      return phrases.map(phraseMatch).join(' OR ');
    }
    case 'or': {
      const alternatives = node.alternatives.map((alternative) => compile(alternative, found)).filter((part) => part !== null);
      return alternatives.length === 0 ? null : alternatives.map((part) => `(${part})`).join(' OR ');
    }
    case 'not':
      // A NOT always stands among the items of an AND group, which compiles it.
      throw new Error('NOT outside an AND group');
    case 'and': {
      const include: string[] = [];
      const exclude: string[] = [];
      for (const item of node.items) {
        const part = item.kind === 'not' ? compile(item.child, null) : compile(item, found);
        if (part) (item.kind === 'not' ? exclude : include).push(part);
      }
      if (include.length === 0) {
        if (exclude.length > 0) {
          throw invalid('The query only says what to leave out: add what to look for, e.g. Kirov -Leningrad.');
        }
        return null;
      }
      const included = include.map((part) => `(${part})`).join(' AND ');
      return exclude.length === 0 ? included : `(${included}) NOT (${exclude.map((part) => `(${part})`).join(' OR ')})`;
    }
  }
}

const quoted = (token: string): string => `"${token.replaceAll('"', '""')}"`;

function phraseMatch({ columns, tokens, prefix }: QueryPhrase): string {
  const where = columns.length === 1 ? columns[0]! : `{${columns.join(' ')}}`;
  return `${where} : ${quoted(tokens.join(' '))}${prefix ? '*' : ''}`;
}

/** The cross tokens a query word finds: a Latin word's in both scripts, a Cyrillic word's in Latin words only. */
function crossTokens(word: string): string[] {
  const key = crossKey(word);
  if (key === null) return [];
  return isCyrillic(word) ? [key] : [key, CYRILLIC_MARK + key];
}

const one = (columns: readonly KeyColumn[], token: string, prefix = false): QueryPhrase => ({ columns, tokens: [token], prefix });

/**
 * The phrases of one term over the key columns. A word finds a word with which it shares a form
 * or stem (Кирова and Киров share "киров"), or whose cross key it finds across scripts.
 */
function termPhrases(term: Term): QueryPhrase[] {
  switch (term.kind) {
    case 'word': {
      const { form, stem } = keysOf(term.word);
      const own = (form === stem ? [form] : [form, stem]).map((token) => one(['forms', 'stems'], token));
      return [...own, ...crossTokens(term.word).map((token) => one(['cross'], token))];
    }
    case 'prefix':
      return [one(['forms'], foldForm(term.prefix), true), ...crossTokens(term.prefix).map((token) => one(['cross'], token, true))];
    case 'phrase': {
      const keys = term.words.map(keysOf);
      const phrases: QueryPhrase[] = [
        { columns: ['forms'], tokens: keys.map((key) => key.form), prefix: false },
        { columns: ['stems'], tokens: keys.map((key) => key.stem), prefix: false },
      ];
      // Across scripts only where every word has a cross key: a short word's stand-in would match any short word.
      const cross = term.words.map(crossTokens);
      const variants = cross[0]!.length;
      if (variants > 0 && cross.every((tokens) => tokens.length === variants)) {
        for (let variant = 0; variant < variants; variant++) {
          phrases.push({ columns: ['cross'], tokens: cross.map((tokens) => tokens[variant]!), prefix: false });
        }
      }
      return phrases;
    }
  }
}
