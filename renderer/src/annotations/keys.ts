/**
 * The keys of the annotation toolbar, by physical key (event.code) so they work the same with a
 * Russian or any other keyboard layout: 1–8 colours, Shift+1–6 credibility, T tag, N note,
 * C claim, S similar passages in the other sources, Delete or Backspace removes the highlight,
 * Escape closes.
 */
import { HighlightColor } from '../../../shared/annotations';

export const COLORS = HighlightColor.options;

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  red: 'Red',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  magenta: 'Magenta',
  orange: 'Orange',
  gray: 'Gray',
};

export type ToolbarAction =
  | { readonly kind: 'color'; readonly color: HighlightColor }
  | { readonly kind: 'credibility'; readonly grade: number }
  | { readonly kind: 'tag' }
  | { readonly kind: 'note' }
  | { readonly kind: 'claim' }
  | { readonly kind: 'similar' }
  | { readonly kind: 'delete' }
  | { readonly kind: 'close' };

function digitOf(code: string): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  return match ? Number(match[1]) : null;
}

export function toolbarActionOf(event: Pick<KeyboardEvent, 'code' | 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): ToolbarAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return { kind: 'close' };
  if (event.key === 'Delete' || event.key === 'Backspace') return { kind: 'delete' };
  const digit = digitOf(event.code);
  if (digit !== null) {
    if (event.shiftKey) return digit >= 1 && digit <= 6 ? { kind: 'credibility', grade: digit } : null;
    const color = COLORS[digit - 1];
    return digit >= 1 && color ? { kind: 'color', color } : null;
  }
  if (event.shiftKey) return null;
  if (event.code === 'KeyT') return { kind: 'tag' };
  if (event.code === 'KeyN') return { kind: 'note' };
  if (event.code === 'KeyC') return { kind: 'claim' };
  if (event.code === 'KeyS') return { kind: 'similar' };
  return null;
}
