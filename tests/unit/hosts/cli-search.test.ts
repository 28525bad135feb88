/**
 * `sourcebench search`: the API's search from the command line, with each hit's document named by
 * the file name `documents` lists, narrowed by that file name or its path, and limited.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../../shared/search';
import { Project } from '../../../electron/app/project';
import { runSourcebench } from '../../support/cli';
import { corpusDir, tempDir } from '../../support/temp';

type NamedResult = Omit<SearchResult, 'hits'> & { hits: (SearchHit & { file: string | null })[] };

let file: string;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  file = path.join(temp.dir, 'p.sourcebench');
  Project.open(file, { corpusDir }).close();
});
afterAll(() => cleanup());

const sourcebench = (...args: string[]) => runSourcebench(file, {}, ...args);
const json = (...args: string[]): NamedResult => {
  const run = sourcebench('--json', 'search', ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as NamedResult;
};

describe('sourcebench search', () => {
  it('lists the hits with the file names of their documents, and narrows by file name or path', () => {
    const all = json('Kirov');
    expect(new Set(all.hits.map((hit) => hit.file))).toEqual(new Set(['000_01da8a07c5673cc1.txt', '001_957ac4986f5e7508.txt', '002_10df7f476cedd2f2.txt']));
    expect(all.total).toBe(all.hits.length);

    const volkogonov = json('Kirov', '--doc', '002_10df7f476cedd2f2.txt');
    expect(volkogonov.hits.length).toBeGreaterThan(0);
    expect(volkogonov.hits.every((hit) => hit.file === '002_10df7f476cedd2f2.txt')).toBe(true);
    expect(volkogonov.total).toBe(all.counts.find((count) => count.documentId === volkogonov.hits[0]!.documentId)!.count);

    const two = json('Kirov', '--doc', 'corpus/000_01da8a07c5673cc1.txt', '--doc', '002_10df7f476cedd2f2.txt');
    expect(new Set(two.hits.map((hit) => hit.file))).toEqual(new Set(['000_01da8a07c5673cc1.txt', '002_10df7f476cedd2f2.txt']));
  });

  it('gives at most --limit hits, the best first, with the total beyond', () => {
    const all = json('Kirov');
    const three = json('Kirov', '--limit', '3');
    expect(three.hits).toEqual(all.hits.slice(0, 3));
    expect(three.total).toBe(all.total);
  });

  it('prints a readable list with the matches in brackets, and a clear message for a bad query or file', () => {
    const run = sourcebench('search', 'Рютин', '--limit', '2');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ hits for Рютин \(the best 2\)/);
    expect(run.stdout).toContain('[Рютин]');
    expect(run.stdout).toContain('000_01da8a07c5673cc1.txt');

    const quote = sourcebench('search', '"Kirov');
    expect(quote.code).toBe(1);
    expect(quote.stderr).toMatch(/does not close it/);
    const missing = sourcebench('search', 'Kirov', '--doc', 'nothing.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No document with the file name "nothing.txt"/);
  });

  it('lists the file name of each document in `documents`', () => {
    expect(sourcebench('documents').stdout).toContain('file 002_10df7f476cedd2f2.txt');
  });
});
