/**
 * The highlights the workbench shows, shared by the panes, the sidebar and the claims panel, and
 * what they say to each other about one (the pointer is over it, show it). Only what is shown is
 * loaded: the highlights of the documents open in the panes, and those the claims point to in
 * other documents; a project holds far more than a renderer should carry. Every change goes to
 * the API at once (there is no save button) and is undoable; a failure rejects, for the caller
 * to show.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import type { Annotation, ChangesSince } from '../../../shared/annotations';
import type { Quotation } from '../../../shared/export';
import type { ClaimStore } from './claim-store';
import type { HistoryStore } from './history-store';
import { keepUnchanged, Observable } from './observable';

export interface AnnotationState {
  /**
   * Every loaded highlight: those of the open documents, then those claims point to elsewhere;
   * by document, then by position in the text.
   */
  readonly annotations: readonly Annotation[];
}

/**
 * The annotation the pointer is over (in a pane or the sidebar), to light both up together. Its
 * own store: a hover must not re-render everything that shows the highlights.
 */
export class HoverStore extends Observable<{ readonly hovered: string | null }> {
  constructor() {
    super({ hovered: null });
  }

  set(annotationId: string | null): void {
    if (this.getSnapshot().hovered !== annotationId) this.patch({ hovered: annotationId });
  }
}

type ScrollRequest = (annotation: Annotation) => void;

export class AnnotationStore extends Observable<AnnotationState> {
  private readonly scrollRequests = new Set<ScrollRequest>();
  /** Documents the panes show, whose highlights are all loaded (or loading). */
  private shown: readonly string[] = [];
  /** The highlights of each loaded document, in text order. */
  private readonly byDocument = new Map<string, readonly Annotation[]>();
  /**
   * Highlights outside the loaded documents that are shown anyway, by id: those claims point to,
   * and the orphans of every document (the Orphans tab lists them all, to be re-attached).
   */
  private readonly referenced = new Map<string, Annotation>();

  constructor(
    private readonly client: ApiClient,
    private readonly history: HistoryStore,
    private readonly claims: ClaimStore,
  ) {
    super({ annotations: [] });
    history.reloadWith(() => this.reload());
    history.onChanges((changes) => this.apply(changes));
    // A claim's accounts are shown (quote, source, stance) wherever their documents are.
    claims.subscribe(() => this.needAccounts());
  }

  /**
   * Shows the highlights of these documents (those open in the panes) and lets go of the others.
   * Loads run in turn with the history's syncs, so a change is never applied to a list that a
   * load then replaces with an older one. The lists are asked for at once all the same (at start
   * the texts and the first load would otherwise keep them waiting), and used if no sync or
   * reload asked for the revision meanwhile: a change is then either in the list or sent by the
   * next sync. Else they are read again in turn.
   */
  showDocuments(documentIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(documentIds)];
    if (sameMembers(wanted, this.shown)) return Promise.resolve();
    this.shown = wanted;
    const mark = this.history.revisionMark();
    const early = new Map(
      wanted
        .filter((documentId) => !this.byDocument.has(documentId))
        .map((documentId) => {
          const list = this.client.listAnnotations({ documentId });
          // Not waited for if a sync came between: its failure is then nobody's to show.
          list.catch(() => undefined);
          return [documentId, list] as const;
        }),
    );
    return this.history.queue(async () => {
      const missing = this.shown.filter((id) => !this.byDocument.has(id));
      const current = !this.history.readRevisionSince(mark);
      const lists = await Promise.all(missing.map((documentId) => (current ? early.get(documentId) : undefined) ?? this.client.listAnnotations({ documentId })));
      missing.forEach((documentId, index) => this.byDocument.set(documentId, lists[index]!));
      for (const documentId of this.byDocument.keys()) if (!this.shown.includes(documentId)) this.byDocument.delete(documentId);
      this.publish();
      this.needAccounts();
    });
  }

  /**
   * Reads a document's highlights again after its new version moved them (where it is loaded),
   * and the orphans the move may have made.
   */
  reloadDocument(documentId: string): Promise<void> {
    return this.history.queue(async () => {
      const [list, orphans] = await Promise.all([
        this.byDocument.has(documentId) ? this.client.listAnnotations({ documentId }) : Promise.resolve(null),
        this.client.listAnnotations({ status: 'orphan' }),
      ]);
      if (list && this.byDocument.has(documentId)) this.byDocument.set(documentId, keepUnchanged(this.byDocument.get(documentId)!, list));
      for (const orphan of orphans) this.place(orphan, true);
      this.publish();
    });
  }

  /** The highlights of any document: the loaded ones, or read for the asking (not kept). */
  async ofDocument(documentId: string): Promise<readonly Annotation[]> {
    return this.byDocument.get(documentId) ?? (await this.client.listAnnotations({ documentId }));
  }

  /** A highlight by id, read if it is not loaded (a search hit in a closed document); null if gone. */
  async find(id: string): Promise<Annotation | null> {
    const loaded = this.getSnapshot().annotations.find((annotation) => annotation.id === id);
    if (loaded) return loaded;
    const [found] = await this.client.listAnnotations({ ids: [id] });
    return found ?? null;
  }

  create(input: ApiInput<'createAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => this.put(await this.client.createAnnotation(input)));
  }

  update(input: ApiInput<'updateAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => this.put(await this.client.updateAnnotation(input)));
  }

  reattach(input: ApiInput<'reattachAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => this.put(await this.client.reattachAnnotation(input)));
  }

  /** Deletes a highlight; the accounts it gave go with it (the claims hear of it from the history). */
  remove(id: string): Promise<void> {
    return this.history.record(async () => {
      await this.client.deleteAnnotation({ id });
      if (this.drop(id)) this.publish();
    });
  }

  /** The highlight's quote with its citation, for "Copy as quotation" (a read: nothing to undo). */
  quotation(annotationId: string): Promise<Quotation> {
    return this.client.quoteAnnotation({ annotationId });
  }

  readonly hovering = new HoverStore();

  hover(annotationId: string | null): void {
    this.hovering.set(annotationId);
  }

  /** Asks the pane showing the annotation's document to scroll to it. */
  scrollTo(annotation: Annotation): void {
    this.scrollRequests.forEach((request) => request(annotation));
  }

  onScrollRequest(request: ScrollRequest): () => void {
    this.scrollRequests.add(request);
    return () => this.scrollRequests.delete(request);
  }

  private async reload(): Promise<void> {
    const documents = [...this.byDocument.keys()];
    const [lists, referenced, orphans] = await Promise.all([
      Promise.all(documents.map((documentId) => this.client.listAnnotations({ documentId }))),
      this.referenced.size > 0 ? this.client.listAnnotations({ ids: [...this.referenced.keys()] }) : Promise.resolve([]),
      this.client.listAnnotations({ status: 'orphan' }),
    ]);
    documents.forEach((documentId, index) => this.byDocument.set(documentId, keepUnchanged(this.byDocument.get(documentId)!, lists[index]!)));
    this.referenced.clear();
    for (const annotation of [...referenced, ...orphans]) this.referenced.set(annotation.id, annotation);
    this.publish();
  }

  /** Applies a change told by the history: only to highlights this renderer holds. */
  private apply(changes: ChangesSince): void {
    let changed = false;
    for (const id of changes.removedAnnotations) changed = this.drop(id) || changed;
    for (const annotation of changes.annotations) changed = this.place(annotation) || changed;
    if (changed) this.publish();
  }

  private needAccounts(): void {
    const ids = this.claims.getSnapshot().claims.flatMap((claim) => claim.accounts.map((account) => account.annotationId));
    // A failed read leaves the account shown as "highlight not loaded"; the next change tries again.
    void this.need(ids).catch(() => undefined);
  }

  /** Loads the highlights with these ids that are not loaded yet. */
  private need(ids: readonly string[]): Promise<void> {
    const loaded = new Set(this.getSnapshot().annotations.map((annotation) => annotation.id));
    if (ids.every((id) => loaded.has(id))) return Promise.resolve();
    return this.history.queue(async () => {
      const now = new Set(this.getSnapshot().annotations.map((annotation) => annotation.id));
      const missing = ids.filter((id) => !now.has(id));
      if (missing.length === 0) return;
      for (const annotation of await this.client.listAnnotations({ ids: missing })) this.place(annotation, true);
      this.publish();
    });
  }

  /** A created or changed highlight takes its place (where its document is loaded). */
  private put(annotation: Annotation): Annotation {
    if (this.place(annotation)) this.publish();
    return annotation;
  }

  /**
   * Puts one highlight in its document's list, in text order, keeping the object that was there
   * when nothing changed (panes skip unchanged highlights by identity). Returns whether the list
   * changed. A highlight of a document not loaded is kept only if referenced (or `reference`).
   */
  private place(annotation: Annotation, reference = false): boolean {
    const list = this.byDocument.get(annotation.documentId);
    if (!list) {
      if (!reference && !this.referenced.has(annotation.id)) return false;
      const old = this.referenced.get(annotation.id);
      if (old && sameAnnotation(old, annotation)) return false;
      this.referenced.set(annotation.id, annotation);
      return true;
    }
    const at = list.findIndex((other) => other.id === annotation.id);
    if (at !== -1 && sameAnnotation(list[at]!, annotation)) return false;
    const others = at === -1 ? [...list] : [...list.slice(0, at), ...list.slice(at + 1)];
    others.splice(insertionIndex(others, annotation), 0, annotation);
    this.byDocument.set(annotation.documentId, others);
    this.referenced.delete(annotation.id);
    return true;
  }

  private drop(id: string): boolean {
    let dropped = this.referenced.delete(id);
    for (const [documentId, list] of this.byDocument) {
      const at = list.findIndex((annotation) => annotation.id === id);
      if (at === -1) continue;
      this.byDocument.set(documentId, [...list.slice(0, at), ...list.slice(at + 1)]);
      dropped = true;
    }
    return dropped;
  }

  private publish(): void {
    const annotations = [...this.byDocument.values()].flat();
    const elsewhere = [...this.referenced.values()].filter((annotation) => !this.byDocument.has(annotation.documentId));
    annotations.push(...elsewhere.sort((a, b) => a.documentId.localeCompare(b.documentId) || position(a) - position(b)));
    this.patch({ annotations });
  }
}

const position = (annotation: Annotation): number => annotation.start ?? Infinity;

/** The first place whose highlight starts after this one's (binary search: lists hold thousands). */
function insertionIndex(list: readonly Annotation[], annotation: Annotation): number {
  const start = position(annotation);
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (position(list[middle]!) <= start) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a === b || (a.updatedAt === b.updatedAt && JSON.stringify(a) === JSON.stringify(b));
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
