/**
 * One source in its own pane: who wrote it, when, in what language and what kind of source it
 * is, above its text; below it, where the selection stands in the original file. Selecting text
 * or clicking a highlight opens the annotation toolbar. A highlight that is an account of a claim
 * has a marker after it; clicking the marker shows the claim's accounts compared.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary, RawLocation, VersionContent } from '../../../shared/domain';
import { AnnotationToolbar, type ToolbarPanel } from '../annotations/AnnotationToolbar';
import { usePaneStore } from '../annotations/use-store';
import { claimMarksByAnnotation } from '../claims/claim-marks';
import { ClaimMarkerMenu } from '../claims/ClaimMarkerMenu';
import { ReadOnlySource, type ReadOnlySourceHandle } from '../prosemirror/ReadOnlySource';
import { editLabel } from '../prosemirror/source-decorations';
import { DocumentPicker } from './DocumentPicker';
import { Outline } from './Outline';
import { displayTitle } from './titles';

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
}

/** How often, at most, the scroll position is reported while scrolling. */
const SCROLL_REPORT_MS = 250;

/** What the annotation toolbar is open for. */
type ToolbarTarget = { readonly kind: 'selection'; readonly start: number; readonly end: number } | { readonly kind: 'annotation'; readonly id: string };
interface ToolbarState {
  readonly target: ToolbarTarget;
  readonly panel: ToolbarPanel;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string {
  try {
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    return tag;
  }
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
}: Props) {
  const [content, setContent] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showCitations, setShowCitations] = useState(true);
  const [showPages, setShowPages] = useState(false);
  const [showEdits, setShowEdits] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openEdit, setOpenEdit] = useState<OpenEdit | null>(null);
  const source = useRef<ReadOnlySourceHandle>(null);
  const body = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const { store, snapshot } = usePaneStore(client);
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null);
  const [toolbarPosition, setToolbarPosition] = useState<{ top: number; left: number; width: number } | null>(null);
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
      store.setSelection(to > from ? { versionId, documentId: document.id, start: from, end: to } : null);
      setSelection({ from, to, location: null });
      client
        .locateText({ versionId, offset: from })
        .then((location) => setSelection((now) => (now && now.from === from ? { ...now, location } : now)))
        .catch(() => undefined);
    },
    [client, versionId, showSelectionToolbar, store, document.id],
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

  // Claim markers: built once per change of the claims; the text redraws only the highlights whose marks changed.
  const claimMarks = useMemo(() => claimMarksByAnnotation(snapshot.claims), [snapshot.claims]);
  const claimMarksNow = useRef(claimMarks);
  claimMarksNow.current = claimMarks;
  const [markerMenu, setMarkerMenu] = useState<{ annotationId: string; top: number; left: number } | null>(null);
  const onClaimMarker = useCallback(
    (annotationId: string, element: HTMLElement) => {
      const marks = claimMarksNow.current.get(annotationId);
      if (!marks) return;
      const only = marks.marks.length === 1 ? marks.marks[0] : undefined;
      if (only) {
        setMarkerMenu(null);
        store.showClaims({ claimId: only.claimId, view: 'compare' });
        return;
      }
      // An account of several claims: a tiny menu to choose which one to compare.
      const frame = layer.current?.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      if (!frame) return;
      setMarkerMenu((now) =>
        now?.annotationId === annotationId ? null : { annotationId, top: box.bottom - frame.top + 4, left: Math.max(4, box.left - frame.left) },
      );
    },
    [store],
  );
  const menuMarks = markerMenu ? claimMarks.get(markerMenu.annotationId) : undefined;
  const closeMarkerMenu = (refocus: boolean) => {
    const annotationId = markerMenu?.annotationId;
    setMarkerMenu(null);
    if (refocus && annotationId) layer.current?.querySelector<HTMLElement>(`[data-claims-of="${CSS.escape(annotationId)}"]`)?.focus();
  };

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
    toolbar?.target.kind === 'annotation' ? (snapshot.annotations.find((a) => a.id === (toolbar.target as { id: string }).id) ?? null) : null;
  const toolbarGone =
    toolbar?.target.kind === 'annotation' && (!openAnnotation || openAnnotation.status !== 'anchored' || openAnnotation.versionId !== versionId);
  useEffect(() => {
    if (toolbarGone) setToolbar(null);
  }, [toolbarGone]);

  // With a tag filter (from the sidebar or the codebook) the pane shows only the highlights carrying
  // one of its tags, and the open one. The filter already holds the sub-tags of the chosen tags.
  const openId = openAnnotation?.id ?? null;
  const drawn = useMemo(() => {
    if (snapshot.tagFilter.length === 0) return snapshot.annotations;
    const wanted = new Set(snapshot.tagFilter);
    return snapshot.annotations.filter((a) => a.id === openId || a.tagIds.some((id) => wanted.has(id)));
  }, [snapshot.annotations, snapshot.tagFilter, openId]);

  // The toolbar stands just below the passage it is for.
  const toolbarStart = toolbar ? (toolbar.target.kind === 'selection' ? toolbar.target.start : openAnnotation?.start ?? null) : null;
  const toolbarEnd = toolbar ? (toolbar.target.kind === 'selection' ? toolbar.target.end : openAnnotation?.end ?? null) : null;
  useLayoutEffect(() => {
    const frame = layer.current;
    if (toolbarStart === null || toolbarEnd === null || !frame || !source.current) {
      setToolbarPosition(null);
      return;
    }
    const boxes = source.current.rangeBoxes(toolbarStart, toolbarEnd);
    if (!boxes) return;
    const frameBox = frame.getBoundingClientRect();
    const sameLine = Math.abs(boxes.start.top - boxes.end.top) < 2;
    const left = (sameLine ? boxes.start.left : Math.min(boxes.end.left, boxes.start.left)) - frameBox.left;
    setToolbarPosition({ top: boxes.end.bottom - frameBox.top + 6, left: Math.max(4, left - 8), width: frameBox.width });
  }, [toolbarStart, toolbarEnd, fontSize, content]);

  // Asked (from the sidebar) to show an annotation: scroll to it if this pane shows its version.
  useEffect(
    () =>
      store.onScrollRequest((annotation) => {
        if (annotation.versionId !== versionId || annotation.status !== 'anchored' || annotation.start === null || annotation.end === null) return;
        source.current?.revealRange(annotation.start, annotation.end);
      }),
    [store, versionId],
  );

  // The remembered position is applied once, when the text is first shown.
  const scrollRestored = useRef(false);
  useEffect(() => {
    if (!content || scrollRestored.current) return;
    scrollRestored.current = true;
    if (initialScrollOffset !== undefined && initialScrollOffset > 0) source.current?.scrollLineToTop(initialScrollOffset);
  }, [content, initialScrollOffset]);

  // Where the reader is, reported while scrolling (at most every SCROLL_REPORT_MS, and once at the end).
  const reportScroll = useRef(onScrollOffset);
  reportScroll.current = onScrollOffset;
  useEffect(() => {
    const element = body.current;
    if (!element || !content) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last: number | null = null;
    const report = () => {
      timer = null;
      const offset = source.current?.offsetAtTop();
      if (offset === null || offset === undefined || offset === last) return;
      last = offset;
      reportScroll.current?.(offset);
    };
    const onScroll = () => {
      if (timer === null) timer = setTimeout(report, SCROLL_REPORT_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (timer !== null) clearTimeout(timer);
    };
  }, [content]);

  const title = displayTitle(document);
  const byline = [document.author, document.translator && `transl. ${document.translator}`, document.date]
    .filter(Boolean)
    .join(' · ');
  const classes = ['pane', showCitations ? 'show-citations' : '', showPages ? 'show-pages' : '', showEdits ? 'show-edits' : '']
    .filter(Boolean)
    .join(' ');
  const edit = openEdit && content ? content.edits[openEdit.index] : undefined;
  const ocrCount = content?.edits.filter((e) => e.kind === 'ocr-correction').length ?? 0;
  return (
    <section className={classes} aria-label={title} data-document-id={document.id}>
      <header className="pane-header">
        <div className="pane-title-row">
          <h2 className="pane-title" title={document.description ?? undefined}>
            {title}
          </h2>
          <DocumentPicker current={document.id} documents={documents} onPick={onPick} />
        </div>
        <div className="pane-meta">
          <span className="badge language" title={languageName(document.language)} lang="en">
            {document.language}
          </span>
          <span className={`badge kind ${document.sourceKind}`}>{document.sourceKind}</span>
          {byline && <span className="byline">{byline}</span>}
          {headerAccessory}
        </div>
        {content && (
          <div className="pane-tools" role="toolbar" aria-label="Reading options">
            <Outline content={content} onGo={(offset) => source.current?.scrollToOffset(offset)} />
            {content.citations.length > 0 && (
              <button type="button" className="tool" aria-pressed={showCitations} onClick={() => setShowCitations(!showCitations)}>
                Citations [{content.citations.length}]
              </button>
            )}
            {content.locators.some((locator) => locator.kind === 'page') && (
              <button type="button" className="tool" aria-pressed={showPages} onClick={() => setShowPages(!showPages)}>
                Pages
              </button>
            )}
            {content.edits.length > 0 && (
              <button
                type="button"
                className="tool"
                aria-pressed={showEdits}
                onClick={() => setShowEdits(!showEdits)}
                title="Show where the text was edited from the raw file (OCR corrections, line-end hyphens)"
              >
                Edits {ocrCount > 0 ? `(${ocrCount} OCR)` : ''}
              </button>
            )}
            <span className="format" title={`${content.fileName}, SHA-256 ${content.sha256}`}>
              {content.format} · {content.encoding}
            </span>
          </div>
        )}
      </header>
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
              showAllEdits={showEdits}
              ref={source}
              content={content}
              language={document.language}
              label={title}
              onSelect={onSelect}
              onEditClick={onEditClick}
              annotations={drawn}
              hovered={snapshot.hovered}
              active={openId}
              onAnnotationHover={onAnnotationHover}
              onAnnotationClick={onAnnotationClick}
              claimMarks={claimMarks}
              onClaimMarker={onClaimMarker}
              fontSize={fontSize}
            />
            {markerMenu && menuMarks && menuMarks.marks.length > 1 && (
              <ClaimMarkerMenu
                marks={menuMarks}
                position={markerMenu}
                onChoose={(claimId) => {
                  setMarkerMenu(null);
                  store.showClaims({ claimId, view: 'compare' });
                }}
                onClose={closeMarkerMenu}
              />
            )}
            {toolbar && toolbarPosition && !toolbarGone && (
              <AnnotationToolbar
                store={store}
                versionId={content.versionId}
                annotation={openAnnotation}
                selection={toolbar.target.kind === 'selection' ? toolbar.target : null}
                tags={snapshot.tags}
                claims={snapshot.claims}
                error={snapshot.error}
                panel={toolbar.panel}
                onPanel={(panel) => setToolbar((now) => (now ? { ...now, panel } : now))}
                onCreated={(annotation) => {
                  setToolbar((now) => ({ target: { kind: 'annotation', id: annotation.id }, panel: now?.panel ?? null }));
                  // The highlight's colour shows once the selection is gone.
                  source.current?.clearSelection();
                }}
                onClose={() => setToolbar(null)}
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
      {edit && (
        <div className="edit-popover" role="dialog" aria-label="Edit made to the raw text">
          <strong>{editLabel(edit.kind)}</strong>
          <div>
            Reads: <q>{content!.text.slice(edit.start, edit.end)}</q>
          </div>
          <div>
            Original: <code className="raw-form">{edit.raw}</code>
          </div>
          <div className="reason">{edit.reason}</div>
          {openEdit?.location && <div className="where">{describeLocation(openEdit.location)}</div>}
          <button type="button" className="tool" onClick={() => setOpenEdit(null)}>
            Close
          </button>
        </div>
      )}
      <footer className="pane-status" aria-live="polite">
        {selection?.location ? describeLocation(selection.location, selection.to - selection.from) : ' '}
      </footer>
    </section>
  );
}

function describeLocation(location: RawLocation, selected = 0): string {
  const parts: string[] = [];
  if (location.chapter) parts.push(location.chapter);
  if (location.page) parts.push(`near p. ${location.page}`);
  parts.push(`${location.inTextLayer ? 'text layer' : 'raw file'} line ${location.line}, column ${location.column}`);
  if (selected > 0) parts.push(`${selected} characters selected`);
  return parts.join(' · ');
}
