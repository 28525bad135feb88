/**
 * One account of a claim, as a column of the compare view: which source, how reliable it is, how
 * the account stands toward the claim, the quote in its context (differing figures marked), the
 * credibility of the information, the note on what differs, and the way back to the text.
 */
import { SOURCE_RELIABILITY_WORDING, type Annotation, type SourceAssessment } from '../../../shared/annotations';
import { STANCES, type Stance } from '../../../shared/claims';
import { CredibilityBadge, credibilityWording } from '../assessment/grades';
import { problemOf, useFailure } from '../state/errors';
import { useStores } from '../state/store-context';
import type { AccountView } from './account-view';
import type { FigureMark } from './differences';
import { InlineText } from './fields';
import { StanceOptions } from './StanceMark';

interface Props {
  readonly view: AccountView;
  readonly assessment: SourceAssessment | undefined;
  /** Why the source's assessment could not be read, if it could not. */
  readonly assessmentFailure?: string;
  readonly marks: readonly FigureMark[];
  readonly onShowInText: (annotation: Annotation) => void;
}

/** The exact words with the differing figures marked. */
function Exact({ text, marks }: { text: string; marks: readonly FigureMark[] }) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end > text.length) continue;
    if (mark.start > at) pieces.push(text.slice(at, mark.start));
    pieces.push(
      <mark key={mark.start} className="figure-differs" title="Differs from another account">
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <strong className="exact">{pieces}</strong>;
}

/** Context as long as the selectors keep it (32 UTF-16 units, or one less) was cut off there. */
const CUT_CONTEXT = 31;

/**
 * The context before or after the quote: where it was cut off, without the word cut in two (if a
 * whole word is left) and with an ellipsis; where the text began or ended, as it is.
 */
function contextOf(context: string, side: 'before' | 'after'): string {
  if (context.length < CUT_CONTEXT) return context;
  const trimmed = side === 'before' ? context.replace(/^\S+(?=\s)/, '') : context.replace(/(?<=\s)\S+$/, '');
  const shown = trimmed.trim() ? trimmed : context;
  return side === 'before' ? `…${shown}` : `${shown}…`;
}

function ReliabilityBadge({ assessment, failure }: { assessment: SourceAssessment | undefined; failure?: string }) {
  const grade = assessment?.reliability ?? null;
  if (assessment === undefined && failure) return <span className="reliability muted" title={failure}>grade could not be read</span>;
  if (assessment === undefined) return <span className="reliability muted">grade loading…</span>;
  return (
    <span className={`reliability grade-${grade ?? 'none'}`} title="Admiralty grade of the source's reliability">
      <span className="visually-hidden">Source reliability: </span>
      {grade ? `${grade} — ${SOURCE_RELIABILITY_WORDING[grade]}` : 'not graded'}
    </span>
  );
}

export function AccountColumn({ view, assessment, assessmentFailure, marks, onShowInText }: Props) {
  const { annotations, claims } = useStores();
  const { failure, attempt } = useFailure();
  const { account, annotation, label, title } = view;
  const orphan = annotation?.status === 'orphan';

  const saveNote = (note: string) => problemOf(claims.updateAccount({ id: account.id, note }));

  return (
    <article
      className={`account stance-${account.stance}`}
      aria-label={`Account in ${label}`}
      data-account-id={account.id}
      onMouseEnter={() => annotation && annotations.hover(annotation.id)}
      onMouseLeave={() => annotations.hover(null)}
    >
      <header className="account-head">
        <h4 className="account-source" title={title}>
          {label}
        </h4>
        <ReliabilityBadge assessment={assessment} failure={assessmentFailure} />
      </header>
      {annotation ? (
        <blockquote className="quote-in-context" lang={view.document?.language}>
          {annotation.quote.prefix && <span className="context">{contextOf(annotation.quote.prefix, 'before')}</span>}
          <Exact text={annotation.quote.exact} marks={marks} />
          {annotation.quote.suffix && <span className="context">{contextOf(annotation.quote.suffix, 'after')}</span>}
        </blockquote>
      ) : (
        <p className="muted">The highlight of this account is gone.</p>
      )}
      <div className="account-stance">
        <label>
          <span className="inline-label">Stance</span>
          <select
            className={`stance-select stance-${account.stance}`}
            value={account.stance}
            title={STANCES[account.stance].description}
            onChange={(event) => void attempt(claims.updateAccount({ id: account.id, stance: event.target.value as Stance }))}
          >
            <StanceOptions />
          </select>
        </label>
        {annotation && (
          <span className="account-credibility" title={credibilityWording(annotation.credibility)}>
            <CredibilityBadge credibility={annotation.credibility} />
            <span className="muted">{annotation.credibility ? `Credibility ${annotation.credibility}` : 'Credibility not rated'}</span>
          </span>
        )}
      </div>
      {orphan && (
        <p className="orphan-notice" role="note">
          ⚠ Orphaned: this highlight could no longer be placed in the current text
          {annotation?.orphanReason ? ` (${annotation.orphanReason})` : ''}. Re-attach it from the sidebar’s Orphans tab.
        </p>
      )}
      <InlineText
        className="account-note"
        label="Note on what differs"
        value={account.note}
        multiline
        rows={2}
        placeholder="e.g. date: 1931 vs 1932"
        onCommit={saveNote}
      />
      <div className="account-actions">
        <button
          type="button"
          className="tool"
          disabled={!annotation || orphan}
          title={orphan ? 'An orphaned highlight has no place in the text' : `Scroll ${label} to this passage`}
          onClick={() => annotation && onShowInText(annotation)}
        >
          Show in text
        </button>
        <button
          type="button"
          className="tool"
          title="Take this highlight out of the claim (the highlight stays; undo brings it back)"
          onClick={() => void attempt(claims.detachAccount(account.id))}
        >
          Detach
        </button>
      </div>
      {failure && (
        <p className="claim-field-error" role="alert">
          {failure}
        </p>
      )}
    </article>
  );
}
