/**
 * Citation markers are told from other square brackets by their shape, and set aside as atoms
 * without disturbing the white space of the sentence around them.
 */
import { describe, expect, it } from 'vitest';
import { citationFinder, normalizePhrase } from '../../../../shared/text/normalize/citations';
import { normalizeLinePerBlock } from '../../../../shared/text/normalize/line-per-block';
import { structuralProblems, untraceableCharacters } from '../../../support/traceability';

function labels(text: string, settings = {}): string[] {
  return citationFinder(settings)
    .find(text, 0, text.length)
    .map((match) => match.label);
}

/** One paragraph, citations only: the reading text and its atoms. */
function read(line: string) {
  const normalized = normalizeLinePerBlock(line, {
    layout: 'line-per-block',
    headings: false,
    captions: false,
    hatnotes: false,
    quotes: false,
  });
  expect(untraceableCharacters(normalized, line)).toEqual([]);
  expect(structuralProblems(normalized)).toEqual([]);
  return normalized;
}

describe('citation markers', () => {
  it('finds reference numbers, runs of them, footnote labels and inline template phrases', () => {
    expect(labels('Stalin[a] was born in Gori,[3] in 1878.[4][5][6] Some historians[who?] agree.[citation needed]')).toEqual([
      'a',
      '3',
      '4',
      '5',
      '6',
      'who?',
      'citation needed',
    ]);
    expect(labels('Stalin.[nb 1] A claim[according to whom?] and another.[clarification needed][page needed]')).toEqual([
      'nb 1',
      'according to whom?',
      'clarification needed',
      'page needed',
    ]);
  });

  it('compares phrases ignoring case, spacing and the kind of dash', () => {
    expect(labels('A claim.[dubious – discuss] B.[Dubious - discuss] C.[dubious—discuss] D.[Better  source needed]')).toHaveLength(4);
    expect(normalizePhrase('Dubious—Discuss')).toBe(normalizePhrase('dubious – discuss'));
  });

  it('keeps the page reference of a page-cited marker with it', () => {
    const text = 'He said so.[12]: 45 Then he left.[13]: pp. 101–103 Later.[14]:7';
    const found = citationFinder().find(text, 0, text.length);
    expect(found.map((match) => match.label)).toEqual(['12: 45', '13: pp. 101–103', '14: 7']);
    expect(found.map((match) => text.slice(match.start, match.end))).toEqual(['[12]: 45', '[13]: pp. 101–103', '[14]:7']);
    expect(labels('He said so.[12]: 45', { pageNumbers: false })).toEqual(['12']);
  });

  it('leaves editorial insertions, IPA transcriptions and other brackets alone', () => {
    const text =
      'on 18 December [O.S. 6 December] 1878; virtually [Stalin\'s] own; did.[...] All; [sic] a [one] and [person,] ' +
      'pronounced [ˈjɵsʲɪf vʲɪsɐˈrʲɵnəvʲɪtɕ ˈstalʲɪn] or [iɔsɛb] or [a]; an important role [in the October Revolution]';
    expect(labels(text)).toEqual([]);
  });

  it('takes a footnote letter only when it is attached to the word before it', () => {
    expect(labels('Stalin[a] said')).toEqual(['a']);
    expect(labels('the vowel [a] is open')).toEqual([]);
  });

  it('follows its settings', () => {
    expect(labels('One.[1] Two.[a] Three.[who?]', { numeric: false })).toEqual(['a', 'who?']);
    expect(labels('One.[1] Two.[a] Three.[who?]', { footnoteLabels: false, phrases: [] })).toEqual(['1']);
    expect(labels('One.[failed to load]', { phrases: ['Failed to load'] })).toEqual(['failed to load']);
  });
});

describe('the reading text around citation markers', () => {
  it('reads "Stalin[a] (18 December" as "Stalin (18 December", with the atom where the marker stood', () => {
    const normalized = read('Joseph Stalin[a] (18 December 1878[2] – 5 March 1953) was a revolutionary.');
    expect(normalized.text).toBe('Joseph Stalin (18 December 1878 – 5 March 1953) was a revolutionary.');
    expect(normalized.citations).toEqual([
      { at: 'Joseph Stalin'.length, label: 'a', rawStart: 13, rawEnd: 16 },
      { at: 'Joseph Stalin (18 December 1878'.length, label: '2', rawStart: 34, rawEnd: 37 },
    ]);
  });

  it('keeps one space after a sentence that ends with a run of markers', () => {
    const normalized = read('He died in 1953.[12][13] He was buried.[14]');
    expect(normalized.text).toBe('He died in 1953. He was buried.');
    expect(normalized.citations.map((citation) => citation.at)).toEqual([16, 16, 31]);
  });

  it('takes the space before a marker that stands apart, so that no doubled space is left', () => {
    expect(read('nearly 3.3 million people [416][417] were deported').text).toBe('nearly 3.3 million people were deported');
    expect(read('as stated [12].').text).toBe('as stated.');
    expect(read('[1] A line that starts with a marker.').text).toBe('A line that starts with a marker.');
  });

  it('leaves a page-cited marker out whole', () => {
    expect(read('He said so.[12]: 45 Then he left.').text).toBe('He said so. Then he left.');
  });
});
