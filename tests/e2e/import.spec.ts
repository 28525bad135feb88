/**
 * A historian brings their own sources: from the Import… button or by dropping files on the
 * window. The detected encoding is shown and can be changed before anything is stored, progress
 * is shown while a long file is read, and a bad file is refused where the user acted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { longVolkogonovPdf } from '../support/long-pdf';
import { repoRoot } from '../support/temp';
import { expect, test } from './workbench';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');

test.describe('importing one\'s own sources', () => {
  test('a windows-1251 text: detected, changeable, imported and opened in a pane', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    await page.getByTestId('import-input').setInputFiles(path.join(fixtures, 'ru-windows-1251.txt'));
    const dialog = page.getByRole('dialog', { name: /Import ru-windows-1251\.txt/ });
    await expect(dialog).toContainText('detected windows-1251');
    const preview = dialog.getByLabel('Preview of the first lines');
    await expect(preview).toContainText('Вторая жена Сталина');
    await dialog.getByLabel('Encoding').selectOption('koi8-r');
    await expect(preview).not.toContainText('Вторая жена Сталина');
    await dialog.getByLabel('Encoding').selectOption('windows-1251');
    await expect(preview).toContainText('Вторая жена Сталина');
    await dialog.getByLabel('Title', { exact: true }).fill('Аллилуева (cp1251 copy)');
    await dialog.getByLabel('Language', { exact: true }).fill('ru');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
    const imported = page.locator('section.pane').nth(2);
    // The file has no title of its own: the one the user gave is an editor's, shown in brackets.
    await expect(imported.locator('.pane-title')).toHaveText('[Аллилуева (cp1251 copy)]');
    await expect(imported.locator('.format')).toHaveText('txt · windows-1251');
    await expect(imported.locator('.source-text p').first()).toContainText('Вторая жена Сталина, Надежда Аллилуева');
  });

  test('a long PDF shows its progress, then its pages', async ({ page, workbench }, testInfo) => {
    const file = testInfo.outputPath('long-volkogonov.pdf');
    fs.writeFileSync(file, await longVolkogonovPdf(150));
    await page.goto(workbench.server.url);
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: /Import long-volkogonov\.pdf/ });
    await expect(dialog).toContainText('PDF');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByLabel('Import progress')).toBeVisible();
    await expect(dialog).toContainText(/reading pages \(\d+%\)/);
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    const pane = page.locator('section.pane').nth(2);
    await expect(pane.locator('.format')).toHaveText('pdf · binary');
    await pane.getByRole('button', { name: 'Pages' }).click();
    await expect(pane.locator('.page-locator[data-page="150"]')).toHaveCount(1);
  });

  test('a scan without text is refused in the dialog and nothing is added', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    const documents = async () => {
      const pane = page.locator('section.pane').first();
      await pane.getByRole('button', { name: 'Show another document in this pane' }).click();
      const count = await pane.getByRole('list', { name: 'Documents' }).getByRole('button').count();
      await pane.getByRole('button', { name: 'Show another document in this pane' }).click();
      return count;
    };
    const before = await documents();
    await page.getByTestId('import-input').setInputFiles(path.join(fixtures, 'scan.pdf'));
    const dialog = page.getByRole('dialog', { name: /Import scan\.pdf/ });
    await expect(dialog.getByRole('alert')).toContainText(/OCR/);
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(3);
    expect(await documents()).toBe(before);
  });

  test('files dropped on the window open the import dialog', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    const markdown = fs.readFileSync(path.join(fixtures, 'stalin.md'), 'utf8');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'stalin.md', { type: 'text/markdown' }));
      return data;
    }, markdown);
    await page.dispatchEvent('.workbench', 'dragover', { dataTransfer: transfer });
    await expect(page.getByText('Drop files to import them as sources')).toBeVisible();
    await page.dispatchEvent('.workbench', 'drop', { dataTransfer: transfer });
    const dialog = page.getByRole('dialog', { name: /Import stalin\.md/ });
    await expect(dialog).toContainText('MD');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
    const pane = page.locator('section.pane').nth(2);
    await pane.getByRole('button', { name: 'Outline' }).click();
    await expect(pane.locator('.outline-list button').first()).toBeVisible();
  });
});
