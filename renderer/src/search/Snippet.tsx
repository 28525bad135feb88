/** A snippet of a hit with its matched words marked (<mark>), the rest as plain text. */
import type { Snippet as SnippetData } from '../../../shared/search';

export function Snippet({ snippet, className = 'hit-snippet' }: { snippet: SnippetData; className?: string }) {
  const marks = [...snippet.marks].sort((a, b) => a.start - b.start);
  const pieces: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((mark, index) => {
    const start = Math.max(mark.start, at);
    const end = Math.min(mark.end, snippet.text.length);
    if (end <= start) return;
    if (start > at) pieces.push(snippet.text.slice(at, start));
    pieces.push(<mark key={index}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < snippet.text.length) pieces.push(snippet.text.slice(at));
  return <span className={className}>{pieces}</span>;
}
