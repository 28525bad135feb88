/**
 * What the workbench remembers between sessions (panes, their documents, scroll positions and
 * widths, theme, font size, the first-run hint), and how it is saved: debounced, never on every
 * scroll event.
 */
import type { ApiClient } from '../../../shared/api';
import { DEFAULT_FONT_SIZE, type Workspace } from '../../../shared/annotations';
import type { DocumentSummary } from '../../../shared/domain';

export const MAX_PANES = 4;
const DEFAULT_PANES = 3;
export const MIN_FONT_SIZE = 12;
export const MAX_FONT_SIZE = 28;
export type Theme = Workspace['theme'];

export interface PaneState {
  /** Stable for the life of the pane, so React keeps it across reordering and resizing. */
  readonly key: string;
  readonly documentId: string;
  /** Where the pane opens (restored once); the live position is kept apart, see `offsets`. */
  readonly initialOffset: number;
}

export interface Layout {
  readonly panes: readonly PaneState[];
  /** Shares of the width, one per pane, summing to 1. */
  readonly widths: readonly number[];
  readonly theme: Theme;
  readonly fontSize: number;
  readonly firstRunDismissed: boolean;
}

let nextKey = 0;
const newPaneKey = () => `pane-${++nextKey}`;

function equalWidths(count: number): number[] {
  return Array.from({ length: count }, () => 1 / count);
}

/** Shares that sum to 1; missing or broken ones make all equal. */
export function normalizeWidths(widths: readonly (number | null | undefined)[]): number[] {
  if (widths.length === 0) return [];
  if (widths.some((width) => width === null || width === undefined || !Number.isFinite(width) || width <= 0)) {
    return equalWidths(widths.length);
  }
  const sum = widths.reduce<number>((total, width) => total + (width ?? 0), 0);
  return widths.map((width) => (width ?? 0) / sum);
}

/** The layout with one more pane at the right, opening at `initialOffset`; the others give up width in proportion. */
export function withPaneAdded(layout: Layout, documentId: string, initialOffset = 0): Layout {
  const count = layout.panes.length + 1;
  return {
    ...layout,
    panes: [...layout.panes, { key: newPaneKey(), documentId, initialOffset }],
    widths: [...layout.widths.map((width) => (width * (count - 1)) / count), 1 / count],
  };
}

/** The layout with the pane at `index` replaced by a new one showing `documentId` (same width). */
export function withPaneReplaced(layout: Layout, index: number, documentId: string, initialOffset = 0): Layout {
  return { ...layout, panes: layout.panes.map((pane, i) => (i === index ? { key: newPaneKey(), documentId, initialOffset } : pane)) };
}

export function clampFontSize(size: number): number {
  return Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(size)));
}

/** The layout a saved workspace describes, keeping only documents that still exist. */
export function layoutFrom(saved: Workspace | null, documents: readonly DocumentSummary[]): Layout {
  const known = new Set(documents.map((document) => document.id));
  const savedPanes = (saved?.panes ?? []).filter((pane) => known.has(pane.documentId)).slice(0, MAX_PANES);
  const panes: PaneState[] =
    savedPanes.length > 0
      ? savedPanes.map((pane) => ({ key: newPaneKey(), documentId: pane.documentId, initialOffset: pane.scrollOffset }))
      : documents.slice(0, DEFAULT_PANES).map((document) => ({ key: newPaneKey(), documentId: document.id, initialOffset: 0 }));
  return {
    panes,
    widths: savedPanes.length > 0 ? normalizeWidths(savedPanes.map((pane) => pane.width)) : equalWidths(panes.length),
    theme: saved?.theme ?? 'system',
    fontSize: saved ? clampFontSize(saved.fontSize) : DEFAULT_FONT_SIZE,
    firstRunDismissed: saved?.firstRunDismissed ?? false,
  };
}

export function toWorkspace(layout: Layout, offsets: ReadonlyMap<string, number>, claimsPanel?: Workspace['claimsPanel']): Workspace {
  return {
    ...(claimsPanel ? { claimsPanel: { open: claimsPanel.open, view: claimsPanel.view, claimId: claimsPanel.claimId } } : {}),
    panes: layout.panes.map((pane, index) => ({
      documentId: pane.documentId,
      scrollOffset: Math.max(0, Math.round(offsets.get(pane.key) ?? pane.initialOffset)),
      width: Math.min(1, Math.max(0, layout.widths[index] ?? 1 / layout.panes.length)),
    })),
    theme: layout.theme,
    fontSize: layout.fontSize,
    firstRunDismissed: layout.firstRunDismissed,
  };
}

/** Saves at most once per `delay` ms, always the latest state; `flush` saves what is pending now. */
export class WorkspaceSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => Workspace) | null = null;
  private lastSaved = '';

  constructor(
    private readonly client: ApiClient,
    private readonly delay = 400,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** The state as loaded, so that loading does not count as a change. */
  remember(workspace: Workspace): void {
    this.lastSaved = JSON.stringify(workspace);
  }

  schedule(read: () => Workspace): void {
    this.pending = read;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const read = this.pending;
    this.pending = null;
    if (!read) return;
    const workspace = read();
    const json = JSON.stringify(workspace);
    if (json === this.lastSaved) return;
    this.lastSaved = json;
    this.client.saveWorkspace(workspace).catch((error: Error) => {
      this.lastSaved = '';
      this.onError(`The layout could not be saved: ${error.message}`);
    });
  }
}
