/**
 * What a pane can ask of its text view (scroll to a place, where is a passage, the selection),
 * answered from the ProseMirror view while it is mounted.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { TextRange } from '../../../shared/search';
import { findMarksKey, type FindMarksMeta } from './find-marks';
import { scrollParent, settleScroll } from './scrolling';
import type { TextPositions } from './text-positions';

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
  /** Scrolls the pane so the line holding the given offset is at the top (restoring a position); resolves once it settled. */
  scrollLineToTop(offset: number): Promise<void>;
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
  /** Marks the words a find in the pane matched (`current`: the one the reader is at). */
  showFindHits(ranges: readonly TextRange[], current: number | null): void;
  /** Lights up passages for a moment (or, with none, takes the light away). */
  flash(ranges: readonly TextRange[]): void;
}

/** The view and its offset map, while the text is shown. */
export interface MountedSource {
  readonly view: EditorView;
  readonly positions: TextPositions;
}

export function sourceHandle(mounted: () => MountedSource | null): ReadOnlySourceHandle {
  return {
    scrollToOffset(offset) {
      const current = mounted();
      if (!current) return;
      const { node } = current.view.domAtPos(current.positions.toPosition(offset));
      const element = (node instanceof HTMLElement ? node : node.parentElement)?.closest('.source-chunk > *');
      if (!element) return;
      const container = scrollParent(current.view.dom);
      settleScroll(container, () => element.getBoundingClientRect().top - container.getBoundingClientRect().top);
    },
    scrollLineToTop(offset) {
      const current = mounted();
      if (!current) return Promise.resolve();
      const { view: editorView, positions } = current;
      const container = scrollParent(editorView.dom);
      return settleScroll(container, () => editorView.coordsAtPos(positions.toPosition(offset), 1).top - container.getBoundingClientRect().top);
    },
    revealRange(start, end) {
      const current = mounted();
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
      const current = mounted();
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
      const current = mounted();
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
      const current = mounted();
      const selection = window.getSelection();
      if (!current || !selection || selection.isCollapsed) return false;
      return current.view.dom.contains(selection.anchorNode) || current.view.dom.contains(selection.focusNode);
    },
    clearSelection() {
      const current = mounted();
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
      return mounted()?.view.dom ?? null;
    },
    showFindHits(ranges, current) {
      tellFindMarks(mounted(), { hits: { ranges, current } });
    },
    flash(ranges) {
      tellFindMarks(mounted(), { flash: ranges });
    },
  };
}

function tellFindMarks(current: MountedSource | null, meta: FindMarksMeta): void {
  if (current) current.view.dispatch(current.view.state.tr.setMeta(findMarksKey, meta));
}
