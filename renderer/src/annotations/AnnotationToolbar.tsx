/**
 * The small floating toolbar of a selection or a highlight: colours (1–8), Tag (T), Note (N),
 * Claim… (C: the passage as an account of a claim), credibility (Shift+1–6, with the Admiralty
 * wording), and for a highlight Delete. On a fresh selection a colour makes the highlight; Tag,
 * Note, Claim… and credibility first make it yellow and then apply. Every change is saved at once and can be undone from anywhere.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CREDIBILITY_WORDING, type Annotation, type HighlightColor, type NoteDocument, type Tag } from '../../../shared/annotations';
import type { Claim } from '../../../shared/claims';
import { AttachToClaim } from '../claims/AttachToClaim';
import type { AnnotationStore } from '../state/annotation-store';
import { COLOR_NAMES, COLORS, toolbarActionOf, type ToolbarAction } from './keys';
import { NoteEditor } from './NoteEditor';
import { splitPath } from './tag-paths';
import { TagChips, TagInput } from './TagInput';
import { isTypingTarget } from './use-store';
import './annotations.css';

export type ToolbarPanel = 'tag' | 'note' | 'claim' | null;

interface Props {
  readonly store: AnnotationStore;
  readonly versionId: string;
  /** The highlight the toolbar is for; null while it is for a fresh selection. */
  readonly annotation: Annotation | null;
  /** The fresh selection (reading-text offsets), when there is no highlight yet. */
  readonly selection: { readonly start: number; readonly end: number } | null;
  readonly tags: readonly Tag[];
  /** Every claim (for "Claim…"). */
  readonly claims?: readonly Claim[];
  readonly error: string | null;
  readonly panel: ToolbarPanel;
  readonly onPanel: (panel: ToolbarPanel) => void;
  /** A highlight was made from the selection: the toolbar now belongs to it. */
  readonly onCreated: (annotation: Annotation) => void;
  readonly onClose: () => void;
  /** Whether a key pressed now is meant for this toolbar (the selection or focus is in its pane). */
  readonly inScope: () => boolean;
  /** Where to stand, relative to the text layer, and how wide that layer is. */
  readonly position: { readonly top: number; readonly left: number; readonly width: number };
}

const fold = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е').trim();

export function AnnotationToolbar(props: Props) {
  const { store, versionId, annotation, selection, tags, claims = [], error, panel, onPanel, onClose, position } = props;
  const popover = useRef<HTMLDivElement>(null);
  const pending = useRef<Promise<Annotation | null> | null>(null);
  const [left, setLeft] = useState(position.left);
  const latest = useRef(props);
  latest.current = props;

  // A new selection is a new highlight to be made.
  useEffect(() => {
    pending.current = null;
  }, [selection?.start, selection?.end]);

  // Stay inside the pane: measured after drawing, moved left if the toolbar would stick out.
  useLayoutEffect(() => {
    const width = popover.current?.offsetWidth ?? 0;
    setLeft(Math.max(4, Math.min(position.left, position.width - width - 4)));
  }, [position.left, position.width, panel, annotation?.id]);

  /** The annotation as the store has it now (a closure's copy may be older). */
  const fresh = (id: string) => store.getSnapshot().annotations.find((a) => a.id === id) ?? null;

  /** The highlight to act on: the open one, or one made now from the selection. */
  const ensure = (color: HighlightColor = 'yellow'): Promise<Annotation | null> => {
    const { annotation: current, selection: range } = latest.current;
    if (current) return Promise.resolve(fresh(current.id) ?? current);
    if (!range) return Promise.resolve(null);
    pending.current ??= store.create({ versionId, start: range.start, end: range.end, color }).then((created) => {
      if (created) latest.current.onCreated(created);
      return created;
    });
    return pending.current;
  };

  const setColor = async (color: HighlightColor) => {
    // A fresh selection is highlighted in this colour at once (unless it is already being made).
    if (!latest.current.annotation && !pending.current) {
      await ensure(color);
      return;
    }
    const current = await ensure();
    if (current && current.color !== color) await store.update({ id: current.id, color });
  };

  const setCredibility = async (grade: number) => {
    const current = await ensure();
    if (!current) return;
    await store.update({ id: current.id, credibility: current.credibility === grade ? null : grade });
  };

  const open = async (which: 'tag' | 'note' | 'claim') => {
    const current = await ensure();
    if (!current) return;
    latest.current.onPanel(which);
    // Already open: the caret goes back into it.
    const field = which === 'tag' ? '.tag-input' : which === 'note' ? '.note-editor' : '.claim-search-input';
    requestAnimationFrame(() => popover.current?.querySelector<HTMLElement>(field)?.focus());
  };

  const remove = async () => {
    const current = latest.current.annotation;
    if (!current) return;
    await store.remove(current.id);
    latest.current.onClose();
  };

  const applyTag = async (tagId: string) => {
    const current = latest.current.annotation && fresh(latest.current.annotation.id);
    if (!current || current.tagIds.includes(tagId)) return;
    await store.update({ id: current.id, tagIds: [...current.tagIds, tagId] });
  };

  const removeTag = async (tagId: string) => {
    const current = latest.current.annotation && fresh(latest.current.annotation.id);
    if (!current) return;
    await store.update({ id: current.id, tagIds: current.tagIds.filter((id) => id !== tagId) });
  };

  /** Creates a tag by its path, adding the levels the codebook lacks. */
  const createTag = async (path: string): Promise<Tag | null> => {
    let parentId: string | null = null;
    let tag: Tag | null = null;
    for (const name of splitPath(path)) {
      const existing: Tag | undefined = store
        .getSnapshot()
        .tags.find((t) => t.parentId === parentId && fold(t.name) === fold(name));
      tag = existing ?? (await store.createTag({ name, parentId }));
      if (!tag) return null;
      parentId = tag.id;
    }
    return tag;
  };

  const saveNote = (note: NoteDocument | null) => {
    const current = latest.current.annotation;
    if (current) void store.update({ id: current.id, note });
  };

  const run = (action: ToolbarAction) => {
    switch (action.kind) {
      case 'color':
        void setColor(action.color);
        break;
      case 'credibility':
        void setCredibility(action.grade);
        break;
      case 'tag':
      case 'note':
      case 'claim':
        void open(action.kind);
        break;
      case 'delete':
        void remove();
        break;
      case 'close':
        latest.current.onClose();
        break;
    }
  };

  // The toolbar's keys, while the selection (or the focus) is in this pane and nothing is being typed.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const action = toolbarActionOf(event);
      // (Once a highlight is being made from the selection, the selection is gone but the keys stay here.)
      if (!action || !(pending.current || latest.current.inScope())) return;
      if (action.kind === 'delete' && !latest.current.annotation) return;
      event.preventDefault();
      event.stopPropagation();
      run(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
    // `run` reads the latest props through refs.
  }, []);

  // Pressing anywhere outside the toolbar and outside the text closes it (the text handles its own clicks).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (popover.current?.contains(target)) return;
      const layer = popover.current?.parentElement;
      if (layer?.querySelector('.source-text')?.contains(target)) return;
      latest.current.onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  /** Arrow keys move between the toolbar's buttons (one toolbar, many controls). */
  const onToolbarKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };

  const currentColor = annotation?.color ?? null;
  const credibility = annotation?.credibility ?? null;
  const showNote = annotation !== null && (panel === 'note' || annotation.note !== null);
  const accountCount = annotation ? claims.reduce((count, claim) => count + claim.accounts.filter((a) => a.annotationId === annotation.id).length, 0) : 0;
  return (
    <div
      ref={popover}
      className="annotation-popover"
      style={{ top: position.top, left }}
      role="group"
      aria-label={annotation ? 'Highlight' : 'New highlight'}
      data-annotation-for={annotation?.id}
    >
      <div className="annotation-toolbar" role="toolbar" aria-label={annotation ? 'Highlight tools' : 'Highlight the selection'} onKeyDown={onToolbarKeyDown}>
        <span className="swatches" role="group" aria-label="Colour">
          {COLORS.map((color, index) => (
            <button
              key={color}
              type="button"
              className={`swatch annotation-${color}`}
              data-color={color}
              aria-label={`${COLOR_NAMES[color]} (${index + 1})`}
              aria-pressed={currentColor === color}
              title={`${COLOR_NAMES[color]} · key ${index + 1}`}
              onClick={() => void setColor(color)}
            >
              <span aria-hidden="true">{currentColor === color ? '✓' : ''}</span>
            </button>
          ))}
        </span>
        <button type="button" className="tool" aria-pressed={panel === 'tag'} title="Tag · key T" aria-keyshortcuts="T" onClick={() => void open('tag')}>
          Tag
        </button>
        <button
          type="button"
          className="tool"
          aria-pressed={panel === 'note'}
          title="Note · key N"
          aria-keyshortcuts="N"
          onClick={() => void open('note')}
        >
          Note
        </button>
        <button
          type="button"
          className="tool"
          aria-pressed={panel === 'claim'}
          title={`Attach to a claim${accountCount > 0 ? ` (an account of ${accountCount} claim${accountCount === 1 ? '' : 's'})` : ''} · key C`}
          aria-keyshortcuts="C"
          onClick={() => void open('claim')}
        >
          Claim…
          {accountCount > 0 && (
            <span className="claim-count" aria-hidden="true">
              ◆{accountCount}
            </span>
          )}
        </button>
        <span className="grades" role="group" aria-label="Credibility of the information">
          {[1, 2, 3, 4, 5, 6].map((grade) => (
            <button
              key={grade}
              type="button"
              className="grade"
              aria-label={`Credibility ${grade}: ${CREDIBILITY_WORDING[grade]}`}
              aria-pressed={credibility === grade}
              aria-keyshortcuts={`Shift+${grade}`}
              title={`${grade} — ${CREDIBILITY_WORDING[grade]} · Shift+${grade}`}
              onClick={() => void setCredibility(grade)}
            >
              {grade}
            </button>
          ))}
        </span>
        {annotation && (
          <button
            type="button"
            className="tool delete"
            aria-label="Delete highlight"
            title="Delete highlight · Delete"
            aria-keyshortcuts="Delete"
            onClick={() => void remove()}
          >
            Delete
          </button>
        )}
        <button type="button" className="tool close" aria-label="Close" title="Close · Escape" onClick={onClose}>
          ×
        </button>
      </div>
      {annotation && <TagChips tagIds={annotation.tagIds} tags={tags} onRemove={(id) => void removeTag(id)} />}
      {annotation && panel === 'tag' && (
        <TagInput
          tagIds={annotation.tagIds}
          tags={tags}
          onApply={(id) => void applyTag(id)}
          onCreate={createTag}
          onRemoveLast={() => {
            const last = annotation.tagIds.at(-1);
            if (last) void removeTag(last);
          }}
          onClose={() => onPanel(null)}
        />
      )}
      {annotation && panel === 'claim' && (
        <AttachToClaim key={annotation.id} store={store} annotation={annotation} claims={claims} onClose={() => onPanel(null)} />
      )}
      {showNote && (
        <NoteEditor
          key={annotation.id}
          note={annotation.note}
          label="Note"
          autoFocus={panel === 'note'}
          onSave={saveNote}
          onCommit={() => (document.activeElement as HTMLElement | null)?.blur()}
          onEscape={onClose}
        />
      )}
      {error && (
        <p className="annotation-error" role="alert">
          {error}{' '}
          <button type="button" className="tool" onClick={() => store.clearError()}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
