/**
 * The first step of "Claim…": a search box over the existing claims and the list of matches
 * (best first; arrow keys and Enter), ending in "New claim from this passage…".
 */
import type { Claim } from '../../../shared/claims';
import { ClaimFacts } from './ClaimFacts';

interface Props {
  readonly id: string;
  readonly inputRef: React.RefObject<HTMLInputElement | null>;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly matches: readonly Claim[];
  /** The option the arrow keys are on; `matches.length` is "New claim". */
  readonly current: number;
  readonly onActive: (index: number) => void;
  /** Takes the option at an index: a match to attach to, or "New claim". */
  readonly onChoose: (index: number) => void;
}

export function ClaimSearchList({ id, inputRef, query, onQuery, matches, current, onActive, onChoose }: Props) {
  const optionCount = matches.length + 1;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        onActive((current + 1) % optionCount);
        break;
      case 'ArrowUp':
        event.preventDefault();
        onActive((current - 1 + optionCount) % optionCount);
        break;
      case 'Home':
      case 'End':
        if (!event.ctrlKey) break;
        event.preventDefault();
        onActive(event.key === 'Home' ? 0 : optionCount - 1);
        break;
      case 'Enter':
        event.preventDefault();
        onChoose(current);
        break;
    }
  };

  /** Mouse down, not click: the search box keeps the focus until the next step takes it. */
  const pick = (index: number) => (event: React.MouseEvent) => {
    event.preventDefault();
    onChoose(index);
  };

  return (
    <div className="claim-search">
      <input
        ref={inputRef}
        className="claim-search-input"
        type="search"
        role="combobox"
        aria-label="Find a claim"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={optionId(current)}
        placeholder="Find a claim: words, people, places, date"
        value={query}
        spellCheck={false}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Matching claims" className="claim-options">
        {matches.map((claim, index) => (
          <li
            key={claim.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            onMouseDown={pick(index)}
            onMouseEnter={() => onActive(index)}
          >
            <span className="claim-option-wording">{claim.wording}</span>
            <ClaimFacts claim={claim} />
          </li>
        ))}
        {matches.length === 0 && query.trim() !== '' && (
          <li className="claim-none" role="presentation">
            No claim matches “{query.trim()}”.
          </li>
        )}
        <li
          id={optionId(matches.length)}
          role="option"
          aria-selected={current === matches.length}
          className="claim-new-option"
          onMouseDown={pick(matches.length)}
          onMouseEnter={() => onActive(matches.length)}
        >
          New claim from this passage…
        </li>
      </ul>
    </div>
  );
}
