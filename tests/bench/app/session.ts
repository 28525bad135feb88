/**
 * Drives one subject of the app bench (the app on a project, or the bare ProseMirror page) in
 * Chromium as a user does: opens it, then selects a passage with the mouse and presses 1 to
 * highlight it, Ctrl+Z to take it back, and points at a highlight, each many times, with the
 * page left to fall idle between actions so that no action is charged for another's work.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { phrasePoints } from '../../e2e/select-text';
import type { ActionKind, ActionSample, ArmOptions, ReadyOptions, ReadyResult } from './probe';
import { MainThread, traceCategories, type ActionWork, type TraceEvent } from './trace';

export interface Subject {
  readonly name: string;
  readonly url: string;
  /** How the page counts as open (the pane the actions happen in, what must be drawn). */
  readonly open: Omit<ReadyOptions, 'quietMs' | 'timeoutMs'>;
  /** The highlights there are at the start (so a new one is told from them as it is drawn). */
  readonly knownIds: readonly string[];
  /** The pane's title, checked once open (null: the bare page has none). */
  readonly paneTitle: RegExp | null;
}

export interface SessionOptions {
  readonly opens: number;
  readonly actions: number;
  readonly initScript: string;
  readonly profile: boolean;
  /** Where to keep the traces of the actions (for Chrome's Performance panel), if anywhere. */
  readonly traceDir: string | null;
}

export interface SubjectResult {
  readonly opens: ReadyResult[];
  readonly actions: Record<ActionKind, ActionWork[]>;
  /** Top functions by self time per action kind (only when profiling). */
  readonly profile: Map<ActionKind, Map<string, number>> | null;
  /** The pane's size and type, for the bare page to match. */
  readonly geometry: { width: number; height: number; font: string; lineHeight: string; padding: string } | null;
}

/** A passage of the Volkogonov text near where the e2e tests annotate, to highlight and take back. */
const ADD_PHRASE = 'Stalin was dying.';
/** Another nearby, highlighted once and then pointed at. */
const HOVER_PHRASE = 'the frightened medical people';

const OPEN_TIMEOUT = 180_000;
const ACTION_TIMEOUT = 60_000;
const SETTLE_TIMEOUT = 60_000;
/** Quiet time that counts as idle: between actions, and after opening (then with no long task). */
const SETTLE_MS = 300;
const OPEN_QUIET_MS = 1_000;
const INPUTS: Record<ActionKind, readonly string[]> = {
  add: ['keydown'],
  undo: ['keydown'],
  hover: ['pointermove', 'mousemove', 'pointerover', 'mouseover'],
};
/** Where the pointer rests between hovers: the window's corner, over no text. */
const NEUTRAL = { x: 4, y: 4 };

const began = Date.now();
const log = (line: string) => process.stderr.write(`  [${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

export async function runSubject(browser: Browser, subject: Subject, options: SessionOptions): Promise<SubjectResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: options.initScript });
    const opens: ReadyResult[] = [];
    let page: Page | null = null;
    // The first opening warms the browser's caches (a user reopening the app has them) and is not counted.
    for (let run = 0; run <= options.opens; run++) {
      await page?.close();
      page = await context.newPage();
      await page.goto(subject.url, { waitUntil: 'commit', timeout: OPEN_TIMEOUT });
      const ready = await page
        .evaluate((open) => window.__bench.ready(open), { ...subject.open, quietMs: OPEN_QUIET_MS, timeoutMs: OPEN_TIMEOUT })
        .catch((error: Error) => {
          throw new Error(`${subject.name}: opening: ${error.message}`);
        });
      if (run > 0) opens.push(ready);
      log(`${subject.name}: open ${run === 0 ? '(warm-up)' : run} ${ready.readyAt.toFixed(0)} ms`);
    }
    page = page!;
    const pane = page.locator('section.pane').nth(subject.open.pane);
    if (subject.paneTitle) {
      const title = await pane.locator('.pane-title').textContent();
      if (!subject.paneTitle.test(title ?? '')) throw new Error(`${subject.name}: pane ${subject.open.pane} shows “${title}”, not ${subject.paneTitle}`);
    }
    const geometry = await page.evaluate((index) => window.__bench.paneGeometry(index), subject.open.pane);
    await page.evaluate((ids) => window.__bench.setKnown(ids), subject.knownIds);

    // One trace over all the actions: starting and stopping it per action would cost more than they do.
    await browser.startTracing(page, { categories: traceCategories(options.profile) });
    let samples: ActionSample[];
    try {
      samples = await act(page, pane, subject, options.actions);
    } catch (error) {
      await browser.stopTracing().catch(() => undefined);
      throw error;
    }
    const trace = await browser.stopTracing();
    if (options.traceDir) {
      fs.mkdirSync(options.traceDir, { recursive: true });
      fs.writeFileSync(path.join(options.traceDir, `${subject.name.replace(/[^\w]+/g, '-')}.json`), trace);
    }
    const main = new MainThread((JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents, `bench:arm:${samples[0]!.n}`);
    const actions: Record<ActionKind, ActionWork[]> = { add: [], undo: [], hover: [] };
    const spans: Record<ActionKind, (readonly [number, number])[]> = { add: [], undo: [], hover: [] };
    for (const sample of samples) {
      const work = main.action(sample.n, INPUTS[sample.kind], sample.probeMs);
      actions[sample.kind].push(work);
      spans[sample.kind].push(work.span);
    }
    const profile = options.profile
      ? new Map((['add', 'undo', 'hover'] as const).map((kind) => [kind, main.profile(spans[kind])] as const))
      : null;
    return { opens, actions, profile, geometry };
  } finally {
    await context.close();
  }
}

async function act(page: Page, pane: Locator, subject: Subject, actions: number): Promise<ActionSample[]> {
  const samples: ActionSample[] = [];
  const settle = (label: string, mark?: string) =>
    page.evaluate(([quiet, timeout, what, name]) => window.__bench.settle(quiet, timeout, what, name), [SETTLE_MS, SETTLE_TIMEOUT, label, mark] as const);
  const count = () => page.evaluate(() => window.__bench.count());
  const sidebar = subject.open.count !== null;
  const perform = async (options: ArmOptions, input: () => Promise<void>, what: string, measured: boolean) => {
    const n = await page.evaluate((arm) => window.__bench.arm(arm), options);
    await input();
    const sample = await page.evaluate(([index, timeout]) => window.__bench.result(index, timeout), [n, ACTION_TIMEOUT] as const).catch((error: Error) => {
      throw new Error(`${subject.name}: ${what}: ${error.message}`);
    });
    await settle(what, `bench:idle:${n}`);
    if (measured) samples.push(sample);
    return sample;
  };

  let points = await phrasePoints(pane, ADD_PHRASE);
  const select = async (phrase: string) => {
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(points.from.x, points.from.y);
      await page.mouse.down();
      await page.mouse.move((points.from.x + points.to.x) / 2, (points.from.y + points.to.y) / 2, { steps: 4 });
      await page.mouse.move(points.to.x, points.to.y, { steps: 4 });
      await page.mouse.up();
      const selected = await page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim());
      if (selected === phrase) return;
      // The text moved (a chunk laid out above it): find the phrase again, once.
      if (attempt > 0) throw new Error(`${subject.name}: selecting “${phrase}” with the mouse selected “${selected}”`);
      points = await phrasePoints(pane, phrase);
    }
  };

  await settle('opening');
  for (let round = 0; round < actions; round++) {
    await select(ADD_PHRASE);
    await settle('selecting');
    const before = sidebar ? await count() : null;
    const added = await perform(
      { kind: 'add', pane: subject.open.pane, count: before === null ? null : before + 1 },
      () => page.keyboard.press('1'),
      'highlighting the selection (key 1)',
      true,
    );
    await perform(
      { kind: 'undo', pane: subject.open.pane, id: added.id!, count: before },
      () => page.keyboard.press('Control+z'),
      'undoing the highlight (Ctrl+Z)',
      true,
    );
    if (round === 0) log(`${subject.name}: highlight and undo, ${actions} times…`);
  }

  // One highlight to point at, made as the others were (not timed).
  points = await phrasePoints(pane, HOVER_PHRASE);
  await select(HOVER_PHRASE);
  await settle('selecting');
  const before = sidebar ? await count() : null;
  const made = await perform(
    { kind: 'add', pane: subject.open.pane, count: before === null ? null : before + 1 },
    () => page.keyboard.press('2'),
    'highlighting the passage to point at',
    false,
  );
  await page.keyboard.press('Escape');
  await page.mouse.move(NEUTRAL.x, NEUTRAL.y);
  await settle('closing the toolbar');
  const point = await page.evaluate(([index, id]) => window.__bench.pointAt(index, id), [subject.open.pane, made.id!] as const);
  if (!point) throw new Error(`${subject.name}: the highlight made to point at is not on screen`);
  const target = await page.evaluate(([x, y]) => window.__bench.highlightAt(x, y), [point.x, point.y] as const);
  if (!target.id) throw new Error(`${subject.name}: no highlight under the pointer at ${point.x}, ${point.y}`);
  log(`${subject.name}: point at a highlight, ${actions} times…`);
  for (let round = 0; round < actions; round++) {
    await page.mouse.move(NEUTRAL.x, NEUTRAL.y);
    await settle('moving the pointer away');
    await perform(
      { kind: 'hover', pane: subject.open.pane, count: null, card: target.card },
      () => page.mouse.move(point.x, point.y),
      'pointing at a highlight',
      true,
    );
  }
  // The project is left as found (a later opening expects its count of highlights).
  await page.mouse.move(NEUTRAL.x, NEUTRAL.y);
  await settle('moving the pointer away');
  await perform(
    { kind: 'undo', pane: subject.open.pane, id: made.id!, count: before },
    () => page.keyboard.press('Control+z'),
    'undoing the highlight pointed at',
    false,
  );
  return samples;
}

/** Where the main thread's time goes while the subject opens (one traced opening, for BENCH_PROFILE). */
export async function profileOpen(
  browser: Browser,
  subject: Subject,
  initScript: string,
  traceDir: string | null,
): Promise<{ parts: ReturnType<MainThread['parts']>; top: Map<string, number>; readyAt: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: initScript });
    // Warm, as the measured openings are.
    const warm = await context.newPage();
    await warm.goto(subject.url, { waitUntil: 'commit', timeout: OPEN_TIMEOUT });
    await warm.evaluate((open) => window.__bench.ready(open), { ...subject.open, quietMs: OPEN_QUIET_MS, timeoutMs: OPEN_TIMEOUT });
    await warm.close();
    const page = await context.newPage();
    await browser.startTracing(page, { categories: traceCategories(true) });
    let ready: ReadyResult;
    try {
      await page.goto(subject.url, { waitUntil: 'commit', timeout: OPEN_TIMEOUT });
      ready = await page.evaluate((open) => window.__bench.ready(open), { ...subject.open, quietMs: OPEN_QUIET_MS, timeoutMs: OPEN_TIMEOUT });
    } catch (error) {
      await browser.stopTracing().catch(() => undefined);
      throw error;
    }
    const trace = await browser.stopTracing();
    if (traceDir) {
      fs.mkdirSync(traceDir, { recursive: true });
      fs.writeFileSync(path.join(traceDir, `${subject.name.replace(/[^\w]+/g, '-')}-open.json`), trace);
    }
    const main = new MainThread((JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents, 'bench:ready');
    // The trace's clock and performance.now() tick together: navigation start is the ready mark less its time.
    const start = main.mark('bench:ready') - ready.markedAt * 1000;
    const end = start + ready.readyAt * 1000;
    return { parts: main.parts(start, end), top: main.profile([[start, end]]), readyAt: ready.readyAt };
  } finally {
    await context.close();
  }
}
