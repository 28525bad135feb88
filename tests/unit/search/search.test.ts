/**
 * Full-text search as a historian uses it, on the bundled corpus: word forms, ё and й, names
 * across scripts and spellings, phrases, prefixes, OR and exclusion; clear messages for a query
 * that cannot be read; notes, tags and claims found and kept current through edits and undo; a
 * new version's words replacing the old version's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { SearchHit, SearchResult } from '../../../shared/search';
import { useTestProject } from '../../support/project';
import { corpusDir } from '../../support/temp';

const fixture = useTestProject();

const search = (query: string, more: { documentIds?: string[]; limit?: number } = {}) => fixture.client.search({ query, limit: 1000, ...more });

/** The passages found, as "version:start", in text order: to compare two queries' findings. */
const passages = (result: SearchResult) =>
  result.hits
    .filter((hit) => hit.kind === 'text')
    .map((hit) => `${hit.versionId}:${hit.passage!.start}`)
    .sort();

/** The words a query matched, as written in the reading texts. */
async function matchedWords(result: SearchResult): Promise<string[]> {
  const words: string[] = [];
  for (const hit of result.hits.filter((hit) => hit.kind === 'text')) {
    const { text } = await fixture.client.getVersionContent({ versionId: hit.versionId! });
    words.push(...hit.matches.map((match) => text.slice(match.start, match.end)));
  }
  return words;
}

const note = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function importText(text: string, versionOf?: string): Promise<{ documentId: string; versionId: string }> {
  const { jobId } = await fixture.client.startImport({
    fileName: 'notes-ru.txt',
    data: Buffer.from(text, 'utf8').toString('base64'),
    ...(versionOf ? { versionOf } : {}),
  });
  for (;;) {
    const job = await fixture.client.getImportJob({ jobId });
    if (job.state === 'done') return { documentId: job.documentId!, versionId: job.versionId! };
    if (job.state === 'failed') throw new Error(job.error?.message);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('word forms', () => {
  it('finds the same Russian passages for Кирова, Кирову and Киров', async () => {
    const [genitive, dative, nominative] = await Promise.all([search('Кирова'), search('Кирову'), search('Киров')]);
    expect(passages(nominative).length).toBeGreaterThan(0);
    expect(passages(genitive)).toEqual(passages(nominative));
    expect(passages(dative)).toEqual(passages(nominative));
    expect(await matchedWords(nominative)).toEqual(expect.arrayContaining(['Киров', 'Кировым']));
  });

  it('finds kill, killed and killing for killed', async () => {
    const words = await matchedWords(await search('killed'));
    expect(words).toEqual(expect.arrayContaining(['killed', 'killing', 'kill']));
  });

  it('reads ё as е both ways, but keeps й apart from и', async () => {
    await importText('Ещё вчера воины вернулись домой, и он пришел в Кремль.');
    expect((await matchedWords(await search('еще'))).join()).toBe('Ещё');
    expect((await matchedWords(await search('пришёл'))).join()).toBe('пришел');
    expect((await matchedWords(await search('воины'))).join()).toBe('воины');
    expect((await search('войны')).total).toBe(0);
    // And on the corpus: the Russian account speaks of тайны (secrets), never of таины.
    expect((await search('тайны')).total).toBeGreaterThan(0);
    expect((await search('таины')).total).toBe(0);
  });
});

describe('names across scripts and spellings', () => {
  it('finds Киров for Kirov and Ryutin for Рютин', async () => {
    expect(await matchedWords(await search('Kirov'))).toEqual(expect.arrayContaining(['Kirov', 'Киров', 'Кировым']));
    expect(await matchedWords(await search('Рютин'))).toEqual(expect.arrayContaining(['Рютин', 'Ryutin']));
  });

  it('treats Alliluyeva, Allilueva and Аллилуева as one name', async () => {
    const words = await matchedWords(await search('Alliluyeva'));
    expect(words).toEqual(expect.arrayContaining(['Alliluyeva', 'Аллилуева']));
    expect(passages(await search('Allilueva'))).toEqual(passages(await search('Alliluyeva')));
  });

  it('treats Trotsky, Trotskiy and Троцкий as one name, its own spelling ranked first', async () => {
    const [trotsky, trotskiy, cyrillic] = await Promise.all([search('Trotsky'), search('Trotskiy'), search('Троцкий')]);
    expect(passages(cyrillic)).toEqual(passages(trotsky));
    // Trotskiy also finds Volkogonov's "Trotskiyism", which the stemmer takes back to "trotskiy".
    expect(passages(trotskiy)).toEqual(expect.arrayContaining(passages(trotsky)));
    const words = await matchedWords(trotsky);
    expect(words).toEqual(expect.arrayContaining(['Trotsky', 'Trotskiy']));
    expect(words[0]).toBe('Trotsky');
  });
});

describe('query syntax', () => {
  it('finds a phrase only where its words stand in order', async () => {
    const result = await search('"in the night of"');
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) {
      const { text } = await fixture.client.getVersionContent({ versionId: hit.versionId! });
      expect(text.slice(hit.matches[0]!.start, hit.matches[3]!.end).toLowerCase()).toBe('in the night of');
    }
    expect((await search('"night in the of"')).total).toBe(0);
  });

  it('finds words by their beginning, in either script', async () => {
    const cyrillic = await search('Джугашвил*');
    const latin = await search('Dzhugash*');
    expect(await matchedWords(latin)).toEqual(expect.arrayContaining(['Dzhugashvili', 'Dzhugashvilis']));
    expect(passages(cyrillic)).toEqual(passages(latin));
  });

  it('finds either word with OR, and leaves out a word with - or NOT', async () => {
    const kirov = await search('Kirov');
    const zinoviev = await search('Zinoviev');
    const either = await search('Kirov OR Zinoviev');
    expect(new Set(passages(either))).toEqual(new Set([...passages(kirov), ...passages(zinoviev)]));
    const withoutLeningrad = await search('Kirov -Leningrad');
    expect(withoutLeningrad.total).toBeGreaterThan(0);
    expect(withoutLeningrad.total).toBeLessThan(kirov.total);
    expect((await search('Kirov NOT Leningrad')).total).toBe(withoutLeningrad.total);
    for (const hit of withoutLeningrad.hits) {
      const { text } = await fixture.client.getVersionContent({ versionId: hit.versionId! });
      expect(text.slice(hit.passage!.start, hit.passage!.end)).not.toMatch(/Leningrad|Ленинград/);
    }
  });

  it.each([
    ['"Kirov murder', /does not close it/],
    ['Kirov OR', /OR needs something/],
    ['OR Kirov', /OR needs something/],
    ['AND', /AND needs something/],
    ['Kirov NOT', /NOT \(or -\) needs/],
    ['Kirov - Leningrad', /no space/],
    ['-Leningrad', /only says what to leave out/],
    ['NOT Leningrad NOT Moscow', /only says what to leave out/],
    ['(Kirov OR Zinoviev', /does not close it with \)/],
    ['Kirov)', /never opened/],
    ['()', /hold nothing/],
    ['""', /hold no words/],
    ['the of and', /only very common words/],
    ['— … !', /no words to search for/],
    ['K*', /at least 2 letters/],
    ['*', /A \* ends the beginning of one word/],
  ])('answers %s with a clear message, not an exception', async (query, message) => {
    const error = await search(query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'query' });
    expect((error as ApiError).message).toMatch(message);
  });
});

describe('notes, tags and claims', () => {
  it('finds a note, a tag name and a claim, and keeps up with edits, undo and redo', async () => {
    const { client, russian } = fixture;
    const annotation = await client.createAnnotation({ versionId: russian.currentVersionId, start: 0, end: 10, note: note('Compare with the NKVD archive') });
    const tag = await client.createTag({ name: 'Террор' });
    const claim = await client.createClaim({ wording: 'Kirov was shot in the Smolny', people: ['Leonid Nikolaev'] });
    const kinds = async (query: string) => (await search(query)).hits.filter((hit) => hit.kind !== 'text').map((hit) => hit.kind);

    const found = (await search('archive')).hits.find((hit) => hit.kind === 'note')!;
    expect(found).toMatchObject({ annotationId: annotation.id, documentId: russian.id });
    expect(found.snippet.marks.map((mark) => found.snippet.text.slice(mark.start, mark.end))).toEqual(['archive']);
    expect((await search('террора')).hits.find((hit) => hit.kind === 'tag')).toMatchObject({ tagId: tag.id });
    expect((await search('Nikolaev Smolny')).hits.find((hit) => hit.kind === 'claim')).toMatchObject({ claimId: claim.id });

    await client.updateAnnotation({ id: annotation.id, note: note('Compare with the Politburo minutes') });
    expect(await kinds('minutes')).toEqual(['note']);
    expect(await kinds('archive')).toEqual([]);
    await client.undo({});
    expect(await kinds('archive')).toEqual(['note']);
    expect(await kinds('minutes')).toEqual([]);
    await client.redo({});
    expect(await kinds('minutes')).toEqual(['note']);

    await client.deleteClaim({ id: claim.id });
    expect(await kinds('Smolny')).toEqual([]);
    // Narrowed to a document: its notes stay, tags (which belong to no document) do not.
    expect((await search('archive OR minutes OR Террор', { documentIds: [russian.id] })).hits.map((hit) => hit.kind)).toEqual(['note']);
  });
});

describe('versions', () => {
  it("finds a new version's words and no longer the old version's", async () => {
    const { documentId } = await importText('Первая редакция: упоминается Енукидзе.');
    expect((await search('Енукидзе')).total).toBeGreaterThan(0);
    const second = await importText('Вторая редакция: упоминается Ягода.', documentId);
    const hits = (await search('Ягода', { documentIds: [documentId] })).hits;
    expect(hits.map((hit) => hit.versionId)).toEqual([second.versionId]);
    expect((await search('Енукидзе', { documentIds: [documentId] })).total).toBe(0);
  });
});

describe('indexing an import', () => {
  it('shows "indexing for search" in the progress of a large import, and finds its words once done', async () => {
    const { client } = fixture;
    const data = fs.readFileSync(path.join(corpusDir, '002_10df7f476cedd2f2.txt')).toString('base64');
    const { jobId } = await client.startImport({ fileName: 'volkogonov-copy.txt', data });
    const progress: { stage: string; progress: number }[] = [];
    let job = await client.getImportJob({ jobId });
    while (job.state === 'running') {
      progress.push({ stage: job.stage, progress: job.progress });
      await new Promise((resolve) => setTimeout(resolve, 1));
      job = await client.getImportJob({ jobId });
    }
    expect(job.state).toBe('done');
    const indexing = progress.filter((step) => step.stage === 'indexing for search').map((step) => step.progress);
    expect(indexing.length).toBeGreaterThan(1);
    expect(indexing).toEqual([...indexing].sort((a, b) => a - b));
    expect((await search('Kirov', { documentIds: [job.documentId!] })).total).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('place Volkogonov hits by chapter and page, point at the words, and count per document', async () => {
    const { volkogonov, russian } = fixture;
    const result = await search('Kirov');
    const inVolkogonov = result.hits.filter((hit): hit is SearchHit => hit.documentId === volkogonov.id);
    expect(inVolkogonov.length).toBeGreaterThan(0);
    for (const hit of inVolkogonov) expect(hit.chapter).toMatch(/^Chapter /);
    // Passages before the text's first page marker have no page.
    expect(inVolkogonov.filter((hit) => /^\d+$/.test(hit.page ?? '')).length).toBeGreaterThan(inVolkogonov.length / 2);
    const { text } = await fixture.client.getVersionContent({ versionId: volkogonov.currentVersionId });
    for (const hit of inVolkogonov) {
      for (const match of hit.matches) expect(text.slice(match.start, match.end)).toBe('Kirov');
      expect(hit.snippet.marks.every((mark) => hit.snippet.text.slice(mark.start, mark.end) === 'Kirov')).toBe(true);
    }
    const count = (documentId: string) => result.counts.find((entry) => entry.documentId === documentId)?.count;
    expect(count(volkogonov.id)).toBe(inVolkogonov.length);
    expect(count(russian.id)).toBe(result.hits.filter((hit) => hit.documentId === russian.id).length);
    expect(result.total).toBe(result.hits.length);

    const limited = await search('Kirov', { limit: 3 });
    expect(limited.hits).toEqual(result.hits.slice(0, 3));
    expect(limited.total).toBe(result.total);
    const narrowed = await search('Kirov', { documentIds: [russian.id] });
    expect(narrowed.hits.every((hit) => hit.documentId === russian.id)).toBe(true);
    expect(narrowed.total).toBe(count(russian.id));
  });
});
