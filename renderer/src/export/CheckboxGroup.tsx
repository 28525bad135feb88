/** A labelled group of checkboxes where nothing ticked means "all": one way to choose for every list of the filter. */
import type { ReactNode } from 'react';

export interface Choice<T> {
  readonly value: T;
  readonly label: string;
  /** Drawn before the label (a colour swatch); the label alone must say what it is. */
  readonly adornment?: ReactNode;
  /** Indentation level, for the codebook's tree. */
  readonly depth?: number;
  readonly key?: string;
}

interface Props<T> {
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly chosen: readonly T[];
  readonly onChange: (value: T, on: boolean) => void;
  readonly onClear: () => void;
  readonly disabled?: boolean;
  readonly empty?: string;
  /** A list that may grow long (sources, the codebook) scrolls on its own; a short one is laid out in two columns. */
  readonly layout?: 'scrolling' | 'columns';
}

export function CheckboxGroup<T>({ legend, choices, chosen, onChange, onClear, disabled, empty, layout }: Props<T>) {
  return (
    <fieldset className={`checkbox-group${layout ? ` ${layout}` : ''}`} disabled={disabled}>
      <legend>
        {legend} <span className="muted">{chosen.length === 0 ? '(all)' : `(${chosen.length} chosen)`}</span>
        {chosen.length > 0 && (
          <button type="button" className="link" onClick={onClear} aria-label={`Clear the choice of ${legend.toLowerCase()}`}>
            Clear
          </button>
        )}
      </legend>
      {choices.length === 0 && <p className="muted">{empty}</p>}
      {choices.map((choice) => (
        <label key={choice.key ?? String(choice.value)} className="checkbox" style={choice.depth ? { paddingInlineStart: `${choice.depth * 1.1}em` } : undefined}>
          <input type="checkbox" checked={chosen.includes(choice.value)} onChange={(event) => onChange(choice.value, event.target.checked)} />
          {choice.adornment}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
