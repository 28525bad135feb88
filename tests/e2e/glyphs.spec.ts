/**
 * No character the interface writes (icons such as ◆ ✔ ⚠, arrows, quotation marks, the captions'
 * marks) shows as an empty box: each is drawn by a font Chromium has, in the interface's and the
 * reading text's font stacks. A character no font has is drawn exactly like an unassigned code
 * point (the fallback box), which is what this compares against.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/temp';
import { expect, test } from './workbench';

const sources = path.join(repoRoot, 'renderer', 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(tsx?|css)$/.test(entry.name) ? [full] : [];
  });
}

/** Every visible non-ASCII character in the renderer's code and styles, escapes (`\u25C6`, CSS `\25C6`) included. */
function charactersOfTheInterface(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(sources)) {
    const source = fs.readFileSync(file, 'utf8');
    const escapes = file.endsWith('.css')
      ? [...source.matchAll(/\\([0-9a-fA-F]{2,6})\s?/g)].map((match) => String.fromCodePoint(parseInt(match[1]!, 16)))
      : [...source.matchAll(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g)].map((match) => String.fromCodePoint(parseInt(match[1] ?? match[2]!, 16)));
    for (const character of [...source, ...escapes]) {
      if (character.codePointAt(0)! < 0x80 || !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(character)) continue;
      if (!found.has(character)) found.set(character, path.relative(repoRoot, file));
    }
  }
  return found;
}

test('every character the interface writes is drawn by a font, none as an empty box', async ({ page, workbench }) => {
  const characters = charactersOfTheInterface();
  expect(characters.size).toBeGreaterThan(20);
  await page.goto(workbench.server.url);
  await expect(page.locator('section.pane').first()).toBeVisible();
  const missing = await page.evaluate((list) => {
    const style = getComputedStyle(document.documentElement);
    const stacks = [style.getPropertyValue('--ui'), style.getPropertyValue('--reading')].map((stack) => stack.trim());
    const draw = (character: string, stack: string): string => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.font = `40px ${stack}`;
      context.fillText(character, 8, 48);
      return canvas.toDataURL();
    };
    const problems: string[] = [];
    for (const stack of stacks) {
      // U+0378 is unassigned: no font has it, so it is drawn as the fallback box.
      const box = draw('\u0378', stack);
      for (const character of list) {
        if (draw(character, stack) === box) problems.push(`${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase()}) in ${stack}`);
      }
    }
    return problems;
  }, [...characters.keys()]);
  expect(missing.map((problem) => `${problem}, used in ${characters.get([...problem][0]!)}`)).toEqual([]);
});
