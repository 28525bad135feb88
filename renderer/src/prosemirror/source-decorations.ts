/**
 * What the reader shows around the source text without changing it: citation markers as small
 * atoms, page locators as margin marks, and the normalizer's edits with their raw form. All are
 * decorations over the immutable document, made once; the pane hides or shows them with classes.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { VersionContent } from '../../../shared/domain';
import type { TextPositions } from './text-positions';

/** Plugin key of the source decorations; its meta switches the minor edits on or off. */
export const sourceDecorationsKey = new PluginKey<SourceDecorationState>('source-decorations');

interface SourceDecorationState {
  readonly set: DecorationSet;
  readonly minorShown: boolean;
}

/**
 * Joined line-end hyphens are the bulk of the edits (2,584 in the Volkogonov text) and only show
 * when the reader asks for all edits: their decorations are made then, not when the text opens.
 */
const MINOR_EDITS = new Set<string>(['dehyphenation', 'hyphen-kept']);

export function sourceDecorations(doc: ProseMirrorNode, content: VersionContent, positions: TextPositions): Plugin<SourceDecorationState> {
  const decorations: Decoration[] = [];
  for (const citation of content.citations) {
    decorations.push(
      Decoration.widget(positions.toPosition(citation.at), () => citationElement(citation.label), {
        side: -1,
        key: `c${citation.rawStart}`,
        // Selections and copies never take the marker along.
        ignoreSelection: true,
      }),
    );
  }
  for (const locator of content.locators) {
    if (locator.kind !== 'page') continue;
    decorations.push(
      Decoration.widget(positions.toPosition(locator.at), () => pageElement(locator.label), {
        side: -1,
        key: `p${locator.rawStart}`,
        ignoreSelection: true,
      }),
    );
  }
  const editDecorations = (minor: boolean): Decoration[] =>
    content.edits.flatMap((edit, index) =>
      edit.end > edit.start && MINOR_EDITS.has(edit.kind) === minor
        ? [
            Decoration.inline(
              positions.toPosition(edit.start),
              positions.toPosition(edit.end),
              {
                class: `edit edit-${edit.kind}`,
                'data-edit': String(index),
                title: `${editLabel(edit.kind)} — original: ${edit.raw.replace(/\s*\n\s*/g, ' ⏎ ')}`,
              },
              { minorEdit: minor },
            ),
          ]
        : [],
    );
  decorations.push(...editDecorations(false));
  let minor: Decoration[] | null = null;
  return new Plugin<SourceDecorationState>({
    key: sourceDecorationsKey,
    state: {
      init: () => ({ set: DecorationSet.create(doc, decorations), minorShown: false }),
      apply: (transaction, state) => {
        const show = transaction.getMeta(sourceDecorationsKey) as boolean | undefined;
        if (show === undefined || show === state.minorShown) return state;
        if (!show) {
          // Removed as the set holds them (it keeps its own copies of what was added).
          return { set: state.set.remove(state.set.find(undefined, undefined, (spec) => spec.minorEdit === true)), minorShown: false };
        }
        minor ??= editDecorations(true);
        return { set: state.set.add(transaction.doc, minor), minorShown: true };
      },
    },
    props: { decorations: (state) => sourceDecorationsKey.getState(state)?.set },
  });
}

export function editLabel(kind: VersionContent['edits'][number]['kind']): string {
  switch (kind) {
    case 'ocr-correction':
      return 'OCR correction';
    case 'dehyphenation':
      return 'Line-end hyphen removed';
    case 'hyphen-kept':
      return 'Line-end hyphen kept';
    case 'character-reference':
      return 'Character reference decoded';
  }
}

function citationElement(label: string): HTMLElement {
  const element = document.createElement('sup');
  element.className = 'citation';
  element.textContent = `[${label}]`;
  element.setAttribute('aria-hidden', 'true');
  return element;
}

function pageElement(label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'page-locator';
  element.dataset.page = label;
  element.textContent = `p. ${label}`;
  element.setAttribute('aria-label', `page ${label} begins`);
  return element;
}
