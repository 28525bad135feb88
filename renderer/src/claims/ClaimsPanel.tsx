/**
 * The claims panel: a drawer under the panes, like the bottom panel of an editor, so the texts
 * stay in sight while their accounts are compared (and "Show in text" can scroll a pane). Three
 * views: one claim's accounts compared, all claims against all sources, all claims on a time
 * axis. Opened from the title bar's Claims button or with Shift+C; closed with Escape or ×. What
 * it shows lives in the workspace store (`claimsPanel`), so any part of the workbench can open it on a claim.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { DocumentSummary } from '../../../shared/domain';
import { isTypingTarget } from '../workspace/undo-keys';
import { useSnapshot, useStores } from '../state/store-context';
import type { ClaimsView, WorkspaceStore } from '../state/workspace-store';
import { plural } from './claim-facts';
import { ClaimsMatrix } from './ClaimsMatrix';
import { ClaimsTimeline } from './ClaimsTimeline';
import { CompareView } from './CompareView';
import './claims.css';

const HEIGHT_KEY = 'sourcebench.claimsPanelHeight';
const MIN_HEIGHT = 140;
/** Room the panes keep above the panel. */
const PANES_KEEP = 160;
const KEY_STEP = 24;

const BUTTON_ID = 'claims-button';

const TABS: readonly { id: ClaimsView; label: string }[] = [
  { id: 'compare', label: 'Compare' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'timeline', label: 'Timeline' },
];

const tabId = (view: ClaimsView) => `claims-tab-${view}`;

/** Opens the panel from the user's own gesture (button, shortcut) and puts the focus in it. */
function openWithFocus(workspace: WorkspaceStore): void {
  workspace.showClaims({ open: true });
  requestAnimationFrame(() => document.getElementById(tabId(workspace.getSnapshot().claimsPanel.view))?.focus());
}

function close(workspace: WorkspaceStore, panel: HTMLElement | null): void {
  const hadFocus = panel?.contains(document.activeElement) ?? false;
  workspace.showClaims({ open: false });
  if (hadFocus) document.getElementById(BUTTON_ID)?.focus();
}

/** Shift+C anywhere but in a text field: opens the panel, or closes it. */
function isClaimsShortcut(event: globalThis.KeyboardEvent): boolean {
  return (
    !event.defaultPrevented &&
    !event.isComposing &&
    event.shiftKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    // By physical key, so it works with any keyboard layout.
    event.code === 'KeyC' &&
    !isTypingTarget(event.target)
  );
}

/** The title bar's button: "Claims" with how many there are. */
export function ClaimsButton() {
  const { claims: claimStore, workspace } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { claimsPanel } = useSnapshot(workspace);
  const panel = () => document.querySelector<HTMLElement>('.claims-panel');
  return (
    <button
      type="button"
      id={BUTTON_ID}
      className="tool claims-button"
      aria-pressed={claimsPanel.open}
      aria-controls={claimsPanel.open ? 'claims-panel' : undefined}
      title={`${claimsPanel.open ? 'Close' : 'Open'} the claims panel: compare the accounts of each claim (Shift+C)`}
      onClick={() => (claimsPanel.open ? close(workspace, panel()) : openWithFocus(workspace))}
    >
      Claims <span className="tab-count">{claims.length}</span>
    </button>
  );
}

interface Props {
  readonly documents: readonly DocumentSummary[];
  /** Documents open in the panes. */
  readonly visible: readonly string[];
  /** Shows a document in a pane, at a reading-text offset (when no pane shows it). */
  readonly onOpenDocument: (documentId: string, offset: number) => void;
}

export function ClaimsPanel({ documents, visible, onOpenDocument }: Props) {
  const { claims: claimStore, workspace, annotations } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { claimsPanel } = useSnapshot(workspace);
  const section = useRef<HTMLElement>(null);
  const [height, setHeight] = useState(() => {
    const saved = Number(localStorage.getItem(HEIGHT_KEY));
    return Number.isFinite(saved) && saved >= MIN_HEIGHT ? saved : Math.round(window.innerHeight * 0.42);
  });
  const drag = useRef<{ startY: number; start: number } | null>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isClaimsShortcut(event)) return;
      event.preventDefault();
      if (workspace.getSnapshot().claimsPanel.open) close(workspace, section.current);
      else openWithFocus(workspace);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace]);

  useEffect(() => localStorage.setItem(HEIGHT_KEY, String(Math.round(height))), [height]);

  if (!claimsPanel.open) return null;

  const maxHeight = () => Math.max(MIN_HEIGHT, (section.current?.parentElement?.clientHeight ?? window.innerHeight) - PANES_KEEP);
  const clamp = (value: number) => Math.round(Math.min(maxHeight(), Math.max(MIN_HEIGHT, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startY: event.clientY, start: section.current?.getBoundingClientRect().height ?? height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setHeight(clamp(drag.current.start - (event.clientY - drag.current.startY)));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onResizeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const next =
      event.key === 'ArrowUp' ? height + step : event.key === 'ArrowDown' ? height - step : event.key === 'Home' ? maxHeight() : event.key === 'End' ? MIN_HEIGHT : null;
    if (next === null) return;
    event.preventDefault();
    setHeight(clamp(next));
  };

  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.findIndex((tab) => tab.id === claimsPanel.view);
    const target =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (target === null) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length]!;
    workspace.showClaims({ view: next.id });
    document.getElementById(tabId(next.id))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close(workspace, section.current);
    }
  };

  const showInText = (annotation: Annotation) => {
    if (visible.includes(annotation.documentId)) annotations.scrollTo(annotation);
    else onOpenDocument(annotation.documentId, annotation.start ?? 0);
  };

  const shownHeight = Math.min(height, Math.max(MIN_HEIGHT, window.innerHeight - PANES_KEEP));
  return (
    <section
      ref={section}
      id="claims-panel"
      className="claims-panel"
      role="region"
      aria-label="Claims"
      style={{ height: `${shownHeight}px` }}
      onKeyDown={onKeyDown}
    >
      <div
        className="claims-resizer"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the claims panel"
        aria-valuemin={MIN_HEIGHT}
        aria-valuemax={Math.round(window.innerHeight)}
        aria-valuenow={Math.round(shownHeight)}
        tabIndex={0}
        title="Drag to resize (or focus and use ↑ ↓)"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onResizeKey}
      />
      <div className="claims-head">
        <h2 className="claims-title">Claims</h2>
        <div className="tabs claims-tabs" role="tablist" aria-label="Claims views" onKeyDown={onTabKey}>
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              id={tabId(id)}
              type="button"
              role="tab"
              aria-selected={claimsPanel.view === id}
              aria-controls="claims-tabpanel"
              tabIndex={claimsPanel.view === id ? 0 : -1}
              onClick={() => workspace.showClaims({ view: id })}
            >
              {label}
            </button>
          ))}
        </div>
        <span className="muted claims-count">{plural(claims.length, 'claim')}</span>
        <button type="button" className="tool icon" aria-label="Close the claims panel" title="Close (Escape)" onClick={() => close(workspace, section.current)}>
          ×
        </button>
      </div>
      <div className="claims-body" role="tabpanel" id="claims-tabpanel" aria-labelledby={tabId(claimsPanel.view)}>
        {claimsPanel.view === 'compare' && <CompareView documents={documents} onShowInText={showInText} />}
        {claimsPanel.view === 'matrix' && <ClaimsMatrix documents={documents} />}
        {claimsPanel.view === 'timeline' && <ClaimsTimeline documents={documents} />}
      </div>
    </section>
  );
}
