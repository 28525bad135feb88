/**
 * Highlight colours as REFI-QDA's #RRGGBB. The values are the swatches the workbench shows
 * (renderer/src/styles.css, light theme), so a code keeps the colour its user picked; a test
 * keeps the two in step. Another tool's colour comes in as the nearest of ours.
 */
import type { HighlightColor } from '../../../shared/annotations';

export const HIGHLIGHT_HEX: Readonly<Record<HighlightColor, string>> = {
  yellow: '#f2d64b',
  red: '#e0645c',
  green: '#6dbb6a',
  blue: '#5b9bd5',
  purple: '#9b7fd1',
  magenta: '#d36ab8',
  orange: '#ee9a4a',
  gray: '#9c9a95',
};

/** The highlight colour closest to "#RRGGBB" or "#RGB", or null for anything else. */
export function nearestHighlightColor(hex: string): HighlightColor | null {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  let best: HighlightColor | null = null;
  let bestDistance = Infinity;
  for (const [name, value] of Object.entries(HIGHLIGHT_HEX) as [HighlightColor, string][]) {
    const distance = perceivedDistance(rgb, parseHex(value)!);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function parseHex(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join('') : match[1]!;
  return [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16)) as [number, number, number];
}

/**
 * "Redmean" colour distance: plain RGB distance would send a saturated red to orange or gray;
 * weighting the channels by how red the pair is follows perception closely enough for eight
 * far-apart swatches.
 */
function perceivedDistance([r1, g1, b1]: [number, number, number], [r2, g2, b2]: [number, number, number]): number {
  const meanRed = (r1 + r2) / 2;
  const dr = r1 - r2;
  const dg = g1 - g2;
  const db = b1 - b2;
  return (2 + meanRed / 256) * dr * dr + 4 * dg * dg + (2 + (255 - meanRed) / 256) * db * db;
}
