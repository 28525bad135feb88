/**
 * The app bench's baseline page: a bare ProseMirror view of the Volkogonov text with the same
 * 10,000 highlights as inline decorations, and nothing else (no React, no stores, no sidebar).
 * It answers the same inputs as the app, the least any ProseMirror reader must do for them: a
 * digit highlights the selection, Ctrl+Z takes the last highlight back, the pointer over a
 * highlight lights it. Its DOM is shaped like a pane (section.pane > .pane-body > .source-text),
 * so the bench selects, points and watches it exactly as it does the app. (ProseMirror's own
 * stylesheet is put in the page by the bench.)
 */
import { Schema } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import type { Annotation } from '../../../shared/annotations';
import type { VersionContent } from '../../../shared/domain';

interface BareData {
  readonly content: VersionContent;
  readonly annotations: readonly Annotation[];
  readonly geometry: { width: number; height: number; font: string; lineHeight: string; padding: string } | null;
}

interface Highlight {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly color: string;
}

type Meta = { add: Highlight } | { remove: string } | { hovered: string | null };

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} },
});

const data = (await (await fetch('./bare-data.json')).json()) as BareData;
const { text, blocks } = data.content;

const style = document.createElement('style');
const geometry = data.geometry;
style.textContent = `
  body { margin: 0; }
  section.pane { position: absolute; left: 40px; top: 40px; }
  .pane-body { overflow: auto; width: ${geometry?.width ?? 420}px; height: ${geometry?.height ?? 780}px; }
  .source-text { font: ${geometry?.font ?? '17px serif'}; line-height: ${geometry?.lineHeight ?? '1.6'}; padding: ${geometry?.padding ?? '0 16px'}; }
  mark.annotation { color: inherit; }
  mark.annotation-yellow { background: rgba(255, 214, 0, 0.35); }
  mark.annotation-red { background: rgba(255, 80, 80, 0.3); }
  mark.annotation-green { background: rgba(80, 200, 80, 0.3); }
  mark.annotation-blue { background: rgba(80, 140, 255, 0.3); }
  mark.is-hovered { outline: 1px solid currentColor; }`;
document.head.append(style);

// Where each block's text starts in the document: the text's offsets, blocks apart by "\n\n".
const blockPos: number[] = [];
let pos = 0;
for (const block of blocks) {
  blockPos.push(pos);
  pos += block.end - block.start + 2;
}

function toPos(offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  const block = blocks[low]!;
  return blockPos[low]! + 1 + Math.min(Math.max(offset - block.start, 0), block.end - block.start);
}

function decorationOf(highlight: Highlight, hovered: boolean): Decoration {
  return Decoration.inline(
    highlight.from,
    highlight.to,
    {
      nodeName: 'mark',
      class: `annotation annotation-${highlight.color}${hovered ? ' is-hovered' : ''}`,
      'data-annotation-id': highlight.id,
    },
    { id: highlight.id },
  );
}

interface BareState {
  readonly decorations: DecorationSet;
  readonly byId: Map<string, Highlight>;
  readonly hovered: string | null;
}

const key = new PluginKey<BareState>('bare-highlights');

const highlights = new Plugin<BareState>({
  key,
  state: {
    init: (_, state) => {
      const byId = new Map<string, Highlight>();
      for (const annotation of data.annotations) {
        byId.set(annotation.id, { id: annotation.id, from: toPos(annotation.start!), to: toPos(annotation.end!), color: annotation.color });
      }
      return {
        decorations: DecorationSet.create(state.doc, [...byId.values()].map((highlight) => decorationOf(highlight, false))),
        byId,
        hovered: null,
      };
    },
    apply: (tr, value) => {
      const meta = tr.getMeta(key) as Meta | undefined;
      if (!meta) return value;
      const redraw = (ids: (string | null)[], hovered: string | null, decorations = value.decorations) => {
        const drawn = ids.filter((id): id is string => id !== null && value.byId.has(id));
        // Looked up where each one is, not over the whole set.
        const old = drawn.flatMap((id) => {
          const { from, to } = value.byId.get(id)!;
          return decorations.find(from, to, (spec) => (spec as { id: string }).id === id);
        });
        return decorations.remove(old).add(
          tr.doc,
          drawn.map((id) => decorationOf(value.byId.get(id)!, id === hovered)),
        );
      };
      if ('add' in meta) {
        value.byId.set(meta.add.id, meta.add);
        return { ...value, decorations: value.decorations.add(tr.doc, [decorationOf(meta.add, false)]) };
      }
      if ('remove' in meta) {
        const gone = value.byId.get(meta.remove);
        const old = gone ? value.decorations.find(gone.from, gone.to, (spec) => (spec as { id: string }).id === meta.remove) : [];
        value.byId.delete(meta.remove);
        return { ...value, decorations: value.decorations.remove(old) };
      }
      return { ...value, hovered: meta.hovered, decorations: redraw([value.hovered, meta.hovered], meta.hovered) };
    },
  },
  props: {
    decorations: (state) => key.getState(state)!.decorations,
    handleDOMEvents: {
      mouseover: (view, event) => {
        if (event.buttons !== 0) return false;
        const id = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-id]')?.dataset.annotationId ?? null;
        if (id !== key.getState(view.state)!.hovered) view.dispatch(view.state.tr.setMeta(key, { hovered: id }));
        return false;
      },
      mouseleave: (view) => {
        if (key.getState(view.state)!.hovered !== null) view.dispatch(view.state.tr.setMeta(key, { hovered: null }));
        return false;
      },
    },
  },
});

const pane = document.createElement('section');
pane.className = 'pane';
const body = document.createElement('div');
body.className = 'pane-body';
pane.append(body);
document.body.append(pane);

const doc = schema.node(
  'doc',
  null,
  blocks.map((block) => schema.node('paragraph', null, block.end > block.start ? [schema.text(text.slice(block.start, block.end))] : [])),
);
const view = new EditorView(body, {
  state: EditorState.create({ doc, plugins: [highlights] }),
  editable: () => false,
  attributes: { class: 'source-text' },
});

const added: string[] = [];
document.addEventListener('keydown', (event) => {
  if (/^Digit[1-4]$/.test(event.code) && !event.ctrlKey) {
    const { from, to } = view.state.selection;
    if (from === to) return;
    const id = `bare-${added.length + 1}-${Date.now()}`;
    added.push(id);
    const color = ['yellow', 'red', 'green', 'blue'][Number(event.code.slice(5)) - 1]!;
    view.dispatch(view.state.tr.setMeta(key, { add: { id, from, to, color } }));
  } else if (event.ctrlKey && event.code === 'KeyZ') {
    const id = added.pop();
    if (id) view.dispatch(view.state.tr.setMeta(key, { remove: id }));
  }
});
