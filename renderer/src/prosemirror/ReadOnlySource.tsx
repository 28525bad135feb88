/**
 * A read-only ProseMirror view of one document version. React owns the frame; ProseMirror owns
 * the text, so the view is created once per version and never re-rendered by React.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { VersionContent } from '../../../shared/domain';
import { documentFromText, sourceSchema } from './schema';
import { sourceDecorations } from './source-decorations';
import { TextPositions } from './text-positions';

interface Props {
  readonly content: VersionContent;
  readonly language: string;
  readonly label: string;
  /** Reading-text offsets of the selection, whenever it changes. */
  readonly onSelect?: (from: number, to: number) => void;
  /** The user clicked text that the normalizer edited: index into content.edits. */
  readonly onEditClick?: (index: number, element: HTMLElement) => void;
}

export interface ReadOnlySourceHandle {
  /** Scrolls the pane so the given reading-text offset is at the top. */
  scrollToOffset(offset: number): void;
}

export const ReadOnlySource = forwardRef<ReadOnlySourceHandle, Props>(function ReadOnlySource(
  { content, language, label, onSelect, onEditClick },
  ref,
) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<{ view: EditorView; positions: TextPositions } | null>(null);
  // Callbacks change identity on every render; the view keeps reading the latest ones.
  const callbacks = useRef({ onSelect, onEditClick });
  callbacks.current = { onSelect, onEditClick };

  useEffect(() => {
    const host = mount.current;
    if (!host) return;
    const doc = documentFromText(content.text, content.blocks);
    const positions = new TextPositions(content.blocks);
    const editorView: EditorView = new EditorView(host, {
      state: EditorState.create({ schema: sourceSchema, doc, plugins: [sourceDecorations(doc, content, positions)] }),
      // Selection stays possible (it is how passages are marked); typing never is.
      editable: () => false,
      attributes: { class: 'source-text', lang: language, 'aria-label': label, 'aria-readonly': 'true' },
      dispatchTransaction(transaction) {
        const next = editorView.state.apply(transaction);
        editorView.updateState(next);
        if (transaction.selectionSet) {
          const { from, to } = next.selection;
          callbacks.current.onSelect?.(positions.toOffset(from), positions.toOffset(to));
        }
      },
      handleDOMEvents: {
        click: (_view, event) => {
          const edit = (event.target as HTMLElement).closest<HTMLElement>('[data-edit]');
          if (edit) callbacks.current.onEditClick?.(Number(edit.dataset.edit), edit);
          return false;
        },
      },
    });
    view.current = { view: editorView, positions };
    return () => {
      view.current = null;
      editorView.destroy();
    };
  }, [content, language, label]);

  useImperativeHandle(ref, () => ({
    scrollToOffset(offset) {
      const current = view.current;
      if (!current) return;
      const { node } = current.view.domAtPos(current.positions.toPosition(offset));
      const element = node instanceof HTMLElement ? node : node.parentElement;
      element?.closest('.source-text > *')?.scrollIntoView({ block: 'start' });
    },
  }));

  return <div ref={mount} className="source-mount" />;
});
