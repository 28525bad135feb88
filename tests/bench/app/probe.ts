/**
 * What the app bench runs inside the page, added before the app's own scripts (bundled to one
 * script by esbuild): it sees the app only through the DOM, the network and the Performance APIs,
 * so it measures whichever way the app is built.
 *
 * An action is "armed" just before Playwright sends the input; a MutationObserver then watches the
 * pane and the sidebar until both show the action's result, and the time is taken once the frame
 * that draws it is painted (requestAnimationFrame, then a message, which is handled right after
 * that frame's style, layout and paint). The main-thread work in between is read from Chrome's
 * trace afterwards, by the `bench:` marks this file leaves in it.
 */

export type ActionKind = 'add' | 'undo' | 'hover';

export interface ArmOptions {
  readonly kind: ActionKind;
  /** Which `section.pane` the action happens in. */
  readonly pane: number;
  /** undo: the highlight that must go. */
  readonly id?: string;
  /** The sidebar's annotation count once the action is drawn (null: there is no sidebar). */
  readonly count: number | null;
  /** hover: the sidebar has cards, and the lit highlight's card (if listed) must light up too. */
  readonly card?: boolean;
}

export interface ActionSample {
  readonly n: number;
  readonly kind: ActionKind;
  /** add: the new highlight's id; hover: the one lit; as found when drawn. */
  readonly id: string | null;
  readonly armedAt: number;
  /** When the DOM first showed everything the action changes (pane and sidebar). */
  readonly drawnAt: number;
  /** After the frame with it was painted. */
  readonly paintedAt: number;
  /** Time this probe's own observer spent on the main thread (taken off the figure). */
  readonly probeMs: number;
}

export interface ReadyOptions {
  readonly panes: number;
  /** The pane whose highlights and claim markers must be drawn. */
  readonly pane: number;
  readonly highlights: boolean;
  readonly claimMarkers: boolean;
  /** The sidebar's annotation count once loaded (null: no sidebar). */
  readonly count: number | null;
  /** How long without a long task (and without a request in flight) counts as idle. */
  readonly quietMs: number;
  readonly timeoutMs: number;
}

export interface ReadyResult {
  /** When the mark `bench:ready` was left (to place navigation start in a trace of the opening). */
  readonly markedAt: number;
  /** From navigation start to the painted frame that first showed every pane's text (and highlights). */
  readonly paintedAt: number;
  /** …and to the end of the last long task before the app fell quiet: the figure reported. */
  readonly readyAt: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
}

export interface Probe {
  ready(options: ReadyOptions): Promise<ReadyResult>;
  /** Resolves once the app is idle, leaving the mark `mark` (if given) then. */
  settle(quietMs: number, timeoutMs: number, label: string, mark?: string): Promise<void>;
  setKnown(ids: readonly string[]): void;
  arm(options: ArmOptions): number;
  result(n: number, timeoutMs: number): Promise<ActionSample>;
  count(): number | null;
  /** The highlight under a point, and whether the sidebar lists cards at all. */
  highlightAt(x: number, y: number): { id: string | null; card: boolean };
  /** Where to point at a highlight of this id: the middle of its first piece on screen. */
  pointAt(pane: number, id: string): { x: number; y: number } | null;
  paneGeometry(pane: number): { width: number; height: number; font: string; lineHeight: string; padding: string } | null;
}

declare global {
  interface Window {
    __bench: Probe;
  }
}

const MARK = 'mark[data-annotation-id]';
const longTasks: { start: number; end: number }[] = [];
let inflight = 0;
let lastResponse = 0;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ type: 'longtask', buffered: true });

// Requests in flight keep the app from counting as idle: an answer still to come is work still to do.
const originalFetch = window.fetch.bind(window);
window.fetch = (...args: Parameters<typeof fetch>) => {
  inflight++;
  return originalFetch(...args).finally(() => {
    inflight--;
    lastResponse = performance.now();
  });
};

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function paneAt(index: number): HTMLElement | null {
  return document.querySelectorAll<HTMLElement>('section.pane')[index] ?? null;
}

function sidebarCount(): number | null {
  const text = document.querySelector('.sidebar .list-count')?.textContent;
  const digits = text?.match(/\d[\d,\u00a0\u202f ]*/)?.[0].replace(/\D/g, '');
  return digits ? Number(digits) : null;
}

function lastLongTaskEnd(): number {
  return longTasks.reduce((latest, task) => Math.max(latest, task.end), 0);
}

function elementsIn(node: Node, selector: string): Element[] {
  if (!(node instanceof Element)) return [];
  const found = Array.from(node.querySelectorAll(selector));
  return node.matches(selector) ? [node, ...found] : found;
}

let known = new Set<string>();
let armed = 0;
const pending = new Map<number, { sample: Promise<ActionSample>; state: () => string }>();

const probe: Probe = {
  async ready(options) {
    const deadline = performance.now() + options.timeoutMs;
    const shown = () => {
      const panes = document.querySelectorAll<HTMLElement>('section.pane');
      if (panes.length !== options.panes) return false;
      for (const pane of Array.from(panes)) if (!pane.querySelector('.source-text > *')) return false;
      const pane = panes[options.pane]!;
      if (options.highlights && !pane.querySelector(MARK)) return false;
      if (options.claimMarkers && !pane.querySelector('.claim-marker')) return false;
      return options.count === null || sidebarCount() === options.count;
    };
    for (;;) {
      while (!shown()) {
        if (performance.now() > deadline) throw new Error(`not open within ${options.timeoutMs} ms: ${describeOpen(options)}`);
        await frame();
      }
      const paintedAt = await afterPaint();
      // Idle: no long task and no request in flight for quietMs.
      for (;;) {
        const since = Math.max(lastLongTaskEnd(), inflight > 0 ? performance.now() : lastResponse, paintedAt);
        if (performance.now() - since >= options.quietMs) break;
        if (performance.now() > deadline) throw new Error(`the app did not fall idle within ${options.timeoutMs} ms of opening`);
        await sleep(50);
      }
      // Still showing it (a later load could have replaced what was drawn first).
      if (!shown()) continue;
      const end = lastLongTaskEnd();
      const markedAt = performance.now();
      performance.mark('bench:ready', { startTime: markedAt });
      return {
        markedAt,
        paintedAt,
        readyAt: Math.max(paintedAt, end),
        longTasks: longTasks.length,
        longTaskMs: longTasks.reduce((sum, task) => sum + task.end - task.start, 0),
      };
    }
  },

  async settle(quietMs, timeoutMs, label, mark) {
    // Quiet: no long task, no request in flight, and timers on time (a timer 45 ms late means a
    // task ran meanwhile, or the system gave the CPU to another process: either way, wait on).
    // Not idle callbacks: Chromium runs none while the pointer rests over a fresh selection.
    const start = performance.now();
    let quietSince = start;
    for (;;) {
      const before = performance.now();
      await sleep(20);
      const now = performance.now();
      if (now - before > 45 || inflight > 0 || lastLongTaskEnd() > quietSince) quietSince = now;
      if (now - quietSince >= quietMs) break;
      if (now - start > timeoutMs) throw new Error(`the app was still busy ${timeoutMs} ms after ${label}`);
    }
    if (mark) performance.mark(mark);
  },

  setKnown(ids) {
    known = new Set(ids);
  },

  count: sidebarCount,

  arm(options) {
    const n = ++armed;
    const pane = paneAt(options.pane);
    const root = pane?.querySelector<HTMLElement>('.source-text');
    if (!pane || !root) throw new Error(`there is no pane ${options.pane} with a text`);
    const sidebar = document.querySelector<HTMLElement>('.sidebar');
    if (options.count !== null && sidebarCount() === null) {
      throw new Error('the sidebar shows no annotation count (.sidebar .list-count): the bench cannot tell when the sidebar has caught up');
    }
    const armedAt = performance.now();
    performance.mark(`bench:arm:${n}`);
    let probeMs = 0;
    let id = options.id ?? null;
    let paneDone = false;
    let cardDone = !options.card;
    const selector = options.id ? `${MARK}[data-annotation-id="${CSS.escape(options.id)}"]` : MARK;
    const countDone = () => options.count === null || sidebarCount() === options.count;

    const state = () =>
      [
        `pane ${paneDone ? 'drawn' : 'not drawn'}${id ? ` (${id})` : ''}`,
        options.card ? `sidebar card ${cardDone ? 'lit' : 'not lit'}` : '',
        options.count !== null ? `sidebar count ${sidebarCount()} (expected ${options.count})` : '',
      ]
        .filter(Boolean)
        .join(', ');
    pending.set(n, {
      state,
      sample: new Promise<ActionSample>((resolve) => {
        const observer = new MutationObserver((records) => {
          const began = performance.now();
          for (const record of records) {
            const inPane = root.contains(record.target) || record.target === root;
            if (inPane && !paneDone) {
              if (options.kind === 'add') {
                for (const node of Array.from(record.addedNodes)) {
                  for (const mark of elementsIn(node, MARK)) {
                    const markId = (mark as HTMLElement).dataset.annotationId!;
                    if (!known.has(markId)) {
                      id = markId;
                      paneDone = true;
                    }
                  }
                }
              } else if (options.kind === 'undo') {
                const touched =
                  Array.from(record.removedNodes).some((node) => elementsIn(node, selector).length > 0) ||
                  (record.target instanceof Element && record.target.matches(selector));
                if (touched && !root.querySelector(selector)) paneDone = true;
              } else {
                // Whichever highlight is innermost under the pointer lights up (overlapping ones nest
                // differently after each redraw): the action is done when that one is lit.
                const lit = `${MARK}.is-hovered`;
                const found =
                  record.type === 'attributes' && record.target instanceof Element && record.target.matches(lit)
                    ? [record.target]
                    : Array.from(record.addedNodes).flatMap((node) => elementsIn(node, lit));
                if (found.length > 0) {
                  id = (found[0] as HTMLElement).dataset.annotationId!;
                  paneDone = true;
                }
              }
            }
          }
          if (options.kind === 'hover' && paneDone && !cardDone && id && sidebar) {
            const card = `.card[data-annotation-id="${CSS.escape(id)}"]`;
            cardDone = !sidebar.querySelector(card) || sidebar.querySelector(`${card}.lit`) !== null;
          }
          const done = paneDone && cardDone && countDone();
          probeMs += performance.now() - began;
          if (!done) return;
          observer.disconnect();
          const drawnAt = performance.now();
          performance.mark(`bench:drawn:${n}`);
          void afterPaint().then((paintedAt) => {
            performance.mark(`bench:painted:${n}`);
            resolve({ n, kind: options.kind, id, armedAt, drawnAt, paintedAt, probeMs });
          });
        });
        const watch: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] };
        observer.observe(pane, watch);
        if (sidebar) observer.observe(sidebar, watch);
      }),
    });
    return n;
  },

  async result(n, timeoutMs) {
    const action = pending.get(n);
    if (!action) throw new Error(`action ${n} was not armed`);
    let timer = 0;
    const timeout = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new Error(`not drawn within ${timeoutMs} ms: ${action.state()}`)), timeoutMs);
    });
    try {
      return await Promise.race([action.sample, timeout]);
    } finally {
      clearTimeout(timer);
      pending.delete(n);
    }
  },

  highlightAt(x, y) {
    const mark = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-annotation-id]');
    const id = mark?.dataset.annotationId ?? null;
    return { id, card: document.querySelector('.sidebar .card') !== null };
  },

  pointAt(pane, id) {
    const mark = paneAt(pane)?.querySelector(`${MARK}[data-annotation-id="${CSS.escape(id)}"]`);
    const rect = mark?.getClientRects()[0];
    return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
  },

  paneGeometry(pane) {
    const text = paneAt(pane)?.querySelector<HTMLElement>('.source-text');
    const body = text?.closest<HTMLElement>('.pane-body');
    if (!text || !body) return null;
    const style = getComputedStyle(text);
    return { width: body.clientWidth, height: body.clientHeight, font: style.font, lineHeight: style.lineHeight, padding: style.padding };
  },
};

function describeOpen(options: ReadyOptions): string {
  const panes = document.querySelectorAll('section.pane');
  const pane = panes[options.pane];
  return [
    `${panes.length} of ${options.panes} panes`,
    `${Array.from(panes).filter((p) => p.querySelector('.source-text > *')).length} with text`,
    options.highlights ? `highlights drawn: ${Boolean(pane?.querySelector(MARK))}` : '',
    options.claimMarkers ? `claim markers drawn: ${Boolean(pane?.querySelector('.claim-marker'))}` : '',
    options.count !== null ? `sidebar count ${sidebarCount()} (expected ${options.count})` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

window.__bench = probe;
