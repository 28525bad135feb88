/**
 * A small modal dialog: focus goes in on open (to the control marked data-autofocus, else the
 * first) and back where it was on close; Escape and a click on the backdrop close it. Dialogs can
 * stack (File › Open Project… over Export…): Escape closes only the newest.
 */
import { useEffect, useRef, type ReactNode } from 'react';

/** The open dialogs, oldest first. Each listens on window, and listeners there run oldest first. */
const openDialogs: object[] = [];

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  readonly describedBy?: string;
}

export function Dialog({ title, onClose, children, className, describedBy }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // The field marked data-autofocus wins even when other controls come before it.
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('input, select, textarea, button');
    (first ?? box.current)?.focus();
    const self = {};
    openDialogs.push(self);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openDialogs.at(-1) === self) {
        event.preventDefault();
        event.stopPropagation();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      openDialogs.splice(openDialogs.indexOf(self), 1);
      window.removeEventListener('keydown', onKey, true);
      before?.focus?.();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={box}
        className={`dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        aria-describedby={describedBy}
        tabIndex={-1}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
