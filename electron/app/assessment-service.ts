/**
 * A historian's assessment of each source (reliability, authorship, date and place of writing,
 * proximity, tendency, provenance). Saving one is a change in the project's one undo history.
 */
import type { ApiParsedInput } from '../../shared/api';
import type { SourceAssessment } from '../../shared/annotations';
import type { ChangeHistory } from './change-history';
import type { AnnotationRows } from '../store/annotations';
import type { DocumentRepository } from '../store/documents';
import type { Repositories } from '../store/repositories';

export class AssessmentService {
  private readonly rows: AnnotationRows;
  private readonly documents: DocumentRepository;

  constructor(
    repositories: Pick<Repositories, 'annotations' | 'documents'>,
    private readonly changes: ChangeHistory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = repositories.annotations;
    this.documents = repositories.documents;
  }

  /** The document's assessment; an empty one where none was written yet. */
  get(documentId: string): SourceAssessment {
    this.documents.checkDocument(documentId);
    return this.rows.assessment(documentId);
  }

  save(input: ApiParsedInput<'saveAssessment'>): SourceAssessment {
    const before = this.get(input.documentId);
    const { documentId, ...fields } = input;
    const after: SourceAssessment = { ...before, ...fields, documentId, updatedAt: this.now().toISOString() };
    this.changes.apply('change source assessment', [{ kind: 'assessment', before, after }]);
    return after;
  }
}
