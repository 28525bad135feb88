/**
 * How a plain text file is laid out, guessed from its lines, to pick the normalizer's layout:
 * 'hard-wrapped' (lines broken at a fixed width, paragraphs separated by blank lines: OCR, e-texts,
 * mail) or 'line-per-block' (one paragraph per line, as text copied from the web).
 */
import type { TextLayout } from './types';

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface LayoutEvidence {
  readonly layout: TextLayout;
  readonly lines: number;
  readonly medianLength: number;
  readonly wrapWidth: number;
  readonly blankShare: number;
  readonly nearWidthShare: number;
}

export function layoutEvidence(text: string): LayoutEvidence {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const lengths = lines
    .map((line) => line.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  const blankShare = lines.length === 0 ? 0 : (lines.length - lengths.length) / lines.length;
  const medianLength = quantile(lengths, 0.5);
  // The wrap width: the length most full lines reach (the 90th percentile, so that a few over-long lines do not count).
  const wrapWidth = quantile(lengths, 0.9);
  const nearWidthShare = lengths.length === 0 ? 0 : lengths.filter((length) => length >= wrapWidth * 0.75).length / lengths.length;
  const hardWrapped =
    lengths.length >= 8 &&
    wrapWidth >= 30 &&
    wrapWidth <= 110 &&
    medianLength >= 0.6 * wrapWidth &&
    nearWidthShare >= 0.5 &&
    // Paragraphs need separating blank lines for the hard-wrapped normalizer; without them each line is its own block.
    blankShare >= 0.02;
  return { layout: hardWrapped ? 'hard-wrapped' : 'line-per-block', lines: lengths.length, medianLength, wrapWidth, blankShare, nearWidthShare };
}

export function guessLayout(text: string): TextLayout {
  return layoutEvidence(text).layout;
}
