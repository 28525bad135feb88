/** The sidebar's search box over the annotations, with its syntax in a line and what it could not read. */
import { useId } from 'react';
import '../search/search.css';

interface Props {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly problems: readonly string[];
}

export function AnnotationQueryBox({ query, onQuery, problems }: Props) {
  const id = useId();
  return (
    <div className="annotation-query" role="search" aria-label="Search the annotations">
      <input
        type="search"
        aria-label="Search the annotations"
        aria-describedby={`${id}-hint${problems.length > 0 ? ` ${id}-problems` : ''}`}
        placeholder="Search: words, tag:, color:, grade:, claim:, stance:, doc:"
        spellCheck={false}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      <p id={`${id}-hint`} className="annotation-query-hint muted">
        Words in the quote or note, and tag:NAME color:red grade:2 (or none) claim:WORDS stance:supports doc:TITLE — all must hold.
      </p>
      {problems.length > 0 && (
        <p id={`${id}-problems`} className="annotation-query-error" role="status">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}
