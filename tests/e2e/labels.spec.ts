/**
 * A newcomer reads the controls without knowing the trade: an ungraded source's badge says
 * "Grade source" and stands apart from the pane's close button; the credibility buttons and
 * colour swatches say what they are, on screen and on hover; a sidebar card's "F 3" is spelled
 * out on hover.
 */
import type { Annotation } from '../../shared/annotations';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import { expect, hostApi, leaveProjectAsFound, test } from './workbench';
import { selectWithMouse } from './select-text';

leaveProjectAsFound('after each test');

test.describe('labels a newcomer understands', () => {
  test('the source-grade badge says "Grade source" until graded, away from the close button', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const pane = page.locator('section.pane').nth(1);
    const badge = pane.getByTestId('grade-badge');
    await expect(badge).toHaveText('Grade source');
    await expect(badge).toHaveAttribute('title', /not graded/);
    // The close button is in the title row, not beside the badge.
    const close = pane.getByRole('button', { name: 'Close this pane' });
    await expect(pane.locator('.pane-title-row').getByRole('button', { name: 'Close this pane' })).toBeVisible();
    const [badgeBox, closeBox] = await Promise.all([badge.boundingBox(), close.boundingBox()]);
    expect(Math.abs(badgeBox!.y - closeBox!.y)).toBeGreaterThan(10);

    await badge.click();
    await pane.getByRole('dialog', { name: 'Source assessment' }).getByRole('radio', { name: /F Reliability cannot be judged/ }).check();
    await expect(badge).toHaveText('F');
  });

  test('credibility buttons and colour swatches are named on screen and on hover', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const russian = page.locator('section.pane').nth(0);
    await expect(russian.locator('.source-text')).toBeVisible();
    await selectWithMouse(page, russian, 'Вторая жена Сталина');
    const toolbar = russian.getByRole('toolbar', { name: 'Highlight the selection' });
    await expect(toolbar).toBeVisible();
    await expect(toolbar.getByText('Credibility', { exact: true })).toBeVisible();
    await expect(toolbar.getByText('Colour', { exact: true })).toBeVisible();
    for (const name of ['Yellow (1)', 'Green (3)']) {
      await expect(toolbar.getByRole('button', { name })).toHaveAttribute('title', /key \d/);
    }
    for (const grade of [1, 3, 6]) {
      await expect(toolbar.getByRole('button', { name: new RegExp(`^Credibility ${grade}: `) })).toHaveAttribute('title', new RegExp(`Credibility ${grade}`));
    }
  });

  test('a sidebar card spells out its source grade and credibility on hover', async ({ page, workbench }) => {
    const [russian] = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
    const content = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId: russian!.currentVersionId });
    const start = content.text.indexOf('Вторая жена Сталина');
    await hostApi<Annotation>(workbench, 'createAnnotation', { versionId: russian!.currentVersionId, start, end: start + 19, credibility: 3 });
    await hostApi(workbench, 'saveAssessment', { documentId: russian!.id, reliability: 'F' });
    await page.goto(workbench.server.url);
    const card = page.getByRole('complementary', { name: 'Sidebar' }).locator('.card', { hasText: 'Вторая жена Сталина' });
    const grades = card.locator('.card-grades');
    await expect(grades).toHaveText(/F\s*3/);
    await expect(grades).toHaveAttribute('title', /Source graded F: .*reliability cannot be judged.*\nInformation rated 3: possibly true/is);
  });
});
