/**
 * `sourcebench match`: the passages of the other sources that most likely tell the same event as
 * a quoted passage of one document, with where each stands in its raw file.
 */
import path from 'node:path';
import type { ApiClient } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';

export interface MatchOptions {
  readonly doc: string;
  readonly quote: string;
  readonly top: number;
}

/** One suggestion as `match` prints it: exactly these fields. */
export interface MatchLine {
  readonly file: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly text: string;
  readonly score: number;
}

export async function matchQuote(client: ApiClient, options: MatchOptions): Promise<MatchLine[]> {
  const documents = await client.listDocuments({});
  const contents = await Promise.all(documents.map((document) => client.getVersionContent({ versionId: document.currentVersionId })));
  const wanted = path.basename(options.doc);
  const source = contents.find((content) => content.fileName === options.doc) ?? contents.find((content) => path.basename(content.fileName) === wanted);
  if (!source) {
    const names = contents.map((content) => content.fileName).join(', ');
    throw new ApiError('not_found', `No document with the file name "${options.doc}" (the project has: ${names})`, 'doc');
  }
  const range = findQuote(source.text, options.quote);
  if (!range) throw new ApiError('not_found', `The quote was not found in the reading text of ${source.fileName}`, 'quote');
  const suggestions = await client.suggestPassages({ from: { kind: 'range', versionId: source.versionId, ...range }, limit: options.top });
  const fileOf = new Map(contents.map((content) => [content.versionId, content.fileName]));
  return Promise.all(
    suggestions.map(async (suggestion) => {
      const first = await client.locateText({ versionId: suggestion.versionId, offset: suggestion.passage.start });
      const last = await client.locateText({ versionId: suggestion.versionId, offset: Math.max(suggestion.passage.start, suggestion.passage.end - 1) });
      return { file: fileOf.get(suggestion.versionId)!, lineStart: first.line, lineEnd: last.line, text: suggestion.text, score: suggestion.score };
    }),
  );
}

/**
 * The quote's range in the text: where it occurs exactly, else where it occurs with any run of
 * white space standing for any other (a quote copied from the hard-wrapped raw file).
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const trimmed = quote.trim();
  if (trimmed === '') return null;
  const exact = text.indexOf(trimmed);
  if (exact >= 0) return { start: exact, end: exact + trimmed.length };
  const pattern = new RegExp(trimmed.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u');
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

export function describeMatches(lines: readonly MatchLine[]): string {
  if (lines.length === 0) return 'No corresponding passages found.\n';
  return lines
    .map((line, index) => {
      const place = line.lineStart === line.lineEnd ? `line ${line.lineStart}` : `lines ${line.lineStart}–${line.lineEnd}`;
      const excerpt = line.text.length > 300 ? `${line.text.slice(0, 300)}…` : line.text;
      return `${index + 1}. ${line.file}, ${place} (score ${line.score.toFixed(1)})\n   ${excerpt.replace(/\s+/g, ' ')}\n`;
    })
    .join('');
}
