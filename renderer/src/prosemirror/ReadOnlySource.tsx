/**
 * A read-only ProseMirror view of one document version. React owns the frame; ProseMirror owns
 * the text, so the view is created once per version and never re-rendered by React. Annotations
 * reach it as a list; only what changed in the list is added to or taken from its decorations.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { VersionContent } from '../../../shared/domain';
import { annotationPlugin, annotationPluginKey, annotationState, syncMeta, type AnnotationMeta, type ClaimMarksMap } from './annotation-plugin';
import { documentFromText, sourceSchema } from './schema';
import { sourceDecorations, sourceDecorationsKey } from './source-decorations';
import { TextPositions } from './text-positions';

interface Props {
  readonly content: VersionContent;
  readonly language: string;
  readonly label: string;
  /** Reading-text offsets of the selection, whenever it changes. */
  readonly onSelect?: (from: number, to: number) => void;
  /** The user clicked text that the normalizer edited: index into content.edits. */
  readonly onEditClick?: (index: number, element: HTMLElement) => void;
  /** Annotations to draw (those anchored on this version are drawn, the rest ignored). */
  readonly annotations?: readonly Annotation[];
  /** The annotation lit up because the pointer is over it (here or in the sidebar). */
  readonly hovered?: string | null;
  /** The annotation whose toolbar is open. */
  readonly active?: string | null;
  /** The pointer entered (id) or left (null) a highlight. */
  readonly onAnnotationHover?: (id: string | null) => void;
  /** A click that selected nothing: on a highlight (its id, the innermost one) or elsewhere (null). */
  readonly onAnnotationClick?: (id: string | null, element: HTMLElement | null) => void;
  /** Font size of the text in pixels (undefined: the stylesheet's). */
  readonly fontSize?: number;
  /** Draw every edit of the normalizer, not only OCR corrections and decoded references. */
  readonly showAllEdits?: boolean;
  /** The claims each highlight is an account of (a marker is drawn after those highlights). */
  readonly claimMarks?: ClaimMarksMap;
  /** The claim marker after a highlight was clicked (or Enter pressed on it). */
  readonly onClaimMarker?: (annotationId: string, element: HTMLElement) => void;
}

/** A rectangle relative to the viewport, like DOMRect. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface ReadOnlySourceHandle {
  /** Scrolls the pane so the block holding the given reading-text offset is at the top. */
  scrollToOffset(offset: number): void;
  /** Scrolls the pane so the line holding the given offset is at the top (restoring a position). */
  scrollLineToTop(offset: number): void;
  /** Scrolls a passage into the middle of the pane if it is not in view. */
  revealRange(start: number, end: number): void;
  /** The reading-text offset at the top left of the visible part of the pane. */
  offsetAtTop(): number | null;
  /** Where the start and end of a passage stand on the screen. */
  rangeBoxes(start: number, end: number): { start: Box; end: Box } | null;
  /** Whether the browser's selection is (at least partly) in this text. */
  hasDomSelection(): boolean;
  /** Takes the browser's selection away (after a highlight is made from it). */
  clearSelection(): void;
  /** The element the text is drawn in. */
  element(): HTMLElement | null;
}

/**
 * Lets layout and paint skip the chunks of blocks out of sight (`.skip-out-of-sight` in the
 * stylesheet), but only after every chunk was laid out once at the current width and text size:
 * a skipped chunk then keeps its real height (`contain-intrinsic-size: auto`), so the scroll bar,
 * jumps and remembered places stay exact. Without skipping, drawing one highlight in the 1.3 MB
 * text re-walks the whole text and misses the frame. When the width or text size changes,
 * heights change: the whole text is laid out once more before skipping again.
 */
function skipChunksOutOfSight(dom: HTMLElement): () => void {
  let frame = 0;
  let measured = '';
  const observer = new ResizeObserver(() => {
    const now = `${dom.clientWidth}|${getComputedStyle(dom).fontSize}`;
    if (now === measured) return;
    measured = now;
    dom.classList.remove('skip-out-of-sight');
    cancelAnimationFrame(frame);
    // Two frames: one to lay everything out, one for the heights to be remembered.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => dom.classList.add('skip-out-of-sight'));
    });
  });
  observer.observe(dom);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}

/**
 * Scrolls by what `distance` says is left, then again on the next frames until it says nothing
 * is left. Chunks out of sight count with their remembered heights (see `skipChunksOutOfSight`);
 * should one be off (a chunk never laid out at this width), a long jump lands near its target,
 * the chunks it lands among take their real heights, and the next frames correct the aim. Stops
 * at once if the reader takes over the scrolling.
 */
function settleScroll(container: HTMLElement, distance: () => number, frames = 20): void {
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) container.removeEventListener(type, stop);
  };
  for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) container.addEventListener(type, stop, { passive: true });
  let still = 0;
  const step = (left: number) => {
    if (stopped || !container.isConnected) return stop();
    const remaining = distance();
    if (Math.abs(remaining) >= 1) {
      const before = container.scrollTop;
      container.scrollTop += remaining;
      // At the top or bottom of the text nothing more can be done.
      still = container.scrollTop === before ? still + 1 : 0;
    } else {
      still++;
    }
    if (left > 0 && still < 2) requestAnimationFrame(() => step(left - 1));
    else stop();
  };
  step(frames);
}

/** The nearest scrolling ancestor of an element (the pane body). */
function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return document.scrollingElement as HTMLElement;
}

export const ReadOnlySource = forwardRef<ReadOnlySourceHandle, Props>(function ReadOnlySource(
  {
    content,
    language,
    label,
    onSelect,
    onEditClick,
    annotations = [],
    hovered = null,
    active = null,
    onAnnotationHover,
    onAnnotationClick,
    fontSize,
    showAllEdits = false,
    claimMarks,
    onClaimMarker,
  },
  ref,
) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<{ view: EditorView; positions: TextPositions } | null>(null);
  // Callbacks change identity on every render; the view keeps reading the latest ones.
  const callbacks = useRef({ onSelect, onEditClick, onAnnotationHover, onAnnotationClick, onClaimMarker });
  callbacks.current = { onSelect, onEditClick, onAnnotationHover, onAnnotationClick, onClaimMarker };
  const fontSizeNow = useRef(fontSize);
  fontSizeNow.current = fontSize;
  const latest = useRef({ annotations, hovered, active, claimMarks });
  latest.current = { annotations, hovered, active, claimMarks };

  /** Brings the drawn annotations (and what is lit up) in line with the props, changing only the difference. */
  const sync = () => {
    const current = view.current;
    if (!current) return;
    const { state } = current.view;
    const plugin = annotationState(state);
    if (!plugin) return;
    const meta: { -readonly [K in keyof AnnotationMeta]: AnnotationMeta[K] } = {
      ...syncMeta(state, latest.current.annotations, content.versionId, latest.current.claimMarks),
    };
    if (plugin.hovered !== latest.current.hovered) meta.hovered = latest.current.hovered;
    if (plugin.active !== latest.current.active) meta.active = latest.current.active;
    if (Object.keys(meta).length === 0) return;
    current.view.dispatch(state.tr.setMeta(annotationPluginKey, meta));
  };

  useEffect(() => {
    const host = mount.current;
    if (!host) return;
    const doc = documentFromText(content.text, content.blocks);
    const positions = new TextPositions(content.blocks);
    let hoveredId: string | null = null;
    const editorView: EditorView = new EditorView(host, {
      state: EditorState.create({
        schema: sourceSchema,
        doc,
        plugins: [sourceDecorations(doc, content, positions), annotationPlugin(positions)],
      }),
      // Selection stays possible (it is how passages are marked); typing never is.
      editable: () => false,
      attributes: { class: 'source-text', lang: language, 'aria-label': label, 'aria-readonly': 'true' },
      dispatchTransaction(transaction) {
        const next = editorView.state.apply(transaction);
        editorView.updateState(next);
        if (transaction.selectionSet) {
          const { from, to } = next.selection;
          callbacks.current.onSelect?.(positions.toOffset(from), positions.toOffset(to));
        }
      },
      handleDOMEvents: {
        click: (_view, event) => {
          const marker = claimMarkerAt(event.target);
          if (marker) {
            callbacks.current.onClaimMarker?.(marker.dataset.claimsOf!, marker);
            return true;
          }
          const edit = (event.target as HTMLElement).closest<HTMLElement>('[data-edit]');
          if (edit) callbacks.current.onEditClick?.(Number(edit.dataset.edit), edit);
          return false;
        },
        // A highlight is opened on mouse up, not on click: lighting it up on hover redraws it, and a
        // redraw between mouse down and up would send the click to the paragraph instead.
        mouseup: (released, event) => {
          if (event.button !== 0) return false;
          // A claim marker's click is its own (it shows the claim, not the highlight's toolbar).
          if (claimMarkerAt(event.target)) return false;
          // A mouse up that ends a drag has selected text: that is for the selection toolbar.
          const selection = window.getSelection();
          if (selection && !selection.isCollapsed && released.dom.contains(selection.anchorNode)) return false;
          const mark = annotationAt(released, event.target as HTMLElement);
          callbacks.current.onAnnotationClick?.(mark?.dataset.annotationId ?? null, mark);
          return false;
        },
        mouseover: (_view, event) => {
          // Not while a button is down: redrawing under a dragging pointer would disturb the selection.
          if (event.buttons !== 0) return false;
          const mark = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-id]');
          const id = mark?.dataset.annotationId ?? null;
          if (id !== hoveredId) {
            hoveredId = id;
            callbacks.current.onAnnotationHover?.(id);
          }
          return false;
        },
        keydown: (_view, event) => {
          const marker = claimMarkerAt(event.target);
          if (!marker || (event.key !== 'Enter' && event.key !== ' ')) return false;
          event.preventDefault();
          callbacks.current.onClaimMarker?.(marker.dataset.claimsOf!, marker);
          return true;
        },
        mouseleave: () => {
          if (hoveredId !== null) {
            hoveredId = null;
            callbacks.current.onAnnotationHover?.(null);
          }
          return false;
        },
      },
    });
    view.current = { view: editorView, positions };
    if (fontSizeNow.current) editorView.dom.style.fontSize = `${fontSizeNow.current}px`;
    sync();
    const stopSkipping = skipChunksOutOfSight(editorView.dom);
    return () => {
      stopSkipping();
      if (hoveredId !== null) callbacks.current.onAnnotationHover?.(null);
      view.current = null;
      editorView.destroy();
    };
    // The view is made once per text; `sync` reads the latest props through refs.
  }, [content, language, label]);

  useEffect(sync, [annotations, hovered, active, claimMarks, content.versionId]);

  // All edits, line-end hyphens included, are drawn only while the reader asks for them.
  useEffect(() => {
    const current = view.current;
    if (current) current.view.dispatch(current.view.state.tr.setMeta(sourceDecorationsKey, showAllEdits));
  }, [showAllEdits, content, language, label]);

  // Before the frame measures anything (the toolbar's place depends on it).
  useLayoutEffect(() => {
    const current = view.current;
    if (current) current.view.dom.style.fontSize = fontSize ? `${fontSize}px` : '';
  }, [fontSize, content, language, label]);

  useImperativeHandle(ref, () => ({
    scrollToOffset(offset) {
      const current = view.current;
      if (!current) return;
      const { node } = current.view.domAtPos(current.positions.toPosition(offset));
      const element = (node instanceof HTMLElement ? node : node.parentElement)?.closest('.source-chunk > *');
      if (!element) return;
      const container = scrollParent(current.view.dom);
      settleScroll(container, () => element.getBoundingClientRect().top - container.getBoundingClientRect().top);
    },
    scrollLineToTop(offset) {
      const current = view.current;
      if (!current) return;
      const { view: editorView, positions } = current;
      const container = scrollParent(editorView.dom);
      settleScroll(container, () => editorView.coordsAtPos(positions.toPosition(offset), 1).top - container.getBoundingClientRect().top);
    },
    revealRange(start, end) {
      const current = view.current;
      if (!current) return;
      const { view: editorView, positions } = current;
      const container = scrollParent(editorView.dom);
      const place = () => {
        const box = container.getBoundingClientRect();
        const first = editorView.coordsAtPos(positions.toPosition(start), 1);
        const last = editorView.coordsAtPos(positions.toPosition(end), -1);
        const middle = (first.top + Math.min(last.bottom, first.top + box.height)) / 2;
        return { inView: first.top >= box.top && last.bottom <= box.bottom, offCentre: middle - (box.top + box.height / 2) };
      };
      if (place().inView) return;
      settleScroll(container, () => place().offCentre);
    },
    offsetAtTop() {
      const current = view.current;
      if (!current) return null;
      const container = scrollParent(current.view.dom);
      const box = container.getBoundingClientRect();
      const text = current.view.dom.getBoundingClientRect();
      // The first line of text visible at the top, a little inside the text's left edge.
      const top = Math.max(box.top, text.top) + 4;
      const found = current.view.posAtCoords({ left: text.left + 24, top });
      if (!found) return null;
      return current.positions.toOffset(found.pos);
    },
    rangeBoxes(start, end) {
      const current = view.current;
      if (!current) return null;
      try {
        return {
          start: current.view.coordsAtPos(current.positions.toPosition(start), 1),
          end: current.view.coordsAtPos(current.positions.toPosition(end), -1),
        };
      } catch {
        return null;
      }
    },
    hasDomSelection() {
      const current = view.current;
      const selection = window.getSelection();
      if (!current || !selection || selection.isCollapsed) return false;
      return current.view.dom.contains(selection.anchorNode) || current.view.dom.contains(selection.focusNode);
    },
    clearSelection() {
      const current = view.current;
      if (!current) return;
      // The editor's own selection too: else it would put the old range back on its next redraw.
      const { state } = current.view;
      if (!state.selection.empty) current.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
      const selection = window.getSelection();
      if (selection && (current.view.dom.contains(selection.anchorNode) || current.view.dom.contains(selection.focusNode))) {
        selection.removeAllRanges();
      }
    },
    element() {
      return view.current?.view.dom ?? null;
    },
  }));

  return <div ref={mount} className="source-mount" />;
});

/**
 * The highlight a click is for. Where highlights overlap, the shortest (the most specific) comes
 * first, and clicking again on the same place goes on to the next one, so each can be opened.
 */
function annotationAt(view: EditorView, target: HTMLElement): HTMLElement | null {
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
function claimMarkerAt(target: EventTarget | null): HTMLElement | null {
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
