/**
 * The sidebar's annotation search: free words in the quote or note, field terms (tag with its
 * sub-tags, colour, credibility grade, claim wording, stance, document title) that must all hold,
 * and the terms it cannot read told rather than hiding every card.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../shared/annotations';
import type { Claim } from '../../../shared/claims';
import { compileQuery, parseAnnotationQuery } from '../../../renderer/src/sidebar/annotation-query';

const T = '2024-01-01T00:00:00.000Z';

function annotation(id: string, extra: Partial<Annotation>): Annotation {
  return {
    id,
    documentId: 'd1',
    versionId: 'v1',
    status: 'anchored',
    start: 0,
    end: 10,
    quote: { exact: '', prefix: '', suffix: '' },
    position: { start: 0, end: 10 },
    color: 'yellow',
    tagIds: [],
    note: null,
    noteText: '',
    credibility: null,
    orphanReason: null,
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

const tag = (id: string, name: string, parentId: string | null = null): Tag => ({ id, name, parentId, color: 'gray', description: '', count: 0 });

const tags = [tag('t1', 'Causes'), tag('t2', 'Economic', 't1'), tag('t3', 'Террор')];

const claim = (id: string, wording: string, accounts: [string, Claim['accounts'][number]['stance']][]): Claim => ({
  id,
  wording,
  date: null,
  people: [],
  places: [],
  verdict: '',
  credibility: null,
  accounts: accounts.map(([annotationId, stance], index) => ({ id: `${id}-a${index}`, claimId: id, annotationId, stance, note: '', createdAt: T, updatedAt: T })),
  createdAt: T,
  updatedAt: T,
});

const annotations = [
  annotation('a1', { quote: { exact: 'Она вышла и в ту же ночь покончила с собой.', prefix: '', suffix: '' }, color: 'red', credibility: 2, tagIds: ['t3'] }),
  annotation('a2', { quote: { exact: 'Nadya shot herself.', prefix: '', suffix: '' }, noteText: 'The year is wrong', tagIds: ['t2'], documentId: 'd2' }),
  annotation('a3', { quote: { exact: 'Stalin was dying.', prefix: '', suffix: '' }, color: 'blue', documentId: 'd3' }),
];
const claims = [claim('c1', 'Nadezhda Alliluyeva shot herself after a quarrel', [['a1', 'supports'], ['a2', 'qualifies']]), claim('c2', 'Her death was announced as appendicitis', [['a2', 'contradicts']])];
const titles: Record<string, string> = { d1: "Alliluyeva's death (Russian account)", d2: 'Joseph Stalin', d3: 'Triumph and Tragedy' };

function find(query: string): string[] {
  const parsed = parseAnnotationQuery(query);
  const test = compileQuery(parsed, { tags, claims, documentTitle: (id) => titles[id] ?? '' });
  return annotations.filter(test).map((a) => a.id);
}

describe('annotation search', () => {
  it('finds free words in the quote or the note, ignoring case and ё, all of them', () => {
    expect(find('')).toEqual(['a1', 'a2', 'a3']);
    expect(find('ПОКОНЧИЛА')).toEqual(['a1']);
    expect(find('year')).toEqual(['a2']);
    expect(find('shot year')).toEqual(['a2']);
    expect(find('shot dying')).toEqual([]);
    expect(find('"was dying"')).toEqual(['a3']);
  });

  it('filters by colour, credibility grade and none', () => {
    expect(find('color:red')).toEqual(['a1']);
    expect(find('colour:Blue')).toEqual(['a3']);
    expect(find('grade:2')).toEqual(['a1']);
    expect(find('grade:none')).toEqual(['a2', 'a3']);
  });

  it('filters by tag with its sub-tags, by name or path', () => {
    expect(find('tag:causes')).toEqual(['a2']);
    expect(find('tag:econ')).toEqual(['a2']);
    expect(find('tag:"causes / economic"')).toEqual(['a2']);
    expect(find('tag:террор')).toEqual(['a1']);
    expect(find('tag:nothing')).toEqual([]);
  });

  it('filters by claim wording and stance, both on the same account', () => {
    expect(find('claim:quarrel')).toEqual(['a1', 'a2']);
    expect(find('claim:"shot herself"')).toEqual(['a1', 'a2']);
    expect(find('stance:supports')).toEqual(['a1']);
    expect(find('stance:contradicts')).toEqual(['a2']);
    expect(find('claim:quarrel stance:contradicts')).toEqual([]);
    expect(find('claim:appendicitis stance:contradicts')).toEqual(['a2']);
  });

  it('filters by document title and combines every term', () => {
    expect(find('doc:stalin')).toEqual(['a2']);
    expect(find('doc:"triumph tragedy"')).toEqual(['a3']);
    expect(find('tag:causes stance:qualifies doc:joseph shot')).toEqual(['a2']);
    expect(find('tag:causes color:red')).toEqual([]);
  });

  it('tells what it cannot read and leaves it out; unknown fields are words', () => {
    expect(parseAnnotationQuery('color:pink').problems).toEqual(['color: is one of yellow, red, green, blue, purple, magenta, orange, gray.']);
    expect(find('color:pink')).toEqual(['a1', 'a2', 'a3']);
    expect(parseAnnotationQuery('grade:9 stance:denies').problems).toHaveLength(2);
    expect(parseAnnotationQuery('tag: ')).toEqual({ terms: [], problems: [] }); // still being typed
    expect(parseAnnotationQuery('note:year').terms).toEqual([{ kind: 'text', value: 'note:year' }]);
    expect(parseAnnotationQuery('claim:"shot her').terms).toEqual([{ kind: 'claim', value: 'shot her' }]);
  });
});
