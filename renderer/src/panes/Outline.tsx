/**
 * The chapters and sections of a source, for moving through a long text. Lists the headings of
 * the reading text with their levels; choosing one scrolls the pane there.
 */
import { useMemo, useState } from 'react';
import type { VersionContent } from '../../../shared/domain';

interface Props {
  readonly content: VersionContent;
  readonly onGo: (offset: number) => void;
}

export function Outline({ content, onGo }: Props) {
  const [open, setOpen] = useState(false);
  const headings = useMemo(
    () =>
      content.blocks
        .filter((block) => block.kind === 'heading')
        .map((block) => ({ offset: block.start, level: block.level ?? 1, text: content.text.slice(block.start, block.end) })),
    [content],
  );
  if (headings.length === 0) return null;
  return (
    <div className="outline">
      <button type="button" className="tool" aria-expanded={open} onClick={() => setOpen(!open)} title="Chapters and sections">
        Outline ▾
      </button>
      {open && (
        <ol className="outline-list" role="list">
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
