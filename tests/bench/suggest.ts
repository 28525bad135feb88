/**
 * Suggestions of corresponding passages, measured on the events test set
 * (tests/fixtures/events/events.ts): recall at 1, 3 and 5 for English → the other English source
 * and for Russian → the English sources, beside a naive BM25 over the paragraphs computed in the
 * same run, and the time of one suggestion list. A (quote, source) pair is a hit at k when one of
 * the first k suggestions overlaps one of the event's places in that source (its quote, or a further
 * place marked `also`; those are never asked from). Each figure is also given for
 * the two halves of the set (develop / check), so a method tuned to particular quotes shows.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from '../../electron/app/project';
import { suggestPassages } from '../../electron/search/suggest';
import { SuggestRequest, type TextRange } from '../../shared/search';
import { EVENTS, RU, VOLKOGONOV, WIKIPEDIA, type CorpusEvent, type EventQuote } from '../fixtures/events/events';
import { corpusDir, tempDir } from '../support/temp';
import { median, percentile, type BenchRow } from './rows';

const CUTOFFS = [1, 3, 5] as const;
const ENGLISH = [WIKIPEDIA, VOLKOGONOV];

interface Source {
  readonly documentId: string;
  readonly versionId: string;
  readonly text: string;
}

/** One query and where its answers are: the quote, and per expected source the event's ranges there. */
interface Case {
  readonly event: CorpusEvent;
  readonly from: { readonly file: string; readonly range: TextRange };
  readonly expected: { readonly file: string; readonly ranges: readonly TextRange[] }[];
  /** The sources suggestions are drawn from. */
  readonly among: readonly string[];
}

type Ranked = { readonly file: string; readonly range: TextRange }[];

export function eventCases(sources: ReadonlyMap<string, Source>): { englishToEnglish: Case[]; russianToEnglish: Case[] } {
  const rangeOf = (event: CorpusEvent, quote: EventQuote) => {
    const start = sources.get(quote.file)!.text.indexOf(quote.quote);
    if (start < 0) throw new Error(`Quote of ${event.id} not found in ${quote.file}`);
    return { start, end: start + quote.quote.length };
  };
  const rangesIn = (event: CorpusEvent, file: string) => event.quotes.filter((quote) => quote.file === file).map((quote) => rangeOf(event, quote));
  const englishToEnglish: Case[] = [];
  const russianToEnglish: Case[] = [];
  for (const event of EVENTS) {
    // Further places a source tells the event are answers, never queries.
    for (const quote of event.quotes.filter((candidate) => !candidate.also)) {
      const from = { file: quote.file, range: rangeOf(event, quote) };
      if (quote.file === RU) {
        const expected = ENGLISH.filter((file) => event.quotes.some((other) => other.file === file)).map((file) => ({ file, ranges: rangesIn(event, file) }));
        russianToEnglish.push({ event, from, expected, among: ENGLISH });
      } else {
        const other = ENGLISH.find((file) => file !== quote.file)!;
        if (!event.quotes.some((candidate) => candidate.file === other)) continue;
        englishToEnglish.push({ event, from, expected: [{ file: other, ranges: rangesIn(event, other) }], among: [other] });
      }
    }
  }
  return { englishToEnglish, russianToEnglish };
}

/** Hits at each cutoff over all (case, expected source) pairs, and the number of pairs. */
function recall(cases: readonly Case[], rank: (c: Case) => Ranked): { hits: Record<number, number>; pairs: number } {
  const hits: Record<number, number> = { 1: 0, 3: 0, 5: 0 };
  let pairs = 0;
  for (const c of cases) {
    const ranked = rank(c);
    for (const expected of c.expected) {
      pairs++;
      const at = ranked.findIndex(
        (suggestion) => suggestion.file === expected.file && expected.ranges.some((range) => range.start < suggestion.range.end && suggestion.range.start < range.end),
      );
      for (const cutoff of CUTOFFS) if (at >= 0 && at < cutoff) hits[cutoff]!++;
    }
  }
  return { hits, pairs };
}

function describe(result: { hits: Record<number, number>; pairs: number }): string {
  return CUTOFFS.map((cutoff) => `@${cutoff} ${(result.hits[cutoff]! / Math.max(1, result.pairs)).toFixed(2)}`).join(' ');
}

/**
 * The baseline: BM25 (k1 = 1.2, b = 0.75) over the paragraphs of the reading texts (split on
 * blank lines), tokens split on white space and lower-cased, nothing else.
 */
export class NaiveBm25 {
  private readonly paragraphs: { file: string; range: TextRange; counts: Map<string, number>; length: number }[] = [];
  private readonly frequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(sources: ReadonlyMap<string, Source>) {
    for (const [file, source] of sources) {
      const separator = /\n\s*\n/g;
      let start = 0;
      for (const end of [...[...source.text.matchAll(separator)].map((match) => match.index), source.text.length]) {
        const tokens = tokensOf(source.text.slice(start, end));
        if (tokens.length > 0) {
          const counts = new Map<string, number>();
          for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
          for (const token of counts.keys()) this.frequency.set(token, (this.frequency.get(token) ?? 0) + 1);
          this.paragraphs.push({ file, range: { start, end }, counts, length: tokens.length });
        }
        start = end;
        separator.lastIndex = end;
      }
    }
    this.averageLength = this.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0) / this.paragraphs.length;
  }

  rank(query: string, among: readonly string[], limit: number): Ranked {
    const tokens = new Set(tokensOf(query));
    const total = this.paragraphs.length;
    return this.paragraphs
      .filter((paragraph) => among.includes(paragraph.file))
      .map((paragraph) => {
        let score = 0;
        for (const token of tokens) {
          const count = paragraph.counts.get(token);
          if (!count) continue;
          const frequency = this.frequency.get(token)!;
          const idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
          score += (idf * count * 2.2) / (count + 1.2 * (0.25 + (0.75 * paragraph.length) / this.averageLength));
        }
        return { paragraph, score };
      })
      .filter((scored) => scored.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ paragraph }) => ({ file: paragraph.file, range: paragraph.range }));
  }
}

function tokensOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export async function suggestBench(): Promise<BenchRow[]> {
  const { dir, cleanup } = tempDir('sourcebench-bench-suggest-');
  const project = Project.open(path.join(dir, 'bench.sourcebench'), { corpusDir });
  try {
    const sources = new Map<string, Source>();
    const files = new Map<string, string>();
    for (const document of project.documents.list()) {
      const content = project.documents.getVersionContent(document.currentVersionId);
      sources.set(content.fileName, { documentId: document.id, versionId: content.versionId, text: content.text });
      files.set(document.id, content.fileName);
    }
    const { englishToEnglish, russianToEnglish } = eventCases(sources);

    const times: number[] = [];
    const suggest = (c: Case, timed: boolean): Ranked => {
      const source = sources.get(c.from.file)!;
      const request = SuggestRequest.parse({
        from: { kind: 'range', versionId: source.versionId, ...c.from.range },
        documentIds: c.among.map((file) => sources.get(file)!.documentId),
        limit: 5,
      });
      const started = performance.now();
      const suggestions = suggestPassages(project, request);
      if (timed) times.push(performance.now() - started);
      return suggestions.map((suggestion) => ({ file: files.get(suggestion.documentId)!, range: suggestion.passage }));
    };
    const firstStarted = performance.now();
    suggest(englishToEnglish[0]!, false);
    const firstList = performance.now() - firstStarted;

    const baseline = new NaiveBm25(sources);
    const naive = (c: Case) => baseline.rank(sources.get(c.from.file)!.text.slice(c.from.range.start, c.from.range.end), c.among, 5);

    const rows: BenchRow[] = [];
    const directions = [
      ['English → English', englishToEnglish],
      ['Russian → English', russianToEnglish],
    ] as const;
    for (const [direction, cases] of directions) {
      const ours = recall(cases, (c) => suggest(c, true));
      const halves = (['develop', 'check'] as const).map((split) => `${split} ${describe(recall(cases.filter((c) => c.event.split === split), (c) => suggest(c, false)))}`);
      rows.push(timedRow(`suggest ${direction}: recall, time of a list`, `${cases.length} quotes, ${ours.pairs} pairs`, times.splice(0), `${describe(ours)} (${halves.join('; ')})`));
      const baseTimes: number[] = [];
      const base = recall(cases, (c) => {
        const started = performance.now();
        const ranked = naive(c);
        baseTimes.push(performance.now() - started);
        return ranked;
      });
      rows.push(timedRow(`suggest ${direction}: baseline`, 'naive BM25 over paragraphs', baseTimes, describe(base)));
    }
    rows.push({
      benchmark: 'suggest: first list of a project',
      input: 'building the indexes of 3 versions (1.4 MB)',
      median: firstList,
      min: firstList,
      max: firstList,
      note: 'once per version while the project is open',
    });
    return rows;
  } finally {
    project.close();
    cleanup();
  }
}

/** A row whose times are those of the lists and whose note gives their recall and p95. */
function timedRow(benchmark: string, input: string, times: readonly number[], recallNote: string): BenchRow {
  return {
    benchmark,
    input,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    note: `recall ${recallNote}; p95 ${percentile(times, 95).toFixed(1)} ms`,
  };
}
