/**
 * A read-only ProseMirror view of one document version. React owns the frame; ProseMirror owns
 * the text, so the view is created once per version and never re-rendered by React.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import type { VersionContent } from '../../../shared/domain';
import { documentFromBlocks, sourceSchema } from './schema';

interface Props {
  readonly content: VersionContent;
  readonly language: string;
  readonly label: string;
}

export function ReadOnlySource({ content, language, label }: Props) {
  const mount = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = mount.current;
    if (!host) return;
    const state = EditorState.create({ schema: sourceSchema, doc: documentFromBlocks(content.blocks) });
    const view = new EditorView(host, {
      state,
      // Selection stays possible (it is how passages will be marked); typing never is.
      editable: () => false,
      attributes: { class: 'source-text', lang: language, 'aria-label': label, 'aria-readonly': 'true' },
    });
    return () => view.destroy();
  }, [content, language, label]);

  return <div ref={mount} className="source-mount" />;
}
