/**
 * A read-only ProseMirror view of one document version. React owns the frame; ProseMirror owns
 * the text, so the view is created once per version and never re-rendered by React. Annotations
 * reach it as a list; only what changed in the list is added to or taken from its decorations.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { VersionContent } from '../../../shared/domain';
import { annotationPlugin, annotationPluginKey, annotationState, syncMeta, type AnnotationMeta, type ClaimMarksMap } from './annotation-plugin';
import { documentFromText, sourceSchema } from './schema';
import { sourceDecorations, sourceDecorationsKey } from './source-decorations';
import { findMarksPlugin } from './find-marks';
import { annotationAt, claimMarkerAt } from './hit-targets';
import { keepReadingPlace } from './reading-place';
import { scrollParent, skipChunksOutOfSight } from './scrolling';
import { sourceHandle, type MountedSource, type ReadOnlySourceHandle } from './source-handle';
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
  /** The view while the text is shown, and whether its first layout is done (see `skipChunksOutOfSight`). */
  const view = useRef<(MountedSource & { skipping: boolean }) | null>(null);
  // Callbacks change identity on every render; the view keeps reading the latest ones.
  const callbacks = useRef({ onSelect, onEditClick, onAnnotationHover, onAnnotationClick, onClaimMarker });
  callbacks.current = { onSelect, onEditClick, onAnnotationHover, onAnnotationClick, onClaimMarker };
  const fontSizeNow = useRef(fontSize);
  fontSizeNow.current = fontSize;
  const latest = useRef({ annotations, hovered, active, claimMarks });
  latest.current = { annotations, hovered, active, claimMarks };

  /** What was last drawn into which view: a hover changes neither, and diffing thousands of highlights per hover is a frame lost. */
  const drawn = useRef<{ view: EditorView; annotations: readonly Annotation[]; claimMarks: ClaimMarksMap | undefined } | null>(null);

  /** Brings the drawn annotations (and what is lit up) in line with the props, changing only the difference. */
  const sync = () => {
    const current = view.current;
    if (!current || !current.skipping) return;
    const { state } = current.view;
    const plugin = annotationState(state);
    if (!plugin) return;
    const { annotations: wanted, claimMarks: marks } = latest.current;
    const last = drawn.current;
    const unchanged = last !== null && last.view === current.view && last.annotations === wanted && last.claimMarks === marks;
    drawn.current = { view: current.view, annotations: wanted, claimMarks: marks };
    const meta: { -readonly [K in keyof AnnotationMeta]: AnnotationMeta[K] } = {
      ...(unchanged ? null : syncMeta(state, wanted, content.versionId, marks)),
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
        plugins: [sourceDecorations(doc, content, positions), annotationPlugin(positions, { nearScreenOnly: true }), findMarksPlugin(positions)],
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
    const mounted = { view: editorView, positions, skipping: false };
    view.current = mounted;
    if (fontSizeNow.current) editorView.dom.style.fontSize = `${fontSizeNow.current}px`;
    // Highlights are drawn once the text was laid out and its chunks out of sight are skipped:
    // drawn before, the first layout of the 1.3 MB text lays out every highlight and claim
    // marker too (a third of a second more with 10,000), which skipping then spares. The price:
    // a chunk out of sight keeps the height it had without its grades and claim markers until it
    // comes near and is laid out again (see `visible-chunks`); a jump corrects its aim as it
    // lands (`settleScroll`).
    const readingPlace = keepReadingPlace(scrollParent(editorView.dom), editorView.dom, sourceHandle(() => view.current));
    const stopSkipping = skipChunksOutOfSight(editorView.dom, {
      onSkipping: () => {
        readingPlace.laidOut();
        if (mounted.skipping) return;
        mounted.skipping = true;
        sync();
      },
      onRelayout: readingPlace.restore,
    });
    return () => {
      stopSkipping();
      readingPlace.destroy();
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

  useImperativeHandle(ref, () => sourceHandle(() => view.current));

  return <div ref={mount} className="source-mount" />;
});
