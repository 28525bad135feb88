/**
 * Citation markers of text exported from the web (`[12]`, `[a]`, `[citation needed]`, `[12]: 45`):
 * found by their shape, so that the normalizer can set them aside as atoms instead of copying them
 * into the reading text. Square brackets of any other shape stay text: editorial insertions in
 * quotations (`[O.S. 6 December]`, `[Stalin's]`, `[...]`, `[sic]`) and IPA transcriptions.
 */
import { z } from 'zod';

/**
 * The inline templates an encyclopedia article shows in square brackets: maintenance tags that
 * stand where a reference would ("citation needed"), or ask for one ("who?", "according to whom?").
 * Compared ignoring case, runs of white space and the kind of dash ("dubious – discuss").
 */
const WIKIPEDIA_INLINE_PHRASES: readonly string[] = [
  'citation needed',
  'citation needed to verify',
  'full citation needed',
  'additional citation needed',
  'additional citations needed',
  'additional citation(s) needed',
  'medical citation needed',
  'better source needed',
  'better source',
  'non-primary source needed',
  'third-party source needed',
  'unreliable source?',
  'unreliable medical source?',
  'self-published source?',
  'promotional source?',
  'user-generated source?',
  'source needed',
  'quotation needed',
  'attribution needed',
  'page needed',
  'pages needed',
  'page range too broad',
  'year needed',
  'volume & issue needed',
  'verification needed',
  'failed verification',
  'not in citation given',
  'not specific enough to verify',
  'citation not found',
  'irrelevant citation',
  'circular reference',
  'dead link',
  'permanent dead link',
  'who?',
  'whom?',
  'whose?',
  'who said this?',
  'according to whom?',
  'by whom?',
  'when?',
  'where?',
  'which?',
  'what?',
  'why?',
  'how?',
  'how much?',
  'by how much?',
  'clarification needed',
  'further explanation needed',
  'definition needed',
  'example needed',
  'examples needed',
  'specify',
  'vague',
  'dubious – discuss',
  'disputed – discuss',
  'original research?',
  'improper synthesis?',
  'neutrality is disputed',
  'weasel words',
  'peacock term',
  'contradictory',
  'inconsistent',
  'update needed',
  'needs update',
  'out of date',
  'obsolete source',
  'pronunciation?',
  'ipa needed',
  'translation needed',
];

export const CitationSettings = z.strictObject({
  /** `[12]`: reference numbers. */
  numeric: z.boolean().default(true),
  /**
   * `[a]`, `[nb 1]`, `[note 3]`, `[lower-alpha 2]`: footnote labels. Only when attached to the word
   * before them (no space), so that an IPA `[a]` after "pronounced" stays text.
   */
  footnoteLabels: z.boolean().default(true),
  /** Inline template phrases (see WIKIPEDIA_INLINE_PHRASES). */
  phrases: z.array(z.string().min(1)).default([...WIKIPEDIA_INLINE_PHRASES]),
  /** `[12]: 45`, `[12]: 45–47`, `[12]: p. 45`: the page reference belongs to the marker. */
  pageNumbers: z.boolean().default(true),
});
export type CitationSettings = z.infer<typeof CitationSettings>;
export type CitationSettingsInput = z.input<typeof CitationSettings>;

export interface CitationMatch {
  /** [start, end) in the raw text: the bracketed marker and, for a page-cited form, its page reference. */
  readonly start: number;
  readonly end: number;
  /** What the marker says: "12", "a", "citation needed", "12: 45". */
  readonly label: string;
}

/** A citation finder with its settings compiled once. */
export interface CitationFinder {
  /** The citation markers inside raw[from, to), in order. */
  find(raw: string, from: number, to: number): CitationMatch[];
}

const NUMERIC = /^\d{1,4}$/;
const FOOTNOTE_LABEL = /^(?:[a-z]|(?:nb|note|n|lower-alpha|upper-alpha|lower-roman|upper-roman) ?\d{1,3})$/i;
const PAGE_SUFFIX = /:\s?((?:pp?\.\s?)?\d{1,5}(?:\s?[–—-]\s?\d{1,5})?(?:,\s?\d{1,5}(?:\s?[–—-]\s?\d{1,5})?)*)(?![\p{L}\p{N}])/uy;
/** Longest bracketed text considered for a marker: markers are short. */
const MAX_MARKER = 60;

/**
 * The comparison form of a phrase: lower case, one space for any run of white space, and any dash
 * (with or without spaces around it) as " – ", so that "dubious - discuss" and "dubious—discuss"
 * compare equal to "dubious – discuss". Both the settings and the text go through it.
 */
export function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/\s*[–—‐-]\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function citationFinder(input: CitationSettingsInput = {}): CitationFinder {
  const settings = CitationSettings.parse(input);
  const phrases = new Set(settings.phrases.map(normalizePhrase));

  function classify(raw: string, open: number, inner: string): string | null {
    if (settings.numeric && NUMERIC.test(inner)) return inner;
    const attached = open > 0 && !/\s/.test(raw[open - 1]!);
    if (settings.footnoteLabels && attached && FOOTNOTE_LABEL.test(inner)) return inner;
    if (phrases.size > 0 && phrases.has(normalizePhrase(inner))) return inner;
    return null;
  }

  return {
    find(raw, from, to) {
      const found: CitationMatch[] = [];
      let open = raw.indexOf('[', from);
      while (open !== -1 && open < to) {
        const limit = Math.min(to, open + MAX_MARKER + 2);
        let close = -1;
        for (let index = open + 1; index < limit; index++) {
          const char = raw[index];
          if (char === ']') {
            close = index;
            break;
          }
          if (char === '[' || char === '\n') break;
        }
        if (close === -1) {
          open = raw.indexOf('[', open + 1);
          continue;
        }
        const inner = raw.slice(open + 1, close);
        let label = classify(raw, open, inner);
        let end = close + 1;
        if (label !== null && settings.pageNumbers && NUMERIC.test(inner)) {
          PAGE_SUFFIX.lastIndex = end;
          const page = PAGE_SUFFIX.exec(raw);
          if (page && page.index + page[0].length <= to) {
            label = `${inner}: ${page[1]}`;
            end = page.index + page[0].length;
          }
        }
        if (label !== null) found.push({ start: open, end, label });
        open = raw.indexOf('[', label !== null ? end : open + 1);
      }
      return found;
    },
  };
}
