/**
 * The hard-wrapped normalizer on the bundled Volkogonov OCR text: what a historian reading it
 * relies on (chapters and sections, epigraphs and verse kept, page furniture out of the text but
 * still citable, paragraphs whole across column breaks, every character traceable), and a small
 * invented text showing that the rules are generic and steered by settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../../electron/corpus/manifest';
import { normalize } from '../../../../shared/text/normalize';
import { normalizeHardWrapped } from '../../../../shared/text/normalize/hard-wrapped';
import type { NormalizedText, TextBlock } from '../../../../shared/text/text-model';
import { corpusDir } from '../../../support/temp';
import { structuralProblems, untraceableCharacters } from '../../../support/traceability';

const FILE = '002_10df7f476cedd2f2.txt';

/** Asserts that the reading text contains `phrase` (without printing the whole book when it does not). */
function expectPhrase(normalized: NormalizedText, phrase: string, present = true): void {
  expect(normalized.text.includes(phrase), `${present ? 'missing' : 'unexpected'}: ${phrase}`).toBe(present);
}

function blockText(normalized: NormalizedText, block: TextBlock): string {
  return normalized.text.slice(block.start, block.end);
}

/** The block that holds the whole of `phrase`, or undefined when the phrase is missing or split. */
function blockHolding(normalized: NormalizedText, phrase: string): TextBlock | undefined {
  const at = normalized.text.indexOf(phrase);
  if (at === -1) return undefined;
  return normalized.blocks.find((block) => block.start <= at && at + phrase.length <= block.end);
}

describe('the hard-wrapped normalizer on the Volkogonov translation', () => {
  let raw: string;
  let normalized: NormalizedText;

  beforeAll(() => {
    raw = fs.readFileSync(path.join(corpusDir, FILE), 'utf8');
    const entry = readManifest(corpusDir).sources.find((source) => source.file === FILE);
    if (!entry) throw new Error(`${FILE} is not in the manifest`);
    expect(entry.normalize.layout).toBe('hard-wrapped');
    normalized = normalize(raw, entry.normalize);
  });

  it('keeps every character traceable to the raw file, in well-formed blocks', () => {
    expect(untraceableCharacters(normalized, raw)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
  });

  it('finds the six chapters as level-1 headings, in order', () => {
    const chapters = normalized.blocks.filter((block) => block.kind === 'heading' && block.level === 1);
    expect(chapters.map((block) => blockText(normalized, block))).toEqual([
      'Chapter I. The October Glow',
      "Chapter II. The Leader's Warning",
      'Chapter III. His Struggle',
      'Chapter IV. Dictatorship or Dictator?',
      'Chapter V. In the Toga of a Leader',
      'Chapter VI. The Culmination of the Tragedy',
    ]);
  });

  it('finds the section headings at level 2, whatever their style', () => {
    const sections = normalized.blocks
      .filter((block) => block.kind === 'heading' && block.level === 2)
      .map((block) => blockText(normalized, block));
    expect(sections.length).toBeGreaterThanOrEqual(28);
    expect(sections.length).toBeLessThanOrEqual(33);
    for (const heading of [
      'The February Prologue',
      'The Russian Vendee', // no blank line before it in the file
      'Intellectual Confusion', // no blank line before it either
      'Stalin or Trotskiy?',
      "'Congress of Victors'",
      'In the Shadow of the "Leader."',
      'Stalin: "Value Cadres Highly..."',
      'Guilt Without Forgiveness',
    ]) {
      expect(sections).toContain(heading);
    }
    // Signatures and letter lines in title case are not headings.
    expect(sections).not.toContain('"Klimov, Tokmakov."');
    expect(sections).not.toContain('A. France.');
  });

  it('opens with Lenin\'s epigraph and its attribution, before the first chapter heading', () => {
    const [epigraph, attribution, heading] = normalized.blocks;
    expect(['quote', 'verse']).toContain(epigraph!.kind);
    expect(epigraph!.role).toBe('epigraph');
    expect(blockText(normalized, epigraph!)).toMatch(/^The Pharisees of the bourgeoisie .* when their physical demise comes\.$/);
    expect(attribution!.kind).toBe('attribution');
    expect(blockText(normalized, attribution!)).toBe('V.I. Lenin');
    expect(blockText(normalized, heading!)).toBe('Chapter I. The October Glow');
  });

  it('keeps the epigraphs of every chapter, one of them printed before its heading', () => {
    const epigraphs = normalized.blocks.filter((block) => block.role === 'epigraph' && block.kind !== 'attribution');
    expect(epigraphs).toHaveLength(6);
    const chapterTwo = normalized.blocks.findIndex((block) => blockText(normalized, block).startsWith('Chapter II.'));
    const [verse, attribution] = normalized.blocks.slice(chapterTwo - 2, chapterTwo);
    expect(verse!.kind).toBe('verse');
    expect(verse!.role).toBe('epigraph');
    expect(blockText(normalized, verse!)).toBe('The rarest courage\nis courage of thought...,');
    expect(blockText(normalized, attribution!)).toBe('A. France.');
    // The Herzen epigraph is closed across its column break and keeps its lines.
    expectPhrase(normalized, 
      'False gods must be denied,\nbut this is not all: beneath their masks\nwe must seek out the reason for their existence.',
    );
  });

  it("keeps the line breaks of Stalin's youthful poem and of the songs", () => {
    const poem = blockHolding(normalized, 'When the moon with its radiance\nSuddenly illumines the terrestrial world');
    expect(poem?.kind).toBe('verse');
    expect(blockText(normalized, poem!)).toMatch(/\nI know that this hope is blessed and pure!$/);
    expect(blockHolding(normalized, '"When Comrade Stalin\nSends us into battle')?.kind).toBe('verse');
    expect(blockHolding(normalized, 'Trotskiy is prancing on an old steed,\nConspicuous by its rumpled plumage,')?.kind).toBe('verse');
  });

  it('makes the Lodi footnote a footnote block and numbered points list items', () => {
    const footnote = blockHolding(normalized, '* During the Italian campaign of 1796-1797 the young Bonaparte');
    expect(footnote?.kind).toBe('footnote');
    expectPhrase(normalized, 'It was in the evening at Lodi* that I came to believe');
    expect(blockHolding(normalized, '3) Why was Trotskiy not in the ranks of the Zimmerwald left?')?.kind).toBe('list-item');
  });

  it('sets page furniture aside: out of the text, kept as locators', () => {
    const { text, locators } = normalized;
    for (const furniture of ['[Text]', 'JPRS-UPA', '6 July 1989', '[No 12, Dec 88 pp 46-166]', '[Noll, Nov 88 pp 16-129]']) {
      expectPhrase(normalized, furniture, false);
    }
    expect(normalized.blocks.filter((block) => /^\s*\d{1,4}\s*$/.test(blockText(normalized, block)))).toEqual([]);
    expect(/(^|\n)\d{1,4}(\n|$)/.test(text)).toBe(false);
    const labels = (kind: string) => locators.filter((locator) => locator.kind === kind).map((locator) => locator.label);
    expect(labels('page')).toEqual(expect.arrayContaining(['64', '143', '132']));
    expect(labels('text-marker')).toHaveLength(5);
    expect(labels('issue-marker')).toEqual(['[Noll, Nov 88 pp 16-129]', '[No 12, Dec 88 pp 46-166]']);
    expect(labels('running-header')).toEqual(expect.arrayContaining(['JPRS-UPA-89-043', '6 July 1989 132']));
    expect(labels('glyph')).toEqual(expect.arrayContaining(['j']));
    // The page locator of a running header sits where the header stood.
    const page132 = locators.find((locator) => locator.kind === 'page' && locator.label === '132')!;
    expect(raw.slice(page132.rawStart, page132.rawEnd)).toBe('6 July 1989 132');
    expect(text.slice(page132.at).trimStart().startsWith('"2. The agencies of the court')).toBe(true);
  });

  it('does not split a paragraph at a column break', () => {
    // A blank line inside the sentence ("His end seemed / (blank) / for contemporaries …").
    expect(blockHolding(normalized, 'His end seemed for contemporaries a profound tragedy.')?.kind).toBe('paragraph');
    // A blank line, a running header and more blank lines inside the sentence.
    expect(
      blockHolding(normalized, 'talked about only as a man who was "carrying out the will of the leader"—"the Red marshal'),
    ).toBeDefined();
    // A blank line after a comma.
    expect(blockHolding(normalized, 'he did only what was concealed, carried assignments of party committees')).toBeDefined();
    // A column starting with a new paragraph whose blank line was lost is still a new paragraph.
    const letter = blockHolding(normalized, '"I wish you good health. I. Stalin."');
    expect(blockText(normalized, letter!)).toBe('"I wish you good health. I. Stalin."');
  });

  it('joins words broken at line ends and leaves no stray line-end hyphen but logged compounds', () => {
    const { text, edits } = normalized;
    expectPhrase(normalized, 'Iosif Vissarionovich Stalin (Dzhugashvili) was 37 years old');
    expectPhrase(normalized, 'the desperation of the expression squinting');
    const kept = edits.filter((edit) => edit.kind === 'hyphen-kept');
    for (const match of text.matchAll(/\w- \w/g)) {
      const covered = kept.some((edit) => edit.start <= match.index && match.index + 3 <= edit.end);
      expect(covered, `"${text.slice(match.index - 20, match.index + 20)}"`).toBe(true);
    }
    const nonBolshevism = edits.find((edit) => edit.raw === 'non- \nBolshevism');
    expect(nonBolshevism?.kind).toBe('hyphen-kept');
    expect(text.slice(nonBolshevism!.start, nonBolshevism!.end)).toBe('non-Bolshevism');
    expect(nonBolshevism!.reason).toMatch(/"non-Bolshevism" occurs .* elsewhere/);
    const dzhugashvili = edits.find((edit) => edit.raw === 'Dzhu- \ngashvili');
    expect(dzhugashvili?.kind).toBe('dehyphenation');
    expect(dzhugashvili!.reason).toMatch(/"Dzhugashvili" occurs \d+ times elsewhere/);
    expect(edits.filter((edit) => edit.kind === 'dehyphenation').length).toBeGreaterThan(2400);
  });

  it('lists its OCR corrections as edits with the raw form, and names stay as printed', () => {
    const corrections = normalized.edits.filter((edit) => edit.kind === 'ocr-correction');
    const initials = corrections.filter((edit) => edit.raw === 'l.');
    expect(initials).toHaveLength(99);
    for (const edit of initials) expect(normalized.text.slice(edit.start, edit.end)).toBe('I.');
    expectPhrase(normalized, 'V.l.', false);
    const allUnion = corrections.filter((edit) => edit.raw === 'Ail-');
    expect(allUnion).toHaveLength(23);
    expectPhrase(normalized, 'Ail-Union', false);
    for (const edit of corrections) expect(edit.reason.length).toBeGreaterThan(10);
    // Transliterations differ between translations; none is "corrected".
    expectPhrase(normalized, 'A personal order from Beriya was needed.');
    expectPhrase(normalized, 'Trotskiy');
  });
});

describe('the hard-wrapped rules are generic', () => {
  const book = [
    'THE SALT ROADS 11',
    '',
    'Chapter 1',
    '',
    'The caravans left the coast every spring, when the ',
    'passes were open and the rivers low enough to ford. ',
    'The travellers carried salt, cloth and news, and it ',
    'was the news that the towns in the hills paid for ',
    'most dearly. A well-known merchant of the time, ',
    'whose letters survive, called the route self-evident ',
    'to anyone who had walked it once, though it was ',
    'not. The trav- ',
    'ellers themselves were rarely so sure of the way, and ',
    'a self- ',
    'evident path in June could vanish under snow by the ',
    '',
    'THE SALT ROADS 12',
    '',
    'end of September. Tbe merchants knew it well. ',
    '',
    '13',
    '',
    'Nobody crossed the passes in winter. ',
  ].join('\n');

  it('steers furniture and corrections by settings, and joins the column break', () => {
    const normalized = normalizeHardWrapped(book, {
      layout: 'hard-wrapped',
      furniture: { runningHeaders: ['^THE SALT ROADS\\s+(?<page>\\d+)$'] },
      corrections: [{ pattern: '\\bTbe\\b', replacement: 'The', reason: '"b" read for "h" in "The"' }],
    });
    expect(untraceableCharacters(normalized, book)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
    expect(normalized.blocks.map((block) => [block.kind, block.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
    ]);
    const [, first, second] = normalized.blocks.map((block) => blockText(normalized, block));
    expect(first).toContain('though it was not. The travellers themselves');
    expect(first).toContain('a self-evident path in June could vanish under snow by the end of September. The merchants');
    expect(second).toBe('Nobody crossed the passes in winter.');
    expect(normalized.locators.map((locator) => [locator.kind, locator.label])).toEqual([
      ['running-header', 'THE SALT ROADS 11'],
      ['page', '11'],
      ['running-header', 'THE SALT ROADS 12'],
      ['page', '12'],
      ['page', '13'],
    ]);
    expect(normalized.edits.map((edit) => [edit.kind, edit.raw])).toEqual([
      ['dehyphenation', 'trav- \nellers'],
      ['hyphen-kept', 'self- \nevident'],
      ['ocr-correction', 'Tbe'],
    ]);
  });

  it('works with no settings but the layout', () => {
    const normalized = normalize(book, { layout: 'hard-wrapped' });
    expect(untraceableCharacters(normalized, book)).toEqual([]);
    expect(structuralProblems(normalized)).toEqual([]);
    expect(normalized.blocks[0]!.kind).toBe('paragraph'); // the running header is not known: a line of text
    expect(normalized.blocks.some((block) => block.kind === 'heading' && blockText(normalized, block) === 'Chapter 1')).toBe(true);
    expectPhrase(normalized, 'The travellers themselves');
    expectPhrase(normalized, 'Tbe merchants'); // no corrections unless configured
    expect(normalized.locators.map((locator) => [locator.kind, locator.label])).toEqual([['page', '13']]);
  });
});
