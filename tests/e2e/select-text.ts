/**
 * Selecting a passage with the mouse, as a reader does: the phrase is found in the rendered text
 * of a pane, the pane scrolled to it, then the mouse drags from its first to its last letter.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './workbench';

/**
 * Where the first and last character of a phrase stand on the screen, after scrolling its pane
 * so the phrase is a third of the way down. The phrase is found in the rendered text of the pane
 * (the reading text, hard line breaks already joined), however far down it is.
 */
export async function phrasePoints(scope: Locator, phrase: string) {
  return scope.locator('.source-text').evaluate(async (root, wanted) => {
    const textOf = () => {
      const pieces: { node: Text; start: number }[] = [];
      let joined = '';
      for (const block of Array.from(root.querySelectorAll('.source-text > .source-chunk > *, .source-text > :not(.source-chunk)'))) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (node.parentElement?.closest('.citation, .page-locator, .annotation-grade, .claim-marker')) continue;
          pieces.push({ node, start: joined.length });
          joined += node.data;
        }
        joined += '\n\n';
      }
      return { pieces, joined };
    };
    let text = textOf();
    const phraseStart = () => {
      const at = text.joined.indexOf(wanted);
      if (at < 0) throw new Error(`“${wanted}” is not in the text`);
      return at;
    };
    let start = phraseStart();
    // `last` is the phrase's last character rather than an offset: a redraw may shift offsets.
    const rectOf = (which: 'first' | 'last') => {
      const offsetOf = () => (which === 'first' ? start : start + wanted.length - 1);
      const find = () => [...text.pieces].reverse().find((p) => p.start <= offsetOf() && offsetOf() < p.start + p.node.data.length);
      let piece = find();
      // A redraw (a highlight drawn anew, a chunk laid out) may have replaced the text nodes, or
      // what stands before the phrase: look them up again, and the phrase with them.
      if (!piece || !piece.node.isConnected) {
        text = textOf();
        start = phraseStart();
        piece = find();
      }
      if (!piece) throw new Error(`“${wanted}” is not laid out in the pane`);
      const offset = offsetOf();
      const range = document.createRange();
      range.setStart(piece.node, offset - piece.start);
      range.setEnd(piece.node, offset - piece.start + 1);
      const rects = range.getClientRects();
      return rects[rects.length - 1]!;
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Bring the phrase a third of the way down the pane. Far down a long text the blocks laid out
    // on the way may change height in the next frames: aim again until it stands still.
    const body = root.closest<HTMLElement>('.pane-body')!;
    let still = 0;
    for (let attempt = 0; attempt < 20 && still < 2; attempt++) {
      const box = body.getBoundingClientRect();
      const off = rectOf('first').top - (box.top + box.height / 3);
      if (Math.abs(off) < 2) still++;
      else {
        const before = body.scrollTop;
        body.scrollTop += off;
        // At the top or the bottom of the text it can go no further.
        still = body.scrollTop === before ? still + 1 : 0;
      }
      await frame();
    }
    const first = rectOf('first');
    const last = rectOf('last');
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, phrase);
}

/** Selects a phrase with the mouse: down on its first letter, drag, up after its last. */
export async function selectWithMouse(page: Page, scope: Locator, phrase: string) {
  const { from, to } = await phrasePoints(scope, phrase);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe(phrase.replace(/\s+/g, ' '));
}
