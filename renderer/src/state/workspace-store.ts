/**
 * The workbench's arrangement: which documents the panes show and how wide, theme and text size,
 * the claims panel, and the passage selected in a pane. What is remembered between sessions is
 * saved (debounced) on every change, never on every scroll event.
 */
import type { ApiClient } from '../../../shared/api';
import type { Workspace } from '../../../shared/annotations';
import type { DocumentSummary } from '../../../shared/domain';
import {
  MAX_PANES,
  WorkspaceSaver,
  clampFontSize,
  layoutFrom,
  normalizeWidths,
  toWorkspace,
  withPaneAdded,
  withPaneReplaced,
  type Layout,
  type Theme,
} from '../workspace/workspace';
import type { ClaimStore } from './claim-store';
import { Observable } from './observable';

/** The passage selected in a pane (reading-text offsets), for actions such as re-attaching an orphan. */
export interface PaneSelection {
  readonly versionId: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

/** What the claims panel shows: one claim's accounts compared, all claims by source, or by date. */
export type ClaimsView = 'compare' | 'matrix' | 'timeline';
export interface ClaimsPanelState {
  readonly open: boolean;
  readonly view: ClaimsView;
  /** The claim the compare view shows (and the matrix and timeline mark). */
  readonly claimId: string | null;
}

export interface WorkspaceState {
  /** Null until the saved workspace is read. */
  readonly layout: Layout | null;
  readonly claimsPanel: ClaimsPanelState;
  /** The current non-empty selection in a pane, or null. */
  readonly selection: PaneSelection | null;
}

export class WorkspaceStore extends Observable<WorkspaceState> {
  /** Each pane's live reading position, by pane key: saved with the layout, but no reason to redraw. */
  private readonly offsets = new Map<string, number>();
  private readonly saver: WorkspaceSaver;

  constructor(client: ApiClient, claims: ClaimStore, onSaveError: (message: string) => void) {
    super({ layout: null, claimsPanel: { open: false, view: 'compare', claimId: null }, selection: null });
    this.saver = new WorkspaceSaver(client, 400, onSaveError);
    // The claim the panel shows went away (deleted, undone): the panel shows none.
    claims.subscribe(() => {
      const { claimsPanel } = this.getSnapshot();
      const id = claimsPanel.claimId;
      if (!id || claims.getSnapshot().claims.some((claim) => claim.id === id)) return;
      this.patch({ claimsPanel: { ...claimsPanel, claimId: null } });
      this.scheduleSave();
    });
  }

  /** The saved workspace (null: none or unreadable) laid out over the documents there are. */
  open(saved: Workspace | null, documents: readonly DocumentSummary[]): void {
    if (saved) this.saver.remember(saved);
    if (saved?.claimsPanel) this.patch({ claimsPanel: { ...this.getSnapshot().claimsPanel, ...saved.claimsPanel } });
    this.patch({ layout: layoutFrom(saved, documents) });
    this.scheduleSave();
  }

  /** Saves what is pending now (the page is going away, a copy is made); resolves once it is saved. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  /**
   * The project is being left (another one opened, or none): saves what is pending, then nothing
   * more, so that no late save (a scroll, the unmount's flush) lands in the project opened next.
   */
  leave(): Promise<void> {
    const saved = this.saver.flush();
    this.saver.close();
    return saved;
  }

  /** The project was not left after all (the switch failed): changes are saved again. */
  stay(): void {
    this.saver.reopen();
  }

  // -- panes ------------------------------------------------------------------------------------------

  setPaneDocument(index: number, documentId: string): void {
    this.changeLayout((now) => {
      const old = now.panes[index];
      if (!old || old.documentId === documentId) return now;
      return this.replacePane(now, index, documentId);
    });
  }

  /** Shows a document that no pane shows, at a reading-text offset: in a new pane, or in the last one when all four are open. */
  openDocumentAt(documentId: string, offset: number): void {
    this.changeLayout((now) => {
      if (now.panes.some((pane) => pane.documentId === documentId)) return now;
      const initialOffset = Math.max(0, offset);
      if (now.panes.length < MAX_PANES) return withPaneAdded(now, documentId, initialOffset);
      return this.replacePane(now, now.panes.length - 1, documentId, initialOffset);
    });
  }

  /** One more pane: on the given document, or the first that no pane shows. */
  addPane(documents: readonly DocumentSummary[], documentId?: string): void {
    this.changeLayout((now) => {
      if (now.panes.length >= MAX_PANES || documents.length === 0) return now;
      const open = new Set(now.panes.map((pane) => pane.documentId));
      const chosen = documentId ?? (documents.find((document) => !open.has(document.id)) ?? documents[0]!).id;
      return withPaneAdded(now, chosen);
    });
  }

  /**
   * Shows a document just imported: in a new pane while there is room; with all four open, in
   * place of the pane the user chose (`replace`, a pane index), or in none when they chose none.
   * A pane is never replaced unasked: it may hold the user's work.
   */
  showImported(documentId: string, replace: number | null): void {
    this.changeLayout((now) => {
      if (now.panes.some((pane) => pane.documentId === documentId)) return now;
      if (now.panes.length < MAX_PANES) return withPaneAdded(now, documentId);
      if (replace === null || !now.panes[replace]) return now;
      return this.replacePane(now, replace, documentId);
    });
  }

  removePane(index: number): void {
    this.changeLayout((now) => {
      if (now.panes.length <= 1) return now;
      const removed = now.panes[index];
      if (removed) this.offsets.delete(removed.key);
      return {
        ...now,
        panes: now.panes.filter((_, i) => i !== index),
        widths: normalizeWidths(now.widths.filter((_, i) => i !== index)),
      };
    });
  }

  /** New widths of the panes shown; `indices` maps them back to the layout's panes (a pane whose document is gone is not shown). */
  setWidths(indices: readonly number[], widths: readonly number[]): void {
    this.changeLayout((now) => {
      const all = [...now.widths];
      indices.forEach((index, i) => (all[index] = widths[i] ?? all[index] ?? 0));
      return { ...now, widths: normalizeWidths(all) };
    });
  }

  /** Where a pane's reader is now (saved, but nothing redraws). */
  scrolled(paneKey: string, offset: number): void {
    if (this.offsets.get(paneKey) === offset) return;
    this.offsets.set(paneKey, offset);
    this.scheduleSave();
  }

  // -- reading ----------------------------------------------------------------------------------------

  setFontSize(size: number): void {
    this.changeLayout((now) => ({ ...now, fontSize: clampFontSize(size) }));
  }

  setTheme(theme: Theme): void {
    this.changeLayout((now) => ({ ...now, theme }));
  }

  dismissFirstRun(): void {
    this.changeLayout((now) => ({ ...now, firstRunDismissed: true }));
  }

  /** Opens the claims panel (on a claim, or on a view), or closes it with `open: false`. */
  showClaims(panel: Partial<ClaimsPanelState>): void {
    this.patch({ claimsPanel: { ...this.getSnapshot().claimsPanel, open: true, ...panel } });
    this.scheduleSave();
  }

  /** Opens the claims panel on one claim, its accounts compared. */
  compareClaim(claimId: string): void {
    this.showClaims({ claimId, view: 'compare' });
  }

  /** Called by a pane when its selection changes (null when it is empty or gone). */
  setSelection(selection: PaneSelection | null): void {
    const now = this.getSnapshot().selection;
    if (now === selection) return;
    if (
      now &&
      selection &&
      now.versionId === selection.versionId &&
      now.documentId === selection.documentId &&
      now.start === selection.start &&
      now.end === selection.end
    )
      return;
    this.patch({ selection });
  }

  // -- internals --------------------------------------------------------------------------------------

  private replacePane(layout: Layout, index: number, documentId: string, initialOffset?: number): Layout {
    const old = layout.panes[index];
    if (old) this.offsets.delete(old.key);
    return withPaneReplaced(layout, index, documentId, initialOffset);
  }

  private changeLayout(change: (now: Layout) => Layout): void {
    const now = this.getSnapshot().layout;
    if (!now) return;
    const next = change(now);
    if (next === now) return;
    this.patch({ layout: next });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.getSnapshot().layout) return;
    this.saver.schedule(() => {
      const { layout, claimsPanel } = this.getSnapshot();
      return toWorkspace(layout!, this.offsets, claimsPanel);
    });
  }
}
