/**
 * The reliability grade of a source in its pane header: the letter (or "Grade source"), with the Admiralty
 * wording as tooltip. A click opens the source assessment below it.
 */
import { useEffect, useRef, useState } from 'react';
import { SOURCE_RELIABILITY_WORDING } from '../../../shared/annotations';
import { useOnePopover } from '../panes/one-popover';
import { AssessmentPanel } from './AssessmentPanel';
import { gradeWording } from './grades';
import { useAssessments } from './use-assessments';

interface Props {
  readonly documentId: string;
  readonly documentTitle: string;
}

export function AssessmentBadge({ documentId, documentTitle }: Props) {
  const { assessments, failures } = useAssessments([documentId]);
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const assessment = assessments[documentId];
  const failure = failures[documentId];
  useOnePopover(open, () => setOpen(false));

  // A click elsewhere closes the panel (the text stays readable around it).
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!wrapper.current?.contains(target) && !(target instanceof Element && target.closest('.dialog-backdrop'))) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const grade = assessment?.reliability ?? null;
  const wording = gradeWording(grade);
  return (
    <div className="assessment" ref={wrapper}>
      <button
        type="button"
        className={`grade-badge button grade-${grade ?? 'none'}`}
        title={
          !assessment && failure
            ? `The source assessment could not be read: ${failure}`
            : grade
              ? `${grade}: ${SOURCE_RELIABILITY_WORDING[grade]} — open the source assessment`
              : `${wording} — open the source assessment`
        }
        aria-label={`${wording}. Open the source assessment`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="grade-badge"
      >
        {grade ?? 'Grade source'}
      </button>
      {open && <AssessmentPanel documentId={documentId} documentTitle={documentTitle} onClose={() => setOpen(false)} />}
    </div>
  );
}
