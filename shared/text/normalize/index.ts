/**
 * The normalizer: from a decoded raw text to a structured, traceable reading text. Shared rules
 * per layout, switched and tuned by per-source settings (the corpus manifest, or an importer).
 */
import { z } from 'zod';
import type { NormalizedText } from '../text-model';
import { HardWrappedSettings, normalizeHardWrapped } from './hard-wrapped';
import { LinePerBlockSettings, normalizeLinePerBlock } from './line-per-block';

/** Recorded with every version, so a reader knows which rules made its text. */
export const NORMALIZER = 'sourcebench-normalizer@2';

export const NormalizeSettings = z.discriminatedUnion('layout', [LinePerBlockSettings, HardWrappedSettings]);
export type NormalizeSettings = z.infer<typeof NormalizeSettings>;

export function normalize(raw: string, settings: NormalizeSettings): NormalizedText {
  switch (settings.layout) {
    case 'line-per-block':
      return normalizeLinePerBlock(raw, settings);
    case 'hard-wrapped':
      return normalizeHardWrapped(raw, settings);
  }
}
