/**
 * Attaching a passage to a claim: the search finds claims by wording, people, places and date as
 * written, best matches first; names are typed as a list; a server's error lands next to the
 * field it is about; a highlight's claim marker says its claims in symbols and in words.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, HistoricalDate } from '../../../shared/claims';
import { accountLabel, claimMarksByAnnotation, claimMarksOf } from '../../../renderer/src/claims/claim-marks';
import { claimScore, errorField, foldText, rankClaims, splitNames } from '../../../renderer/src/claims/claim-search';

const T = '2024-01-01T00:00:00.000Z';

function date(text: string, from: string, to = from): HistoricalDate {
  return { text, from, to, precision: 'day', circa: false };
}

function claim(id: string, wording: string, extra: Partial<Claim> = {}): Claim {
  return { id, wording, date: null, people: [], places: [], verdict: '', credibility: null, accounts: [], createdAt: T, updatedAt: T, ...extra };
}

function account(id: string, claimId: string, annotationId: string, stance: Claim['accounts'][number]['stance']) {
  return { id, claimId, annotationId, stance, note: '', createdAt: T, updatedAt: T };
}

const suicide = claim('c1', 'Nadezhda Alliluyeva shot herself after a quarrel with Stalin', {
  date: date('8–9 November 1932', '1932-11-08', '1932-11-09'),
  people: ['Nadezhda Alliluyeva', 'Stalin'],
  places: ['Kremlin'],
});
const appendicitis = claim('c2', 'Her death was announced as appendicitis', { date: date('November 1932', '1932-11-01', '1932-11-30') });
const vasily = claim('c3', 'Vasily rose to a high post in the air force', { people: ['Vasily Stalin'] });
const dacha = claim('c4', 'Stalin died at the Kuntsevo dacha', { date: date('5 March 1953', '1953-03-05'), places: ['Kuntsevo'] });
const russian = claim('c5', 'Надежда Аллилуева покончила с собой', { people: ['Надежда Аллилуева'] });
const all = [suicide, appendicitis, vasily, dacha, russian];

describe('finding a claim', () => {
  it('finds by a word of the wording, a person, a place or the date as written', () => {
    expect(rankClaims(all, 'quarrel').map((c) => c.id)).toEqual(['c1']);
    expect(rankClaims(all, 'Kremlin').map((c) => c.id)).toEqual(['c1']);
    expect(rankClaims(all, 'Kuntsevo').map((c) => c.id)).toEqual(['c4']);
    expect(rankClaims(all, '1953').map((c) => c.id)).toEqual(['c4']);
    // Equally good: in the claims' order (by date: November 1932 begins before 8–9 November).
    expect(rankClaims(all, 'november 1932').map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('needs every word typed, in any order, and ignores case, accents and ё', () => {
    expect(rankClaims(all, 'stalin quarrel').map((c) => c.id)).toEqual(['c1']);
    expect(rankClaims(all, 'QUARREL stalin').map((c) => c.id)).toEqual(['c1']);
    expect(rankClaims(all, 'quarrel kuntsevo')).toEqual([]);
    expect(rankClaims(all, 'аллилуёва').map((c) => c.id)).toEqual(['c5']);
    expect(foldText('Ёлка Café – 1932')).toBe('елка cafe - 1932');
  });

  it('puts the best matches first: whole words before beginnings, the wording before names', () => {
    // "stalin": a whole word of c1's and c4's wording; only a name (and a word of it) for c3.
    expect(rankClaims(all, 'stalin').map((c) => c.id)).toEqual(['c1', 'c4', 'c3']);
    // A whole word beats the beginning of one.
    const whole = claim('w', 'The air was cold');
    const begins = claim('b', 'An airship came');
    expect(rankClaims([begins, whole], 'air').map((c) => c.id)).toEqual(['w', 'b']);
    expect(claimScore(whole, 'air')).toBeGreaterThan(claimScore(begins, 'air'));
    // The words together as typed count more than the same words apart.
    const together = claim('t', 'He shot himself in the night');
    const apart = claim('a', 'In the night, the guard shot him');
    expect(rankClaims([apart, together], 'shot himself').map((c) => c.id)).toEqual(['t']);
    expect(rankClaims([apart, together], 'the night').map((c) => c.id)).toEqual(['t', 'a']);
  });

  it('breaks ties in the claims\' own order and lists every claim for an empty query, leaving out the excluded', () => {
    const later = claim('l', 'A speech', { date: date('1934', '1934-01-01', '1934-12-31') });
    const earlier = claim('e', 'A speech', { date: date('1930', '1930-01-01', '1930-12-31') });
    const undated = claim('u', 'A speech');
    expect(rankClaims([undated, later, earlier], 'speech').map((c) => c.id)).toEqual(['e', 'l', 'u']);
    expect(rankClaims([undated, later, earlier], '  ').map((c) => c.id)).toEqual(['e', 'l', 'u']);
    expect(rankClaims(all, '', new Set(['c1', 'c2', 'c4'])).map((c) => c.id)).toEqual(['c3', 'c5']);
    expect(rankClaims(all, 'stalin', new Set(['c1'])).map((c) => c.id)).toEqual(['c4', 'c3']);
  });
});

describe('the attach form', () => {
  it('reads people and places typed as a list', () => {
    expect(splitNames('Nadezhda Alliluyeva, Stalin')).toEqual(['Nadezhda Alliluyeva', 'Stalin']);
    expect(splitNames(' Stalin ;  Kirov,, stalin\nMolotov ')).toEqual(['Stalin', 'Kirov', 'Molotov']);
    expect(splitNames('  ')).toEqual([]);
  });

  it('puts a server error next to the field it is about', () => {
    expect(errorField('Invalid input for createClaim: date: Too big: expected string to have <=100 characters')).toBe('date');
    expect(errorField('Invalid input for createClaim: people.1: must not be empty')).toBe('people');
    expect(errorField('Invalid input for attachAccount: note: too long')).toBe('note');
    expect(errorField('Invalid input for createClaim: account.note: too long')).toBe('note');
    expect(errorField('Cannot read "Nov 32nd" as a date: write it as "8 November 1932"')).toBe('date');
    expect(errorField('anything', 'wording')).toBe('wording');
    expect(errorField('anything', 'account.stance')).toBe('stance');
    expect(errorField('The highlight is already an account of this claim')).toBeNull();
  });
});

describe('claim markers', () => {
  it('gathers each highlight\'s claims with their stances, in the claims\' order', () => {
    const one = { ...suicide, accounts: [account('a1', 'c1', 'h1', 'supports'), account('a2', 'c1', 'h2', 'qualifies')] };
    const two = { ...appendicitis, accounts: [account('a3', 'c2', 'h1', 'contradicts')] };
    const marks = claimMarksByAnnotation([one, two]);
    expect([...marks.keys()].sort()).toEqual(['h1', 'h2']);
    expect(marks.get('h1')!.symbols).toBe('◆✔✘');
    expect(marks.get('h1')!.label).toBe(
      'Account of 2 claims: Nadezhda Alliluyeva shot herself after a quarrel with Stalin (supports); Her death was announced as appendicitis (contradicts)',
    );
    expect(marks.get('h2')!.symbols).toBe('◆≈');
    expect(marks.get('h2')!.label).toBe('Account of claim: Nadezhda Alliluyeva shot herself after a quarrel with Stalin (qualifies)');
    expect(accountLabel('X', 'mentions')).toBe('Account of claim: X (mentions)');
  });

  it('keys the marker by what it shows: a new stance or wording changes the key, an account of another highlight does not', () => {
    const base = claimMarksOf([{ claimId: 'c1', accountId: 'a1', wording: 'W', stance: 'supports' }]);
    expect(claimMarksOf([{ claimId: 'c1', accountId: 'a1', wording: 'W', stance: 'supports' }]).key).toBe(base.key);
    expect(claimMarksOf([{ claimId: 'c1', accountId: 'a1', wording: 'W', stance: 'qualifies' }]).key).not.toBe(base.key);
    expect(claimMarksOf([{ claimId: 'c1', accountId: 'a1', wording: 'W2', stance: 'supports' }]).key).not.toBe(base.key);
    const before = claimMarksByAnnotation([{ ...suicide, accounts: [account('a1', 'c1', 'h1', 'supports')] }]);
    const after = claimMarksByAnnotation([{ ...suicide, accounts: [account('a1', 'c1', 'h1', 'supports'), account('a2', 'c1', 'h2', 'mentions')] }]);
    expect(after.get('h1')!.key).toBe(before.get('h1')!.key);
  });
});
