/**
 * Main-thread work read from a Chrome trace: the page's main thread is the one that left the
 * probe's `bench:` marks, its tasks are the trace's top-level RunTask events, and an action's work
 * is the time those tasks ran between the task that dispatched its input and the mark left once
 * its frame was painted. Waiting (for the API, for the next frame) is not work and is not counted.
 *
 * Work is counted in the thread's CPU time (the trace's thread durations): on a shared machine a
 * task's wall duration also holds the time the system gave other processes, which no change to
 * the app can remove. The wall-clock figure is kept beside it.
 */

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event, where the trace records it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: {
    readonly data?: {
      readonly type?: string;
      readonly startTime?: number;
      readonly cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      readonly timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  readonly parent?: number;
}

/** The trace categories the bench records; the sampler only when a profile is asked for. */
export function traceCategories(profile: boolean): string[] {
  return [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'blink.user_timing',
    'disabled-by-default-v8.gc',
    ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : []),
  ];
}

export const BREAKDOWN = ['script', 'style+layout', 'paint', 'hit test', 'GC', 'other'] as const;
export type Part = (typeof BREAKDOWN)[number];

const SCRIPT = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.callFunction',
  'v8.run',
  'CompileCode',
  'CompileScript',
  'XHRReadyStateChange',
]);
const LAYOUT = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'PaintImage']);

function partOf(event: TraceEvent): Part | null {
  if (/GC|Scavenge|Sweep|Marking/.test(event.name)) return 'GC';
  if (SCRIPT.has(event.name)) return 'script';
  if (LAYOUT.has(event.name)) return 'style+layout';
  if (PAINT.has(event.name)) return 'paint';
  if (event.name === 'HitTest') return 'hit test';
  return null;
}

const cpuOf = (event: TraceEvent) => event.tdur ?? event.dur!;

export interface ActionWork {
  /** Main-thread work (CPU time) from the input's task to the painted frame, ms. */
  readonly work: number;
  /** The same tasks' wall time, ms. */
  readonly wallWork: number;
  /** Wall time over the same span, ms. */
  readonly latency: number;
  /** Main-thread work (CPU time) after the paint until the app was idle again, ms. */
  readonly after: number;
  readonly parts: Record<Part, number>;
  /** The span, in trace microseconds, for profiles. */
  readonly span: readonly [number, number];
}

export class MainThread {
  private readonly events: TraceEvent[];
  /** Top-level tasks: start, end (trace µs) and thread time (µs). */
  private readonly tasks: { start: number; end: number; cpu: number }[];
  private readonly marks = new Map<string, number>();
  readonly pid: number;
  readonly tid: number;

  /** `anchor`: a mark the page's main thread left (other pages' threads may have left others). */
  constructor(
    private readonly all: readonly TraceEvent[],
    anchor: string,
  ) {
    const init = all.find((event) => event.cat.includes('blink.user_timing') && event.name === anchor);
    if (!init) throw new Error(`the trace has no mark ${anchor} from the page: was the page traced?`);
    this.pid = init.pid;
    this.tid = init.tid;
    this.events = all
      .filter((event) => event.pid === this.pid && event.tid === this.tid && event.ph === 'X' && event.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    for (const event of all) {
      if (event.pid === this.pid && event.cat.includes('blink.user_timing') && !this.marks.has(event.name)) this.marks.set(event.name, event.ts);
    }
    // Top-level tasks, merged where nested (a nested run loop runs tasks inside a task).
    const tasks: { start: number; end: number; cpu: number }[] = [];
    for (const event of this.events) {
      if (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') continue;
      const last = tasks[tasks.length - 1];
      const end = event.ts + event.dur!;
      if (last && event.ts < last.end) last.end = Math.max(last.end, end);
      else tasks.push({ start: event.ts, end, cpu: event.tdur ?? event.dur! });
    }
    if (tasks.length === 0) throw new Error('the trace has no RunTask events on the page\'s main thread (trace categories?)');
    this.tasks = tasks;
  }

  mark(name: string): number {
    const at = this.marks.get(name);
    if (at === undefined) throw new Error(`the trace has no mark ${name}`);
    return at;
  }

  /** Time spent in tasks between two trace times, µs: thread (CPU) time, or wall time. A task cut by the span counts in proportion. */
  busy(start: number, end: number, clock: 'cpu' | 'wall' = 'cpu'): number {
    let total = 0;
    for (const task of this.tasks) {
      if (task.end <= start) continue;
      if (task.start >= end) break;
      const wall = Math.min(task.end, end) - Math.max(task.start, start);
      total += clock === 'wall' ? wall : task.end > task.start ? (task.cpu * wall) / (task.end - task.start) : 0;
    }
    return total;
  }

  /** The start of the task that dispatched the first of these input events after `after`. */
  inputTask(after: number, types: readonly string[]): number {
    const dispatch = this.events.find((event) => event.ts > after && event.name === 'EventDispatch' && types.includes(event.args?.data?.type ?? ''));
    if (!dispatch) throw new Error(`the trace has no ${types.join('/')} event after the action was armed`);
    const task = this.tasks.find((candidate) => candidate.start <= dispatch.ts && dispatch.ts <= candidate.end);
    return task ? task.start : dispatch.ts;
  }

  /** Where the (CPU) time between two trace times went, by the innermost kind of work named, ms. */
  parts(start: number, end: number): Record<Part, number> {
    const parts = Object.fromEntries(BREAKDOWN.map((part) => [part, 0])) as Record<Part, number>;
    const stack: { end: number; part: Part | null; event: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
        const done = stack.pop()!;
        const part = done.part ?? 'other';
        parts[part] += Math.max(0, cpuOf(done.event) - done.children) / 1000;
      }
    };
    for (const event of this.events) {
      if (event.ts < start) continue;
      if (event.ts >= end) break;
      close(event.ts);
      const parent = stack[stack.length - 1];
      if (parent) parent.children += cpuOf(event);
      stack.push({ end: event.ts + event.dur!, part: partOf(event) ?? parent?.part ?? null, event, children: 0 });
    }
    close(Infinity);
    return parts;
  }

  action(n: number, inputs: readonly string[], probeMs: number): ActionWork {
    const start = this.inputTask(this.mark(`bench:arm:${n}`), inputs);
    const end = this.mark(`bench:painted:${n}`);
    const idle = this.marks.get(`bench:idle:${n}`) ?? end;
    return {
      work: Math.max(0, this.busy(start, end) / 1000 - probeMs),
      wallWork: Math.max(0, this.busy(start, end, 'wall') / 1000 - probeMs),
      latency: (end - start) / 1000,
      after: this.busy(end, idle) / 1000,
      parts: this.parts(start, end),
      span: [start, end],
    };
  }

  /**
   * Self time by function in the given spans, from the trace's own sampling profiler (its clock
   * is the trace's, so the spans cut it exactly), ms.
   */
  profile(spans: readonly (readonly [number, number])[]): Map<string, number> {
    const self = new Map<string, number>();
    const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
    for (const event of this.all) {
      if (event.pid !== this.pid || event.id === undefined) continue;
      if (event.name === 'Profile') {
        profiles.set(event.id, { start: event.args?.data?.startTime ?? event.ts, nodes: new Map(), samples: [], deltas: [] });
      } else if (event.name === 'ProfileChunk') {
        const profile = profiles.get(event.id);
        const data = event.args?.data;
        if (!profile || !data) continue;
        for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
        profile.samples.push(...(data.cpuProfile?.samples ?? []));
        profile.deltas.push(...(data.timeDeltas ?? []));
      }
    }
    for (const profile of profiles.values()) {
      let at = profile.start;
      const times = profile.deltas.map((delta) => (at += delta));
      for (let index = 0; index + 1 < profile.samples.length; index++) {
        const time = times[index]!;
        if (!spans.some(([from, to]) => from <= time && time < to)) continue;
        const node = profile.nodes.get(profile.samples[index]!);
        if (!node) continue;
        const { functionName, url, lineNumber } = node.callFrame;
        if (functionName === '(idle)') continue;
        const name = `${functionName || '(anonymous)'}${url ? ` ${url.split('/').pop()}:${lineNumber + 1}` : ''}`;
        self.set(name, (self.get(name) ?? 0) + (times[index + 1]! - time) / 1000);
      }
    }
    return self;
  }
}
