/**
 * What one request may make a host hold, in one place. Each bound is far beyond what a historian
 * meets in real work; it exists so that a runaway call (a script, a paste gone wrong, another
 * tool's file) is refused with a message instead of driving the server out of memory: a highlight
 * over a whole 1.3 MB book, gathered forty times into a claim, once took the browser host past 2 GB
 * when that claim was exported and compared.
 */
import { z } from 'zod';

export { MAX_NOTE_BYTES } from './annotations';
export { MAX_ACCOUNTS_PER_CLAIM } from './claims';

/**
 * The longest passage one highlight may cover, in UTF-16 code units of the reading text: about
 * 25 printed pages. A longer stretch is a chapter, which a historian cites by its heading; every
 * highlight's quote travels in listings, exports and comparisons, so its length multiplies.
 */
export const MAX_HIGHLIGHT_LENGTH = 50_000;

/** The most tags one highlight may carry: a codebook applied whole to one passage is a mistake. */
export const MAX_TAGS_PER_HIGHLIGHT = 1_000;

/** The longest title a document may get, from the API or an exchange file alike. */
export const MAX_TITLE_LENGTH = 1_000;

/** Adds the highlight-length bound to a schema of `{ start, end }`, naming `end` as the field at fault. */
export function withinHighlightLength<T extends z.ZodType<{ start: number; end: number }>>(schema: T) {
  return schema.superRefine((range, context) => {
    const length = range.end - range.start;
    if (length > MAX_HIGHLIGHT_LENGTH) {
      context.addIssue({ code: 'custom', path: ['end'], message: highlightTooLong(length) });
    }
  });
}

export function highlightTooLong(length: number): string {
  return `A highlight may span at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString('en')} characters (about 25 pages); this one spans ${length.toLocaleString('en')}. Highlight the passage in parts.`;
}
