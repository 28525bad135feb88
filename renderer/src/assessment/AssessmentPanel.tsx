/**
 * The source assessment of one document: the Admiralty reliability grade (A–F) and the questions
 * of external and internal source criticism. Saved at once: the grade on click, the text fields
 * shortly after typing stops. There is no save button.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { SOURCE_RELIABILITY_WORDING, type SourceAssessment, type SourceReliability } from '../../../shared/annotations';
import { useInsideWindow } from '../panes/one-popover';
import { messageOf } from '../state/errors';
import { useStores } from '../state/store-context';
import { GRADES } from './grades';
import { useAssessments } from './use-assessments';

export type AssessmentField = 'authorship' | 'dateOfWriting' | 'placeOfWriting' | 'proximity' | 'tendency' | 'provenance';

const ASSESSMENT_FIELDS: readonly { field: AssessmentField; label: string; hint: string; rows: number }[] = [
  { field: 'authorship', label: 'Authorship', hint: 'Who wrote it? What is known of the author and their position?', rows: 2 },
  { field: 'dateOfWriting', label: 'Date of writing', hint: 'When was it written (and how do we know)?', rows: 1 },
  { field: 'placeOfWriting', label: 'Place of writing', hint: 'Where was it written?', rows: 1 },
  {
    field: 'proximity',
    label: 'Proximity to the events',
    hint: 'Was the author a witness? How close in time and place to the events?',
    rows: 2,
  },
  { field: 'tendency', label: 'Tendency or bias', hint: 'What tendency, interest or motive for bias?', rows: 2 },
  {
    field: 'provenance',
    label: 'Provenance',
    hint: 'From what earlier material, in what original form, and how did it reach us?',
    rows: 2,
  },
];

const TYPING_DELAY = 600;

type Draft = Record<AssessmentField, string>;

function draftOf(assessment: SourceAssessment | undefined): Draft {
  return {
    authorship: assessment?.authorship ?? '',
    dateOfWriting: assessment?.dateOfWriting ?? '',
    placeOfWriting: assessment?.placeOfWriting ?? '',
    proximity: assessment?.proximity ?? '',
    tendency: assessment?.tendency ?? '',
    provenance: assessment?.provenance ?? '',
  };
}

interface Props {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly onClose: () => void;
}

export function AssessmentPanel({ documentId, documentTitle, onClose }: Props) {
  const store = useStores().assessments;
  const { assessments } = useAssessments([documentId]);
  const assessment = assessments[documentId];
  const [failure, setFailure] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  const [status, setStatus] = useState<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle');
  const pending = useRef<Partial<Draft>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useInsideWindow(panel, []);

  /** The grade just chosen, shown at once while it is being saved. */
  const [chosenGrade, setChosenGrade] = useState<SourceReliability | null | undefined>(undefined);

  const save = (input: Partial<Draft> & { reliability?: SourceReliability | null }) => {
    setStatus('saving');
    void store
      .save({ documentId, ...input })
      .then(
        () => setStatus('saved'),
        (error: unknown) => {
          setFailure(messageOf(error));
          setStatus('error');
        },
      )
      .finally(() => {
        if (input.reliability !== undefined) setChosenGrade(undefined);
      });
  };
  const choose = (grade: SourceReliability | null) => {
    setChosenGrade(grade);
    save({ reliability: grade });
  };

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const fields = pending.current;
    pending.current = {};
    if (Object.keys(fields).length > 0) save(fields);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // Typing that has not been saved yet is saved when the panel closes.
  useEffect(() => () => flushRef.current(), []);

  // A change from elsewhere (undo, redo) shows here unless the user is in the middle of typing.
  const updatedAt = assessment?.updatedAt ?? null;
  useEffect(() => {
    if (Object.keys(pending.current).length === 0) setDraft(draftOf(assessment));
  }, [updatedAt, assessment === undefined]);

  // It opens to the right of its badge, but never past the window's edge.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const overflow = rect.right - (window.innerWidth - 8);
    if (overflow > 0) element.style.left = `${-Math.min(overflow, Math.max(0, rect.left - 8))}px`;
  }, []);

  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus();
  }, []);

  const edit = (field: AssessmentField, value: string) => {
    setDraft((now) => ({ ...now, [field]: value }));
    pending.current = { ...pending.current, [field]: value };
    setStatus('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, TYPING_DELAY);
  };

  const grade = chosenGrade !== undefined ? chosenGrade : (assessment?.reliability ?? null);
  return (
    <div
      ref={panel}
      className="assessment-panel"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="assessment-head">
        <h3 id={headingId}>Source assessment</h3>
        <button type="button" className="tool close" aria-label="Close the source assessment" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted assessment-of">{documentTitle}</p>
      <fieldset className="grade-choice">
        <legend>Reliability of the source (Admiralty)</legend>
        {GRADES.map((letter) => (
          <label key={letter} className={grade === letter ? 'chosen' : undefined}>
            <input
              type="radio"
              name={`grade-${documentId}`}
              value={letter}
              checked={grade === letter}
              onChange={() => choose(letter)}
            />
            <span className="grade-letter">{letter}</span> {SOURCE_RELIABILITY_WORDING[letter]}
          </label>
        ))}
        <label className={grade === null ? 'chosen' : undefined}>
          <input
            type="radio"
            name={`grade-${documentId}`}
            value=""
            checked={grade === null}
            onChange={() => choose(null)}
          />
          <span className="grade-letter">–</span> Not graded
        </label>
      </fieldset>
      <p className="muted hint">
        Grade the source itself; the credibility of each piece of information (1–6) is rated on its highlight, independently.
      </p>
      {ASSESSMENT_FIELDS.map(({ field, label, hint, rows }) => (
        <label key={field} className="field">
          {label}
          <textarea
            name={field}
            rows={rows}
            placeholder={hint}
            value={draft[field]}
            onChange={(event) => edit(field, event.target.value)}
            onBlur={flush}
          />
        </label>
      ))}
      <p className="save-status muted" aria-live="polite">
        {status === 'pending' || status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : status === 'error' ? `Not saved: ${failure}` : 'Changes are saved as you type'}
      </p>
    </div>
  );
}
