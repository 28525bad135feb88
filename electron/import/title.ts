/**
 * A title derived from a file (its name, its <title>, its metadata) as the workbench shows it: a
 * file name can carry a line break (which would break a list or a CLI table) and Unicode's bidi
 * override and isolate controls, which reorder what follows them ("report\u202Etxt.exe" shows as
 * "reportexe.txt"), so a title could pass itself off as another. Those are dropped and control
 * characters become spaces; the file name itself is stored unchanged with the version, so the
 * original stays traceable.
 */

/** C0 and C1 control characters (tab, line breaks and the rest). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `title` safe to show, or null when nothing but controls and white space is left. */
export function cleanTitle(title: string | null): string | null {
  if (title === null) return null;
  const cleaned = title.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

/** The title a file's name gives: its last path segment without the extension, cleaned. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return cleanTitle(base.replace(/\.[^.]+$/, '')) ?? (cleanTitle(base) || 'Untitled');
}
