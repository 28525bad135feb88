/**
 * A historian brings their own sources: from the Import… button or by dropping files on the
 * window. The detected encoding is shown and can be changed before anything is stored, progress
 * is shown while a long file is read, and a bad file is refused where the user acted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Annotation } from '../../shared/annotations';
import type { DocumentSummary } from '../../shared/domain';
import { longVolkogonovPdf } from '../support/long-pdf';
import { corpusDir, repoRoot } from '../support/temp';
import { expect, hostApi, leaveProjectAsFound, ownWorkbench, test, type Workbench } from './workbench';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'import');

test.describe('importing one\'s own sources', () => {
  // Each test starts from the three default panes; highlights made here are taken away again.
  leaveProjectAsFound('after each test');

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
    // A new pane beside the three, which stay as they were.
    await expect(page.locator('section.pane')).toHaveCount(4);
    const imported = page.locator('section.pane').nth(3);
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
    const pane = page.locator('section.pane').nth(3);
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
    const pane = page.locator('section.pane').nth(3);
    await pane.getByRole('button', { name: 'Outline' }).click();
    await expect(pane.locator('.outline-list button').first()).toBeVisible();
  });

  test('a file with a very long line: the preview wraps it, the dialog fits the window, Import and Cancel stay in sight', async ({ page, workbench }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const file = testInfo.outputPath('long-line.txt');
    const words = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    const unbroken = 'https://example.org/' + 'x'.repeat(3000);
    const lines = ['A source with long lines', '', words, unbroken, ...Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the rest of the text.`)];
    fs.writeFileSync(file, lines.join('\n'));
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: /Import long-line\.txt/ });
    const preview = dialog.getByLabel('Preview of the first lines');
    await expect(preview).toContainText('word10');
    for (const name of ['Import', 'Cancel']) await expect(dialog.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    // Nothing sticks out sideways: the long line wraps inside the preview.
    const overflow = await dialog.evaluate((element) => {
      const pre = element.querySelector('pre')!;
      return { dialog: element.scrollWidth - element.clientWidth, preview: pre.scrollWidth - pre.clientWidth };
    });
    expect(overflow).toEqual({ dialog: 0, preview: 0 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('with four panes open the import asks which to replace, and leaves a pane with highlights alone unless chosen', async ({ page, workbench }) => {
    const before = new Set((await hostApi<DocumentSummary[]>(workbench, 'listDocuments')).map((document) => document.id));
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    // A fourth pane, by importing, and work in it: a highlight.
    await page.getByTestId('import-input').setInputFiles(path.join(fixtures, 'ru-utf-8-bom.txt'));
    const first = page.getByRole('dialog', { name: /Import ru-utf-8-bom\.txt/ });
    await first.getByRole('button', { name: 'Import' }).click();
    await expect(first).toBeHidden();
    await expect(page.locator('section.pane')).toHaveCount(4);
    const annotated = (await hostApi<DocumentSummary[]>(workbench, 'listDocuments')).find((document) => !before.has(document.id))!;
    await hostApi<Annotation>(workbench, 'createAnnotation', { versionId: annotated.currentVersionId, start: 0, end: 20 });
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(4);
    const titles = await page.locator('section.pane .pane-title').allTextContents();
    const fourthTitle = titles[3]!;
    await expect(page.locator('section.pane').nth(3).locator('mark, .highlight').first()).toBeVisible();

    await page.getByTestId('import-input').setInputFiles(path.join(fixtures, 'stalin.md'));
    const dialog = page.getByRole('dialog', { name: /Import stalin\.md/ });
    const place = dialog.getByLabel('All four panes are open. Show it in place of');
    await expect(place).toBeVisible();
    const options = await place.locator('option').allTextContents();
    expect(options).toHaveLength(5);
    expect(options.find((option) => option.includes(fourthTitle))).toContain('1 highlight');
    // The pane with highlights is never the one chosen for the user.
    expect(await place.inputValue()).not.toBe('3');
    await place.selectOption({ label: options.find((option) => option.startsWith('pane 2'))! });
    await dialog.getByLabel('Title', { exact: true }).fill('Stalin, the Markdown copy');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
    const after = page.locator('section.pane .pane-title');
    await expect(after).toHaveCount(4);
    await expect(after.nth(1)).toHaveText('[Stalin, the Markdown copy]');
    await expect(after.nth(0)).toHaveText(titles[0]!);
    await expect(after.nth(2)).toHaveText(titles[2]!);
    await expect(after.nth(3)).toHaveText(fourthTitle);

    // Keep every pane: the document is imported and opens in none.
    await page.getByTestId('import-input').setInputFiles(path.join(fixtures, 'stalin.html'));
    const second = page.getByRole('dialog', { name: /Import stalin\.html/ });
    await expect(second.getByLabel('Preview of the first lines')).toBeVisible();
    await second.getByLabel('All four panes are open. Show it in place of').selectOption({ label: 'no pane: keep all four as they are' });
    await second.getByRole('button', { name: 'Import' }).click();
    await expect(second).toBeHidden();
    await expect(after.nth(3)).toHaveText(fourthTitle);
    await expect(after.nth(0)).toHaveText(titles[0]!);
  });
});

// A new version of a corpus document changes the project for good: a host of its own.
const versionsTest = test.extend<object, { versions: Workbench }>({ versions: ownWorkbench('versions') });

versionsTest('after a new version is imported, Undo no longer offers a change that would put a highlight back on the old version', async ({ page, versions }, testInfo) => {
  const [russian] = await hostApi<DocumentSummary[]>(versions, 'listDocuments');
  const { text } = await hostApi<{ text: string }>(versions, 'getVersionContent', { versionId: russian!.currentVersionId });
  const start = text.indexOf('Надежда Аллилуева');
  await hostApi(versions, 'createAnnotation', { versionId: russian!.currentVersionId, start, end: start + 'Надежда Аллилуева'.length, color: 'green' });
  await page.goto(versions.server.url);
  await expect(page.locator('section.pane')).toHaveCount(3);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeEnabled();

  // The editor's revision puts a sentence in front: every passage moves.
  const revised = testInfo.outputPath('revised.txt');
  fs.writeFileSync(revised, `Предисловие редактора. ${fs.readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'), 'utf8')}`);
  await page.getByTestId('import-input').setInputFiles(revised);
  const dialog = page.getByRole('dialog', { name: /Import revised\.txt/ });
  await dialog.getByLabel('Import as').selectOption(russian!.id);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(undo).toBeDisabled();
  const [highlight] = await hostApi<Annotation[]>(versions, 'listAnnotations', { documentId: russian!.id });
  expect(highlight!.versionId).not.toBe(russian!.currentVersionId);
  expect(highlight!.status).toBe('anchored');
});
