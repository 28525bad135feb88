/** Importing Markdown: structure kept, syntax left out, every character traced to the file. */
import { describe, expect, it } from 'vitest';
import { importFile, inspectFile } from '../../../electron/import';
import { blocksOf, corpusText, expectTraceable, fixture, rawRangeOf } from '../../fixtures/import/helpers';

const ARTICLE = corpusText('001_957ac4986f5e7508.txt').split('\n');
const withoutMarkers = (text: string): string => text.replace(/\[(\d+|[a-z])\]/g, '');

describe('importing Markdown', () => {
  it('keeps headings with their levels, paragraphs, block quotes and list items, and maps to the file', async () => {
    const imported = await importFile({ fileName: 'stalin.md', bytes: fixture('stalin.md') });
    expect(imported.format).toBe('md');
    expect(imported.encoding).toBe('utf-8');
    expect(imported.rawTextIsFile).toBe(true);
    expect(imported.title).toBe('Joseph Stalin'); // from the front matter
    expect(imported.language).toBe('en');
    expectTraceable(imported);

    const blocks = blocksOf(imported);
    expect(blocks.filter((block) => block.kind.startsWith('heading'))).toEqual([
      { kind: 'heading1', text: 'Joseph Stalin' },
      { kind: 'heading2', text: 'Early life' },
      { kind: 'heading3', text: 'Childhood: 1878–1899' },
      { kind: 'heading2', text: 'The Russian Revolution: 1917' },
    ]);
    // A hard-wrapped paragraph reads as the article's line, its citation markers set aside.
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: withoutMarkers(ARTICLE[0]!) });
    expect(imported.normalized.citations.slice(0, 2).map((citation) => citation.label)).toEqual(['[a]', '[2]']);
    expect(blocks.filter((block) => block.kind === 'quote').map((block) => block.text)).toEqual([ARTICLE[38], ARTICLE[39]]);
    expect(blocks.find((block) => block.kind === 'attribution')?.text).toBe("—Stalin's editorial, October 1917");
    expect(blocks.filter((block) => block.kind === 'list-item').map((block) => block.text)).toEqual([
      'Early life',
      'Childhood: 1878–1899',
      'Russian Social-Democratic Labour Party: 1899–1904',
      'The Revolution of 1905 and its aftermath: 1905–1912',
      'Editing Pravda and the Central Committee: 1912–1917',
      'The Russian Revolution: 1917',
      'In exile',
      'In Petrograd',
    ]);
    // The link's text stays, its target does not; the image and the comment leave nothing.
    const childhood = blocks.find((block) => block.text.startsWith('Stalin was born'))!;
    expect(childhood.text).toBe(withoutMarkers(ARTICLE[9]!));
    expect(imported.normalized.text).not.toContain('https://');
    expect(imported.normalized.text).not.toContain('stalin-1894.jpg');
    expect(imported.normalized.text).not.toContain('importer tests');
    expect(imported.normalized.text).not.toContain('source: English Wikipedia');
  });

  it('leaves the Markdown syntax out of the reading text', async () => {
    const imported = await importFile({ fileName: 'stalin.md', bytes: fixture('stalin.md') });
    for (const block of blocksOf(imported)) {
      expect(block.text).not.toMatch(/^(#|>|\*|-|\d+\.)\s/);
      expect(block.text).not.toMatch(/\*\*|__|\n/);
    }
    // "**Joseph Vissarionovich Stalin**" and "*Stalinism*" read without their asterisks, yet map into the file.
    const { text } = imported.normalized;
    const at = text.indexOf('Stalinism');
    expect(text.slice(at - 1, at + 10)).toBe(' Stalinism.');
    expect(rawRangeOf(imported, at, at + 9)).toBe('Stalinism');
    const quote = text.indexOf('The existing pseudo-government');
    expect(rawRangeOf(imported, quote, quote + 30)).toBe('The existing pseudo-government');
  });

  it('joins soft line breaks, honours escapes and references, and sanitizes raw HTML', async () => {
    const raw = [
      '# Kirov &amp; the *XVII* Congress',
      '',
      'Stalin \\*never\\* married',
      'a relative of',
      '> Kaganovich; the rumour came',
      '> from Nazi propaganda.',
      '',
      '<script>alert("block")</script>',
      '',
      '<p onclick="alert(\'handler\')">An <b>HTML</b> paragraph &amp; more.</p>',
      '<!-- alert("comment") -->',
      '',
      'A line with <script>alert("inline")</script> markup and `code`.',
      '',
      '   - nested',
      '     > quote in a list',
      '',
    ].join('\n');
    const imported = await importFile({ fileName: 'notes.md', bytes: new TextEncoder().encode(raw) });
    expect(blocksOf(imported)).toEqual([
      { kind: 'heading1', text: 'Kirov & the XVII Congress' },
      { kind: 'paragraph', text: 'Stalin *never* married a relative of' },
      { kind: 'quote', text: 'Kaganovich; the rumour came from Nazi propaganda.' },
      { kind: 'paragraph', text: 'An HTML paragraph & more.' },
      { kind: 'paragraph', text: 'A line with markup and code.' },
      { kind: 'list-item', text: 'nested' },
      { kind: 'quote', text: 'quote in a list' },
    ]);
    expect(imported.title).toBe('Kirov & the XVII Congress');
    expect(imported.normalized.text).not.toContain('alert');
    expectTraceable(imported);
  });

  it('previews the file as it is', async () => {
    const inspection = await inspectFile({ fileName: 'stalin.md', bytes: fixture('stalin.md') });
    expect(inspection.format).toBe('md');
    expect(inspection.preview.split('\n')).toHaveLength(20);
    expect(inspection.preview.startsWith('---\ntitle: Joseph Stalin')).toBe(true);
    expect(inspection.title).toBe('Joseph Stalin');
  });
});
