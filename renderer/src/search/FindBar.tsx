/**
 * Find in this pane (Ctrl+F): a small bar over the text with "n of m", previous and next (Enter
 * and Shift+Enter, F3 and Shift+F3 too); Escape closes it and gives the text the focus back.
 */
import { useEffect, useId, useRef } from 'react';
import type { FindInPane } from './use-find-in-pane';

interface Props {
  readonly find: FindInPane;
  /** Bumped each time Ctrl+F asks for the bar, so the box takes the focus (and its text is selected) again. */
  readonly focusRequest: number;
  readonly onClose: () => void;
}

export function FindBar({ find, focusRequest, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if ((event.key === 'Enter' && !event.nativeEvent.isComposing) || event.key === 'F3') {
      event.preventDefault();
      if (event.shiftKey) find.previous();
      else find.next();
    }
  };

  const count = find.matches.length;
  const status = !find.query.trim()
    ? ''
    : find.error
      ? ''
      : find.busy && count === 0
        ? 'Searching…'
        : count === 0
          ? 'No matches'
          : `${(find.current ?? 0) + 1} of ${count}${find.more ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in this source" onKeyDown={onKeyDown}>
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find in this source"
        placeholder="Find in this source"
        value={find.query}
        aria-invalid={find.error ? true : undefined}
        aria-describedby={find.error ? errorId : undefined}
        onChange={(event) => find.setQuery(event.target.value)}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="tool icon" aria-label="Previous match" title="Previous match (Shift+Enter, Shift+F3)" disabled={count === 0} onClick={find.previous}>
        ↑
      </button>
      <button type="button" className="tool icon" aria-label="Next match" title="Next match (Enter, F3)" disabled={count === 0} onClick={find.next}>
        ↓
      </button>
      <button type="button" className="tool icon" aria-label="Close the find bar" title="Close (Escape)" onClick={onClose}>
        ×
      </button>
      {find.error && (
        <p id={errorId} className="find-error" role="alert">
          {find.error}
        </p>
      )}
    </div>
  );
}
