/**
 * The row of buttons of the annotation toolbar (colours, Tag, Note, Claim…, Similar, credibility, Copy as
 * quotation, Delete, close), kept apart from what the buttons do; arrow keys move between them (one toolbar, many controls).
 */
import { useId } from 'react';
import { CREDIBILITY_WORDING, type Annotation, type HighlightColor } from '../../../shared/annotations';
import { COLOR_NAMES, COLORS } from './keys';

/** The panel open below the buttons. */
export type ToolbarPanel = 'tag' | 'note' | 'claim' | null;

interface Props {
  /** The highlight; null while the toolbar is for a fresh selection. */
  readonly annotation: Annotation | null;
  readonly panel: ToolbarPanel;
  /** How many claims the highlight is an account of. */
  readonly accountCount: number;
  readonly onColor: (color: HighlightColor) => void;
  readonly onGrade: (grade: number) => void;
  readonly onOpen: (panel: 'tag' | 'note' | 'claim') => void;
  /** Asks for the passages of the other sources that tell the same. */
  readonly onSimilar: () => void;
  /** Puts the highlight's quote with its citation on the clipboard. */
  readonly onQuote: () => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

const GRADES = [1, 2, 3, 4, 5, 6];

function onArrowKeys(event: React.KeyboardEvent<HTMLDivElement>): void {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
  event.preventDefault();
}

export function HighlightTools({ annotation, panel, accountCount, onColor, onGrade, onOpen, onSimilar, onQuote, onDelete, onClose }: Props) {
  const currentColor = annotation?.color ?? null;
  const credibility = annotation?.credibility ?? null;
  const ids = useId();
  return (
    <div className="annotation-toolbar" role="toolbar" aria-label={annotation ? 'Highlight tools' : 'Highlight the selection'} onKeyDown={onArrowKeys}>
      {/* The groups are named on screen: a row of dots and digits says nothing to a newcomer. */}
      <span className="swatches" role="group" aria-labelledby={`${ids}-colour`}>
        <span className="group-label" id={`${ids}-colour`}>
          Colour
        </span>
        {COLORS.map((color, index) => (
          <button
            key={color}
            type="button"
            className={`swatch annotation-${color}`}
            data-color={color}
            aria-label={`${COLOR_NAMES[color]} (${index + 1})`}
            aria-pressed={currentColor === color}
            title={`${COLOR_NAMES[color]} · key ${index + 1}`}
            onClick={() => onColor(color)}
          >
            <span aria-hidden="true">{currentColor === color ? '✓' : ''}</span>
          </button>
        ))}
      </span>
      <button type="button" className="tool" aria-pressed={panel === 'tag'} title="Tag · key T" aria-keyshortcuts="T" onClick={() => onOpen('tag')}>
        Tag
      </button>
      <button type="button" className="tool" aria-pressed={panel === 'note'} title="Note · key N" aria-keyshortcuts="N" onClick={() => onOpen('note')}>
        Note
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={panel === 'claim'}
        title={`Attach to a claim${accountCount > 0 ? ` (an account of ${accountCount} claim${accountCount === 1 ? '' : 's'})` : ''} · key C`}
        aria-keyshortcuts="C"
        onClick={() => onOpen('claim')}
      >
        Claim…
        {accountCount > 0 && (
          <span className="claim-count" aria-hidden="true">
            ◆{accountCount}
          </span>
        )}
      </button>
      <button
        type="button"
        className="tool"
        title="Similar passages: those of the other sources that most likely tell the same · key S"
        aria-keyshortcuts="S"
        onClick={onSimilar}
      >
        Similar
      </button>
      <span className="grades" role="group" aria-labelledby={`${ids}-credibility`}>
        <span className="group-label" id={`${ids}-credibility`} title="Credibility of the information: 1 confirmed … 6 cannot be judged">
          Credibility
        </span>
        {GRADES.map((grade) => (
          <button
            key={grade}
            type="button"
            className="grade"
            aria-label={`Credibility ${grade}: ${CREDIBILITY_WORDING[grade]}`}
            aria-pressed={credibility === grade}
            aria-keyshortcuts={`Shift+${grade}`}
            title={`Credibility ${grade}: ${CREDIBILITY_WORDING[grade]} · Shift+${grade}`}
            onClick={() => onGrade(grade)}
          >
            {grade}
          </button>
        ))}
      </span>
      {annotation && (
        <button type="button" className="tool" aria-label="Copy as quotation" title="Copy as quotation: the quote with its citation" onClick={onQuote}>
          Copy
        </button>
      )}
      {annotation && (
        <button
          type="button"
          className="tool delete"
          aria-label="Delete highlight"
          title="Delete highlight · Delete"
          aria-keyshortcuts="Delete"
          onClick={onDelete}
        >
          Delete
        </button>
      )}
      <button type="button" className="tool close" aria-label="Close" title="Close · Escape" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
