/** Which highlight or claim marker a click or key in the text is for (overlaps, grade numbers, markers). */
import type { EditorView } from 'prosemirror-view';
import { annotationState } from './annotation-plugin';

/**
 * The highlight a click is for. Where highlights overlap, the shortest (the most specific) comes
 * first, and clicking again on the same place goes on to the next one, so each can be opened.
 */
export function annotationAt(view: EditorView, target: HTMLElement): HTMLElement | null {
  const marks: HTMLElement[] = [];
  for (let node = target.closest<HTMLElement>('[data-annotation-id]'); node && view.dom.contains(node); ) {
    marks.push(node);
    node = node.parentElement?.closest<HTMLElement>('[data-annotation-id]') ?? null;
  }
  if (marks.length === 0) return gradeOwner(view.dom, target);
  if (marks.length === 1) return marks[0]!;
  const plugin = annotationState(view.state);
  const length = (mark: HTMLElement) => {
    const drawn = plugin?.drawn.get(mark.dataset.annotationId!);
    return drawn ? drawn.to - drawn.from : Infinity;
  };
  const ordered = [...marks].sort((a, b) => length(a) - length(b));
  const current = ordered.findIndex((mark) => mark.dataset.annotationId === plugin?.active);
  return ordered[current === -1 ? 0 : (current + 1) % ordered.length]!;
}

/** The claim marker an event happened on, if any. */
export function claimMarkerAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-claims-of]') : null;
}

/** A click on a grade number belongs to the annotation it grades. */
function gradeOwner(root: HTMLElement, target: HTMLElement): HTMLElement | null {
  const grade = target.closest<HTMLElement>('[data-grade-of]');
  if (!grade) return null;
  const id = grade.dataset.gradeOf!;
  const mark = root.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`);
  return mark;
}
