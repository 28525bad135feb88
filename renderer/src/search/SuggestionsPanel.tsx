/**
 * The passages of the other sources that most likely tell the same event as a selected passage,
 * a highlight or a claim, best first, across languages. Asked for from the selection's toolbar
 * ("Similar"), a highlight's toolbar, or a claim ("Suggest accounts"); each one opens in its pane
 * with one click, and is attached to a claim with one more.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import type { Suggestion } from '../../../shared/search';
import { messageOf } from '../state/errors';
import type { SuggestionSource } from '../state/finder-store';
import { useSnapshot, useStores } from '../state/store-context';
import { claimsFor } from './suggestion-claims';
import { SuggestionCard } from './SuggestionCard';

const SUGGESTION_LIMIT = 10;

interface Props {
  readonly client: ApiClient;
  readonly documents: readonly DocumentSummary[];
}

type Answer = { readonly source: SuggestionSource; readonly suggestions: readonly Suggestion[] | null; readonly error: string | null };

export function SuggestionsPanel({ client, documents }: Props) {
  const { finder, claims: claimStore, annotations: annotationStore } = useStores();
  const { suggestFor } = useSnapshot(finder);
  const { claims } = useSnapshot(claimStore);
  const { annotations } = useSnapshot(annotationStore);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!suggestFor) return;
    let current = true;
    setAnswer({ source: suggestFor, suggestions: null, error: null });
    client
      .suggestPassages({ from: suggestFor.from, limit: SUGGESTION_LIMIT })
      .then((suggestions) => current && setAnswer({ source: suggestFor, suggestions, error: null }))
      .catch((reason: unknown) => current && setAnswer({ source: suggestFor, suggestions: null, error: messageOf(reason) }));
    return () => {
      current = false;
    };
  }, [client, suggestFor]);

  const candidates = useMemo(() => (answer ? claimsFor(answer.source.from, claims, annotations) : []), [answer, claims, annotations]);

  if (!suggestFor || !answer) {
    return (
      <p className="muted suggestions-empty">
        Select a passage in a pane and choose <em>Similar</em>, or <em>Suggest accounts</em> on a claim, to see the passages of the
        other sources that most likely tell the same event.
      </p>
    );
  }

  const titleOf = (documentId: string) => {
    const document = documents.find((d) => d.id === documentId);
    return document ? displayTitle(document) : 'A document no longer in the project';
  };
  const { suggestions, error } = answer;
  return (
    <div className="suggestions-panel">
      <p className="suggestions-for">
        <span className="muted">{suggestFor.from.kind === 'claim' ? 'Accounts of the claim' : 'Passages telling the same as'}</span>{' '}
        <q title={suggestFor.label}>{shortened(suggestFor.label)}</q>
      </p>
      <p className="muted" role="status" aria-live="polite">
        {error ? '' : suggestions === null ? 'Looking through the other sources…' : suggestions.length === 0 ? 'No passage in the other sources seems to tell it.' : `${suggestions.length} passage${suggestions.length === 1 ? '' : 's'}, most likely first`}
      </p>
      {error && (
        <p className="suggestions-error" role="alert">
          {error}
        </p>
      )}
      {suggestions && suggestions.length > 0 && (
        <ol className="suggestions" aria-label="Suggested passages">
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.versionId}:${suggestion.passage.start}`}>
              <SuggestionCard
                suggestion={suggestion}
                documentTitle={titleOf(suggestion.documentId)}
                candidates={candidates}
                onOpen={() =>
                  finder.reveal({
                    documentId: suggestion.documentId,
                    versionId: suggestion.versionId,
                    start: suggestion.passage.start,
                    end: suggestion.passage.end,
                    flash: [suggestion.passage],
                  })
                }
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The passage asked about, as the heading quotes it: its first words. */
function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 160).trimEnd()}…` : line;
}
