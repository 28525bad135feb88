/**
 * The Russian–English glossary that lets a Russian passage find its English accounts by their
 * wording: made from the dictionaries of enru-dict by build/glossary.ts (the file in the
 * repository is exactly what it makes), looked up by stem in both directions.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGlossary, GLOSSARY_FILE, loadDictionaries } from '../../../build/glossary';
import { glossesOf } from '../../../electron/search/glossary';

describe('the Russian–English glossary', () => {
  it('is what build/glossary.ts makes from the dictionaries (run it after updating enru-dict)', () => {
    expect(fs.readFileSync(GLOSSARY_FILE, 'utf8')).toBe(buildGlossary(loadDictionaries()));
  });

  it('glosses any form of a Russian word with the stems of its English words', () => {
    // The stems are Snowball's, as the English passages are keyed: "murder", "cemeteri".
    expect(glossesOf('убийства')).toContain('murder');
    expect(glossesOf('убийство')).toContain('murder');
    expect(glossesOf('кладбище')).toContain('cemeteri');
    expect(glossesOf('преемником')).toContain('successor');
    expect(glossesOf('ночь')).toContain('night');
  });

  it('glosses an English word with Russian stems, and ё as е', () => {
    expect(glossesOf('murdered')).toContain('убийств');
    expect(glossesOf('Suspicion')).toContain('подозрен');
    expect(glossesOf('всё')).toEqual(glossesOf('все'));
  });

  it('has nothing for a name or a function word', () => {
    expect(glossesOf('Кирова')).toEqual([]);
    expect(glossesOf('the')).toEqual([]);
  });
});
