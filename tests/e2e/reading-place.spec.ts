/**
 * A reader keeps their place: with the 1931 paragraph at the top of the encyclopedia's pane and
 * Volkogonov's 1932 passage at the top of his, a larger text, the sidebar hidden and shown, a
 * narrower window and a moved pane divider leave the same passages at the top.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, leaveProjectAsFound, test } from './workbench';

const WIKIPEDIA_PHRASE = 'In November 1931, after a group dinner';
const VOLKOGONOV_PHRASE = 'In the night of 8-9 November 1932';

/** Where the phrase's first letter stands below the top of its pane's visible text, in pixels. */
async function phraseBelowTop(pane: Locator, phrase: string): Promise<number> {
  return pane.locator('.pane-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().top - body.getBoundingClientRect().top;
    }
    throw new Error(`“${wanted}” is not in the pane`);
  }, phrase);
}

/** Scrolls a pane until the phrase's line is at its top (long texts settle over a few frames). */
async function scrollPhraseToTop(pane: Locator, phrase: string): Promise<void> {
  const body = pane.locator('.pane-body');
  for (let attempt = 0; attempt < 30; attempt++) {
    const below = await phraseBelowTop(pane, phrase);
    if (Math.abs(below) < 2) return;
    await body.evaluate((element, by) => {
      element.scrollTop += by;
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, below);
  }
}

/** Both passages are (still, or again after settling) at the top of their panes. */
async function expectPlaceKept(page: Page, what: string): Promise<void> {
  const panes = page.locator('section.pane');
  for (const [index, phrase] of [
    [1, WIKIPEDIA_PHRASE],
    [2, VOLKOGONOV_PHRASE],
  ] as const) {
    // At the top: rewrapped, its first words may end the line above, or start the next.
    await expect
      .poll(() => phraseBelowTop(panes.nth(index), phrase), { message: `${phrase} at the top after ${what}`, timeout: 5_000 })
      .toBeGreaterThan(-45);
    await expect
      .poll(() => phraseBelowTop(panes.nth(index), phrase), { message: `${phrase} at the top after ${what}`, timeout: 5_000 })
      .toBeLessThan(90);
  }
}

test.describe('the panes keep the reading place', () => {
  leaveProjectAsFound('after each test');

  test('through a text-size change, the sidebar hidden and shown, a narrower window and a pane resized', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const panes = page.locator('section.pane');
    await expect(panes).toHaveCount(3);
    await expect(panes.nth(2).locator('.source-text')).toContainText('Stalin was dying.');
    await scrollPhraseToTop(panes.nth(1), WIKIPEDIA_PHRASE);
    await scrollPhraseToTop(panes.nth(2), VOLKOGONOV_PHRASE);
    await expectPlaceKept(page, 'scrolling there');

    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expectPlaceKept(page, 'A+');

    await page.getByRole('button', { name: 'Smaller text' }).click();
    await expectPlaceKept(page, 'A−');

    await page.getByRole('button', { name: 'Hide the sidebar' }).click();
    await expectPlaceKept(page, 'hiding the sidebar');
    await page.getByRole('button', { name: 'Show the sidebar' }).click();
    await expectPlaceKept(page, 'showing the sidebar');

    await page.setViewportSize({ width: 1100, height: 800 });
    await expectPlaceKept(page, 'a narrower window');

    const divider = page.getByRole('separator').nth(1);
    await divider.focus();
    await divider.press('Shift+ArrowLeft');
    await divider.press('Shift+ArrowLeft');
    await expectPlaceKept(page, 'widening the last pane');
  });
});
