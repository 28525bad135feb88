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

/**
 * Saves at most once per `delay` ms, always the latest state. `flush` saves what is pending now and
 * resolves once the server has it, so a project switch can wait for the layout to be in the file it
 * leaves; `close` stops saving (the file is about to be another project's) until `reopen`.
 */
export class WorkspaceSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => Workspace) | null = null;
  private lastSaved = '';
  /** The save on its way to the server, if any: a flush waits for it too. */
  private inFlight: Promise<void> | null = null;
  private closed = false;

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
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /**
   * Saves what is pending now. Resolves when every save started so far is done; a failed save is
   * told through `onError` and resolves too, since a lost layout must not keep the user in a project.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return this.inFlight ?? Promise.resolve();
    const read = this.pending;
    this.pending = null;
    if (read) {
      const workspace = read();
      const json = JSON.stringify(workspace);
      if (json !== this.lastSaved) {
        this.lastSaved = json;
        const previous = this.inFlight;
        const save = this.client.saveWorkspace(workspace).then(
          () => undefined,
          (error: Error) => {
            this.lastSaved = '';
            this.onError(`The layout could not be saved: ${error.message}`);
          },
        );
        const both = Promise.all([previous, save]).then(() => undefined);
        this.inFlight = both;
        void both.then(() => {
          if (this.inFlight === both) this.inFlight = null;
        });
      }
    }
    return this.inFlight ?? Promise.resolve();
  }

  /** Saves nothing more, not even on flush: changes are kept pending until `reopen`. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Saves again, starting with what changed while closed. */
  reopen(): void {
    if (!this.closed) return;
    this.closed = false;
    if (this.pending) this.schedule(this.pending);
  }
}
