/**
 * The note of an annotation: a small rich-text editor (its own ProseMirror schema). Every change
 * is saved at once, when the note loses the focus and on Mod-Enter: there is no save button. A
 * note changed elsewhere (undo, redo, the sidebar) is shown as soon as this editor is not being
 * typed in.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import type { NoteDocument } from '../../../shared/annotations';
import { notePlugins } from './note-commands';
import { noteFromJSON, noteToJSON, emptyNote } from './note-schema';

interface Props {
  /** The stored note (null: none yet). */
  readonly note: NoteDocument | null;
  readonly onSave: (note: NoteDocument | null) => void;
  /** Mod-Enter: saved, and the writer is done. */
  readonly onCommit?: () => void;
  /** Escape: saved, and the toolbar closes. */
  readonly onEscape?: () => void;
  readonly autoFocus?: boolean;
  readonly label: string;
}

/** The editor document of a stored note, and what saving it unchanged would store. */
function shown(note: NoteDocument | null) {
  const doc = noteFromJSON(note);
  return { doc, serialized: JSON.stringify(doc ? noteToJSON(doc) : null) };
}

export function NoteEditor({ note, onSave, onCommit, onEscape, autoFocus = false, label }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The note as last saved or shown, in the editor's own serialization. */
  const saved = useRef('');
  const [unreadable, setUnreadable] = useState(false);
  const callbacks = useRef({ onSave, onCommit, onEscape });
  callbacks.current = { onSave, onCommit, onEscape };

  useEffect(() => {
    const host = mount.current;
    if (!host) return;
    const save = () => {
      const current = view.current;
      if (!current) return;
      const json = noteToJSON(current.state.doc);
      const serialized = JSON.stringify(json);
      if (serialized === saved.current) return;
      saved.current = serialized;
      callbacks.current.onSave(json);
    };
    const initial = shown(note);
    saved.current = initial.serialized;
    setUnreadable(initial.doc === null);
    const editorView = new EditorView(host, {
      state: EditorState.create({
        doc: initial.doc ?? emptyNote(),
        plugins: notePlugins({
          onCommit: () => {
            save();
            callbacks.current.onCommit?.();
          },
          onEscape: () => {
            save();
            callbacks.current.onEscape?.();
          },
        }),
      }),
      attributes: { class: 'note-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'true' },
      // An unreadable note is shown empty and never saved over unless the user writes.
      handleDOMEvents: {
        blur: () => {
          save();
          return false;
        },
      },
      // Links in a note are followed with Mod-click, as in other editors; a plain click places the caret.
      handleClickOn: (_view, _pos, _node, _nodePos, event) => {
        const anchor = (event.target as HTMLElement).closest('a');
        if (anchor && (event.ctrlKey || event.metaKey)) {
          window.open(anchor.href, '_blank', 'noopener,noreferrer');
          return true;
        }
        return false;
      },
    });
    view.current = editorView;
    return () => {
      save();
      view.current = null;
      editorView.destroy();
    };
    // The editor is made once per annotation (the parent keys it); later notes arrive below.
  }, []);

  // Asked for (key N, the Note button): the caret goes into the note.
  useEffect(() => {
    if (autoFocus) view.current?.focus();
  }, [autoFocus]);

  // A note changed from elsewhere (undo, redo) replaces what is shown, unless the user is writing.
  useEffect(() => {
    const current = view.current;
    const next = shown(note);
    if (!current || next.serialized === saved.current || current.hasFocus()) return;
    setUnreadable(next.doc === null);
    saved.current = next.serialized;
    current.updateState(EditorState.create({ doc: next.doc ?? emptyNote(), plugins: current.state.plugins }));
  }, [note]);

  return (
    <div className="note-field">
      <div ref={mount} className="note-mount" />
      {unreadable && (
        <p className="note-warning" role="alert">
          This note could not be read; it is kept as it was unless you write a new one.
        </p>
      )}
      <p className="note-hint">
        <kbd>**bold**</kbd> <kbd>*italic*</kbd> <kbd>- </kbd> <kbd>1. </kbd> <kbd>[text](url)</kbd> · saved when you leave the note or
        press <kbd>Ctrl+Enter</kbd>
      </p>
    </div>
  );
}
