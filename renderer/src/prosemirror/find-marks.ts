/**
 * The words a find in the pane matched, drawn over the text (the current one stronger), and a
 * passage flashed for a moment when the reader is taken to it from the search or a suggestion.
 * Decorations of their own plugin, so they never disturb the annotations' incremental redraws.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { TextRange } from '../../../shared/search';
import type { TextPositions } from './text-positions';

interface FindMarksState {
  readonly hits: readonly Decoration[];
  readonly flash: readonly Decoration[];
  readonly set: DecorationSet;
}

/** What a transaction tells the plugin; absent fields stay as they are. */
export interface FindMarksMeta {
  readonly hits?: { readonly ranges: readonly TextRange[]; readonly current: number | null };
  readonly flash?: readonly TextRange[];
}

export const findMarksKey = new PluginKey<FindMarksState>('find-marks');

export function findMarksPlugin(positions: TextPositions): Plugin<FindMarksState> {
  const inline = (range: TextRange, className: string) =>
    Decoration.inline(positions.toPosition(range.start), positions.toPosition(range.end), { class: className });
  return new Plugin<FindMarksState>({
    key: findMarksKey,
    state: {
      init: () => ({ hits: [], flash: [], set: DecorationSet.empty }),
      apply: (transaction, state) => {
        const meta = transaction.getMeta(findMarksKey) as FindMarksMeta | undefined;
        if (!meta) return state;
        const draw = (ranges: readonly TextRange[], classOf: (index: number) => string) =>
          ranges.flatMap((range, index) => (range.end > range.start ? [inline(range, classOf(index))] : []));
        const current = meta.hits?.current ?? null;
        const hits = meta.hits ? draw(meta.hits.ranges, (index) => (index === current ? 'find-hit current' : 'find-hit')) : state.hits;
        const flash = meta.flash ? draw(meta.flash, () => 'find-flash') : state.flash;
        // The text never changes (it is read-only), so the set is made anew rather than mapped.
        return { hits, flash, set: DecorationSet.create(transaction.doc, [...hits, ...flash]) };
      },
    },
    props: { decorations: (state) => findMarksKey.getState(state)?.set },
  });
}
