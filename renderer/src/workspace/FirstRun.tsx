/**
 * What a first-time user sees above the sources: what the three accounts are and what to do
 * first. It sits above the panes rather than over them, so the text stays readable and usable,
 * and once dismissed it stays away (remembered in the workspace).
 */
import { type DocumentSummary, displayTitle } from '../../../shared/domain';

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly onDismiss: () => void;
  readonly onShortcuts: () => void;
}

const KIND_WORDS: Record<string, string> = {
  primary: 'a primary source',
  secondary: 'a secondary account',
  tertiary: 'a tertiary (reference) work',
};

export function FirstRun({ documents, onDismiss, onShortcuts }: Props) {
  return (
    <aside className="first-run" role="region" aria-label="Getting started">
      <div className="first-run-text">
        <h2>Three accounts of the same events, side by side</h2>
        {documents.length > 0 && (
          <ul className="first-run-sources">
            {documents.map((document) => (
              <li key={document.id}>
                <strong>{displayTitle(document)}</strong>{' '}
                <span className="muted">
                  ({document.language}, {KIND_WORDS[document.sourceKind] ?? document.sourceKind}
                  {document.author ? `, ${document.author}` : ''})
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <strong>To begin:</strong> select a passage in any pane to highlight it, then tag it, note it and rate how
          credible it is. Grade each source with the badge in its header. Press{' '}
          <button type="button" className="link" onClick={onShortcuts}>
            <kbd>?</kbd>
          </button>{' '}
          for all keyboard shortcuts.
        </p>
      </div>
      <button type="button" className="tool" onClick={onDismiss}>
        Got it
      </button>
    </aside>
  );
}
