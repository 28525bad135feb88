/**
 * A pane's side of "go to this passage": when the finder store asks for a passage of the version
 * this pane shows (and its text is loaded), the pane scrolls to it and flashes it for a moment.
 */
import { useEffect, type RefObject } from 'react';
import type { VersionContent } from '../../../shared/domain';
import type { ReadOnlySourceHandle } from '../prosemirror/source-handle';
import { useSnapshot, useStores } from '../state/store-context';

/** Long enough to be seen after the scroll, short enough not to linger over the reading. */
export const FLASH_MS = 1800;

export function useReveal(documentId: string, content: VersionContent | null, source: RefObject<ReadOnlySourceHandle | null>): void {
  const { finder } = useStores();
  const { reveal } = useSnapshot(finder);

  useEffect(() => {
    if (!reveal || reveal.documentId !== documentId || !content || !source.current) return;
    finder.revealed(reveal.id);
    // Offsets of another version would point elsewhere: that text is not this pane's to mark.
    if (reveal.versionId !== content.versionId) return;
    const handle = source.current;
    handle.revealRange(reveal.start, reveal.end);
    handle.flash(reveal.flash);
    const timer = setTimeout(() => handle.flash([]), FLASH_MS);
    return () => clearTimeout(timer);
  }, [reveal, documentId, content, source, finder]);
}
