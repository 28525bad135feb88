/**
 * One annotation in the sidebar: its quote, tags, the claims it is an account of (stance symbol
 * and wording; a click compares the claim's accounts), the grade of its source and the
 * credibility of the information, a note preview and when it last changed. A click scrolls its
 * pane to it; it lights up together with its highlight (the sidebar brings a lit card into sight).
 * It can be copied as a quotation.
 */
import { memo } from 'react';
import type { Annotation, SourceReliability, Tag } from '../../../shared/annotations';
import { STANCES } from '../../../shared/claims';
import { CredibilityBadge, GradeBadge, gradesExplained } from '../assessment/grades';
import { CLAIM_SIGN, accountLabel, type ClaimMarks } from '../claims/claim-marks';
import '../claims/attach-to-claim.css';
import { tagPath } from '../codebook/tag-tree';
import { useCopyQuotation } from '../export/copy-quotation';
import { useStores } from '../state/store-context';
import { fullTime, relativeTime } from './time';

interface Props {
  readonly annotation: Annotation;
  readonly tags: readonly Tag[];
  readonly grade: SourceReliability | null | undefined;
  readonly documentTitle: string;
  readonly lit: boolean;
  readonly now: number;
  /** The claims the annotation is an account of (undefined: none). */
  readonly claimMarks?: ClaimMarks;
}

export const AnnotationCard = memo(function AnnotationCard({
  annotation,
  tags,
  grade,
  documentTitle,
  lit,
  now,
  claimMarks,
}: Props) {
  const { annotations: store, workspace } = useStores();
  const quotation = useCopyQuotation();

  const chips = annotation.tagIds
    .map((id) => tags.find((tag) => tag.id === id))
    .filter((tag): tag is Tag => tag !== undefined);
  const activate = () => store.scrollTo(annotation);
  return (
    <article
      className={`card${lit ? ' lit' : ''}`}
      data-color={annotation.color}
      data-annotation-id={annotation.id}
      // A click anywhere on the card goes to the passage; for the keyboard, the quote is the
      // card's button (the claim chips are buttons of their own, so the card itself is not one).
      onClick={activate}
      onMouseEnter={() => store.hover(annotation.id)}
      onMouseLeave={() => store.hover(null)}
      onFocus={() => store.hover(annotation.id)}
      onBlur={() => store.hover(null)}
    >
      <button type="button" className="card-go" title={annotation.quote.exact} aria-label={`Go to “${annotation.quote.exact.slice(0, 80)}” in ${documentTitle}`}>
        <span className="card-quote">{annotation.quote.exact}</span>
      </button>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {chips.map((tag) => (
            <li key={tag.id} className="chip" data-color={tag.color} title={tagPath(tags, tag.id)}>
              {tag.name}
            </li>
          ))}
        </ul>
      )}
      {claimMarks && claimMarks.marks.length > 0 && (
        <ul className="claim-chips" aria-label="Claims">
          {claimMarks.marks.map((mark) => (
            <li key={mark.claimId}>
              <button
                type="button"
                className="claim-chip"
                data-stance={mark.stance}
                data-claim-id={mark.claimId}
                title={`${accountLabel(mark.wording, mark.stance)}: compare its accounts`}
                aria-label={accountLabel(mark.wording, mark.stance)}
                // The card's own click scrolls to the highlight: not this one's.
                onClick={(event) => {
                  event.stopPropagation();
                  workspace.compareClaim(mark.claimId);
                }}
              >
                <span className="claim-symbol" aria-hidden="true">
                  {CLAIM_SIGN}
                  {STANCES[mark.stance].symbol}
                </span>
                <span className="claim-chip-wording">{mark.wording}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {annotation.noteText.trim() && <p className="card-note">{annotation.noteText}</p>}
      <footer className="card-meta">
        <span className="card-grades" title={gradesExplained(grade, annotation.credibility)}>
          <GradeBadge grade={grade} title={false} />
          <CredibilityBadge credibility={annotation.credibility} title={false} />
        </span>
        <span className="card-document" title={documentTitle}>
          {documentTitle}
        </span>
        <time dateTime={annotation.updatedAt} title={`Last changed ${fullTime(annotation.updatedAt)}`}>
          {relativeTime(annotation.updatedAt, now)}
        </time>
        <button
          type="button"
          className="tool icon card-copy"
          aria-label="Copy as quotation"
          title="Copy as quotation: the quote with its citation"
          // The card's own click scrolls to the highlight: not this one's.
          onClick={(event) => {
            event.stopPropagation();
            void quotation.copy(annotation.id);
          }}
        >
          ❝
        </button>
      </footer>
      {quotation.status && (
        <p className="card-status" role="status">
          {quotation.status}
        </p>
      )}
    </article>
  );
});
