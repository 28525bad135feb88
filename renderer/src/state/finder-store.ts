/**
 * Going to a passage from elsewhere (a search hit, a suggested passage): the request waits here
 * until the pane showing its document has its text, so a document that had to be opened in a pane
 * first is scrolled to and flashed once it is loaded. Also what the finder dock on the left shows
 * (the search or the passages suggested for one passage, highlight or claim), and which pane the
 * reader used last, for Ctrl+F.
 */
import type { SuggestRequest, TextRange } from '../../../shared/search';
import { Observable } from './observable';
import type { WorkspaceStore } from './workspace-store';

export interface RevealRequest {
  /** Tells one request from the next, so a pane acts on each once. */
  readonly id: number;
  readonly documentId: string;
  readonly versionId: string;
  /** The passage to bring into view. */
  readonly start: number;
  readonly end: number;
  /** What to flash there (the matched words, or the passage itself). */
  readonly flash: readonly TextRange[];
}

/** What the suggestions are asked for, and how the panel names it. */
export interface SuggestionSource {
  readonly from: SuggestRequest['from'];
  /** The document the passage is from (its own passages are not suggested). */
  readonly documentId: string | null;
  /** The passage or the claim's wording, shortened, for the panel's heading. */
  readonly label: string;
}

export type FinderView = 'search' | 'suggestions';

export interface FinderState {
  readonly reveal: RevealRequest | null;
  /** The dock on the left: closed, or showing the search or the suggestions. */
  readonly open: FinderView | null;
  readonly suggestFor: SuggestionSource | null;
  /** Bumped each time the search is asked for (Ctrl+Shift+F), so its box takes the focus again. */
  readonly searchFocus: number;
  /** Bumped each time find in the pane is asked for from the desktop menu (the keys go to the panes directly). */
  readonly findRequest: number;
}

export class FinderStore extends Observable<FinderState> {
  private nextId = 1;
  /** The pane (its own token) the reader last clicked or focused in; Ctrl+F finds in it. */
  private lastPane: symbol | null = null;

  constructor(private readonly workspace: WorkspaceStore) {
    super({ reveal: null, open: null, suggestFor: null, searchFocus: 0, findRequest: 0 });
  }

  /** Scrolls the pane showing the document to the passage and flashes it; opens the document in a pane if none shows it. */
  reveal(target: Omit<RevealRequest, 'id'>): void {
    this.patch({ reveal: { ...target, id: this.nextId++ } });
    const shown = this.workspace.getSnapshot().layout?.panes.some((pane) => pane.documentId === target.documentId) ?? false;
    if (!shown) this.workspace.openDocumentAt(target.documentId, target.start);
  }

  /** A pane has shown the passage. */
  revealed(id: number): void {
    if (this.getSnapshot().reveal?.id === id) this.patch({ reveal: null });
  }

  openSearch(): void {
    this.patch({ open: 'search', searchFocus: this.getSnapshot().searchFocus + 1 });
  }

  /** Opens the find bar of the pane in use (see `isFindTarget`). */
  findInPane(): void {
    this.patch({ findRequest: this.getSnapshot().findRequest + 1 });
  }

  suggest(source: SuggestionSource): void {
    this.patch({ open: 'suggestions', suggestFor: source });
  }

  show(view: FinderView): void {
    this.patch({ open: view });
  }

  close(): void {
    this.patch({ open: null });
  }

  paneUsed(pane: symbol): void {
    this.lastPane = pane;
  }

  paneGone(pane: symbol): void {
    if (this.lastPane === pane) this.lastPane = null;
  }

  /** Whether Ctrl+F is for this pane: the one last used, or the first when none was. */
  isFindTarget(pane: symbol, isFirstPane: boolean): boolean {
    return this.lastPane === pane || (this.lastPane === null && isFirstPane);
  }
}
