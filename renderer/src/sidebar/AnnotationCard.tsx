/**
 * One annotation in the sidebar: its quote, tags, the grade of its source and the credibility of
 * the information, a note preview and when it last changed. A click scrolls its pane to it; it
 * lights up together with its highlight.
 */
import { memo, useEffect, useRef } from 'react';
import type { Annotation, SourceReliability, Tag } from '../../../shared/annotations';
import { CredibilityBadge, GradeBadge } from '../assessment/grades';
import { tagPath } from '../codebook/tag-tree';
import type { AnnotationStore } from '../state/annotation-store';
import { fullTime, relativeTime } from './time';

interface Props {
  readonly annotation: Annotation;
  readonly tags: readonly Tag[];
  readonly grade: SourceReliability | null | undefined;
  readonly documentTitle: string;
  readonly lit: boolean;
  readonly now: number;
  readonly store: AnnotationStore;
  /** Whether the pointer is over the list (then a lit card is not scrolled into view). */
  readonly pointerInList: () => boolean;
}

export const AnnotationCard = memo(function AnnotationCard({
  annotation,
  tags,
  grade,
  documentTitle,
  lit,
  now,
  store,
  pointerInList,
}: Props) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (lit && !pointerInList()) card.current?.scrollIntoView({ block: 'nearest' });
  }, [lit, pointerInList]);

  const chips = annotation.tagIds
    .map((id) => tags.find((tag) => tag.id === id))
    .filter((tag): tag is Tag => tag !== undefined);
  const activate = () => store.scrollTo(annotation);
  return (
    <article
      ref={card}
      className={`card${lit ? ' lit' : ''}`}
      data-color={annotation.color}
      data-annotation-id={annotation.id}
      tabIndex={0}
      role="button"
      aria-label={`Go to “${annotation.quote.exact.slice(0, 80)}” in ${documentTitle}`}
      onClick={activate}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate();
        }
      }}
      onMouseEnter={() => store.hover(annotation.id)}
      onMouseLeave={() => store.hover(null)}
      onFocus={() => store.hover(annotation.id)}
      onBlur={() => store.hover(null)}
    >
      <blockquote className="card-quote" title={annotation.quote.exact}>
        {annotation.quote.exact}
      </blockquote>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {chips.map((tag) => (
            <li key={tag.id} className="chip" data-color={tag.color} title={tagPath(tags, tag.id)}>
              {tag.name}
            </li>
          ))}
        </ul>
      )}
      {annotation.noteText.trim() && <p className="card-note">{annotation.noteText}</p>}
      <footer className="card-meta">
        <GradeBadge grade={grade} />
        <CredibilityBadge credibility={annotation.credibility} />
        <span className="card-document" title={documentTitle}>
          {documentTitle}
        </span>
        <time dateTime={annotation.updatedAt} title={`Last changed ${fullTime(annotation.updatedAt)}`}>
          {relativeTime(annotation.updatedAt, now)}
        </time>
      </footer>
    </article>
  );
});
