/**
 * What the reader shows around the source text without changing it: citation markers as small
 * atoms, page locators as margin marks, and the normalizer's edits with their raw form. All are
 * decorations over the immutable document, made once; the pane hides or shows them with classes.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { VersionContent } from '../../../shared/domain';
import type { TextPositions } from './text-positions';

export function sourceDecorations(doc: ProseMirrorNode, content: VersionContent, positions: TextPositions): Plugin {
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
  content.edits.forEach((edit, index) => {
    if (edit.end <= edit.start) return;
    decorations.push(
      Decoration.inline(positions.toPosition(edit.start), positions.toPosition(edit.end), {
        class: `edit edit-${edit.kind}`,
        'data-edit': String(index),
        title: `${editLabel(edit.kind)} — original: ${edit.raw.replace(/\s*\n\s*/g, ' ⏎ ')}`,
      }),
    );
  });
  const set = DecorationSet.create(doc, decorations);
  return new Plugin({ props: { decorations: () => set } });
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
