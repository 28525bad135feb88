/**
 * The bundled sources read like clean books: chapters and sections in the outline, citation
 * markers that can be shown or hidden, page numbers out of the text but available, and every
 * edit of the raw text one click away from its original form.
 */
import { expect, test } from './workbench';

test.describe('reading the normalized sources', () => {
  test('the outline lists the chapters of Volkogonov and jumps to one', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    await volkogonov.getByRole('button', { name: 'Outline' }).click();
    const entries = volkogonov.locator('.outline-list button');
    await expect(entries.filter({ hasText: /^Chapter [IVX]+\./ })).toHaveCount(6);
    await entries.filter({ hasText: 'Chapter IV.' }).click();
    await expect(volkogonov.locator('.source-text h2', { hasText: 'Chapter IV.' })).toBeInViewport();
  });

  test('the encyclopedia article shows its sections and its citation markers can be hidden', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const article = page.locator('section.pane').nth(1);
    await expect(article.locator('.source-text h2', { hasText: 'Early life' })).toHaveCount(1);
    const lead = article.locator('.source-text p').first();
    await expect(lead.locator('.citation').first()).toBeVisible();
    // The reading text itself has no markers: what a quote or search sees.
    expect(await lead.evaluate((p) => [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''))).toContain(
      'Joseph Vissarionovich Stalin (18 December 1878 – 5 March 1953)',
    );
    await article.getByRole('button', { name: /^Citations/ }).click();
    await expect(lead.locator('.citation').first()).toBeHidden();
    await expect(article.locator('.caption').first()).toBeVisible();
    await expect(article.locator('.hatnote').first()).toContainText('Main article:');
  });

  test('page numbers leave the text but can be shown as locators', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    await expect(volkogonov.locator('.source-text')).not.toContainText('JPRS-UPA-89-043');
    await expect(volkogonov.locator('.page-locator').first()).toBeHidden();
    await volkogonov.getByRole('button', { name: 'Pages' }).click();
    await expect(volkogonov.locator('.page-locator[data-page="64"]')).toHaveCount(1);
  });

  test('an OCR correction shows its raw form and where it stands in the file', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    // The epigraph's attribution, "V.l. Lenin" in the raw file, reads "V.I. Lenin".
    const attribution = volkogonov.locator('.source-text .attribution').first();
    await expect(attribution).toHaveText('V.I. Lenin');
    await attribution.locator('.edit-ocr-correction').click();
    const popover = volkogonov.getByRole('dialog', { name: 'Edit made to the raw text' });
    await expect(popover).toContainText('OCR correction');
    await expect(popover.locator('.raw-form')).toHaveText('l.');
    await expect(popover).toContainText('"V.l." → "V.I."');
    await expect(popover).toContainText(/raw file line \d+, column \d+/);
  });

  test('the Edits button shows every joined line-end hyphen with its raw form', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    await expect(volkogonov.locator('.source-text')).toContainText('Stalin was dying.');
    await expect(volkogonov.locator('.edit-dehyphenation')).toHaveCount(0);
    await volkogonov.getByRole('button', { name: /^Edits/ }).click();
    // "the expres- / sion squinting" in the raw file reads "expression".
    const joined = volkogonov.locator('.edit-dehyphenation', { hasText: 'expression' }).first();
    await expect(joined).toBeVisible();
    await expect(joined).toHaveAttribute('title', /original: expres- ⏎ sion/);
    await volkogonov.getByRole('button', { name: /^Edits/ }).click();
    await expect(volkogonov.locator('.edit-dehyphenation')).toHaveCount(0);
  });

  test('selecting text tells where it stands in the raw file', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    const paragraph = volkogonov.locator('.source-text p', { hasText: 'Stalin was dying.' });
    await paragraph.click({ position: { x: 2, y: 5 } });
    await expect(volkogonov.locator('.pane-status')).toHaveText('Chapter I. The October Glow · raw file line 14, column 1');
  });

  test('a passage after a printed page number cites the chapter and the page', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const volkogonov = page.locator('section.pane').nth(2);
    // "143" stands alone on a line of the raw file, inside a letter of Chapter V.
    const paragraph = volkogonov.locator('.source-text p', { hasText: 'And Stalin\'s "insertions" were as follows' });
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.click({ position: { x: 2, y: 5 } });
    await expect(volkogonov.locator('.pane-status')).toContainText(/^Chapter V\. In the Toga of a Leader · near p\. 143 · raw file line 17298, column 1$/);
  });
});
