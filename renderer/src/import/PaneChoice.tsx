/**
 * Where an imported document opens when all four panes are in use: the user picks the pane it
 * replaces, or none. Each pane is listed with its highlights, so work is never covered unawares;
 * the choice offered first is a pane without highlights, or no pane when every one has some.
 */
import { useMemo } from 'react';
import { useSnapshot, useStores } from '../state/store-context';

export interface OpenPane {
  /** The pane's place in the layout. */
  readonly index: number;
  readonly documentId: string;
  readonly title: string;
}

/** No pane is replaced: the document is imported and can be opened later from a pane's document list. */
export const NO_PANE = '';

/** The pane offered first: the rightmost one whose document has no highlights, else none. */
export function firstChoice(panes: readonly OpenPane[], highlights: ReadonlyMap<string, number>): string {
  const free = [...panes].reverse().find((pane) => (highlights.get(pane.documentId) ?? 0) === 0);
  return free ? String(free.index) : NO_PANE;
}

interface Props {
  readonly panes: readonly OpenPane[];
  readonly highlights: ReadonlyMap<string, number>;
  /** A pane's index as text, or NO_PANE. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled: boolean;
}

/** The highlights of each open document (the store holds those of the open documents). */
export function useHighlightCounts(): ReadonlyMap<string, number> {
  const { annotations } = useSnapshot(useStores().annotations);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const annotation of annotations) counts.set(annotation.documentId, (counts.get(annotation.documentId) ?? 0) + 1);
    return counts;
  }, [annotations]);
}

export function PaneChoice({ panes, highlights, value, onChange, disabled }: Props) {
  return (
    <label className="field">
      All four panes are open. Show it in place of
      <select value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
        {panes.map((pane, position) => {
          const count = highlights.get(pane.documentId) ?? 0;
          return (
            <option key={pane.index} value={String(pane.index)}>
              pane {position + 1}: {pane.title}
              {count > 0 ? ` (${count} highlight${count === 1 ? '' : 's'})` : ''}
            </option>
          );
        })}
        <option value={NO_PANE}>no pane: keep all four as they are</option>
      </select>
    </label>
  );
}
