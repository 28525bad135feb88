/**
 * The words marked in a search hit are exactly those FTS5 found: the marks are computed from the
 * query's phrases rather than by FTS5's highlight() (which made a search over the corpus twice as
 * slow), so each query of the syntax is checked against highlight() on every passage it matches.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { parseQuery } from '../../../electron/search/query';
import { markedWords, type KeyColumns } from '../../../electron/search/search-index';
import { corpusDir, tempDir } from '../../support/temp';

const { dir, cleanup } = tempDir('sourcebench-marks-');
const file = path.join(dir, 'marks.sourcebench');
let reader: Database.Database;

beforeAll(() => {
  const project = Project.open(file, { corpusDir });
  project.searchIndex.catchUp();
  project.close();
  reader = new Database(file, { readonly: true });
});

afterAll(() => {
  reader.close();
  cleanup();
});

/** The word places highlight() marks in one row: the n-th token of a key column is the n-th word. */
function highlighted(row: Record<string, string>): Set<number> {
  const places = new Set<number>();
  for (const column of ['h0', 'h1', 'h2']) {
    let inside = false;
    row[column]!.split(' ').forEach((token, place) => {
      if (token.includes('\u0001')) inside = true;
      if (inside) places.add(place);
      if (token.includes('\u0002')) inside = false;
    });
  }
  return places;
}

const QUERIES = ['Кирова', 'Kirov', 'Сталина', 'killed', '"Central Committee"', '"in the night of"', 'Джугашвил*', 'Dzhugash*', 'Kirov OR Zinoviev', 'Kirov -Leningrad', 'Trotsky', 'Alliluyeva', 'ночь', '(Kirov OR Киров) NOT murder', 'Yezhov purge'];

describe('the words marked in a hit', () => {
  it.each(QUERIES)('are those highlight() marks, in every passage %s matches', (query) => {
    const parsed = parseQuery(query);
    const rows = reader
      .prepare(
        `SELECT forms, stems, cross,
                highlight(search_passages, 0, '\u0001', '\u0002') AS h0,
                highlight(search_passages, 1, '\u0001', '\u0002') AS h1,
                highlight(search_passages, 2, '\u0001', '\u0002') AS h2
           FROM search_passages WHERE search_passages MATCH ?`,
      )
      .all(parsed.match) as (KeyColumns & Record<string, string>)[];
    expect(rows.length, query).toBeGreaterThan(0);
    for (const row of rows) expect([...markedWords(row, parsed.phrases)].sort((a, b) => a - b)).toEqual([...highlighted(row)].sort((a, b) => a - b));
  });
});
