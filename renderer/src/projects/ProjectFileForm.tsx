/**
 * The form of New Project and Save a Copy: one field for a name (a file in the data folder) or a
 * full path, the file it resolves to shown under it before anything is written, the dialog's own
 * options, the server's refusal tied to the field, and a submit that waits for a name.
 */
import { useId, type ReactNode } from 'react';
import { projectPathFor } from './project-paths';
import './projects.css';

interface Props {
  readonly label: string;
  readonly name: string;
  readonly onName: (name: string) => void;
  readonly dataDirectory: string;
  /** What submitting does to the file shown under the field: "Creates", "Writes". */
  readonly verb: string;
  /** Shown instead of the file while the name resolves to none. */
  readonly hint: string;
  readonly placeholder?: string;
  readonly busy: boolean;
  readonly busyText: string;
  /** Whether the field is locked while the server works (a copy being written is of that name). */
  readonly lockedWhileBusy: boolean;
  readonly error: string | null;
  /** The system's file dialog, where the host has one. */
  readonly chooseLocation?: () => void;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  /** The dialog's options, between the field and the messages. */
  readonly children?: ReactNode;
  /** What was done, shown above the refusal (Save a Copy stays open). */
  readonly status?: ReactNode;
}

export function ProjectFileForm(props: Props) {
  const { label, name, onName, dataDirectory, verb, hint, placeholder, busy, busyText, lockedWhileBusy, error } = props;
  const id = useId();
  const target = projectPathFor(name, dataDirectory);
  const canSubmit = !busy && name.trim() !== '';
  return (
    <form
      className="project-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit) props.onSubmit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{label}</label>
        <div className="project-path-row">
          <input
            id={`${id}-name`}
            value={name}
            required
            spellCheck={false}
            placeholder={placeholder}
            disabled={lockedWhileBusy && busy}
            aria-invalid={error !== null || undefined}
            aria-describedby={`${id}-target${error ? ` ${id}-error` : ''}`}
            onChange={(event) => onName(event.target.value)}
            data-autofocus
          />
          {props.chooseLocation && (
            <button type="button" className="tool" onClick={props.chooseLocation} disabled={busy}>
              Choose location…
            </button>
          )}
        </div>
        <span id={`${id}-target`} className="project-target">
          {target ? (
            <>
              {verb} <code>{target}</code>
            </>
          ) : (
            hint
          )}
        </span>
      </div>
      {props.children}
      {busy && <p className="muted">{busyText}</p>}
      {props.status}
      {error && (
        <p id={`${id}-error`} className="banner error project-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="submit" className="primary" disabled={!canSubmit}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
