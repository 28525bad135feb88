/**
 * Headings of text exported from the web with one block per line: which lines are headings, and
 * at which level. The export keeps no level marks, so levels are inferred from evidence in the
 * headings themselves and in their order (see inferHeadingLevels).
 */
import { z } from 'zod';

/**
 * Top-level sections of encyclopedia articles by their conventional names (the sections a
 * biography or a topic article has beside its narrative). A heading counts as one when it is the
 * name or starts with it followed by " and " or ", " ("Personal life and characteristics",
 * "Death, legacy and reception"), compared ignoring case.
 */
const STANDARD_TOP_LEVEL_TITLES: readonly string[] = [
  'Early life',
  'Personal life',
  'Death',
  'Legacy',
  'Political ideology',
  'Political views',
  'Reception',
  'Works',
  'Bibliography',
  'Honours',
  'Honors',
  'Awards',
  'In popular culture',
  'See also',
  'Notes',
  'References',
  'Further reading',
  'External links',
];

export const HeadingSettings = z.strictObject({
  /** Longest line (in UTF-16 code units) that can be a heading. */
  maxLength: z.number().int().positive().default(100),
  /** A line ending in one of these (before closing quotes or brackets) is a sentence, not a heading. */
  sentenceFinal: z.string().default('.!?…:;,'),
  /** "Title: 1899–1904": a period heading with this separator is a subsection (level 2). */
  periodSubsectionSeparators: z.array(z.string().length(1)).default([':']),
  /** "Title, 1939–1945": a period heading with this separator is a top section (level 1). */
  periodSectionSeparators: z.array(z.string().length(1)).default([',']),
  /** Conventional names of top-level sections (level 1). */
  topLevelTitles: z.array(z.string().min(1)).default([...STANDARD_TOP_LEVEL_TITLES]),
});
export type HeadingSettings = z.infer<typeof HeadingSettings>;

/**
 * Whether a line (without citation markers, hatnote prefix or attribution dash: the caller checks
 * those) has the shape of a heading: short, with a letter, not starting in lower case (that would be
 * a fragment), and not ending like a sentence.
 */
export function isHeadingShaped(text: string, settings: HeadingSettings): boolean {
  if (text.length === 0 || text.length > settings.maxLength) return false;
  if (!/\p{L}/u.test(text)) return false;
  if (/^[^\p{L}]*\p{Ll}/u.test(text)) return false;
  const last = text.replace(/["'”’»)\]]+$/u, '').slice(-1);
  return last !== '' && !settings.sentenceFinal.includes(last);
}

/** "Childhood: 1878–1899" → ":"; "World War II, 1939–1945" → ","; "Asia" → null. */
function periodSeparator(title: string): string | null {
  const match = /^.*?\S\s*([^\s\p{L}\p{N}])\s*\(?\d{3,4}(?:\s*[–—-]\s*(?:\d{2,4}|present))?\)?$/u.exec(title);
  return match ? match[1]! : null;
}

export interface HeadingCandidate {
  readonly title: string;
  /**
   * Nothing but hatnotes, captions or blank lines stands between the previous heading and this
   * one: the previous heading has no text of its own before this one.
   */
  readonly directlyAfterHeading: boolean;
}

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'its', 'his', 'her', 'their', 'other']);

function contentWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const word of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.add(word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return words;
}

function sharesWord(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (b.has(word)) return true;
  return false;
}

function isTopLevelTitle(title: string, titles: readonly string[]): boolean {
  const lower = title.toLowerCase();
  return titles.some((name) => {
    const n = name.toLowerCase();
    return lower === n || lower.startsWith(`${n} and `) || lower.startsWith(`${n}, `) || lower.startsWith(`${n} & `);
  });
}

/**
 * Levels of the headings of one article, 1 for a top section. The rules, in order of strength:
 *
 * 1. Evidence in the heading itself fixes its level:
 *    - a period heading whose period follows a colon ("Childhood: 1878–1899", "The Russian
 *      Revolution: 1917") is a stage of a narrative: a subsection, level 2;
 *    - a period heading whose period follows a comma ("World War II, 1939–1945", "Post-war era,
 *      1945–1953") names the span of a whole part: a top section, level 1;
 *    - a conventional top-level name ("Early life", "Death", "Personal life and characteristics",
 *      "Legacy") is level 1.
 *    (Separators and names are settings.)
 * 2. A heading followed directly (only hatnotes or captions between) by a heading fixed by rule 1
 *    is its parent, one level up ("In Lenin's government" before "Consolidating power: 1917–1918",
 *    "Rise to power" before "Succeeding Lenin: 1924–1927").
 * 3. Walking forward, a heading not fixed yet is
 *    - the first heading of the article: level 1;
 *    - directly after a heading (no text between): a level deeper, its first subsection
 *      ("Purges and executions" right after "Purges and deportations");
 *    - after a heading fixed by rules 1–2: a level deeper, a topic within that period or section
 *      ("Economic policy" after "Dekulakisation, …: 1927–1931", "Pact with Hitler" after
 *      "World War II, 1939–1945", "Assassination theory" after "Death");
 *    - otherwise a sibling of the heading before it — unless that sibling's parent divides its own
 *      title among its subsections ("Purges and deportations" → "Purges and executions",
 *      "Deportations": every subsection so far shares a word with it) and this heading shares no
 *      word with it ("Social services"): then the parent's section is over and this heading is
 *      the parent's sibling.
 */
export function inferHeadingLevels(headings: readonly HeadingCandidate[], settings: HeadingSettings): number[] {
  const count = headings.length;
  const fixed: (number | null)[] = headings.map(({ title }) => {
    const separator = periodSeparator(title);
    if (separator !== null && settings.periodSubsectionSeparators.includes(separator)) return 2;
    if (separator !== null && settings.periodSectionSeparators.includes(separator)) return 1;
    if (isTopLevelTitle(title, settings.topLevelTitles)) return 1;
    return null;
  });
  for (let index = 0; index + 1 < count; index++) {
    const child = fixed[index + 1];
    if (fixed[index] === null && child != null && headings[index + 1]!.directlyAfterHeading) {
      fixed[index] = Math.max(1, child - 1);
    }
  }

  const words = headings.map(({ title }) => contentWords(title));
  const levels: number[] = [];
  for (let index = 0; index < count; index++) {
    const own = fixed[index];
    let level: number;
    if (own != null) level = own;
    else if (index === 0) level = 1;
    else if (headings[index]!.directlyAfterHeading || fixed[index - 1] != null) level = levels[index - 1]! + 1;
    else {
      level = levels[index - 1]!;
      const parent = findParent(levels, index, level);
      if (parent !== -1 && !sharesWord(words[index]!, words[parent]!)) {
        const subsections = childrenOf(levels, parent, index);
        if (subsections.length > 0 && subsections.every((child) => sharesWord(words[child]!, words[parent]!))) {
          level = levels[parent]!;
        }
      }
    }
    levels.push(Math.min(6, Math.max(1, level)));
  }
  return levels;
}

/** The nearest heading before `index` with a level above `level`, or -1. */
function findParent(levels: readonly number[], index: number, level: number): number {
  for (let candidate = index - 1; candidate >= 0; candidate--) if (levels[candidate]! < level) return candidate;
  return -1;
}

/** The direct subsections of `parent` among the headings before `end`. */
function childrenOf(levels: readonly number[], parent: number, end: number): number[] {
  const children: number[] = [];
  for (let index = parent + 1; index < end; index++) {
    if (levels[index]! <= levels[parent]!) break;
    if (levels[index] === levels[parent]! + 1) children.push(index);
  }
  return children;
}
