/**
 * One source in its own pane: who wrote it, when, in what language and what kind of source it
 * is, above its text; below it, where the selection stands in the original file. Selecting text
 * or clicking a highlight opens the annotation toolbar. A highlight that is an account of a claim
 * has a marker after it; clicking the marker shows the claim's accounts compared. Ctrl+F finds in
 * the pane; a passage asked for by the search or a suggestion is scrolled to and flashed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import { type DocumentSummary, type RawLocation, type VersionContent, displayTitle } from '../../../shared/domain';
import { AnnotationToolbar } from '../annotations/AnnotationToolbar';
import type { ToolbarPanel } from '../annotations/HighlightTools';
import { ClaimMarkerMenu } from '../claims/ClaimMarkerMenu';
import { ReadOnlySource } from '../prosemirror/ReadOnlySource';
import type { ReadOnlySourceHandle } from '../prosemirror/source-handle';
import { FindBar } from '../search/FindBar';
import { useFindInPane } from '../search/use-find-in-pane';
import { usePaneFindKey } from '../search/use-pane-find-key';
import { useReveal } from '../search/use-reveal';
import { useSnapshot, useStores } from '../state/store-context';
import { EditPopover } from './EditPopover';
import { PaneHeader, type ReadingOptions } from './PaneHeader';
import { describeLocation } from './raw-location';
import { useClaimMarkerMenu } from './use-claim-marker-menu';
import { useScrollPosition } from './use-scroll-position';
import { useToolbarPosition } from './use-toolbar-position';

interface Props {
  readonly client: ApiClient;
  readonly document: DocumentSummary;
  readonly documents: readonly DocumentSummary[];
  readonly onPick: (documentId: string) => void;
  /** Shown in the header's meta row (the source's reliability badge). */
  readonly headerAccessory?: React.ReactNode;
  /** Reading-text offset to show at the top once the text is loaded. */
  readonly initialScrollOffset?: number;
  /** The reading-text offset at the top of the pane, reported (throttled) while scrolling. */
  readonly onScrollOffset?: (offset: number) => void;
  /** Font size of the text in pixels (undefined: the stylesheet's). */
  readonly fontSize?: number;
  /** Closes the pane (undefined: the last pane stays). */
  readonly onClose?: () => void;
}

/** What the annotation toolbar is open for. */
type ToolbarTarget = { readonly kind: 'selection'; readonly start: number; readonly end: number } | { readonly kind: 'annotation'; readonly id: string };
interface ToolbarState {
  readonly target: ToolbarTarget;
  readonly panel: ToolbarPanel;
}

interface Selection {
  from: number;
  to: number;
  location: RawLocation | null;
}

interface OpenEdit {
  index: number;
  location: RawLocation | null;
}

export function SourcePane({
  client,
  document,
  documents,
  onPick,
  headerAccessory = null,
  initialScrollOffset,
  onScrollOffset,
  fontSize,
  onClose,
}: Props) {
  const [content, setContent] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<ReadingOptions>({ citations: true, pages: false, edits: false });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openEdit, setOpenEdit] = useState<OpenEdit | null>(null);
  const source = useRef<ReadOnlySourceHandle>(null);
  const section = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const { annotations: store, claims: claimStore, codebook, workspace, finder } = useStores();
  const { annotations } = useSnapshot(store);
  const { hovered } = useSnapshot(store.hovering);
  const { claims } = useSnapshot(claimStore);
  const { tagFilter } = useSnapshot(codebook);
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null);
  /** A mouse button is down in the text: the toolbar waits until the selection is made. */
  const dragging = useRef(false);
  const lastSelection = useRef<{ from: number; to: number } | null>(null);

  useEffect(() => {
    let current = true;
    setContent(null);
    setError(null);
    client
      .getVersionContent({ versionId: document.currentVersionId })
      .then((loaded) => current && setContent(loaded))
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [client, document.currentVersionId]);

  const versionId = document.currentVersionId;

  /** Opens the toolbar for a fresh selection, or closes a selection's toolbar when the selection goes. */
  const showSelectionToolbar = useCallback((from: number, to: number) => {
    if (to > from) {
      setToolbar((now) =>
        now?.target.kind === 'selection' && now.target.start === from && now.target.end === to
          ? now
          : { target: { kind: 'selection', start: from, end: to }, panel: null },
      );
    } else {
      setToolbar((now) => (now?.target.kind === 'selection' ? null : now));
    }
  }, []);

  const onSelect = useCallback(
    (from: number, to: number) => {
      lastSelection.current = { from, to };
      if (!dragging.current) showSelectionToolbar(from, to);
      // The Orphans tab re-attaches an annotation to the passage selected here.
      workspace.setSelection(to > from ? { versionId, documentId: document.id, start: from, end: to } : null);
      setSelection({ from, to, location: null });
      client
        .locateText({ versionId, offset: from })
        .then((location) => setSelection((now) => (now && now.from === from ? { ...now, location } : now)))
        .catch(() => undefined);
    },
    [client, versionId, showSelectionToolbar, workspace, document.id],
  );
  const onEditClick = useCallback(
    (index: number) => {
      const edit = content?.edits[index];
      if (!edit) return;
      setOpenEdit({ index, location: null });
      client
        .locateText({ versionId, offset: edit.start })
        .then((location) => setOpenEdit((now) => (now && now.index === index ? { ...now, location } : now)))
        .catch(() => undefined);
    },
    [client, content, versionId],
  );

  const onAnnotationClick = useCallback((id: string | null) => {
    if (id) setToolbar((now) => (now?.target.kind === 'annotation' && now.target.id === id ? now : { target: { kind: 'annotation', id }, panel: null }));
    else setToolbar((now) => (now?.target.kind === 'annotation' ? null : now));
  }, []);
  const onAnnotationHover = useCallback((id: string | null) => store.hover(id), [store]);

  const markers = useClaimMarkerMenu(claims, layer, workspace);

  // The toolbar waits for the mouse button to come up before it shows for a dragged selection.
  const onPointerDownInText = (event: React.PointerEvent) => {
    if (event.button !== 0 || !source.current?.element()?.contains(event.target as Node)) return;
    dragging.current = true;
    const onUp = () => {
      window.removeEventListener('pointerup', onUp, true);
      dragging.current = false;
      const last = lastSelection.current;
      if (last) showSelectionToolbar(last.from, last.to);
    };
    window.addEventListener('pointerup', onUp, true);
  };

  // Another text (a new version came in): whatever the toolbar was for is gone.
  useEffect(() => setToolbar(null), [content]);

  // The open highlight went away (deleted, undone, moved to another version): the toolbar closes.
  const openAnnotation =
    toolbar?.target.kind === 'annotation' ? (annotations.find((a) => a.id === (toolbar.target as { id: string }).id) ?? null) : null;
  const toolbarGone =
    toolbar?.target.kind === 'annotation' && (!openAnnotation || openAnnotation.status !== 'anchored' || openAnnotation.versionId !== versionId);
  useEffect(() => {
    if (toolbarGone) setToolbar(null);
  }, [toolbarGone]);

  // With a tag filter (from the sidebar or the codebook) the pane shows only the highlights carrying
  // one of its tags, and the open one. The filter already holds the sub-tags of the chosen tags.
  const openId = openAnnotation?.id ?? null;
  const drawn = useMemo(() => {
    if (tagFilter.length === 0) return annotations;
    const wanted = new Set(tagFilter);
    return annotations.filter((a) => a.id === openId || a.tagIds.some((id) => wanted.has(id)));
  }, [annotations, tagFilter, openId]);

  // The toolbar stands just below the passage it is for.
  const toolbarStart = toolbar ? (toolbar.target.kind === 'selection' ? toolbar.target.start : openAnnotation?.start ?? null) : null;
  const toolbarEnd = toolbar ? (toolbar.target.kind === 'selection' ? toolbar.target.end : openAnnotation?.end ?? null) : null;
  const toolbarPosition = useToolbarPosition(layer, source, toolbarStart, toolbarEnd, [fontSize, content]);

  // Asked (from the sidebar) to show an annotation: scroll to it if this pane shows its version.
  useEffect(
    () =>
      store.onScrollRequest((annotation) => {
        if (annotation.versionId !== versionId || annotation.status !== 'anchored' || annotation.start === null || annotation.end === null) return;
        source.current?.revealRange(annotation.start, annotation.end);
      }),
    [store, versionId],
  );

  useScrollPosition(body, source, content, initialScrollOffset, onScrollOffset);
  useReveal(document.id, content, source);

  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const find = useFindInPane(client, document.id, versionId, source, findOpen && content !== null);
  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((count) => count + 1);
  }, []);
  const closeFind = () => {
    setFindOpen(false);
    source.current?.element()?.focus();
  };
  usePaneFindKey(section, openFind);

  const title = displayTitle(document);
  const classes = ['pane', options.citations ? 'show-citations' : '', options.pages ? 'show-pages' : '', options.edits ? 'show-edits' : '']
    .filter(Boolean)
    .join(' ');
  const edit = openEdit && content ? content.edits[openEdit.index] : undefined;
  return (
    <section ref={section} className={classes} aria-label={title} data-document-id={document.id}>
      <PaneHeader
        title={title}
        document={document}
        documents={documents}
        onPick={onPick}
        onClose={onClose}
        accessory={headerAccessory}
        content={content}
        options={options}
        onOptions={setOptions}
        onGo={(offset) => source.current?.scrollToOffset(offset)}
      />
      {findOpen && <FindBar find={find} focusRequest={findFocus} onClose={closeFind} />}
      <div className="pane-body" ref={body}>
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {!content && !error && <p className="banner">Loading…</p>}
        {content && (
          <div className="annotation-layer" ref={layer} onPointerDownCapture={onPointerDownInText}>
            <ReadOnlySource
              showAllEdits={options.edits}
              ref={source}
              content={content}
              language={document.language}
              label={title}
              onSelect={onSelect}
              onEditClick={onEditClick}
              annotations={drawn}
              hovered={hovered}
              active={openId}
              onAnnotationHover={onAnnotationHover}
              onAnnotationClick={onAnnotationClick}
              claimMarks={markers.claimMarks}
              onClaimMarker={markers.onClaimMarker}
              fontSize={fontSize}
            />
            {markers.menu && (
              <ClaimMarkerMenu marks={markers.menu.marks} position={markers.menu} onChoose={markers.choose} onClose={markers.close} />
            )}
            {toolbar && toolbarPosition && !toolbarGone && (
              <AnnotationToolbar
                versionId={content.versionId}
                annotation={openAnnotation}
                selection={toolbar.target.kind === 'selection' ? toolbar.target : null}
                panel={toolbar.panel}
                onPanel={(panel) => setToolbar((now) => (now ? { ...now, panel } : now))}
                onCreated={(annotation) => {
                  setToolbar((now) => ({ target: { kind: 'annotation', id: annotation.id }, panel: now?.panel ?? null }));
                  // The highlight's colour shows once the selection is gone.
                  source.current?.clearSelection();
                }}
                onClose={() => setToolbar(null)}
                onSimilar={() => {
                  const target = toolbar.target;
                  if (target.kind === 'selection') {
                    finder.suggest({
                      from: { kind: 'range', versionId: content.versionId, start: target.start, end: target.end },
                      documentId: document.id,
                      label: content.text.slice(target.start, target.end),
                    });
                  } else if (openAnnotation) {
                    finder.suggest({ from: { kind: 'annotation', annotationId: openAnnotation.id }, documentId: document.id, label: openAnnotation.quote.exact });
                  }
                }}
                inScope={() => {
                  const active = window.document.activeElement;
                  const pane = layer.current?.closest('.pane');
                  if (active && active !== window.document.body && !pane?.contains(active)) return false;
                  return toolbar.target.kind === 'annotation' || source.current?.hasDomSelection() === true;
                }}
                position={toolbarPosition}
              />
            )}
          </div>
        )}
      </div>
      {edit && content && <EditPopover content={content} edit={edit} location={openEdit?.location ?? null} onClose={() => setOpenEdit(null)} />}
      <footer className="pane-status" aria-live="polite">
        {selection?.location ? describeLocation(selection.location, selection.to - selection.from) : ' '}
      </footer>
    </section>
  );
}
