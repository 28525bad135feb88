/**
 * The line-per-block normalizer on the two bundled sources exported that way (the English
 * encyclopedia article "Joseph Stalin" and the short Russian account), with the settings of the
 * corpus manifest, and on a small article of its own to show that the rules are not tied to one file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferHeadingLevels, HeadingSettings } from '../../../../shared/text/normalize/line-per-block-headings';
import { LinePerBlockSettings, normalizeLinePerBlock } from '../../../../shared/text/normalize/line-per-block';
import type { NormalizedText, TextBlock } from '../../../../shared/text/text-model';
import { structuralProblems, untraceableCharacters } from '../../../support/traceability';
import { corpusDir } from '../../../support/temp';

const ARTICLE = '001_957ac4986f5e7508.txt';
const RUSSIAN = '000_01da8a07c5673cc1.txt';

function rawOf(file: string): string {
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
}

/** The source's `normalize` object from the manifest, validated by the normalizer's own schema. */
function settingsOf(file: string): LinePerBlockSettings {
  const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as {
    sources: { file: string; normalize: unknown }[];
  };
  const entry = manifest.sources.find((source) => source.file === file);
  if (!entry) throw new Error(`${file} is not in the manifest`);
  return LinePerBlockSettings.parse(entry.normalize);
}

const blockText = (normalized: NormalizedText, block: TextBlock) => normalized.text.slice(block.start, block.end);
const ofKind = (normalized: NormalizedText, kind: TextBlock['kind']) => normalized.blocks.filter((block) => block.kind === kind);
const outline = (normalized: NormalizedText) =>
  ofKind(normalized, 'heading').map((block) => `${'  '.repeat(block.level! - 1)}${blockText(normalized, block)}`);

describe('the encyclopedia article "Joseph Stalin"', () => {
  const raw = rawOf(ARTICLE);
  const normalized = normalizeLinePerBlock(raw, settingsOf(ARTICLE));
  const texts = (kind: TextBlock['kind']) => ofKind(normalized, kind).map((block) => blockText(normalized, block));

  it('maps every character back to the raw file, in well-formed blocks', () => {
    expect(untraceableCharacters(normalized, raw)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
  });

  it('has its 47 section headings, with the levels of the article’s outline', () => {
    expect(outline(normalized)).toEqual([
      'Early life',
      '  Childhood: 1878–1899',
      '  Russian Social-Democratic Labour Party: 1899–1904',
      '  The Revolution of 1905 and its aftermath: 1905–1912',
      '  Editing Pravda and the Central Committee: 1912–1917',
      '  The Russian Revolution: 1917',
      "In Lenin's government",
      '  Consolidating power: 1917–1918',
      '  Military Command: 1918–1921',
      "  Lenin's final years: 1921–1922",
      'Rise to power',
      '  Succeeding Lenin: 1924–1927',
      '  Dekulakisation, collectivisation, and industrialisation: 1927–1931',
      '    Economic policy',
      '    Cultural and foreign policy',
      '  Famine and the Great Terror: 1932–1939',
      'Changes to Soviet society, 1927–1939',
      '  Cult of personality',
      '  Purges and deportations',
      '    Purges and executions',
      '    Deportations',
      '  Social services',
      'World War II, 1939–1945',
      '  Pact with Hitler',
      '  Implementing the division of Eastern Europe and other invasions',
      '  Hitler breaks the pact',
      '  Soviets stop the Germans',
      '  Soviet push to Germany',
      '  Final victory',
      '  Human rights abuses',
      '  Allied conferences on post-war Europe',
      'Post-war era, 1945–1953',
      '  The Eastern Bloc',
      '  Asia',
      '  Israel',
      '  Falsifiers of History',
      '  "Doctors\' plot"',
      'Death',
      '  Assassination theory',
      '  Aftermath',
      'Political ideology',
      'Personal life and characteristics',
      '  Personality',
      '  Relationships and family',
      'Legacy',
      '  Calculating the number of victims',
      '  In the former Soviet Union',
    ]);
    const headings = ofKind(normalized, 'heading');
    expect(headings).toHaveLength(47);
    const levelOf = (title: string) => headings.find((block) => blockText(normalized, block) === title)?.level;
    expect(levelOf('Early life')).toBe(1);
    expect(levelOf('Childhood: 1878–1899')).toBe(2);
    expect(levelOf('Purges and executions')).toBe(3);
    expect(levelOf('Death')).toBe(1);
  });

  it('opens with the lead: four paragraphs, no title and no heading before them', () => {
    expect(normalized.blocks.slice(0, 4).map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(normalized.blocks[4]).toMatchObject({ kind: 'heading', level: 1 });
    expect(normalized.text.startsWith('Joseph Vissarionovich Stalin (18 December 1878 – 5 March 1953) was a Georgian-born')).toBe(true);
  });

  it('reads the line after a blank line as an image caption: 42 of them, one image row captioned Left/Middle/Right', () => {
    const captions = texts('caption');
    expect(captions).toHaveLength(42);
    const left = captions.findIndex((caption) => caption.startsWith('Left: '));
    expect(captions.slice(left, left + 3).map((caption) => caption.split(':')[0])).toEqual(['Left', 'Middle', 'Right']);
    // A short caption is not taken for a heading.
    expect(captions).toContain('The Eastern Bloc until 1989');
    expect(captions).toContain('Stalin in 1902');
    // Citation markers in captions are set aside too.
    expect(captions).toContain('Monument to Stalin stood in Gori, Georgia, until 2010 when it was demolished.');
  });

  it('has 10 hatnotes, each under its heading', () => {
    const hatnotes = ofKind(normalized, 'hatnote');
    expect(hatnotes).toHaveLength(10);
    for (const hatnote of hatnotes) expect(blockText(normalized, hatnote)).toMatch(/^(Main article|See also): /);
    expect(texts('hatnote')).toContain('See also: Stalin and anti-Semitism');
  });

  it('has block quotes, each followed by its attribution', () => {
    const kinds = normalized.blocks.map((block) => block.kind);
    const attributions = ofKind(normalized, 'attribution');
    // Four quotations attributed on a line starting with "—", six quote paragraphs between them …
    const dashed = attributions.filter((block) => blockText(normalized, block).startsWith('—'));
    expect(dashed.map((block) => blockText(normalized, block))).toEqual([
      "—Stalin's editorial, October 1917",
      '—Stalin, February 1931',
      '—Robert Service',
      '—U.S. ambassador W. Averell Harriman',
    ]);
    let quoteParagraphsBeforeDashes = 0;
    for (const attribution of dashed) {
      let index = normalized.blocks.indexOf(attribution) - 1;
      expect(kinds[index]).toBe('quote');
      while (kinds[index] === 'quote') {
        quoteParagraphsBeforeDashes++;
        index--;
      }
    }
    expect(quoteParagraphsBeforeDashes).toBe(6);
    // … and Lenin's words on Stalin, attributed without a dash.
    expect(attributions.map((block) => blockText(normalized, block))).toContain('Lenin, 4 January 1923');
    expect(ofKind(normalized, 'quote')).toHaveLength(7);
    // Every quote is followed by a quote or by its attribution.
    kinds.forEach((kind, index) => {
      if (kind === 'quote') expect(['quote', 'attribution']).toContain(kinds[index + 1]);
      if (kind === 'attribution') expect(kinds[index - 1]).toBe('quote');
    });
    expect(texts('quote')[0]).toBe(
      'The existing government of landlords and capitalists must be replaced by a new government, a government of workers and peasants.',
    );
  });

  it('sets every citation marker aside as an atom: numbers, footnote letters and inline template phrases', () => {
    const inRaw = [...raw.matchAll(/\[(\d+|[a-z]|who\?|citation needed)\]/g)];
    expect(inRaw.filter((match) => /^\d+$/.test(match[1]!))).toHaveLength(934);
    expect(inRaw).toHaveLength(940);
    expect(normalized.citations).toHaveLength(inRaw.length);
    expect(normalized.citations.map((citation) => raw.slice(citation.rawStart, citation.rawEnd))).toEqual(inRaw.map((match) => match[0]));
    expect(normalized.citations.map((citation) => citation.label).filter((label) => !/^\d+$/.test(label))).toEqual([
      'a',
      'citation needed',
      'citation needed',
      'who?',
      'who?',
      'who?',
    ]);
    expect(normalized.text).not.toMatch(/\[\d+\]/);
    expect(normalized.text).not.toMatch(/\[(a|who\?|citation needed)\]/);
    // The atom stands where the marker stood: after "Stalin", and a run shares one place.
    const first = normalized.citations[0]!;
    expect(normalized.text.slice(0, first.at)).toBe('Joseph Vissarionovich Stalin');
    const run = normalized.citations.filter((citation) => citation.at === normalized.citations.find((c) => c.label === '416')!.at);
    expect(run.map((citation) => citation.label)).toEqual(['416', '417']);
  });

  it('keeps square brackets that are not citations: editorial insertions and IPA', () => {
    for (const kept of ['[O.S. 6 December]', "[Stalin's]", '[...]', '[person,]', '[one]', '[in the October Revolution]']) {
      expect(normalized.text).toContain(kept);
    }
    expect(normalized.text).toContain('pronounced [ˈjɵsʲɪf vʲɪsɐˈrʲɵnəvʲɪtɕ ˈstalʲɪn]');
    expect(normalized.text).toContain('[iɔsɛb bɛsɑriɔnis dzɛ dʒuɣɑʃvili]');
  });

  it('reads with single spaces where markers were', () => {
    expect(normalized.text).toContain('Stalin (18 December 1878 – 5 March 1953)');
    expect(normalized.text).toContain('in Gori, on 18 December [O.S. 6 December] 1878. He was the son of');
    expect(normalized.text).toContain('nearly 3.3 million people were deported');
    expect(normalized.text).toContain('Some historians have argued');
    expect(normalized.text).not.toMatch(/ {2}/);
    for (const block of normalized.blocks) expect(blockText(normalized, block)).toBe(blockText(normalized, block).trim());
  });

  it('comes out the same from `{ "layout": "line-per-block" }` alone', () => {
    const byDefault = normalizeLinePerBlock(raw, { layout: 'line-per-block' });
    expect(byDefault.text).toBe(normalized.text);
    expect(byDefault.blocks).toEqual(normalized.blocks);
    expect(byDefault.citations).toEqual(normalized.citations);
  });
});

describe('the Russian account', () => {
  const raw = rawOf(RUSSIAN);
  const normalized = normalizeLinePerBlock(raw, settingsOf(RUSSIAN));

  it('is three paragraphs, word for word', () => {
    expect(normalized.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(normalized.text).toBe(raw.split('\n').join('\n\n'));
    expect(normalized.citations).toEqual([]);
    expect(normalized.edits).toEqual([]);
  });

  it('leaves hyphenated words, guillemets and the Roman numeral untouched', () => {
    for (const kept of ['военно-воздушных', 'по-видимому', '«', '»', 'XVII']) expect(normalized.text).toContain(kept);
  });

  it('maps every character back to the raw file, in well-formed blocks', () => {
    expect(untraceableCharacters(normalized, raw)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
  });

  it('comes out the same from `{ "layout": "line-per-block" }` alone', () => {
    expect(normalizeLinePerBlock(raw, { layout: 'line-per-block' })).toEqual(normalized);
  });
});

describe('the rules are not tied to one article', () => {
  const raw = [
    'Maria Petrovna Ivanova[a] (3 May 1850 – 9 June 1921) was a Russian chemist.[1] She taught in Kazan.[2][3]',
    'Early life',
    'Main article: Early life of Maria Ivanova',
    'Childhood: 1850–1866',
    'Ivanova was born in Kazan[4] to a family of teachers.[5]',
    '',
    'Kazan University in the 1850s',
    'Study abroad: 1867–1872',
    'She studied in Heidelberg under Bunsen.[6]',
    'Scientific career, 1873–1910',
    'See also: Kazan school of chemistry',
    'Teaching',
    'She taught for thirty years.[7]',
    'Research',
    'Her work on dyes was widely read.[8][citation needed]',
    'Death',
    'She died in Kazan in 1921.[9]',
    'Funeral',
    'The funeral was held at the university.[10]',
    'Legacy',
    'Chemistry is the sister of patience.',
    '—Ivanova, 1899[11]',
  ].join('\n');
  const normalized = normalizeLinePerBlock(raw, { layout: 'line-per-block' });

  it('finds headings and their levels, a caption, hatnotes, a quote and citations', () => {
    expect(outline(normalized)).toEqual([
      'Early life',
      '  Childhood: 1850–1866',
      '  Study abroad: 1867–1872',
      'Scientific career, 1873–1910',
      '  Teaching',
      '  Research',
      'Death',
      '  Funeral',
      'Legacy',
    ]);
    expect(normalized.blocks.map((block) => block.kind)).toEqual([
      'paragraph',
      'heading',
      'hatnote',
      'heading',
      'paragraph',
      'caption',
      'heading',
      'paragraph',
      'heading',
      'hatnote',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'quote',
      'attribution',
    ]);
    expect(normalized.citations.map((citation) => citation.label)).toEqual([
      'a', '1', '2', '3', '4', '5', '6', '7', '8', 'citation needed', '9', '10', '11',
    ]);
    expect(normalized.text.startsWith('Maria Petrovna Ivanova (3 May 1850 – 9 June 1921) was a Russian chemist. She taught in Kazan.\n\n')).toBe(true);
    expect(normalized.text.endsWith('Chemistry is the sister of patience.\n\n—Ivanova, 1899')).toBe(true);
    expect(untraceableCharacters(normalized, raw)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
  });

  it('switches each feature off with false', () => {
    const plain = normalizeLinePerBlock(raw, {
      layout: 'line-per-block',
      headings: false,
      captions: false,
      hatnotes: false,
      quotes: false,
      citations: false,
    });
    expect(new Set(plain.blocks.map((block) => block.kind))).toEqual(new Set(['paragraph']));
    expect(plain.citations).toEqual([]);
    expect(plain.text).toContain('Ivanova[a] (3 May 1850');
    expect(untraceableCharacters(plain, raw)).toEqual([]);
  });

  it('does not take blank lines for images where they separate every paragraph', () => {
    const separated = 'First paragraph.\n\nSecond paragraph, short.\n\nThird paragraph.';
    const result = normalizeLinePerBlock(separated, { layout: 'line-per-block' });
    expect(result.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('closes a section whose subsections divide its title when a heading shares no word with it', () => {
    const settings = HeadingSettings.parse({});
    const headings = (titles: [string, boolean][]) =>
      inferHeadingLevels(
        titles.map(([title, directlyAfterHeading]) => ({ title, directlyAfterHeading })),
        settings,
      );
    expect(
      headings([
        ['Society, 1927–1939', false],
        ['Purges and deportations', true],
        ['Purges', true],
        ['Deportations', false],
        ['Social services', false],
      ]),
    ).toEqual([1, 2, 3, 3, 2]);
    // Subsections that do not divide the title leave the section open.
    expect(
      headings([
        ['Industrialisation: 1927–1931', false],
        ['Economic policy', true],
        ['Foreign policy', false],
      ]),
    ).toEqual([2, 3, 3]);
  });
});

