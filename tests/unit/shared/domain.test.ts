/** Rules of the document record that every host and the renderer share. */
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../electron/corpus/manifest';
import { COMMON_ENCODINGS, displayTitle } from '../../../shared/domain';
import { corpusDir } from '../../support/temp';

describe('the title of a document as shown and cited', () => {
  it('puts a title an editor supplied in square brackets, and leaves the source’s own title as it is', () => {
    const titles = readManifest(corpusDir).sources.map((source) => ({ ...source, shown: displayTitle(source) }));
    const supplied = titles.filter((title) => title.titleSupplied);
    const own = titles.filter((title) => !title.titleSupplied);
    expect(supplied.length).toBeGreaterThan(0);
    expect(own.length).toBeGreaterThan(0);
    for (const title of supplied) expect(title.shown).toBe(`[${title.title}]`);
    for (const title of own) expect(title.shown).toBe(title.title);
  });
});

describe('the encodings offered to switch to', () => {
  it('are WHATWG names every host decodes, each once, UTF-8 first', () => {
    for (const name of COMMON_ENCODINGS) expect(new TextDecoder(name).encoding).toBe(name);
    expect(new Set(COMMON_ENCODINGS).size).toBe(COMMON_ENCODINGS.length);
    expect(COMMON_ENCODINGS[0]).toBe('utf-8');
  });
});
