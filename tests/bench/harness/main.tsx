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
import type { Claim } from '../../../shared/claims';
import { claimMarksByAnnotation } from '../../../renderer/src/claims/claim-marks';
import type { VersionContent } from '../../../shared/domain';
import { ReadOnlySource } from '../../../renderer/src/prosemirror/ReadOnlySource';
import 'prosemirror-view/style/prosemirror.css';
import '../../../renderer/src/styles.css';

interface BenchData {
  readonly content: VersionContent;
  readonly annotations: Annotation[];
  readonly extra: Annotation[];
  readonly claims: Claim[];
}

declare global {
  interface Window {
    bench: {
      openBare(): Promise<number>;
      openPane(): Promise<number>;
      prepareAdds(): Promise<void>;
      addHighlights(): Promise<number[]>;
    };
  }
}

const data = (await (await fetch('./bench-data.json')).json()) as BenchData;
const host = document.getElementById('bench')!;

/** As the next frame starts (its frame callbacks run before its style, layout and paint). */
const frameStart = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Once the frame being made now is painted: a message posted during it is handled right after. */
const afterThisFrame = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** After the next frame is painted. */
const painted = async () => {
  await frameStart();
  await afterThisFrame();
};

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

/** The pane highlights are added to, made ready before timing starts. */
let adding: { element: HTMLElement; root: Root; annotations: Annotation[] } | null = null;
/** Built once, as the pane does whenever the claims change (they do not while highlights are added). */
const claimMarks = claimMarksByAnnotation(data.claims);
const renderAdding = () =>
  adding?.root.render(
    <ReadOnlySource content={data.content} language="en" label="bench" annotations={adding.annotations} claimMarks={claimMarks} />,
  );

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

  async prepareAdds() {
    const element = pane();
    adding = { element, root: createRoot(element), annotations: data.annotations };
    flushSync(() => renderAdding());
    // As in use: the pane has settled (chunks out of sight are skipped once laid out).
    while (!element.querySelector('.skip-out-of-sight')) await painted();
    if (!element.querySelector('.claim-marker')) throw new Error('the claim markers were not drawn');
  },

  async addHighlights() {
    if (!adding) throw new Error('prepareAdds first');
    const { element } = adding;
    const times: number[] = [];
    const scripted: number[] = [];
    (window as unknown as { scripted: number[] }).scripted = scripted;
    for (const added of data.extra) {
      // Each add starts as a frame starts, like an input event, so what is timed is the work of
      // drawing it (script, style, layout, paint of that frame), not a wait for the screen's
      // next refresh: it fits in one frame exactly when it is painted in the frame it began in.
      await frameStart();
      const start = performance.now();
      adding.annotations = [...adding.annotations, added];
      flushSync(() => renderAdding());
      scripted.push(performance.now() - start);
      await afterThisFrame();
      times.push(performance.now() - start);
      if (!element.querySelector(`[data-annotation-id="${added.id}"]`)) throw new Error(`highlight ${added.id} was not drawn`);
    }
    adding.root.unmount();
    adding = null;
    return times;
  },
};
document.title = 'ready';
