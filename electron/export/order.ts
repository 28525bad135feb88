/**
 * The one text order of the exports. A fixed collation (not the machine's locale) keeps two
 * exports of the same project identical wherever they are made; code points break ties so that
 * no two different strings ever compare equal.
 */
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
