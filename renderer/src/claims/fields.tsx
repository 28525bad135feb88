/**
 * Fields edited in place and saved at once, with no save button: a text saved when the field is
 * left or Enter is pressed (Escape puts back what was there), and a list of names as chips. A
 * change the server refuses keeps what was typed and says why, next to the field.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** What a field shows while it is being edited, following the saved value while it is not. */
function useDraft(value: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    setBase(value);
    if (draft === base) setDraft(value);
  }
  return [draft, setDraft];
}

interface TextProps {
  readonly label: string;
  readonly value: string;
  /** Saves; resolves to an error message, or null when saved. */
  readonly onCommit: (value: string) => Promise<string | null>;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  /** Shown under the field (what was understood, how to write it). */
  readonly hint?: ReactNode;
  /** An empty value is put back instead of saved. */
  readonly required?: boolean;
  readonly className?: string;
  readonly rows?: number;
  /** Hides the visible label (the field keeps it as its accessible name). */
  readonly hideLabel?: boolean;
}

export function InlineText({ label, value, onCommit, multiline, placeholder, hint, required, className, rows = 2, hideLabel }: TextProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sent = useRef<string | null>(null);

  const commit = async () => {
    const next = multiline ? draft : draft.trim();
    if (next === value || next === sent.current) {
      if (next === value) setError(null);
      return;
    }
    if (required && next.trim() === '') {
      setDraft(value);
      setError(null);
      return;
    }
    sent.current = next;
    setSaving(true);
    const problem = await onCommit(next);
    sent.current = null;
    setSaving(false);
    setError(problem);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      if (draft !== value || error) {
        event.preventDefault();
        event.stopPropagation();
        setDraft(value);
        setError(null);
      }
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void commit(),
    onKeyDown,
  };
  return (
    <div className={`inline-field${className ? ` ${className}` : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'inline-label'}>
        {label}
      </label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {saving && <span className="saving muted" aria-hidden="true">saving…</span>}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p className="field-hint muted" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

interface ChipsProps {
  readonly label: string;
  /** The singular, for "Add a person", "Remove Stalin". */
  readonly noun: string;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => Promise<string | null>;
  readonly suggestions?: readonly string[];
}

/** Names as chips: type and press Enter (or a comma) to add one, × to take one away. */
export function ChipsField({ label, noun, values, onChange, suggestions = [] }: ChipsProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (next: string[]) => setError(await onChange(next));
  const add = () => {
    const name = text.trim().replace(/,+$/, '').trim();
    if (!name) return;
    setText('');
    if (values.some((value) => value.toLocaleLowerCase() === name.toLocaleLowerCase())) return;
    void save([...values, name]);
  };
  const remove = (name: string) => void save(values.filter((value) => value !== name));

  return (
    <div className="inline-field chips-field">
      <label htmlFor={id} className="inline-label">
        {label}
      </label>
      <div className="chips-box">
        {values.length > 0 && (
          <ul className="chips" aria-label={label}>
            {values.map((value) => (
              <li key={value} className="chip">
                {value}
                <button type="button" className="chip-remove" aria-label={`Remove ${value}`} title={`Remove ${value}`} onClick={() => remove(value)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          type="text"
          value={text}
          list={suggestions.length > 0 ? `${id}-suggestions` : undefined}
          placeholder={values.length === 0 ? `Add a ${noun}…` : 'Add…'}
          aria-label={`Add a ${noun}`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add();
            } else if (event.key === 'Escape' && text) {
              event.preventDefault();
              event.stopPropagation();
              setText('');
            }
          }}
          onBlur={add}
        />
        {suggestions.length > 0 && (
          <datalist id={`${id}-suggestions`}>
            {suggestions
              .filter((name) => !values.includes(name))
              .map((name) => (
                <option key={name} value={name} />
              ))}
          </datalist>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
