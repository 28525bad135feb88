/**
 * One place converts between UTF-16 offsets and code points: shared/anchoring/selectors.ts (the
 * W3C selectors count code points, JavaScript strings UTF-16 units). A conversion written again
 * elsewhere drifts from it (a lone surrogate, an offset between the halves of a pair), so every
 * file of shared/, renderer/ and electron/ is searched for the usual ways of writing one.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/temp';
import { readCheckedFiles, type SourceText } from './layers';

const THE_MODULE = 'shared/anchoring/selectors.ts';

/** Ways of counting or walking code points by hand. */
const HAND_MADE: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a code-point length by spreading a string', pattern: /\[\.\.\.[^\]\n]+\]\.length/ },
  { what: 'a code-point length by Array.from', pattern: /Array\.from\([\w.]+\)\.length/ },
  { what: 'a walk over a string by code points', pattern: /for \(const (char|ch|character|codePoint|point)\b[^)\n]* of / },
  { what: 'codePointAt', pattern: /\.codePointAt\(/ },
  { what: 'a surrogate range', pattern: /0x[dD][89a-fA-F][0-9a-fA-F]{2}\b/ },
];

function handMadeConversions(files: readonly SourceText[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file.path === THE_MODULE) continue;
    file.text.split('\n').forEach((line, index) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const { what, pattern } of HAND_MADE) {
        if (pattern.test(line)) found.push(`${file.path}:${index + 1}: ${what} (use ${THE_MODULE}): ${line.trim()}`);
      }
    });
  }
  return found;
}

describe('code points are converted in one place', () => {
  it('the search catches each way of converting by hand, and not the module itself or comments', () => {
    const found = handMadeConversions([
      { path: 'shared/x.ts', text: 'const n = [...text].length;' },
      { path: 'shared/y.ts', text: 'const n = Array.from(quote).length;' },
      { path: 'electron/z.ts', text: 'for (const char of printed) {\n  utf16 += char.length;\n}' },
      { path: 'renderer/src/w.ts', text: 'const code = text.codePointAt(0);' },
      { path: 'electron/v.ts', text: 'const high = code >= 0xd800 && code <= 0xdbff;' },
      { path: 'shared/u.ts', text: '// a comment may say [...text].length' },
      { path: THE_MODULE, text: 'const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;' },
    ]);
    expect(found.map((line) => line.split(':')[0])).toEqual(['shared/x.ts', 'shared/y.ts', 'electron/z.ts', 'renderer/src/w.ts', 'electron/v.ts']);
  });

  it('no file of shared/, renderer/ or electron/ converts by hand', () => {
    const files = readCheckedFiles(repoRoot);
    expect(files.some((file) => file.path === THE_MODULE)).toBe(true);
    expect(handMadeConversions(files)).toEqual([]);
  });
});
