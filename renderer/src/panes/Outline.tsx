/**
 * The chapters and sections of a source, for moving through a long text. Lists the headings of
 * the reading text with their levels; choosing one scrolls the pane there. Escape or a click
 * elsewhere closes the list.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VersionContent } from '../../../shared/domain';
import { useInsideWindow, useOnePopover } from './one-popover';

interface Props {
  readonly content: VersionContent;
  readonly onGo: (offset: number) => void;
}

export function Outline({ content, onGo }: Props) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  useInsideWindow(list, [open]);
  useOnePopover(open, () => setOpen(false));
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      wrapper.current?.querySelector<HTMLElement>('button')?.focus();
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const headings = useMemo(
    () =>
      content.blocks
        .filter((block) => block.kind === 'heading')
        .map((block) => ({ offset: block.start, level: block.level ?? 1, text: content.text.slice(block.start, block.end) })),
    [content],
  );
  if (headings.length === 0) return null;
  return (
    <div className="outline" ref={wrapper}>
      <button type="button" className="tool" aria-expanded={open} onClick={() => setOpen(!open)} title="Chapters and sections">
        Outline ▾
      </button>
      {open && (
        <ol className="outline-list" role="list" ref={list}>
          {headings.map((heading) => (
            <li key={heading.offset} className={`level-${Math.min(heading.level, 4)}`}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onGo(heading.offset);
                }}
              >
                {heading.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
