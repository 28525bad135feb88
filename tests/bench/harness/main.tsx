/**
 * The page `npm run bench` drives in Chromium: it mounts the real reader component and, as the
 * baseline, a bare ProseMirror view of the same text, and times both to the painted frame.
 */
import { Schema } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Annotation } from '../../../shared/annotations';
import type { VersionContent } from '../../../shared/domain';
import { ReadOnlySource } from '../../../renderer/src/prosemirror/ReadOnlySource';
import 'prosemirror-view/style/prosemirror.css';
import '../../../renderer/src/styles.css';

interface BenchData {
  readonly content: VersionContent;
  readonly annotations: Annotation[];
  readonly extra: Annotation[];
}

declare global {
  interface Window {
    bench: {
      openBare(): Promise<number>;
      openPane(): Promise<number>;
      addHighlights(): Promise<number[]>;
    };
  }
}

const data = (await (await fetch('./bench-data.json')).json()) as BenchData;
const host = document.getElementById('bench')!;

/** After the next frame is painted: a frame callback runs before paint, a message right after it. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

const bareSchema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} },
});

function pane(): HTMLElement {
  host.replaceChildren();
  const element = document.createElement('div');
  element.style.cssText = 'height: 800px; width: 480px; overflow: auto';
  host.append(element);
  return element;
}

window.bench = {
  async openBare() {
    const element = pane();
    const start = performance.now();
    const { text, blocks } = data.content;
    const doc = bareSchema.node(
      'doc',
      null,
      blocks.map((block) => bareSchema.node('paragraph', null, block.end > block.start ? [bareSchema.text(text.slice(block.start, block.end))] : [])),
    );
    const view = new EditorView(element, { state: EditorState.create({ doc }), editable: () => false });
    await painted();
    const elapsed = performance.now() - start;
    view.destroy();
    return elapsed;
  },

  async openPane() {
    const element = pane();
    const root: Root = createRoot(element);
    const start = performance.now();
    flushSync(() => root.render(<ReadOnlySource content={data.content} language="en" label="bench" annotations={[]} />));
    await painted();
    const elapsed = performance.now() - start;
    root.unmount();
    return elapsed;
  },

  async addHighlights() {
    const element = pane();
    const root: Root = createRoot(element);
    let annotations = data.annotations;
    const render = () =>
      root.render(<ReadOnlySource content={data.content} language="en" label="bench" annotations={annotations} />);
    flushSync(render);
    await painted();
    const times: number[] = [];
    const scripted: number[] = [];
    (window as unknown as { scripted: number[] }).scripted = scripted;
    for (const added of data.extra) {
      const start = performance.now();
      annotations = [...annotations, added];
      flushSync(render);
      scripted.push(performance.now() - start);
      await painted();
      times.push(performance.now() - start);
      if (!element.querySelector(`[data-annotation-id="${added.id}"]`)) throw new Error(`highlight ${added.id} was not drawn`);
    }
    root.unmount();
    return times;
  },
};
document.title = 'ready';
