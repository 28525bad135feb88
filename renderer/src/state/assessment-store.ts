/**
 * The source assessments (reliability grade and notes) of the documents shown so far, loaded on
 * first sight of a document and read again when a change, undo or redo touched them.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import type { SourceAssessment } from '../../../shared/annotations';
import type { HistoryStore } from './history-store';
import { Observable } from './observable';

export interface AssessmentState {
  /** By document id. */
  readonly assessments: Readonly<Record<string, SourceAssessment>>;
}

export class AssessmentStore extends Observable<AssessmentState> {
  constructor(
    private readonly client: ApiClient,
    private readonly history: HistoryStore,
  ) {
    super({ assessments: {} });
    history.reloadWith(() => this.reload());
    history.onChanges(async (changes) => {
      const shown = changes.assessments.filter((documentId) => documentId in this.getSnapshot().assessments);
      await Promise.all(shown.map((documentId) => this.load(documentId).catch(() => null)));
    });
  }

  /** Loads (or reloads) the assessment of a document; rejects if it cannot be read. */
  async load(documentId: string): Promise<SourceAssessment> {
    return this.put(await this.client.getAssessment({ documentId }));
  }

  /** Saves (part of) an assessment at once; undoable like any other change. */
  save(input: ApiInput<'saveAssessment'>): Promise<SourceAssessment> {
    return this.history.record(async () => this.put(await this.client.saveAssessment(input)));
  }

  private async reload(): Promise<void> {
    const { assessments } = this.getSnapshot();
    const ids = Object.keys(assessments);
    if (ids.length === 0) return;
    // One that cannot be read now keeps what was shown.
    const loaded = await Promise.all(ids.map((documentId) => this.client.getAssessment({ documentId }).catch(() => null)));
    const next: Record<string, SourceAssessment> = { ...assessments };
    for (const assessment of loaded) if (assessment) next[assessment.documentId] = assessment;
    this.patch({ assessments: next });
  }

  private put(assessment: SourceAssessment): SourceAssessment {
    this.patch({ assessments: { ...this.getSnapshot().assessments, [assessment.documentId]: assessment } });
    return assessment;
  }
}
