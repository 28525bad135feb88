/**
 * Makes electron/search/glossary-data.json, the Russian–English glossary that lets a Russian
 * passage find its English accounts by their content words ("убийство" meets "murder"), from the
 * dictionaries of enru-dict (MIT, by Liudmila Vasnetsova; both directions merged). It is kept by
 * Snowball stem, as the suggestion index keys words, so any form of a word finds the glosses of
 * any form: the stemming of 166,000 headwords takes seconds, which is why it is done here once and
 * not when a project opens. tests/unit/search/glossary.test.ts checks the file is what this makes.
 *
 * Usage: tsx build/glossary.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { STOPWORDS } from '../electron/search/stopwords';
import { foldForm, stemOf } from '../electron/search/words';

export const GLOSSARY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'electron', 'search', 'glossary-data.json');

/** Glosses kept per Russian stem: the ones most of the headword pairs agree on. */
const MAX_GLOSSES = 6;
const MIN_STEM = 3;
const CYRILLIC_WORD = /^[а-яё]+$/u;
const LATIN_WORD = /^[a-z]+$/u;

interface Dictionaries {
  /** English headword → Russian word. */
  readonly enRu: Readonly<Record<string, string>>;
  /** Russian headword → English word. */
  readonly ruEn: Readonly<Record<string, string>>;
}

export function loadDictionaries(): Dictionaries {
  const require = createRequire(import.meta.url);
  const { dict, dict_ru } = require('enru-dict') as { dict: Record<string, string>; dict_ru: Record<string, string> };
  return { enRu: dict, ruEn: dict_ru };
}

/**
 * The glossary as the JSON the runtime reads: one line per Russian stem, "stem<TAB>english
 * stems", sorted, so the same dictionaries give the same bytes.
 */
export function buildGlossary({ enRu, ruEn }: Dictionaries): string {
  // Russian stem → English stem → how many headword pairs say so.
  const pairs = new Map<string, Map<string, number>>();
  const add = (russian: string, english: string) => {
    const ru = foldForm(russian.trim());
    const en = english.trim().toLowerCase();
    // Single words only: a phrase's words would each gloss the whole headword.
    if (!CYRILLIC_WORD.test(ru) || !LATIN_WORD.test(en) || STOPWORDS.has(ru) || STOPWORDS.has(en)) return;
    const ruStem = stemOf(ru);
    const enStem = stemOf(en);
    if (ruStem.length < MIN_STEM || enStem.length < MIN_STEM) return;
    let glosses = pairs.get(ruStem);
    if (!glosses) pairs.set(ruStem, (glosses = new Map()));
    glosses.set(enStem, (glosses.get(enStem) ?? 0) + 1);
  };
  for (const [russian, english] of Object.entries(ruEn)) add(russian, english);
  for (const [english, russian] of Object.entries(enRu)) add(russian, english);

  const lines = [...pairs]
    .map(([ruStem, glosses]) => {
      const best = [...glosses]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, MAX_GLOSSES)
        .map(([enStem]) => enStem);
      return `${ruStem}\t${best.join(' ')}`;
    })
    .sort();
  return `${JSON.stringify({ source: 'enru-dict 1.1.5 (MIT), both directions, by Snowball stem', ruEn: lines.join('\n') })}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(GLOSSARY_FILE, buildGlossary(loadDictionaries()));
  console.log(`wrote ${path.relative(process.cwd(), GLOSSARY_FILE)}`);
}
