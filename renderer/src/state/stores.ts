/**
 * The renderer's stores, one per concern, made together because they share the one undo history
 * (and a deleted highlight takes its accounts, a gone claim leaves the claims panel).
 */
import type { ApiClient } from '../../../shared/api';
import { AnnotationStore } from './annotation-store';
import { AssessmentStore } from './assessment-store';
import { ClaimStore } from './claim-store';
import { CodebookStore } from './codebook-store';
import { FinderStore } from './finder-store';
import { HistoryStore } from './history-store';
import { WorkspaceStore } from './workspace-store';

export interface Stores {
  readonly history: HistoryStore;
  readonly annotations: AnnotationStore;
  readonly claims: ClaimStore;
  readonly codebook: CodebookStore;
  readonly assessments: AssessmentStore;
  readonly workspace: WorkspaceStore;
  readonly finder: FinderStore;
}

export function createStores(client: ApiClient, onSaveError: (message: string) => void): Stores {
  const history = new HistoryStore(client);
  const claims = new ClaimStore(client, history);
  const workspace = new WorkspaceStore(client, claims, onSaveError);
  return {
    history,
    claims,
    annotations: new AnnotationStore(client, history, claims),
    codebook: new CodebookStore(client, history),
    assessments: new AssessmentStore(client, history),
    workspace,
    finder: new FinderStore(workspace),
  };
}
