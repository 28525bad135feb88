/**
 * A first-time user opens the workbench from the browser host and finds the three bundled
 * accounts side by side, each labelled with its title, language and kind of source.
 */
import { expect, test } from './workbench';

test.describe('the three sources side by side', () => {
  test('show the Russian account, the encyclopedia article and Volkogonov in three panes', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const panes = page.locator('section.pane');
    await expect(panes).toHaveCount(3);

    const [russian, encyclopedia, volkogonov] = [panes.nth(0), panes.nth(1), panes.nth(2)];
    await expect(russian.locator('.pane-title')).toHaveText(/^\[Alliluyeva's death/);
    await expect(russian.locator('.badge.language')).toHaveText('ru');
    await expect(russian.locator('.source-text')).toHaveAttribute('lang', 'ru');
    await expect(russian.locator('.source-text p').first()).toHaveText(/^Вторая жена Сталина, Надежда Аллилуева/);
    await expect(russian.locator('.source-text p')).toHaveCount(3);

    await expect(encyclopedia.locator('.pane-title')).toHaveText('Joseph Stalin');
    await expect(encyclopedia.locator('.badge.kind')).toHaveText('tertiary');
    await expect(encyclopedia.locator('.source-text p').first()).toContainText('Joseph Vissarionovich Stalin');

    await expect(volkogonov.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    await expect(volkogonov.locator('.byline')).toContainText('Dmitri Volkogonov');
    await expect(volkogonov.locator('.source-text')).toContainText(
      'Stalin was dying. Lying on the floor of the dining room in the dacha at Kuntsevo',
    );

    // Side by side: three columns of equal width on one row.
    const boxes = await Promise.all([russian, encyclopedia, volkogonov].map((pane) => pane.boundingBox()));
    expect(boxes.every((box) => box && Math.abs(box.y - boxes[0]!.y) < 1)).toBe(true);
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  });

  test('panes scroll independently through the whole 1.3 MB text', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const body = page.locator('section.pane').nth(2).locator('.pane-body');
    await expect(body.locator('.source-text')).toBeVisible();
    await body.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(body.locator('.source-text p').last()).toBeInViewport();
    expect(await page.locator('section.pane').nth(0).locator('.pane-body').evaluate((element) => element.scrollTop)).toBe(0);
  });

  test('the source text cannot be changed by typing', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const paragraph = page.locator('section.pane').nth(0).locator('.source-text p').first();
    const before = await paragraph.textContent();
    await paragraph.click();
    await page.keyboard.type('FORGED ');
    await page.keyboard.press('Backspace');
    await expect(paragraph).toHaveText(before!);
    await expect(page.locator('.source-text').first()).toHaveAttribute('contenteditable', 'false');
  });

  test('the access token leaves the address bar and survives a reload', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    expect(page.url()).toBe(`${workbench.server.origin}/`);
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(3);
  });

  test('without the token the page says how to open it and the API refuses', async ({ page, workbench }) => {
    await page.goto(`${workbench.server.origin}/`);
    await expect(page.getByRole('alert')).toContainText('opened without its access token');
    await expect(page.locator('section.pane')).toHaveCount(0);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/listDocuments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return response.status;
    });
    expect(status).toBe(401);
  });

  test('a pane can show another document', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const first = page.locator('section.pane').first();
    await first.getByRole('button', { name: 'Show another document in this pane' }).click();
    await first.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^Triumph and Tragedy: A Political Portrait/ }).click();
    await expect(first.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    await expect(first.locator('.source-text')).toContainText('Stalin was dying.');
  });
});
