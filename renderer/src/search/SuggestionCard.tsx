/**
 * One suggested passage: its source, chapter and page, the beginning of its text (all of it on
 * request), why it was suggested (the names, dates and terms it shares), Open and Attach to claim.
 */
import { useState } from 'react';
import type { Claim } from '../../../shared/claims';
import type { Suggestion } from '../../../shared/search';
import { AttachSuggestion } from './AttachSuggestion';

/** About three lines of the panel: enough to judge the passage by. */
const SHORT = 300;

interface Props {
  readonly suggestion: Suggestion;
  readonly documentTitle: string;
  readonly candidates: readonly Claim[];
  readonly onOpen: () => void;
}

export function SuggestionCard({ suggestion, documentTitle, candidates, onOpen }: Props) {
  const [expanded, setExpanded] = useState(false);
  const long = suggestion.text.length > SHORT;
  const text = expanded || !long ? suggestion.text : `${suggestion.text.slice(0, SHORT).trimEnd()}…`;
  const place = [suggestion.chapter, suggestion.page ? `p. ${suggestion.page}` : ''].filter(Boolean).join(' · ');
  return (
    <article className="suggestion" aria-label={`Passage in ${documentTitle}`} data-document-id={suggestion.documentId}>
      <header className="suggestion-head">
        <span className="suggestion-title" title={documentTitle}>
          {documentTitle}
        </span>
        {place && <span className="suggestion-place muted">{place}</span>}
      </header>
      <p className="suggestion-text">
        {text}
        {long && (
          <>
            {' '}
            <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Less' : 'More'}
            </button>
          </>
        )}
      </p>
      <Reasons reasons={suggestion.reasons} />
      <div className="suggestion-actions">
        <button type="button" className="tool" onClick={onOpen} title="Show the passage in its pane">
          Open
        </button>
        <AttachSuggestion suggestion={suggestion} candidates={candidates} />
      </div>
    </article>
  );
}

function Reasons({ reasons }: { reasons: Suggestion['reasons'] }) {
  const kinds = [
    { kind: 'name', label: 'Names', values: reasons.names },
    { kind: 'date', label: 'Dates', values: reasons.dates },
    { kind: 'term', label: 'Terms', values: reasons.terms },
  ].filter((entry) => entry.values.length > 0);
  if (kinds.length === 0) return null;
  return (
    <div className="reasons" role="group" aria-label="Why it was suggested">
      {kinds.map(({ kind, label, values }) => (
        <div key={kind} className="reason-row">
          <span className="reason-kind muted">{label}</span>
          <ul className="chips" aria-label={label}>
            {values.map((value) => (
              <li key={value} className="reason chip" data-reason={kind}>
                {value}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
