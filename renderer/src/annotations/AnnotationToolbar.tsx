/**
 * The small floating toolbar of a selection or a highlight: colours (1–8), Tag (T), Note (N),
 * Claim… (C: the passage as an account of a claim), Similar (S: the passages of the other sources
 * telling the same), credibility (Shift+1–6, with the Admiralty
 * wording), and for a highlight Delete. On a fresh selection a colour makes the highlight; Tag,
 * Note, Claim… and credibility first make it yellow and then apply. Every change is saved at once and can be undone from anywhere.
 * A highlight can also be copied as a quotation, with its citation.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, HighlightColor, NoteDocument, Tag } from '../../../shared/annotations';
import { AttachToClaim } from '../claims/AttachToClaim';
import { useCopyQuotation } from '../export/copy-quotation';
import { useFailure } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { isTypingTarget } from '../workspace/undo-keys';
import { HighlightTools, type ToolbarPanel } from './HighlightTools';
import { toolbarActionOf, type ToolbarAction } from './keys';
import { NoteEditor } from './NoteEditor';
import { splitPath } from './tag-paths';
import { TagChips, TagInput } from './TagInput';
import { useInsideWindow, useOnePopover } from '../panes/one-popover';
import './annotations.css';

interface Props {
  readonly versionId: string;
  /** The highlight the toolbar is for; null while it is for a fresh selection. */
  readonly annotation: Annotation | null;
  /** The fresh selection (reading-text offsets), when there is no highlight yet. */
  readonly selection: { readonly start: number; readonly end: number } | null;
  readonly panel: ToolbarPanel;
  readonly onPanel: (panel: ToolbarPanel) => void;
  /** A highlight was made from the selection: the toolbar now belongs to it. */
  readonly onCreated: (annotation: Annotation) => void;
  readonly onClose: () => void;
  /** Whether a key pressed now is meant for this toolbar (the selection or focus is in its pane). */
  readonly inScope: () => boolean;
  /** Shows the passages of the other sources that tell the same as the selection or the highlight. */
  readonly onSimilar: () => void;
  /** Where to stand, relative to the text layer, and how wide that layer is. */
  readonly position: { readonly top: number; readonly left: number; readonly width: number };
}

const fold = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е').trim();

export function AnnotationToolbar(props: Props) {
  const { versionId, annotation, selection, panel, onPanel, onClose, position } = props;
  const { annotations: store, codebook, claims: claimStore } = useStores();
  const { tags } = useSnapshot(codebook);
  const { claims } = useSnapshot(claimStore);
  // A change that fails is told here, under the toolbar the user acted in.
  const { failure, attempt, clear } = useFailure();
  const quotation = useCopyQuotation();
  const popover = useRef<HTMLDivElement>(null);
  const pending = useRef<Promise<Annotation | null> | null>(null);
  const [left, setLeft] = useState(position.left);
  const latest = useRef(props);
  latest.current = props;
  useOnePopover(true, () => latest.current.onClose());
  useInsideWindow(popover, [position.top, left, panel, annotation?.id]);

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
    pending.current ??= attempt(store.create({ versionId, start: range.start, end: range.end, color })).then((created) => {
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
    if (current && current.color !== color) await attempt(store.update({ id: current.id, color }));
  };

  const setCredibility = async (grade: number) => {
    const current = await ensure();
    if (!current) return;
    await attempt(store.update({ id: current.id, credibility: current.credibility === grade ? null : grade }));
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
    // A highlight that could not be deleted keeps its toolbar, with the reason.
    if ((await attempt(store.remove(current.id).then(() => true))) === null) return;
    latest.current.onClose();
  };

  /** The open highlight's tags, changed from the store's latest copy of it. */
  const changeTags = async (change: (tagIds: readonly string[]) => readonly string[] | null) => {
    const current = latest.current.annotation && fresh(latest.current.annotation.id);
    const tagIds = current ? change(current.tagIds) : null;
    if (current && tagIds) await attempt(store.update({ id: current.id, tagIds: [...tagIds] }));
  };
  const applyTag = (tagId: string) => changeTags((tagIds) => (tagIds.includes(tagId) ? null : [...tagIds, tagId]));
  const removeTag = (tagId: string) => changeTags((tagIds) => tagIds.filter((id) => id !== tagId));

  /** Creates a tag by its path, adding the levels the codebook lacks. */
  const createTag = async (path: string): Promise<Tag | null> => {
    let parentId: string | null = null;
    let tag: Tag | null = null;
    for (const name of splitPath(path)) {
      const existing: Tag | undefined = codebook.getSnapshot().tags.find((t) => t.parentId === parentId && fold(t.name) === fold(name));
      tag = existing ?? (await attempt(codebook.createTag({ name, parentId })));
      if (!tag) return null;
      parentId = tag.id;
    }
    return tag;
  };

  const saveNote = (note: NoteDocument | null) => {
    const current = latest.current.annotation;
    if (current) void attempt(store.update({ id: current.id, note }));
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
      case 'similar':
        latest.current.onSimilar();
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
      <HighlightTools
        annotation={annotation}
        panel={panel}
        accountCount={accountCount}
        onColor={(color) => void setColor(color)}
        onGrade={(grade) => void setCredibility(grade)}
        onOpen={(which) => void open(which)}
        onSimilar={() => latest.current.onSimilar()}
        onQuote={() => annotation && void quotation.copy(annotation.id)}
        onDelete={() => void remove()}
        onClose={onClose}
      />
      {quotation.status && (
        <p className="annotation-status" role="status">
          {quotation.status}
        </p>
      )}
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
      {/* Keys distinct among these siblings: with one key for both, React left a dead copy of the claim panel behind at each click. */}
      {annotation && panel === 'claim' && (
        <AttachToClaim key={`claim-${annotation.id}`} annotation={annotation} claims={claims} onClose={() => onPanel(null)} />
      )}
      {showNote && (
        <NoteEditor
          key={`note-${annotation.id}`}
          note={annotation.note}
          label="Note"
          autoFocus={panel === 'note'}
          onSave={saveNote}
          onCommit={() => (document.activeElement as HTMLElement | null)?.blur()}
          onEscape={onClose}
        />
      )}
      {failure && (
        <p className="annotation-error" role="alert">
          {failure}{' '}
          <button type="button" className="tool" onClick={clear}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
