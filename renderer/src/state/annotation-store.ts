/**
 * The renderer's one copy of the annotations, tags, claims and undo history, shared by every pane and
 * panel. Every change goes to the API at once (there is no save button); the store then updates
 * itself and tells its subscribers, so a highlight made in one pane shows in the sidebar, and an
 * undo pressed anywhere takes back the last change made anywhere.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { Annotation, HistoryState, SourceAssessment, Tag } from '../../../shared/annotations';
import { compareClaims, type Claim } from '../../../shared/claims';

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

export interface AnnotationSnapshot {
  readonly annotations: readonly Annotation[];
  /** Every claim with its accounts, ordered by historical date, then wording. */
  readonly claims: readonly Claim[];
  readonly claimsPanel: ClaimsPanelState;
  readonly tags: readonly Tag[];
  readonly history: HistoryState;
  /** The annotation the pointer is over (in a pane or the sidebar), to light both up together. */
  readonly hovered: string | null;
  /** Tags the panes and the sidebar are filtered by (empty: no filter). */
  readonly tagFilter: readonly string[];
  /** The last error of a change, shown where the user acted. */
  readonly error: string | null;
  /** The input field the server named in that error ("date", "account.annotationId"), if any. */
  readonly errorField: string | null;
  /** The current non-empty selection in a pane, or null. */
  readonly selection: PaneSelection | null;
  /** Source assessments loaded so far, by document id. */
  readonly assessments: Readonly<Record<string, SourceAssessment>>;
}

type Listener = () => void;
type ScrollRequest = (annotation: Annotation) => void;

const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export class AnnotationStore {
  private snapshot: AnnotationSnapshot = {
    annotations: [],
    claims: [],
    claimsPanel: { open: false, view: 'compare', claimId: null },
    tags: [],
    history: EMPTY_HISTORY,
    hovered: null,
    tagFilter: [],
    error: null,
    errorField: null,
    selection: null,
    assessments: {},
  };
  private readonly listeners = new Set<Listener>();
  private readonly scrollRequests = new Set<ScrollRequest>();

  constructor(private readonly client: ApiClient) {}

  // -- reading (for useSyncExternalStore) ---------------------------------------------------------

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AnnotationSnapshot => this.snapshot;

  annotationsOf(documentId: string): Annotation[] {
    return this.snapshot.annotations.filter((annotation) => annotation.documentId === documentId);
  }

  // -- loading ------------------------------------------------------------------------------------

  async refresh(): Promise<void> {
    const [annotations, tags, claims, history] = await Promise.all([
      this.client.listAnnotations({}),
      this.client.listTags({}),
      this.client.listClaims({}),
      this.client.getHistory({}),
    ]);
    const claimId = this.snapshot.claimsPanel.claimId;
    const claimsPanel = claimId && !claims.some((claim) => claim.id === claimId) ? { ...this.snapshot.claimsPanel, claimId: null } : this.snapshot.claimsPanel;
    this.set({ annotations, tags, claims, history, claimsPanel });
    await this.refreshAssessments();
  }

  /** Loads (or reloads) the source assessment of a document. */
  async loadAssessment(documentId: string): Promise<SourceAssessment | null> {
    try {
      const assessment = await this.client.getAssessment({ documentId });
      this.set({ assessments: { ...this.snapshot.assessments, [documentId]: assessment } });
      return assessment;
    } catch (error) {
      this.set({ error: (error as Error).message, errorField: null });
      return null;
    }
  }

  /** Saves (part of) a source assessment at once; undoable like any other change. */
  async saveAssessment(input: ApiInput<'saveAssessment'>): Promise<SourceAssessment | null> {
    return this.change(async () => {
      const saved = await this.client.saveAssessment(input);
      this.set({ assessments: { ...this.snapshot.assessments, [saved.documentId]: saved } });
      return saved;
    });
  }

  private async refreshAssessments(): Promise<void> {
    const ids = Object.keys(this.snapshot.assessments);
    if (ids.length === 0) return;
    const loaded = await Promise.all(ids.map((documentId) => this.client.getAssessment({ documentId }).catch(() => null)));
    const assessments: Record<string, SourceAssessment> = { ...this.snapshot.assessments };
    for (const assessment of loaded) if (assessment) assessments[assessment.documentId] = assessment;
    this.set({ assessments });
  }

  // -- changes: each is saved at once and undoable --------------------------------------------------

  async create(input: ApiInput<'createAnnotation'>): Promise<Annotation | null> {
    return this.change(async () => {
      const created = await this.client.createAnnotation(input);
      this.set({ annotations: insertInOrder(this.snapshot.annotations, created) });
      return created;
    });
  }

  async update(input: ApiInput<'updateAnnotation'>): Promise<Annotation | null> {
    return this.change(async () => {
      const updated = await this.client.updateAnnotation(input);
      this.set({ annotations: this.snapshot.annotations.map((a) => (a.id === updated.id ? updated : a)) });
      return updated;
    });
  }

  async reattach(input: ApiInput<'reattachAnnotation'>): Promise<Annotation | null> {
    return this.change(async () => {
      const updated = await this.client.reattachAnnotation(input);
      this.set({ annotations: insertInOrder(this.snapshot.annotations.filter((a) => a.id !== updated.id), updated) });
      return updated;
    });
  }

  async remove(id: string): Promise<void> {
    await this.change(async () => {
      const wasAccount = this.snapshot.claims.some((claim) => claim.accounts.some((account) => account.annotationId === id));
      await this.client.deleteAnnotation({ id });
      this.set({ annotations: this.snapshot.annotations.filter((annotation) => annotation.id !== id) });
      // Its accounts went with it.
      if (wasAccount) this.set({ claims: await this.client.listClaims({}) });
    });
  }

  // -- claims: saved at once and undoable like annotations ------------------------------------------

  async createClaim(input: ApiInput<'createClaim'>): Promise<Claim | null> {
    return this.change(async () => this.putClaim(await this.client.createClaim(input)));
  }

  async updateClaim(input: ApiInput<'updateClaim'>): Promise<Claim | null> {
    return this.change(async () => this.putClaim(await this.client.updateClaim(input)));
  }

  async deleteClaim(id: string): Promise<void> {
    await this.change(async () => {
      await this.client.deleteClaim({ id });
      const claimsPanel = this.snapshot.claimsPanel.claimId === id ? { ...this.snapshot.claimsPanel, claimId: null } : this.snapshot.claimsPanel;
      this.set({ claims: this.snapshot.claims.filter((claim) => claim.id !== id), claimsPanel });
    });
  }

  async attachAccount(input: ApiInput<'attachAccount'>): Promise<Claim | null> {
    return this.change(async () => this.putClaim(await this.client.attachAccount(input)));
  }

  async updateAccount(input: ApiInput<'updateAccount'>): Promise<Claim | null> {
    return this.change(async () => this.putClaim(await this.client.updateAccount(input)));
  }

  async detachAccount(id: string): Promise<Claim | null> {
    return this.change(async () => this.putClaim(await this.client.detachAccount({ id })));
  }

  /** Opens the claims panel (on a claim, or on a view), or closes it with `open: false`. */
  showClaims(panel: Partial<ClaimsPanelState>): void {
    this.set({ claimsPanel: { ...this.snapshot.claimsPanel, open: true, ...panel } });
  }

  /** A changed claim takes its place in the order the server lists them in. */
  private putClaim(claim: Claim): Claim {
    const others = this.snapshot.claims.filter((other) => other.id !== claim.id);
    const index = others.findIndex((other) => compareClaims(claim, other) < 0);
    others.splice(index === -1 ? others.length : index, 0, claim);
    this.set({ claims: others });
    return claim;
  }

  async createTag(input: ApiInput<'createTag'>): Promise<Tag | null> {
    return this.change(async () => {
      const tag = await this.client.createTag(input);
      this.set({ tags: [...this.snapshot.tags, tag] });
      return tag;
    });
  }

  /** Renames, moves, merges or deletes tags: these touch many annotations, so all is reloaded. */
  async changeCodebook(run: (client: ApiClient) => Promise<unknown>): Promise<void> {
    await this.change(async () => {
      await run(this.client);
      await this.refresh();
    });
  }

  async undo(): Promise<void> {
    await this.change(async () => {
      await this.client.undo({});
      await this.refresh();
    });
  }

  async redo(): Promise<void> {
    await this.change(async () => {
      await this.client.redo({});
      await this.refresh();
    });
  }

  // -- what panes and panels say to each other ----------------------------------------------------

  hover(annotationId: string | null): void {
    if (this.snapshot.hovered !== annotationId) this.set({ hovered: annotationId });
  }

  setTagFilter(tagIds: readonly string[]): void {
    this.set({ tagFilter: tagIds });
  }

  /** Called by a pane when its selection changes (null when it is empty or gone). */
  setSelection(selection: PaneSelection | null): void {
    const now = this.snapshot.selection;
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
    this.set({ selection });
  }

  clearError(): void {
    this.set({ error: null, errorField: null });
  }

  /** Asks the pane showing the annotation's document to scroll to it. */
  scrollTo(annotation: Annotation): void {
    this.scrollRequests.forEach((request) => request(annotation));
  }

  onScrollRequest(request: ScrollRequest): () => void {
    this.scrollRequests.add(request);
    return () => this.scrollRequests.delete(request);
  }

  // -- internals ------------------------------------------------------------------------------------

  private async change<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      const result = await run();
      const history = await this.client.getHistory({});
      this.set({ history, error: null, errorField: null });
      return result;
    } catch (error) {
      this.set({ error: (error as Error).message, errorField: error instanceof ApiError ? (error.field ?? null) : null });
      return null;
    }
  }

  private set(partial: Partial<AnnotationSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...partial };
    this.listeners.forEach((listener) => listener());
  }
}

/** Keeps the list in document order: by document, then by position in the text. */
function insertInOrder(list: readonly Annotation[], added: Annotation): Annotation[] {
  const result = list.filter((annotation) => annotation.id !== added.id);
  const index = result.findIndex(
    (other) => other.documentId === added.documentId && (other.start ?? Infinity) > (added.start ?? Infinity),
  );
  if (index === -1) {
    const lastOfDocument = result.map((a) => a.documentId).lastIndexOf(added.documentId);
    result.splice(lastOfDocument === -1 ? result.length : lastOfDocument + 1, 0, added);
  } else {
    result.splice(index, 0, added);
  }
  return result;
}
