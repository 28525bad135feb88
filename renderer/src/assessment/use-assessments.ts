/**
 * The source assessments of some documents, loaded when first needed. A load that fails is not
 * retried on every render; its message comes back with the assessments, for the caller to show.
 */
import { useEffect, useState } from 'react';
import type { SourceAssessment } from '../../../shared/annotations';
import { messageOf } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';

export interface Assessments {
  readonly assessments: Readonly<Record<string, SourceAssessment>>;
  /** Why an assessment could not be read, by document id. */
  readonly failures: Readonly<Record<string, string>>;
}

export function useAssessments(documentIds: readonly string[]): Assessments {
  const store = useStores().assessments;
  const { assessments } = useSnapshot(store);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const missing = documentIds.filter((id) => !(id in assessments) && !(id in failures)).join(' ');
  useEffect(() => {
    if (!missing) return;
    for (const id of missing.split(' ')) {
      store.load(id).catch((error: unknown) => setFailures((now) => ({ ...now, [id]: messageOf(error) })));
    }
  }, [missing, store]);
  return { assessments, failures };
}
