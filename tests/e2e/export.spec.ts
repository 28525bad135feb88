/**
 * A historian takes the work out of the workbench as a user would: highlights a passage, tags it
 * and writes a note, then opens Export… from the title bar, reads the live preview as Markdown
 * grouped by tag and as CSV, narrows the filter until nothing is left, and saves the file; copies
 * a highlight as a quotation (plain text and HTML) from its toolbar and from its sidebar card; and
 * backs up the open project, to the Backups folder and to a file of their choosing.
 *
 * The project is shared by the tests of a worker: what these tests made is taken away afterwards
 * so other specs see the sources as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import type { Annotation } from '../../shared/annotations';
import { selectWithMouse } from './select-text';
import { expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';

leaveProjectAsFound('after the spec');

const QUOTE = 'The lips of the silent mouth stirred soundlessly and feebly.';
const TAG = 'Exported';
const NOTE = 'Silent to the end.';

async function open(page: Page, workbench: Workbench) {
  await page.goto(workbench.server.url);
  const panes = page.locator('section.pane');
  await expect(panes).toHaveCount(3);
  const volkogonov = panes.nth(2);
  await expect(volkogonov.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
  await expect(volkogonov.locator('.source-text')).toContainText('Stalin was dying.');
  return { volkogonov };
}

const popover = (scope: Locator) => scope.locator('.annotation-popover');

/** Highlights the phrase in blue, tags it (a new tag) and writes a note, as annotate.spec does; returns its id. */
async function highlightWithTagAndNote(page: Page, workbench: Workbench, pane: Locator, phrase: string, tag = TAG): Promise<string> {
  await selectWithMouse(page, pane, phrase);
  await pane.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Blue (4)' }).click();
  await expect(popover(pane)).toHaveAttribute('data-annotation-for', /.+/);
  const id = (await popover(pane).getAttribute('data-annotation-for'))!;

  await page.keyboard.press('t');
  const tagInput = pane.getByRole('combobox', { name: 'Add a tag' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill(tag);
  await page.keyboard.press('Enter');
  await expect(popover(pane).getByRole('list', { name: 'Tags' }).locator('.tag-chip-name')).toHaveText([tag]);
  await page.keyboard.press('Escape');

  await page.keyboard.press('n');
  await expect(popover(pane).getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type(NOTE);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect
    .poll(async () => (await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).find((a) => a.id === id)?.noteText ?? '')
    .toContain(NOTE);
  await page.keyboard.press('Escape');
  await expect(popover(pane)).toHaveCount(0);
  return id;
}

test.describe('exporting the notes', () => {
  test('from the title bar: preview as Markdown by tag and as CSV, filter to nothing, then save a download', async ({ page, workbench }) => {
    const { volkogonov } = await open(page, workbench);
    await highlightWithTagAndNote(page, workbench, volkogonov, QUOTE);

    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export notes' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Format', { exact: true })).toBeFocused();

    // Markdown grouped by tag: the quote as a block quote under the tag's heading, the tag as a hashtag.
    await dialog.getByLabel('Format', { exact: true }).selectOption('markdown');
    await dialog.getByLabel('Grouping', { exact: true }).selectOption('tag');
    const markdown = dialog.getByLabel('Preview of the Markdown notes');
    await expect(markdown).toContainText(`> ${QUOTE}`);
    await expect(markdown).toContainText(`#${TAG}`);
    await expect(markdown).toContainText(NOTE);
    await expect(dialog.locator('.export-count')).toHaveText(/^\d+ annotations? in the export/);

    // CSV has one fixed shape: grouping is off, the preview starts with the header row.
    await dialog.getByLabel('Format', { exact: true }).selectOption('csv');
    await expect(dialog.getByLabel('Grouping', { exact: true })).toBeDisabled();
    await expect(dialog.getByLabel('Preview of the CSV table (spreadsheets)')).toContainText(/^Document,Author,Title,/);

    // Narrowed by the tag, then by a colour the highlight does not have: nothing is left.
    const tags = dialog.getByRole('group', { name: /^Tags/ });
    await tags.getByRole('checkbox', { name: TAG }).check();
    await expect(dialog.locator('.export-count')).toHaveText('1 annotation in the export');
    const colours = dialog.getByRole('group', { name: /^Colours/ });
    await colours.getByRole('checkbox', { name: 'Gray' }).check();
    await expect(dialog.locator('.export-count')).toHaveText('0 annotations in the export');
    await expect(dialog.getByLabel('Preview of the CSV table (spreadsheets)')).not.toContainText(QUOTE);
    await colours.getByRole('button', { name: 'Clear the choice of colours' }).click();
    await expect(colours.getByRole('checkbox', { name: 'Gray' })).not.toBeChecked();
    await expect(dialog.locator('.export-count')).toHaveText('1 annotation in the export');

    // Save: the export runs as a job, and the file arrives as a download.
    await dialog.getByLabel('Format', { exact: true }).selectOption('markdown');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('e2e.md');
    const saved = fs.readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain(`> ${QUOTE}`);
    expect(saved).toContain(`#${TAG}`);
    await expect(dialog.getByRole('status')).toHaveText(/^Saved e2e\.md: 1 annotation, /);

    // The HTML report is drawn in a frame that may run nothing.
    await dialog.getByLabel('Format', { exact: true }).selectOption('html');
    const frame = dialog.locator('iframe.export-frame');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame.contentFrame().locator('body')).toContainText(QUOTE);

    // The archive has nothing to read: a summary instead.
    await dialog.getByLabel('Format', { exact: true }).selectOption('qdpx');
    await expect(dialog.locator('.export-summary')).toHaveText(/^REFI-QDA project: 1 annotation, 3 sources/);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('Mod+E opens the dialog, its filter starting from the sidebar’s tag filter', async ({ page, workbench }) => {
    const { volkogonov } = await open(page, workbench);
    await highlightWithTagAndNote(page, workbench, volkogonov, 'eyelids could not conceal the desperation', 'Eyes');
    const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
    await sidebar.getByLabel('Filter by tag').selectOption({ label: 'Eyes' });
    await page.keyboard.press('ControlOrMeta+e');
    const dialog = page.getByRole('dialog', { name: 'Export notes' });
    await expect(dialog.getByRole('group', { name: /^Tags/ }).getByRole('checkbox', { name: 'Eyes' })).toBeChecked();
    await expect(dialog.locator('.export-count')).toHaveText('1 annotation in the export');
    await page.screenshot({ path: '/tmp/export-dialog.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await sidebar.getByLabel('Filter by tag').selectOption({ label: 'Any tag' });
  });
});

test.describe('copy as quotation', () => {
  test('from the highlight’s toolbar and from its card: the quote with its citation, as text and as HTML', async ({ page, context, workbench }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.server.origin });
    const { volkogonov } = await open(page, workbench);
    const phrase = 'Several hours had already elapsed since the stroke.';
    await selectWithMouse(page, volkogonov, phrase);
    await volkogonov.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Green (3)' }).click();
    const tools = volkogonov.getByRole('toolbar', { name: 'Highlight tools' });
    await tools.getByRole('button', { name: 'Copy as quotation' }).click();
    await expect(popover(volkogonov).getByRole('status')).toHaveText('Quotation copied');

    const clipboard = () =>
      page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const flavours: Record<string, string> = {};
        for (const type of item!.types) flavours[type] = await (await item!.getType(type)).text();
        return flavours;
      });
    let copied = await clipboard();
    expect(copied['text/plain']).toContain(`“${phrase}”`);
    expect(copied['text/plain']).toContain('Triumph and Tragedy');
    expect(copied['text/html']).toMatch(/<blockquote[^>]*>.*Several hours had already elapsed since the stroke\./s);
    expect(copied['text/html']).toContain('<cite>');

    // The sidebar card offers the same; a different passage, so the clipboard visibly changes.
    await page.keyboard.press('Escape');
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    const card = page.getByRole('complementary', { name: 'Sidebar' }).locator('.card', { hasText: phrase });
    await card.getByRole('button', { name: 'Copy as quotation' }).click();
    await expect(card.getByRole('status')).toHaveText('Quotation copied');
    copied = await clipboard();
    expect(copied['text/plain']).toContain(`“${phrase}”`);
    expect(copied['text/html']).toContain('<blockquote');
  });
});

test.describe('backing up the project', () => {
  test('to the Backups folder beside the project, and to a typed path; the copy is a database with the highlights', async ({ page, workbench }) => {
    const { volkogonov } = await open(page, workbench);
    await selectWithMouse(page, volkogonov, 'Finally, disturbed by the');
    await volkogonov.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Red (2)' }).click();
    await expect(popover(volkogonov)).toHaveAttribute('data-annotation-for', /.+/);
    await page.keyboard.press('Escape');
    const annotations = await hostApi<Annotation[]>(workbench, 'listAnnotations', {});

    await page.getByRole('banner').getByRole('button', { name: 'Back up…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up project' });
    await expect(dialog).toContainText('while the workbench stays open');
    await dialog.getByRole('button', { name: 'Back up', exact: true }).click();
    const status = dialog.getByRole('status');
    await expect(status).toHaveText(/^Backed up to .+ \([\d.]+ (kB|MB|bytes)\)\.$/);
    const backup = (await status.locator('code').textContent())!;
    expect(path.dirname(backup)).toBe(path.join(path.dirname(workbench.projectPath), 'Backups'));
    expectDatabaseWith(backup, annotations);

    // A path of one's own; the project file itself is refused, and said so in the dialog.
    await dialog.getByRole('radio', { name: 'To this file:' }).check();
    const field = dialog.getByLabel('Backup file path');
    await field.fill(workbench.projectPath);
    await dialog.getByRole('button', { name: 'Back up', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('another file than the project');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const chosen = path.join(path.dirname(workbench.projectPath), 'chosen copy.sourcebench');
    await field.fill(chosen);
    await field.press('Enter');
    await expect(status).toContainText(chosen);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    expectDatabaseWith(chosen, annotations);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});

function expectDatabaseWith(file: string, annotations: readonly Annotation[]): void {
  expect(fs.existsSync(file)).toBe(true);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ids = (db.prepare('SELECT id FROM annotations').all() as { id: string }[]).map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining(annotations.map((annotation) => annotation.id)));
  } finally {
    db.close();
  }
}
