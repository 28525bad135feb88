/**
 * The workbench around the texts, as a historian uses it: panes that can be resized, changed,
 * added and closed and come back as they were; the codebook; the reliability of each source; the
 * sidebar of annotations and orphans; undo and redo; the first-run hint, the shortcut sheet, the
 * theme and the size of the text.
 *
 * The project is shared by the tests of a worker, so each test starts from the default layout and
 * the project and layout are put back afterwards (other specs expect the three bundled sources side by
 * side and count their own highlights).
 */
import type { Page } from '@playwright/test';
import type { Annotation, SourceAssessment, Tag, Workspace } from '../../shared/annotations';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import { TOKEN_HEADER, tokenHeaderValue } from '../../shared/security';
import { expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';



/** Calls the API from the page, as the brief for tests says: with the token the page keeps. */
async function pageApi<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('sourcebench.token'));
  const headers = { 'Content-Type': 'application/json', [TOKEN_HEADER]: tokenHeaderValue(token ?? '') };
  return page.evaluate(
    async ({ method, input, headers }) => {
      const response = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const envelope = await response.json();
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.value;
    },
    { method, input, headers },
  ) as Promise<T>;
}

async function open(page: Page, workbench: Workbench, panes = 3): Promise<void> {
  await page.goto(workbench.server.url);
  await expect(page.locator('section.pane')).toHaveCount(panes);
  await expect(page.locator('section.pane .source-text').first()).toBeVisible();
}

async function bundled(workbench: Workbench) {
  const documents = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
  const [russian, article, volkogonov] = documents;
  return { documents, russian: russian!, article: article!, volkogonov: volkogonov! };
}

/** Offsets of a phrase in a version's reading text. */
async function find(workbench: Workbench, versionId: string, phrase: string, from = 0): Promise<{ start: number; end: number }> {
  const content = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId });
  const start = content.text.indexOf(phrase, from);
  expect(start, `“${phrase}” in the text`).toBeGreaterThanOrEqual(0);
  return { start, end: start + phrase.length };
}

const workspaceOf = (workbench: Workbench) => hostApi<Workspace>(workbench, 'getWorkspace');
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sidebar' });
const cards = (page: Page) => sidebar(page).getByRole('list', { name: 'Annotations' }).locator('.card');

// The highlights, tags and grades made here are taken away after the spec: other specs count cards.
leaveProjectAsFound('after the spec');

test.describe('first run, shortcuts, theme and text size', () => {
  test('the first-run hint names the three sources and stays dismissed after a reload', async ({ page, workbench }) => {
    await open(page, workbench);
    const hint = page.getByRole('region', { name: 'Getting started' });
    await expect(hint).toBeVisible();
    await expect(hint).toContainText("Alliluyeva's death");
    await expect(hint).toContainText('Joseph Stalin');
    await expect(hint).toContainText('Triumph and Tragedy');
    await expect(hint).toContainText('select a passage');
    // The hint sits above the panes, never over the text.
    const hintBox = (await hint.boundingBox())!;
    const paneBox = (await page.locator('section.pane').first().boundingBox())!;
    expect(hintBox.y + hintBox.height).toBeLessThanOrEqual(paneBox.y + 1);

    await hint.getByRole('button', { name: 'Got it' }).click();
    await expect(hint).toBeHidden();
    await expect.poll(async () => (await workspaceOf(workbench)).firstRunDismissed).toBe(true);
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'Getting started' })).toHaveCount(0);
  });

  test('? opens the shortcut sheet, listing every shortcut; Escape closes it', async ({ page, workbench }) => {
    await open(page, workbench);
    await page.locator('section.pane .source-text').first().click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    for (const action of [
      'Highlight in yellow',
      'Highlight in gray',
      'Tag the passage',
      'Write a note',
      'Rate the credibility',
      'Undo the last change',
      'Redo',
      'Import a file',
      'Show this sheet',
      'Close a dialog',
    ]) {
      await expect(sheet).toContainText(action);
    }
    await expect(sheet.locator('kbd', { hasText: /^8$/ })).toHaveCount(1);
    await expect(sheet.locator('kbd', { hasText: /^Shift$/ }).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    // The title bar's button opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();
  });

  test('dark theme and a larger text are kept across a reload', async ({ page, workbench }) => {
    await open(page, workbench);
    const text = page.locator('section.pane .source-text').first();
    const sizeOf = () => text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    const before = await sizeOf();
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBackground);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(sizeOf).toBe(before + 2);
    await expect.poll(async () => (await workspaceOf(workbench)).fontSize).toBe(19);
    await expect.poll(async () => (await workspaceOf(workbench)).theme).toBe('dark');

    await page.reload();
    await expect(page.locator('section.pane .source-text').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await expect.poll(sizeOf).toBe(before + 2);

    await page.getByRole('button', { name: 'Smaller text' }).click();
    await expect.poll(sizeOf).toBe(before + 1);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('panes', () => {
  test('resized by dragging a divider (and with the keyboard), widths kept across a reload', async ({ page, workbench }) => {
    await open(page, workbench);
    const panes = page.locator('section.pane');
    const widthOf = async (index: number) => (await panes.nth(index).boundingBox())!.width;
    const [first, second] = [await widthOf(0), await widthOf(1)];
    expect(Math.abs(first - second)).toBeLessThan(2);

    const divider = page.getByRole('separator').first();
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const widened = await widthOf(0);
    expect(widened).toBeGreaterThan(first + 110);
    expect(widened).toBeLessThan(first + 130);
    expect(await widthOf(1)).toBeLessThan(second - 110);

    // The second divider, from the keyboard: → widens the pane on its left.
    const secondDivider = page.getByRole('separator').nth(1);
    await secondDivider.focus();
    const middle = await widthOf(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => widthOf(1)).toBeGreaterThan(middle + 10);
    const afterKeys = await widthOf(1);

    await expect
      .poll(async () => (await workspaceOf(workbench)).panes.map((pane) => Math.round((pane.width ?? 0) * 100)))
      .not.toEqual([33, 33, 33]);
    await page.waitForTimeout(800); // the last change is saved after a short pause
    await page.reload();
    await expect(panes).toHaveCount(3);
    await expect.poll(() => widthOf(0)).toBeGreaterThan(widened - 3);
    expect(await widthOf(0)).toBeLessThan(widened + 3);
    expect(Math.abs((await widthOf(1)) - afterKeys)).toBeLessThan(3);
  });

  test('a pane’s document and passage come back after a reload', async ({ page, workbench }) => {
    const { volkogonov } = await bundled(workbench);
    await open(page, workbench);
    const first = page.locator('section.pane').first();
    await first.getByRole('button', { name: 'Show another document in this pane' }).click();
    await first.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^Triumph and Tragedy: A Political Portrait/ }).click();
    await expect(first.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    const body = first.locator('.pane-body');
    await expect(body.locator('.source-text')).toContainText('Stalin was dying.');
    await body.evaluate((element) => element.scrollTo(0, element.scrollHeight * 0.4));

    // The block at the top of the pane now.
    const topText = await body.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      const blocks = [...element.querySelectorAll('.source-chunk > *')];
      const block = blocks.find((b) => b.getBoundingClientRect().bottom > top + 40);
      return (block?.textContent ?? '').slice(0, 60);
    });
    expect(topText.length).toBeGreaterThan(10);
    await expect
      .poll(async () => {
        const pane = (await workspaceOf(workbench)).panes[0];
        return pane?.documentId === volkogonov.id && pane.scrollOffset > 100_000;
      })
      .toBe(true);

    await page.reload();
    const again = page.locator('section.pane').first();
    await expect(again.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    const block = again.locator('.source-chunk > *', { hasText: topText }).first();
    await expect(block).toBeInViewport();
  });

  test('panes can be added up to four and closed, and the count is remembered', async ({ page, workbench }) => {
    await open(page, workbench);
    const add = page.getByRole('button', { name: '+ Pane' });
    await add.click();
    await expect(page.locator('section.pane')).toHaveCount(4);
    await expect(add).toBeDisabled();
    await expect(page.getByRole('separator')).toHaveCount(3);
    await page.locator('section.pane').nth(1).getByRole('button', { name: 'Close this pane' }).click();
    await expect(page.locator('section.pane')).toHaveCount(3);
    await expect(page.locator('section.pane').nth(1).locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
    await page.locator('section.pane').nth(1).getByRole('button', { name: 'Close this pane' }).click();
    await expect(page.locator('section.pane')).toHaveCount(2);
    await expect.poll(async () => (await workspaceOf(workbench)).panes.length).toBe(2);
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(2);
    await expect(add).toBeEnabled();

    // The sidebar folds away to give the text the room, and comes back.
    const paneWidth = (await page.locator('section.pane').first().boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide the sidebar' }).click();
    await expect(sidebar(page).getByRole('tablist')).toHaveCount(0);
    await expect.poll(async () => (await page.locator('section.pane').first().boundingBox())!.width).toBeGreaterThan(paneWidth + 100);
    await page.getByRole('button', { name: 'Show the sidebar' }).click();
    await expect(sidebar(page).getByRole('tab', { name: 'Annotations' })).toBeVisible();
  });
});

test.describe('codebook', () => {
  test('create a hierarchy, rename, move (dialog and drag), merge and delete, with counts and confirmation', async ({
    page,
    workbench,
  }) => {
    const { article } = await bundled(workbench);
    await open(page, workbench);
    await sidebar(page).getByRole('tab', { name: /Codebook/ }).click();
    const codebook = sidebar(page).getByRole('list', { name: 'Codebook' });
    const row = (name: string) => codebook.locator(`li[data-tag-name="${name}"]`);
    const form = sidebar(page).getByRole('form', { name: 'New tag' });
    const addTag = async (name: string, parent?: string) => {
      await form.getByLabel('New tag name').fill(name);
      if (parent) await form.getByLabel('Parent of the new tag').selectOption({ label: parent });
      else await form.getByLabel('Parent of the new tag').selectOption({ label: '(top level)' });
      await form.getByRole('button', { name: 'Add' }).click();
      await expect(row(name)).toBeVisible();
    };
    await addTag('Causes');
    await addTag('Economic');
    await addTag('Political');
    await addTag('Terror', 'Political');
    await expect(row('Terror')).toHaveCSS('padding-left', '16px');

    // A name with "/" is refused where it was typed.
    await form.getByLabel('New tag name').fill('a/b');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('alert')).toContainText('cannot contain “/”');
    await form.getByLabel('New tag name').fill('');

    // Annotations carrying the tags, so the dialogs have something to count.
    const tags = await hostApi<Tag[]>(workbench, 'listTags');
    const id = (name: string) => tags.find((tag) => tag.name === name)!.id;
    const passages = ['Joseph Vissarionovich Stalin', 'Soviet Union', 'Georgia'];
    let from = 0;
    for (const [index, phrase] of passages.entries()) {
      const range = await find(workbench, article.currentVersionId, phrase, from);
      from = range.end;
      await hostApi(workbench, 'createAnnotation', {
        versionId: article.currentVersionId,
        ...range,
        color: 'blue',
        tagIds: index < 2 ? [id('Political')] : [id('Economic')],
      });
    }
    await page.reload();
    await sidebar(page).getByRole('tab', { name: /Codebook/ }).click();

    // Rename.
    await row('Economic').getByRole('button', { name: 'Economic', exact: true }).click();
    const editor = row('Economic').getByRole('group', { name: 'Edit “Economic”' });
    await expect(editor).toContainText('Used on 1 annotation');
    await editor.getByLabel('Tag name').fill('Economy');
    await editor.getByRole('button', { name: 'Rename' }).click();
    await expect(row('Economy')).toBeVisible();
    await expect(sidebar(page).getByRole('status')).toContainText('Renamed “Economic” to “Economy” on 1 annotation');

    // Move with the dialog: under "Causes".
    await row('Economy').getByRole('button', { name: 'Move…' }).click();
    const move = page.getByRole('dialog', { name: 'Move “Economy”' });
    await expect(move).toContainText('1 annotation keep this tag');
    await move.getByLabel('New parent').selectOption({ label: 'Causes' });
    await move.getByRole('button', { name: 'Move' }).click();
    await expect(move).toBeHidden();
    await expect(row('Economy')).toHaveCSS('padding-left', '16px');
    await expect.poll(async () => (await hostApi<Tag[]>(workbench, 'listTags')).find((t) => t.name === 'Economy')?.parentId).toBe(id('Causes'));

    // Move by dragging: "Political" (with its sub-tag) onto "Causes".
    await row('Political').locator('.drag-grip').dragTo(row('Causes').locator('.tag-line'));
    await expect.poll(async () => (await hostApi<Tag[]>(workbench, 'listTags')).find((t) => t.name === 'Political')?.parentId).toBe(id('Causes'));
    await expect(row('Terror')).toHaveCSS('padding-left', '32px');

    // Merge "Political" into "Economy": the dialog counts what moves, and asks first.
    await row('Political').getByRole('button', { name: 'Political', exact: true }).click();
    await row('Political').getByRole('button', { name: 'Merge into…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge “Political” into another tag' });
    await expect(merge).toContainText('“Political” is on 2 annotations and has 1 sub-tag');
    await expect(merge.getByRole('button', { name: 'Merge' })).toBeDisabled();
    await merge.getByLabel('Merge into').selectOption(id('Economic'));
    await expect(merge).toContainText('2 annotations tagged “Political” will be tagged “Causes / Economy” instead (it has 1 annotation now)');
    await expect(merge).toContainText('Its 1 sub-tag moves under “Economy”');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(merge).toBeHidden();
    await expect(row('Political')).toHaveCount(0);
    await expect(row('Economy').locator('.tag-count')).toHaveText('3');

    // Delete "Economy": the dialog counts the annotations it is taken off, and asks first.
    await row('Economy').getByRole('button', { name: 'Economy', exact: true }).click();
    await row('Economy').getByRole('button', { name: 'Delete…' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete “Economy”?' });
    await expect(remove).toContainText('taken off 3 annotations');
    await expect(remove).toContainText('Its 1 sub-tag moves up to “Causes”');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await expect(row('Economy')).toBeVisible();
    await row('Economy').getByRole('button', { name: 'Delete…' }).click();
    await remove.getByRole('button', { name: 'Delete tag' }).click();
    await expect(row('Economy')).toHaveCount(0);
    await expect(sidebar(page).getByRole('status')).toContainText('it was taken off 3 annotations');
    await expect(row('Terror')).toHaveCSS('padding-left', '16px');

    // The title bar's undo takes the deletion back, naming it in its tooltip.
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect(undo).toBeEnabled();
    await expect(undo).toHaveAttribute('title', /^Undo /);
    await undo.click();
    await expect(row('Economy')).toBeVisible();
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    await expect(redo).toBeEnabled();
    await redo.click();
    await expect(row('Economy')).toHaveCount(0);
  });

  test('a name typed for the next tag while the last one is still being added is kept', async ({ page, workbench }) => {
    await open(page, workbench);
    await sidebar(page).getByRole('tab', { name: /Codebook/ }).click();
    const form = sidebar(page).getByRole('form', { name: 'New tag' });
    const name = form.getByLabel('New tag name');
    // The history's answer comes late (a busy machine): the new tag is listed before it arrives.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/changesSince', async (route) => {
      await held;
      await route.continue();
    });
    await name.fill('Collectivisation');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(sidebar(page).getByRole('list', { name: 'Codebook' }).locator('li[data-tag-name="Collectivisation"]')).toBeVisible();
    await name.fill('Show trials');
    const answered = page.waitForResponse('**/api/changesSince');
    release();
    await answered;
    await expect(sidebar(page).getByRole('status')).toContainText('Added “Collectivisation”');
    await expect(name).toHaveValue('Show trials');
  });

  test('filtering by a tag (with its sub-tags) narrows the sidebar, and by grade and credibility', async ({ page, workbench }) => {
    const { russian, article } = await bundled(workbench);
    const parent = await hostApi<Tag>(workbench, 'createTag', { name: 'Succession', color: 'green' });
    const child = await hostApi<Tag>(workbench, 'createTag', { name: 'Kirov', parentId: parent.id, color: 'red' });
    const other = await hostApi<Tag>(workbench, 'createTag', { name: 'Famine', color: 'orange' });
    const annotate = async (versionId: string, phrase: string, tagIds: string[], credibility: number | null) =>
      hostApi<Annotation>(workbench, 'createAnnotation', {
        versionId,
        ...(await find(workbench, versionId, phrase)),
        color: 'green',
        tagIds,
        credibility,
      });
    await annotate(russian.currentVersionId, 'Надежда Аллилуева', [parent.id], 2);
    await annotate(russian.currentVersionId, 'Киров', [child.id], 3);
    await annotate(article.currentVersionId, 'Bolshevik', [other.id], null);
    await hostApi(workbench, 'saveAssessment', { documentId: russian.id, reliability: 'C' });

    await open(page, workbench);
    // The sidebar fills once the annotations have loaded: wait for them before counting.
    await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(3);
    const total = await cards(page).count();

    // The tag filter takes in the sub-tags of the chosen tag, and is shared with the panes.
    await sidebar(page).getByLabel('Filter by tag').selectOption({ label: 'Succession' });
    await expect(cards(page)).toHaveCount(2);
    await expect(cards(page).nth(0)).toContainText('Надежда Аллилуева');
    await expect(cards(page).nth(1)).toContainText('Киров');
    await expect(cards(page).nth(1).locator('.chip')).toHaveText(['Kirov']);
    await expect(sidebar(page).locator('.list-count')).toContainText(`2 of ${total}`);
    await sidebar(page).getByRole('button', { name: 'Clear' }).click();
    await expect(cards(page)).toHaveCount(total);

    // From the codebook's filter button too.
    await sidebar(page).getByRole('tab', { name: /Codebook/ }).click();
    await sidebar(page).getByRole('button', { name: 'Filter by “Famine”' }).click();
    await sidebar(page).getByRole('tab', { name: 'Annotations' }).click();
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toContainText('Bolshevik');
    await sidebar(page).getByLabel('Filter by tag').selectOption({ label: 'Any tag' });

    // Source grade and credibility filters: each card carries both as letters and numbers.
    await sidebar(page).getByLabel('Filter by source reliability').selectOption('C');
    await expect(cards(page).filter({ hasText: 'Bolshevik' })).toHaveCount(0);
    await expect(cards(page).filter({ hasText: 'Киров' })).toHaveCount(1);
    const card = cards(page).filter({ hasText: 'Киров' });
    await expect(card.locator('.grade-badge')).toHaveText('C');
    await expect(card.locator('.card-grades')).toHaveAttribute('title', /Source graded C: fairly reliable/);
    await expect(card.locator('.credibility-badge')).toHaveText('3');
    await expect(card.locator('.card-grades')).toHaveAttribute('title', /Information rated 3: possibly true/);
    await sidebar(page).getByLabel('Filter by credibility').selectOption('2');
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toContainText('Надежда Аллилуева');
    await sidebar(page).getByLabel('Filter by source reliability').selectOption('');
    await sidebar(page).getByLabel('Filter by credibility').selectOption('none');
    await expect(cards(page).filter({ hasText: 'Bolshevik' })).toHaveCount(1);
    await expect(cards(page).filter({ hasText: 'Киров' })).toHaveCount(0);
  });
});

test.describe('source reliability', () => {
  test('grade B and the questions of source criticism are saved at once and shown after a reload', async ({ page, workbench }) => {
    const { article } = await bundled(workbench);
    await open(page, workbench);
    const pane = page.locator('section.pane').nth(1);
    const badge = pane.getByTestId('grade-badge');
    await expect(badge).toHaveText('Grade source');
    await expect(badge).toHaveAttribute('title', /not graded/);
    await badge.click();
    const panel = pane.getByRole('dialog', { name: 'Source assessment' });
    await expect(panel).toBeVisible();
    for (const wording of ['Completely reliable', 'Usually reliable', 'Fairly reliable', 'Not usually reliable', 'Unreliable', 'Reliability cannot be judged']) {
      await expect(panel).toContainText(wording);
    }
    await panel.getByRole('radio', { name: /B Usually reliable/ }).check();
    await expect(badge).toHaveText('B');
    await panel.getByLabel('Authorship').fill('Wikipedia contributors, many and anonymous');
    await panel.getByLabel('Date of writing').fill('snapshot, after 2017');
    await panel.getByLabel('Place of writing').fill('online');
    await panel.getByLabel('Proximity to the events').fill('none: a compilation from secondary works');
    await panel.getByLabel('Tendency or bias').fill('consensus of English-language scholarship');
    await panel.getByLabel('Provenance').fill('plain-text copy without the reference list');
    await expect(panel.locator('.save-status')).toHaveText('Saved');
    await expect
      .poll(async () => (await hostApi<SourceAssessment>(workbench, 'getAssessment', { documentId: article.id })).provenance)
      .toBe('plain-text copy without the reference list');

    await page.reload();
    const again = page.locator('section.pane').nth(1).getByTestId('grade-badge');
    await expect(again).toHaveText('B');
    await expect(again).toHaveAttribute('title', /Usually reliable/);
    await again.click();
    const reopened = page.locator('section.pane').nth(1).getByRole('dialog', { name: 'Source assessment' });
    await expect(reopened.getByRole('radio', { name: /B Usually reliable/ })).toBeChecked();
    await expect(reopened.getByLabel('Authorship')).toHaveValue('Wikipedia contributors, many and anonymous');
    await expect(reopened.getByLabel('Proximity to the events')).toHaveValue('none: a compilation from secondary works');
    await expect(reopened.getByLabel('Tendency or bias')).toHaveValue('consensus of English-language scholarship');
    await page.keyboard.press('Escape');
    await expect(reopened).toBeHidden();
  });
});

test.describe('sidebar', () => {
  test('a card shows its annotation; a click scrolls the pane to the highlight; hover lights both', async ({ page, workbench }) => {
    const { volkogonov } = await bundled(workbench);
    const content = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId: volkogonov.currentVersionId });
    // A passage far down the 1.3 MB text, inside one paragraph.
    const around = Math.floor(content.text.length * 0.7);
    const start = content.text.indexOf('. ', around) + 2;
    const end = content.text.indexOf(' ', start + 50);
    const quote = content.text.slice(start, end);
    expect(quote).not.toContain('\n');
    const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Check against the archive' }] }] };
    const created = await hostApi<Annotation>(workbench, 'createAnnotation', {
      versionId: volkogonov.currentVersionId,
      start,
      end,
      color: 'purple',
      credibility: 4,
      note,
    });

    await open(page, workbench);
    const card = sidebar(page).locator(`.card[data-annotation-id="${created.id}"]`);
    await expect(card).toBeVisible();
    await expect(card.locator('.card-quote')).toHaveText(quote);
    await expect(card.locator('.credibility-badge')).toHaveText('4');
    await expect(card.locator('.card-grades')).toHaveAttribute('title', /Information rated 4: doubtful/);
    await expect(card.locator('.card-note')).toContainText('Check against the archive');
    await expect(card.locator('time')).toHaveText('just now');

    const pane = page.locator('section.pane').nth(2);
    const mark = pane.locator(`mark[data-annotation-id="${created.id}"]`).first();
    await expect(mark).not.toBeInViewport();
    await card.click();
    await expect(mark).toBeInViewport();

    // By keyboard: the quote is the card's button.
    await pane.locator('.pane-body').evaluate((body) => body.scrollTo(0, 0));
    await expect(mark).not.toBeInViewport();
    await card.getByRole('button', { name: /^Go to “/ }).focus();
    await page.keyboard.press('Enter');
    await expect(mark).toBeInViewport();

    await card.hover();
    await expect(mark).toHaveClass(/is-hovered/);
    await page.mouse.move(5, 5);
    await expect(mark).not.toHaveClass(/is-hovered/);
    await mark.hover();
    await expect(card).toHaveClass(/\blit\b/);
  });

  test('orphans show their quote in context and why; re-attached from a selection in a pane', async ({ page, workbench }) => {
    await page.goto(workbench.server.url);
    await expect(page.locator('section.pane')).toHaveCount(3);
    const importText = async (text: string, versionOf?: string) => {
      const data = Buffer.from(text, 'utf8').toString('base64');
      const { jobId } = await pageApi<{ jobId: string }>(page, 'startImport', {
        fileName: 'orphan-letter.txt',
        data,
        record: versionOf ? undefined : { title: 'Orphan test letter', language: 'en' },
        ...(versionOf ? { versionOf } : {}),
      });
      let job: { state: string; documentId: string | null; versionId: string | null; error: unknown } | null = null;
      await expect
        .poll(async () => {
          job = await pageApi(page, 'getImportJob', { jobId });
          return job!.state;
        })
        .toBe('done');
      return job! as { documentId: string; versionId: string };
    };
    const first = await importText('The commissar signed the order on Tuesday morning in Kuntsevo. Then the rain came.\n');
    const phrase = 'signed the order on Tuesday morning in Kuntsevo';
    const start = 'The commissar '.length;
    const orphan = await pageApi<Annotation>(page, 'createAnnotation', {
      versionId: first.versionId,
      start,
      end: start + phrase.length,
      color: 'red',
    });
    await importText('A report about fishing boats, harbour nets and the price of salt.\n', first.documentId);
    const annotations = await pageApi<Annotation[]>(page, 'listAnnotations', { documentId: first.documentId });
    expect(annotations.find((a) => a.id === orphan.id)?.status).toBe('orphan');

    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(3);
    const tab = sidebar(page).getByRole('tab', { name: /Orphans/ });
    await expect(tab).toContainText(/\d/);
    await tab.click();
    const card = sidebar(page).locator(`.card[data-annotation-id="${orphan.id}"]`);
    await expect(card.locator('.orphan-quote')).toHaveText(phrase);
    await expect(card.locator('.orphan-context')).toContainText('The commissar signed the order');
    await expect(card.locator('.orphan-context')).toContainText('Then the rain came');
    await expect(card.locator('.orphan-reason')).toContainText('Why:');
    const reattach = card.getByRole('button', { name: 'Re-attach here' });
    await expect(reattach).toBeDisabled();

    // Open the letter's new version in a pane and select a passage in it.
    const pane = page.locator('section.pane').first();
    await pane.getByRole('button', { name: 'Show another document in this pane' }).click();
    await pane.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^\[?Orphan test letter/ }).last().click();
    await expect(pane.locator('.source-text')).toContainText('fishing boats');
    await pane.locator('.source-text p').first().evaluate((paragraph) => {
      const text = paragraph.firstChild!;
      const range = document.createRange();
      const at = text.textContent!.indexOf('fishing boats');
      range.setStart(text, at);
      range.setEnd(text, at + 'fishing boats'.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    const state = sidebar(page).locator('.selection-state');
    await expect(state).toContainText('Selected: 13 characters');
    await expect(reattach).toBeEnabled();
    await reattach.click();
    await expect(card).toHaveCount(0);
    const after = await pageApi<Annotation[]>(page, 'listAnnotations', { documentId: first.documentId });
    const placed = after.find((a) => a.id === orphan.id)!;
    expect(placed.status).toBe('anchored');
    expect(placed.quote.exact).toBe('fishing boats');
  });
});
