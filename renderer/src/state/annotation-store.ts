/**
 * The highlights of every document, shared by the panes and the sidebar, and what they say to
 * each other about one (the pointer is over it, show it). Every change goes to the API at once
 * (there is no save button) and is undoable; a failure rejects, for the caller to show.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import type { Annotation } from '../../../shared/annotations';
import type { Quotation } from '../../../shared/export';
import type { ClaimStore } from './claim-store';
import type { HistoryStore } from './history-store';
import { keepUnchanged, Observable } from './observable';

export interface AnnotationState {
  /** In document order: by document, then by position in the text. */
  readonly annotations: readonly Annotation[];
  /** The annotation the pointer is over (in a pane or the sidebar), to light both up together. */
  readonly hovered: string | null;
}

type ScrollRequest = (annotation: Annotation) => void;

export class AnnotationStore extends Observable<AnnotationState> {
  private readonly scrollRequests = new Set<ScrollRequest>();

  constructor(
    private readonly client: ApiClient,
    private readonly history: HistoryStore,
    /** Deleting a highlight deletes the accounts told by it. */
    private readonly claims: ClaimStore,
  ) {
    super({ annotations: [], hovered: null });
    history.reloadWith(() => this.reload());
  }

  private get annotations(): readonly Annotation[] {
    return this.getSnapshot().annotations;
  }

  async reload(): Promise<void> {
    const fresh = await this.client.listAnnotations({});
    this.patch({ annotations: keepUnchanged(this.annotations, fresh) });
  }

  create(input: ApiInput<'createAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => {
      const created = await this.client.createAnnotation(input);
      this.patch({ annotations: insertInOrder(this.annotations, created) });
      return created;
    });
  }

  update(input: ApiInput<'updateAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => {
      const updated = await this.client.updateAnnotation(input);
      this.patch({ annotations: this.annotations.map((a) => (a.id === updated.id ? updated : a)) });
      return updated;
    });
  }

  reattach(input: ApiInput<'reattachAnnotation'>): Promise<Annotation> {
    return this.history.record(async () => {
      const updated = await this.client.reattachAnnotation(input);
      this.patch({ annotations: insertInOrder(this.annotations, updated) });
      return updated;
    });
  }

  remove(id: string): Promise<void> {
    return this.history.record(async () => {
      const wasAccount = this.claims.hasAccountOf(id);
      await this.client.deleteAnnotation({ id });
      this.patch({ annotations: this.annotations.filter((annotation) => annotation.id !== id) });
      if (wasAccount) await this.claims.reload();
    });
  }

  /** The highlight's quote with its citation, for "Copy as quotation" (a read: nothing to undo). */
  quotation(annotationId: string): Promise<Quotation> {
    return this.client.quoteAnnotation({ annotationId });
  }

  hover(annotationId: string | null): void {
    if (this.getSnapshot().hovered !== annotationId) this.patch({ hovered: annotationId });
  }

  /** Asks the pane showing the annotation's document to scroll to it. */
  scrollTo(annotation: Annotation): void {
    this.scrollRequests.forEach((request) => request(annotation));
  }

  onScrollRequest(request: ScrollRequest): () => void {
    this.scrollRequests.add(request);
    return () => this.scrollRequests.delete(request);
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
