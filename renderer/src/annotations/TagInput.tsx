/**
 * Tags of an annotation: chips that can be taken off, and an input that completes over the
 * codebook by full path ("Parent / Child"). Enter on a name not in the codebook adds it there
 * (a path such as "Causes / Economic" adds the missing levels) and applies it at once.
 */
import { useId, useMemo, useState } from 'react';
import type { Tag } from '../../../shared/annotations';
import { findByPath, matchTags, tagPath, type TagOption } from './tag-paths';

interface ChipsProps {
  readonly tagIds: readonly string[];
  readonly tags: readonly Tag[];
  readonly onRemove: (tagId: string) => void;
}

export function TagChips({ tagIds, tags, onRemove }: ChipsProps) {
  if (tagIds.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tagIds.map((id) => {
        const tag = tags.find((t) => t.id === id);
        const path = tag ? tagPath(tag, tags) : 'Unknown tag';
        return (
          <li key={id} className={`tag-chip${tag ? ` tag-${tag.color}` : ''}`} data-tag-id={id}>
            <span className="tag-chip-name">{path}</span>
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${path}`} title={`Remove tag ${path}`} onClick={() => onRemove(id)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

interface InputProps {
  readonly tagIds: readonly string[];
  readonly tags: readonly Tag[];
  readonly onApply: (tagId: string) => void;
  /** Creates the tag (with any missing parents) and gives it back, or null if that failed. */
  readonly onCreate: (path: string) => Promise<Tag | null>;
  readonly onRemoveLast: () => void;
  readonly onClose: () => void;
}

type Choice = { kind: 'tag'; option: TagOption } | { kind: 'create'; path: string };

export function TagInput({ tagIds, tags, onApply, onCreate, onRemoveLast, onClose }: InputProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const choices = useMemo<Choice[]>(() => {
    const options = matchTags(tags, query, tagIds).map((option): Choice => ({ kind: 'tag', option }));
    const trimmed = query.trim();
    if (trimmed && !findByPath(tags, trimmed)) options.push({ kind: 'create', path: trimmed });
    return options;
  }, [tags, query, tagIds]);
  const current = choices[Math.min(active, choices.length - 1)];

  const choose = async (choice: Choice | undefined) => {
    if (!choice || busy) return;
    if (choice.kind === 'tag') {
      onApply(choice.option.tag.id);
    } else {
      const existing = findByPath(tags, choice.path);
      if (existing) {
        if (!tagIds.includes(existing.id)) onApply(existing.id);
      } else {
        setBusy(true);
        const created = await onCreate(choice.path);
        setBusy(false);
        if (!created) return;
        onApply(created.id);
      }
    }
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((index) => (choices.length === 0 ? 0 : (Math.min(index, choices.length - 1) + 1) % choices.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => (choices.length === 0 ? 0 : (Math.min(index, choices.length - 1) - 1 + choices.length) % choices.length));
        break;
      case 'Enter':
        event.preventDefault();
        if (query.trim()) void choose(current);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        if (query) setQuery('');
        else onClose();
        break;
      case 'Backspace':
        if (!query && tagIds.length > 0) {
          event.preventDefault();
          onRemoveLast();
        }
        break;
    }
  };

  const expanded = query.trim() !== '' && choices.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="tag-field">
      <input
        className="tag-input"
        type="text"
        role="combobox"
        aria-label="Add a tag"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && current ? optionId(choices.indexOf(current)) : undefined}
        placeholder="Add a tag (Enter) · Parent / Child"
        value={query}
        // Not disabled while the tag is made: that would take the focus away.
        readOnly={busy}
        aria-busy={busy}
        autoFocus
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Tags of the codebook" className="tag-options" hidden={!expanded}>
        {expanded &&
          choices.map((choice, index) => (
            <li
              key={choice.kind === 'tag' ? choice.option.tag.id : `create:${choice.path}`}
              id={optionId(index)}
              role="option"
              aria-selected={choice === current}
              className={choice.kind === 'create' ? 'create' : undefined}
              // Mouse down keeps the focus in the input; the choice is made on click, once the button
              // is up: made on mouse down, the list is gone before the mouse up, which then lands on
              // the text below and closes the toolbar.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(choice)}
              onMouseEnter={() => setActive(index)}
            >
              {choice.kind === 'tag' ? choice.option.path : `Create tag “${choice.path}”`}
            </li>
          ))}
      </ul>
    </div>
  );
}
