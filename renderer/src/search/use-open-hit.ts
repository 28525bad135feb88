/**
 * What opening a hit means for each kind: a passage of a text is scrolled to in its pane (opened
 * in one if need be) with its matched words flashed; a note goes to its highlight the same way; a
 * tag filters the sidebar and the panes to its highlights (with its sub-tags); a claim opens in
 * the claims panel, its accounts compared.
 */
import { useCallback } from 'react';
import type { SearchHit } from '../../../shared/search';
import { withDescendants } from '../codebook/tag-tree';
import { useStores } from '../state/store-context';

export function useOpenHit(): (hit: SearchHit) => void {
  const { finder, annotations, codebook, workspace } = useStores();
  return useCallback(
    (hit: SearchHit) => {
      if (hit.kind === 'text' && hit.documentId && hit.versionId) {
        const first = hit.matches[0] ?? hit.passage;
        if (!first) return;
        finder.reveal({
          documentId: hit.documentId,
          versionId: hit.versionId,
          start: first.start,
          end: first.end,
          flash: hit.matches.length > 0 ? hit.matches : [first],
        });
      } else if (hit.kind === 'note' && hit.annotationId) {
        // The note's highlight may be in a document no pane shows (and so not loaded).
        void annotations.find(hit.annotationId).then((annotation) => {
          if (!annotation || annotation.status !== 'anchored' || annotation.start === null || annotation.end === null) return;
          finder.reveal({
            documentId: annotation.documentId,
            versionId: annotation.versionId,
            start: annotation.start,
            end: annotation.end,
            flash: [{ start: annotation.start, end: annotation.end }],
          });
        });
      } else if (hit.kind === 'tag' && hit.tagId) {
        codebook.setTagFilter(withDescendants(codebook.getSnapshot().tags, [hit.tagId]));
      } else if (hit.kind === 'claim' && hit.claimId) {
        workspace.compareClaim(hit.claimId);
      }
    },
    [finder, annotations, codebook, workspace],
  );
}
