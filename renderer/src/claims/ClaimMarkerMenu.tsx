/**
 * The tiny menu of a claim marker whose highlight is an account of several claims: one item per
 * claim (stance symbol, wording, stance in words); choosing one shows its accounts compared.
 * Arrow keys move, Enter chooses, Escape (or a press elsewhere) closes and gives the focus back
 * to the marker.
 */
import { useEffect, useRef } from 'react';
import { STANCES } from '../../../shared/claims';
import type { ClaimMarks } from './claim-marks';
import { CLAIM_SIGN } from './claim-marks';
import { useInsideWindow, useOnePopover } from '../panes/one-popover';
import './attach-to-claim.css';

interface Props {
  readonly marks: ClaimMarks;
  /** Where to stand, relative to the annotation layer. */
  readonly position: { readonly top: number; readonly left: number };
  readonly onChoose: (claimId: string) => void;
  /** Closed without a choice; `refocus`: give the focus back to the marker (closed from the keyboard). */
  readonly onClose: (refocus: boolean) => void;
}

export function ClaimMarkerMenu({ marks, position, onChoose, onClose }: Props) {
  const menu = useRef<HTMLUListElement>(null);
  useInsideWindow(menu, [position.top, position.left, marks]);
  const close = useRef(onClose);
  close.current = onClose;
  useOnePopover(true, () => close.current(false));

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      // (A press on a marker is the marker's: it opens or closes this menu itself.)
      if (!menu.current?.contains(target) && !target.closest?.('[data-claims-of]')) close.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      items[next]?.focus();
    }
    // Keys meant for the menu are not the toolbar's or the workbench's.
    event.stopPropagation();
  };

  return (
    <ul
      ref={menu}
      className="claim-marker-menu"
      role="menu"
      aria-label="Claims this passage is an account of"
      style={{ top: position.top, left: position.left }}
      onKeyDown={onKeyDown}
    >
      {marks.marks.map((mark) => (
        <li key={mark.claimId} role="none" data-stance={mark.stance}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => onChoose(mark.claimId)}>
            <span className="claim-symbol" aria-hidden="true">
              {CLAIM_SIGN}
              {STANCES[mark.stance].symbol}
            </span>
            <span>
              {mark.wording} <span className="claim-facts">({STANCES[mark.stance].label.toLowerCase()})</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
