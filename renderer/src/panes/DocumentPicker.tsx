/** Chooses which document a pane shows. */
import { useState } from 'react';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';

interface Props {
  readonly current: string;
  readonly documents: readonly DocumentSummary[];
  readonly onPick: (documentId: string) => void;
}

export function DocumentPicker({ current, documents, onPick }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="picker">
      <button
        type="button"
        className="tool"
        aria-label="Show another document in this pane"
        aria-expanded={open}
        title="Show another document in this pane"
        onClick={() => setOpen(!open)}
      >
        ⇄
      </button>
      {open && (
        <ul className="picker-list" aria-label="Documents">
          {documents.map((document) => (
            <li key={document.id}>
              <button
                type="button"
                aria-current={document.id === current}
                onClick={() => {
                  setOpen(false);
                  onPick(document.id);
                }}
              >
                {displayTitle(document)} <span className="muted">({document.language})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
