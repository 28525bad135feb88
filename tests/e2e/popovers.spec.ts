/**
 * Popovers behave as a reader expects: they stay inside the window, the outline closes with
 * Escape and with a click elsewhere, one popover at a time is open, and picking an existing tag
 * with the mouse keeps the toolbar open.
 */
import type { Tag } from '../../shared/annotations';
import { expect, hostApi, leaveProjectAsFound, test } from './workbench';
import { selectWithMouse } from './select-text';

leaveProjectAsFound('after each test');

test.describe('popovers', () => {
  test('the outline closes with Escape and with a click elsewhere, and one popover is open at a time', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const pane = page.locator('section.pane').nth(2);
    await expect(pane.locator('.source-text')).toContainText('Stalin was dying.');
    const outlineButton = pane.getByRole('button', { name: 'Outline' });
    const outline = pane.locator('.outline-list');

    await outlineButton.click();
    await expect(outline).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(outline).toBeHidden();
    await expect(outlineButton).toBeFocused();

    await outlineButton.click();
    await expect(outline).toBeVisible();
    await pane.locator('.pane-status').click();
    await expect(outline).toBeHidden();

    // The outline, then the source assessment: the outline closes.
    await outlineButton.click();
    await expect(outline).toBeVisible();
    await pane.getByTestId('grade-badge').click();
    await expect(pane.getByRole('dialog', { name: 'Source assessment' })).toBeVisible();
    await expect(outline).toBeHidden();
    // And the other way round (from the keyboard: the assessment panel covers the button).
    await outlineButton.focus();
    await page.keyboard.press('Enter');
    await expect(outline).toBeVisible();
    await expect(pane.getByRole('dialog', { name: 'Source assessment' })).toBeHidden();
  });

  test('the outline of the last pane stays inside a narrow window', async ({ page, workbench }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(workbench.server.url);
    await page.getByRole('button', { name: 'Hide the sidebar' }).click();
    const pane = page.locator('section.pane').nth(2);
    await expect(pane.locator('.source-text')).toContainText('Stalin was dying.');
    await pane.getByRole('button', { name: 'Outline' }).click();
    const box = await pane.locator('.outline-list').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1000);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
  });

  test('the selection toolbar of a passage on the last line of a pane stays inside the pane', async ({ page, workbench }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(workbench.server.url);
    const pane = page.locator('section.pane').nth(2);
    await expect(pane.locator('.source-text')).toContainText('Stalin was dying.');
    const body = pane.locator('.pane-body');
    const frame = (await body.boundingBox())!;
    const text = (await pane.locator('.source-text').boundingBox())!;
    // A few words on the last line the pane shows, selected with the mouse.
    const y = frame.y + frame.height - 14;
    await page.mouse.move(text.x + 30, y);
    await page.mouse.down();
    await page.mouse.move(text.x + 120, y, { steps: 4 });
    await page.mouse.up();
    const toolbar = pane.locator('.annotation-popover');
    await expect(toolbar).toBeVisible();
    const box = (await toolbar.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(frame.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  });

  test('picking an existing tag with the mouse keeps the toolbar open', async ({ page, workbench }) => {
    await hostApi<Tag>(workbench, 'createTag', { name: 'Purges' });
    await page.goto(workbench.server.url);
    const russian = page.locator('section.pane').nth(0);
    await expect(russian.locator('.source-text')).toBeVisible();
    await selectWithMouse(page, russian, 'Вторая жена Сталина');
    await page.keyboard.press('1');
    const tools = russian.getByRole('toolbar', { name: 'Highlight tools' });
    await expect(tools).toBeVisible();
    await page.keyboard.press('t');
    const input = russian.getByRole('combobox', { name: 'Add a tag' });
    await expect(input).toBeFocused();
    await input.pressSequentially('Pur');
    await russian.getByRole('option', { name: 'Purges' }).click();
    await expect(russian.locator('.tag-chip', { hasText: 'Purges' })).toBeVisible();
    await expect(tools).toBeVisible();
    await expect(input).toBeVisible();
  });
});
