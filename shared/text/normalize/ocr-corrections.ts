/**
 * OCR corrections: per-source rules (pattern, replacement, reason) applied to the raw text. Each
 * correction is logged as an edit with its raw form, so none is silent and every one can be
 * undone by a reader. Rules are meant for misreadings that are certain ("V.l." for "V.I.", "Ail-"
 * for "All-"), never for names.
 */
import { z } from 'zod';
import { RegexSource } from './furniture';

export const OcrCorrectionRule = z.object({
  /** A regular expression (compiled with the "u" flag); lookbehind and lookahead may give context. */
  pattern: RegexSource,
  /** The replacement, with $1…$9, $<name> and $& for the groups of the match. */
  replacement: z.string(),
  /** Why, in words a reader understands: shown with the edit. */
  reason: z.string().min(1),
});
export type OcrCorrectionRule = z.infer<typeof OcrCorrectionRule>;

export interface OcrCorrection {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reason: string;
}

function expand(replacement: string, match: RegExpExecArray): string {
  return replacement.replace(/\$(\d|&|<([^>]+)>)/g, (whole, token: string, name: string | undefined) => {
    if (token === '&') return match[0];
    if (name !== undefined) return match.groups?.[name] ?? '';
    return match[Number(token)] ?? '';
  });
}

/**
 * All corrections the rules make in `raw`, sorted by position and never overlapping (an earlier
 * match wins). Matches that would change nothing are left out.
 */
export function findOcrCorrections(raw: string, rules: readonly OcrCorrectionRule[]): OcrCorrection[] {
  const found: OcrCorrection[] = [];
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern, 'gu');
    for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const text = expand(rule.replacement, match);
      if (text !== match[0]) {
        found.push({ start: match.index, end: match.index + match[0].length, text, reason: rule.reason });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const result: OcrCorrection[] = [];
  let reached = 0;
  for (const correction of found) {
    if (correction.start < reached) continue;
    result.push(correction);
    reached = correction.end;
  }
  return result;
}
