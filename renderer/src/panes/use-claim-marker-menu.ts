/**
 * The claim markers after a pane's highlights: a marker of one claim opens it compared; a marker
 * of several opens a tiny menu to choose which. The marks are built once per change of the
 * claims, so the text redraws only the highlights whose marks changed.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Claim } from '../../../shared/claims';
import { claimMarksByAnnotation, type ClaimMarks } from '../claims/claim-marks';
import type { WorkspaceStore } from '../state/workspace-store';

export interface MarkerMenu {
  readonly annotationId: string;
  readonly top: number;
  readonly left: number;
}

export function useClaimMarkerMenu(claims: readonly Claim[], layer: RefObject<HTMLElement | null>, workspace: WorkspaceStore) {
  const claimMarks = useMemo(() => claimMarksByAnnotation(claims), [claims]);
  const claimMarksNow = useRef(claimMarks);
  claimMarksNow.current = claimMarks;
  const [menu, setMenu] = useState<MarkerMenu | null>(null);

  const onClaimMarker = useCallback(
    (annotationId: string, element: HTMLElement) => {
      const marks = claimMarksNow.current.get(annotationId);
      if (!marks) return;
      const only = marks.marks.length === 1 ? marks.marks[0] : undefined;
      if (only) {
        setMenu(null);
        workspace.compareClaim(only.claimId);
        return;
      }
      const frame = layer.current?.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      if (!frame) return;
      setMenu((now) =>
        now?.annotationId === annotationId ? null : { annotationId, top: box.bottom - frame.top + 4, left: Math.max(4, box.left - frame.left) },
      );
    },
    [workspace, layer],
  );

  const choose = (claimId: string) => {
    setMenu(null);
    workspace.compareClaim(claimId);
  };

  /** Closes the menu; with `refocus`, the focus goes back to the marker it was opened from. */
  const close = (refocus: boolean) => {
    const annotationId = menu?.annotationId;
    setMenu(null);
    if (refocus && annotationId) layer.current?.querySelector<HTMLElement>(`[data-claims-of="${CSS.escape(annotationId)}"]`)?.focus();
  };

  /** The menu, while it is open on a highlight that still tells several claims. */
  const menuMarks: ClaimMarks | undefined = menu ? claimMarks.get(menu.annotationId) : undefined;
  const open = menu && menuMarks && menuMarks.marks.length > 1 ? { ...menu, marks: menuMarks } : null;
  return { claimMarks, onClaimMarker, menu: open, choose, close };
}
