/**
 * Long lists stay light: thousands of highlights, orphans, tags and claims, and a full page of
 * search hits, each list drawing only the items near its visible part. Counted in the DOM: the
 * sidebar with 3,000 highlights holds about as many elements as with 300, and never more than a
 * screenful or two of cards; the last item is reached by scrolling; a highlight hovered in a pane
 * still brings its card into the sidebar; the keys of the search reach its last hit.
 *
 * The many items come in one go, as a W3C Web Annotation file through the exchange import (one
 * transaction: thousands of single API calls would take most of a minute each way), and go
 * again with one undo each; the shared project is then checked and put back as it was found.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import type { HistoryState } from '../../shared/annotations';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import type { ExchangeImportResult } from '../../shared/exchange';
import { DEFAULT_WORKSPACE, expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';

leaveProjectAsFound('after the spec');

/** More items than this in the DOM would mean the list is not virtualized (a screen holds about ten cards). */
const MOST_RENDERED = 100;

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface Place {
  readonly start: number;
  readonly end: number;
}

interface ExchangeAnnotation {
  readonly id: string;
  readonly place: Place;
  readonly body?: readonly object[];
}

interface Exchange {
  readonly codebook?: readonly { id: string; path: readonly string[] }[];
  readonly claims?: readonly { id: string; wording: string }[];
  readonly annotations?: readonly ExchangeAnnotation[];
}

/**
 * Imports a W3C Web Annotation file made of `exchange`: highlights on `version` (with its quote
 * and, in code points, its place), tags, claims. Returns a function that takes it back (undo).
 */
async function importExchange(workbench: Workbench, version: VersionContent, exchange: Exchange): Promise<() => Promise<void>> {
  const codePoints = codePointOffsets(version.text, (exchange.annotations ?? []).flatMap(({ place }) => [place.start, place.end]));
  const items = (exchange.annotations ?? []).map(({ id, place, body }, index) => ({
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    'sb:color': (['yellow', 'green', 'blue', 'red'] as const)[index % 4],
    ...(body ? { body } : {}),
    target: {
      source: `urn:sha256:${version.sha256}`,
      'sb:document': `urn:uuid:${version.documentId}`,
      'sb:version': `urn:uuid:${version.versionId}`,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: version.text.slice(place.start, place.end),
          prefix: version.text.slice(Math.max(0, place.start - 32), place.start),
          suffix: version.text.slice(place.end, place.end + 32),
        },
        { type: 'TextPositionSelector', start: codePoints.get(place.start), end: codePoints.get(place.end) },
      ],
    },
  }));
  const file = {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    'sb:codebook': (exchange.codebook ?? []).map((tag) => ({ id: `urn:uuid:${tag.id}`, 'sb:path': tag.path })),
    'sb:claims': (exchange.claims ?? []).map((claim) => ({ id: `urn:uuid:${claim.id}`, 'sb:wording': claim.wording })),
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  const fileName = `long-lists-${randomUUID()}.jsonld`;
  const result = await hostApi<ExchangeImportResult>(workbench, 'importExchange', {
    fileName,
    data: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
  });
  expect(result.skipped).toEqual([]);
  return async () => {
    const history = await hostApi<HistoryState>(workbench, 'getHistory');
    // Only this import: anything else is left to leaveProjectAsFound, one by one.
    if (history.undoLabel === `import ${fileName}`) await hostApi(workbench, 'undo');
  };
}

/** Code-point offsets of the given UTF-16 offsets of `text` (the TextPositionSelector counts code points). */
function codePointOffsets(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let unit = 0;
  let point = 0;
  for (const offset of wanted) {
    for (; unit < offset; point++) unit += (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1;
    result.set(offset, point);
  }
  return result;
}

async function versionOf(workbench: Workbench, title: RegExp): Promise<VersionContent> {
  const documents = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
  const document = documents.find((d) => title.test(d.title))!;
  return hostApi<VersionContent>(workbench, 'getVersionContent', { versionId: document.currentVersionId });
}

/**
 * `count` words spread evenly over the first part of the text, in text order. Only the first
 * part: the import turns each place from code points to UTF-16 by counting from the text's
 * start, which over the whole of a 1.3 MB text takes seconds for thousands of places.
 */
function wordsOver(text: string, count: number): Place[] {
  const words = [...text.slice(0, 300_000).matchAll(/\p{L}{4,}/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  expect(words.length).toBeGreaterThan(count);
  const step = words.length / count;
  return Array.from({ length: count }, (_, index) => words[Math.floor(index * step)]!);
}

const note = (text: string) => ({
  type: 'TextualBody',
  purpose: 'commenting',
  'sb:note': JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }),
});

async function open(page: Page, workbench: Workbench, panes = 3): Promise<void> {
  await page.goto(workbench.server.url);
  await expect(page.locator('section.pane')).toHaveCount(panes);
  await expect(page.locator('section.pane .source-text').first()).toBeVisible();
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sidebar' });

/** Elements inside `root`, and how many of them match `item`. */
async function domCount(root: Locator, item: string): Promise<{ nodes: number; items: number }> {
  return root.evaluate((element, selector) => ({ nodes: element.getElementsByTagName('*').length, items: element.querySelectorAll(selector).length }), item);
}

/**
 * Scrolls a pane's text, as a reader would, until the highlight `order[index]` is drawn: first to
 * about `fraction` of its height, then a screen at a time towards it (the highlights drawn tell
 * which way: `order` is the highlights in the order of the text).
 */
async function scrollTextTo(pane: Locator, order: readonly string[], index: number, fraction: number): Promise<void> {
  const body = pane.locator('.pane-body');
  const target = pane.locator(`mark.annotation[data-annotation-id="${order[index]}"]`);
  await body.evaluate((element, at) => element.scrollTo(0, element.scrollHeight * at), fraction);
  const rank = new Map(order.map((id, at) => [id, at]));
  await expect
    .poll(
      async () => {
        if ((await target.count()) > 0) return true;
        const drawn = await pane.locator('mark.annotation').evaluateAll((marks) => marks.map((mark) => (mark as HTMLElement).dataset.annotationId!));
        const ranks = drawn.map((id) => rank.get(id)).filter((at) => at !== undefined);
        const down = ranks.length === 0 || Math.max(...ranks) < index;
        await body.evaluate((element, sign) => element.scrollBy(0, sign * element.clientHeight), down ? 1 : -1);
        return false;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBe(true);
}

/** Scrolls whatever scrolls `list` (the list itself or the panel around it) to its end until `last` is in sight. */
async function scrollToEnd(list: Locator, last: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await list.evaluate((element) => {
          for (let node: HTMLElement | null = element as HTMLElement; node; node = node.parentElement) {
            const overflow = getComputedStyle(node).overflowY;
            if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) {
              node.scrollTop = node.scrollHeight;
              return;
            }
          }
        });
        return (await last.count()) > 0 && (await last.isVisible());
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect(last).toBeInViewport();
}

test.describe('long lists draw only what is in sight', () => {
  test('the sidebar with 300 and with 3,000 highlights: a bounded number of cards, the same DOM size; the end reached by scrolling; the pane draws only the highlights near the screen, more as it scrolls; a hovered highlight brings its card', async ({
    page,
    workbench,
  }) => {
    const volkogonov = await versionOf(workbench, /^Triumph and Tragedy/);
    const made = wordsOver(volkogonov.text, 3000).map((place, index) => ({
      id: randomUUID(),
      place,
      // Some cards taller than others: the list measures each.
      ...(index % 7 === 0 ? { body: [note(`Note ${index}: checked against the archive copy, which gives the same words.`)] } : {}),
    }));
    const undo: (() => Promise<void>)[] = [];
    try {
      undo.push(await importExchange(workbench, volkogonov, { annotations: made.slice(0, 300) }));
      await open(page, workbench);
      const list = sidebar(page).getByRole('list', { name: 'Annotations' });
      await expect(sidebar(page).locator('.list-count')).toHaveText('300 annotations in the open documents');
      await expect(list.locator('.card').first()).toBeVisible();
      const few = await domCount(sidebar(page), '.card');

      undo.push(await importExchange(workbench, volkogonov, { annotations: made.slice(300) }));
      await page.reload();
      await expect(sidebar(page).locator('.list-count')).toHaveText('3000 annotations in the open documents');
      await expect(list.locator('.card').first()).toBeVisible();
      const many = await domCount(sidebar(page), '.card');
      console.log(`sidebar: ${few.nodes} elements, ${few.items} cards with 300 highlights; ${many.nodes} elements, ${many.items} cards with 3,000`);
      expect(many.items).toBeLessThan(MOST_RENDERED);
      expect(many.items).toBeGreaterThan(3);
      // The same screenful either way (a card's note may come or go).
      expect(Math.abs(many.nodes - few.nodes)).toBeLessThan(few.nodes * 0.2);
      // Screen readers still learn the total.
      await expect(list.locator('li[aria-setsize="3000"]').first()).toHaveAttribute('aria-posinset', '1');

      // The last highlight of the text is the last card, reached by scrolling.
      await scrollToEnd(list, list.locator(`.card[data-annotation-id="${made.at(-1)!.id}"]`));
      await expect(list.locator('li').last()).toHaveAttribute('aria-posinset', '3000');
      expect((await domCount(sidebar(page), '.card')).items).toBeLessThan(MOST_RENDERED);

      // The pane draws the highlights near the screen only, and those of the text further on as it is scrolled there.
      const pane = page.locator('section.pane').nth(2);
      const drawnMarks = async () => new Set(await pane.locator('mark.annotation').evaluateAll((marks) => marks.map((mark) => (mark as HTMLElement).dataset.annotationId)));
      expect((await drawnMarks()).size).toBeLessThan(made.length / 3);
      const middle = made[1500]!;
      const mark = pane.locator(`mark.annotation[data-annotation-id="${middle.id}"]`).first();
      await scrollTextTo(pane, made.map((place) => place.id), 1500, middle.place.start / volkogonov.text.length);
      expect((await drawnMarks()).size).toBeLessThan(made.length / 3);

      // Hovering a highlight in the middle of the text brings its card into the sidebar, lit.
      await mark.scrollIntoViewIfNeeded();
      await mark.hover();
      const card = list.locator(`.card[data-annotation-id="${middle.id}"]`);
      await expect(card).toHaveClass(/\blit\b/);
      await expect(card).toBeInViewport();
    } finally {
      await page.goto('about:blank');
      for (const takeBack of undo.reverse()) await takeBack();
    }
  });

  test('400 orphans: a bounded number of cards, the last one reached by scrolling', async ({ page, workbench }) => {
    const lines = Array.from({ length: 400 }, (_, index) => `Ledger entry ${String(index).padStart(4, '0')}: a bale of wool weighed at the quay.`);
    const importText = async (text: string, versionOf?: string) => {
      const { jobId } = await hostApi<{ jobId: string }>(workbench, 'startImport', {
        fileName: 'ledger.txt',
        data: Buffer.from(text, 'utf8').toString('base64'),
        ...(versionOf ? { versionOf } : { record: { title: 'Long list ledger', language: 'en' } }),
      });
      let job: { state: string; documentId: string; versionId: string } | null = null;
      await expect
        .poll(async () => {
          job = await hostApi(workbench, 'getImportJob', { jobId });
          return job!.state;
        })
        .toBe('done');
      return job! as { documentId: string; versionId: string };
    };
    const first = await importText(`${lines.join('\n\n')}\n`);
    const old = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId: first.versionId });
    await importText('A note on the harbour dues, kept apart from the ledger.\n', first.documentId);
    // Highlights on the first version, whose lines the second no longer has: orphans, each.
    const made = lines.map((line) => ({ id: randomUUID(), place: { start: old.text.indexOf(line), end: old.text.indexOf(line) + line.length } }));
    let undo = async () => {};
    try {
      undo = await importExchange(workbench, old, { annotations: made });
      // The ledger in a pane of its own: its highlights are loaded with it.
      await hostApi(workbench, 'saveWorkspace', { ...DEFAULT_WORKSPACE, panes: [{ documentId: first.documentId, scrollOffset: 0, width: null }] });
      await open(page, workbench, 1);
      const tab = sidebar(page).getByRole('tab', { name: /Orphans/ });
      await expect(tab).toContainText('400');
      await tab.click();
      const list = sidebar(page).getByRole('list', { name: 'Orphaned annotations' });
      await expect(list.locator('.card').first()).toBeVisible();
      const { items } = await domCount(sidebar(page), '.card');
      console.log(`orphans: ${items} cards of 400`);
      expect(items).toBeLessThan(MOST_RENDERED);
      await scrollToEnd(list, list.locator(`.card[data-annotation-id="${made.at(-1)!.id}"]`));
    } finally {
      await page.goto('about:blank');
      await undo();
    }
  });

  test('a codebook of 2,000 tags: a bounded number of rows, the last one reached by scrolling', async ({ page, workbench }) => {
    const name = (n: number) => `zz long ${String(n).padStart(4, '0')}`;
    // 200 tags with 9 sub-tags each: a tree, in reading order.
    const codebook = Array.from({ length: 200 }, (_, n) => [
      { id: randomUUID(), path: [name(n)] },
      ...Array.from({ length: 9 }, (_, sub) => ({ id: randomUUID(), path: [name(n), `${name(n)} sub ${sub}`] })),
    ]).flat();
    let undo = async () => {};
    try {
      undo = await importExchange(workbench, await versionOf(workbench, /^Triumph and Tragedy/), { codebook });
      await open(page, workbench);
      const tab = sidebar(page).getByRole('tab', { name: /Codebook/ });
      await expect(tab).toContainText(/2\d{3}/);
      await tab.click();
      const tree = sidebar(page).getByRole('list', { name: 'Codebook' });
      await expect(tree.locator('.tag-row').first()).toBeVisible();
      const { items } = await domCount(sidebar(page), '.tag-row');
      console.log(`codebook: ${items} rows of 2,000 tags`);
      expect(items).toBeLessThan(MOST_RENDERED);
      await scrollToEnd(tree, tree.locator(`.tag-row[data-tag-name="${name(199)} sub 8"]`));
    } finally {
      await page.goto('about:blank');
      await undo();
    }
  });

  test('a matrix of 1,000 claims: a bounded number of rows under its header, the last one reached by scrolling', async ({ page, workbench }) => {
    const volkogonov = await versionOf(workbench, /^Triumph and Tragedy/);
    const wording = (n: number) => `Long list claim ${String(n).padStart(4, '0')}`;
    const claims = Array.from({ length: 1000 }, (_, n) => ({ id: randomUUID(), wording: wording(n) }));
    // Each claim told by a highlight of its own (a claim comes with the file only with an account).
    const annotations = wordsOver(volkogonov.text, 1000).map((place, n) => ({
      id: randomUUID(),
      place,
      body: [{ type: 'TextualBody', purpose: 'classifying', value: `Supports: ${wording(n)}`, 'sb:claim': `urn:uuid:${claims[n]!.id}`, 'sb:stance': 'supports' }],
    }));
    let undo = async () => {};
    try {
      undo = await importExchange(workbench, volkogonov, { claims, annotations });
      await open(page, workbench);
      await page.getByRole('button', { name: /^Claims \d+$/ }).click();
      const panel = page.getByRole('region', { name: 'Claims' });
      await panel.getByRole('tab', { name: 'Matrix' }).click();
      const table = panel.getByRole('table', { name: 'Claims by source' });
      await expect(table.getByRole('columnheader', { name: /Claim/ })).toBeVisible();
      await expect(panel.locator('.matrix-count')).toHaveText(/^\d{4} claims$/);
      await expect(table.locator('tbody tr[data-claim-id]').first()).toBeVisible();
      const { items } = await domCount(table, 'tbody tr[data-claim-id]');
      console.log(`claims matrix: ${items} rows of 1,000 claims`);
      expect(items).toBeLessThan(MOST_RENDERED);
      // Screen readers still learn the number of rows (the header's and one a claim).
      expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(1000);
      // Undated claims go last, by wording: the last of these is the last row.
      await scrollToEnd(table, table.locator('tbody tr', { hasText: wording(999) }));
      await expect(table.locator('thead')).toBeVisible();
    } finally {
      await page.goto('about:blank');
      await undo();
    }
  });

  test('200 search hits: a bounded number of options; the keys reach the last one', async ({ page, workbench }) => {
    // Nothing to make: the bundled texts name Stalin far more often than the 200 hits listed.
    await open(page, workbench);
    await page.keyboard.press('Control+Shift+F');
    const dock = page.getByRole('complementary', { name: 'Find' });
    const box = dock.getByRole('combobox', { name: 'Search the sources, notes, tags and claims' });
    await expect(box).toBeFocused();
    await box.fill('Stalin');
    await expect(dock.getByRole('status').first()).toContainText('(the best 200 listed)');
    const results = dock.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    const { items } = await domCount(results, '[role="option"]');
    console.log(`search: ${items} options of 200 hits`);
    expect(items).toBeLessThan(MOST_RENDERED);

    // ↑ from the first hit goes round to the last: it is drawn, in sight, and the box points to it.
    await page.keyboard.press('ArrowUp');
    const active = results.locator('[role="option"][aria-selected="true"]');
    await expect(active).toHaveCount(1);
    await expect(active).toBeInViewport();
    await expect(active).toHaveAttribute('aria-posinset', '200');
    await expect(box).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  });
});
