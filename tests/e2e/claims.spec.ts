/**
 * A historian weighs three accounts of Nadezhda Alliluyeva's death as a user would: selects the
 * passage with the mouse in each of the three bundled sources, makes a claim from the Russian
 * one ("Claim…" in the toolbar; a date the server cannot read is shown next to the date field and
 * nothing typed is lost), attaches the Volkogonov passage (key C, found by typing) and the
 * Wikipedia passage (qualifies: "date: 1931 vs 1932"), sees a marker after each highlight and a
 * chip on each card, clicks a marker and compares the three accounts, sees the claim as one row
 * of the matrix, undoes and redoes the last attach, and after a reload finds everything again.
 *
 * The project is shared by the tests of a worker: what these tests made is taken away afterwards
 * so other specs see the sources as they were.
 */
import type { Locator, Page } from '@playwright/test';
import type { Annotation } from '../../shared/annotations';
import type { Claim } from '../../shared/claims';
import { selectWithMouse } from './select-text';
import { expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';

const RUSSIAN = 'Она вышла и в ту же ночь покончила с собой.';
const WIKIPEDIA = 'In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.';
const VOLKOGONOV = 'In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide';
const WORDING = 'Nadezhda Alliluyeva shot herself after a quarrel with Stalin';

const projectAsFound = leaveProjectAsFound('after the spec');

async function open(page: Page, workbench: Workbench) {
  await page.goto(workbench.server.url);
  const panes = page.locator('section.pane');
  await expect(panes).toHaveCount(3);
  const russian = panes.nth(0);
  const wikipedia = panes.nth(1);
  const volkogonov = panes.nth(2);
  await expect(russian.locator('.pane-title')).toHaveText(/^\[?Alliluyeva's death/);
  await expect(wikipedia.locator('.pane-title')).toHaveText(/Joseph Stalin/);
  await expect(volkogonov.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
  await expect(volkogonov.locator('.source-text')).toContainText('Stalin was dying.');
  return { russian, wikipedia, volkogonov };
}

const popover = (scope: Locator) => scope.locator('.annotation-popover');
const claimPanel = (scope: Locator) => popover(scope).getByRole('group', { name: 'Claim' });
const marker = (scope: Locator, annotationId: string) => scope.locator(`.claim-marker[data-claims-of="${annotationId}"]`);
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sidebar' });
const card = (page: Page, annotationId: string) => sidebar(page).locator(`.card[data-annotation-id="${annotationId}"]`);
const claimsRegion = (page: Page) => page.getByRole('region', { name: 'Claims' });

/** The id of the highlight the open toolbar belongs to. */
async function openHighlightId(scope: Locator): Promise<string> {
  const popup = popover(scope);
  await expect(popup).toHaveAttribute('data-annotation-for', /.+/);
  return (await popup.getAttribute('data-annotation-for'))!;
}

/** Closes the claim panel, then the toolbar. */
async function closeToolbar(page: Page, scope: Locator) {
  for (let i = 0; i < 3 && (await popover(scope).count()) > 0; i++) await page.keyboard.press('Escape');
  await expect(popover(scope)).toHaveCount(0);
}

async function ourClaims(workbench: Workbench): Promise<Claim[]> {
  return (await hostApi<Claim[]>(workbench, 'listClaims')).filter((claim) => !projectAsFound().claims.has(claim.id));
}

test.describe('claims from the passages', () => {
  test('a highlight with a note: Claim… shows one working search, and a new claim starts with an empty wording, the passage shown with it', async ({
    page,
    workbench,
  }) => {
    const { wikipedia } = await open(page, workbench);
    const phrase = 'Stalin took charge of the funeral';
    await selectWithMouse(page, wikipedia, phrase);
    await page.keyboard.press('n');
    const id = await openHighlightId(wikipedia);
    const note = popover(wikipedia).getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await page.keyboard.type('Who was at the dinner?');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect
      .poll(async () => (await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).find((a) => a.id === id)?.noteText ?? '')
      .toContain('Who was at the dinner?');

    // Claim… beside the note, clicked again and again: always one search box, and it answers.
    const claimButton = wikipedia.getByRole('toolbar', { name: 'Highlight tools' }).getByRole('button', { name: 'Claim…' });
    const search = popover(wikipedia).getByRole('combobox', { name: 'Find a claim' });
    for (let click = 0; click < 3; click++) {
      await claimButton.click();
      await expect(search).toHaveCount(1);
      await expect(search).toBeFocused();
    }
    await expect(note).toHaveCount(1);
    await page.keyboard.type('no such claim anywhere');
    await expect(search).toHaveValue('no such claim anywhere');
    const newOption = claimPanel(wikipedia).getByRole('option', { name: /New claim/ });
    await expect(newOption).toHaveAttribute('aria-selected', 'true');

    // A new claim: the wording is the user's to write; the passage stands beside it to read.
    await page.keyboard.press('Enter');
    const form = claimPanel(wikipedia).getByRole('form', { name: 'New claim' });
    const wording = form.getByRole('textbox', { name: 'Wording' });
    await expect(wording).toBeFocused();
    await expect(wording).toHaveValue('');
    await expect(form.getByRole('figure', { name: 'The passage' })).toHaveText(phrase);
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(wording).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape'); // back to the search
    await closeToolbar(page, wikipedia);
  });

  test('one claim, three accounts: make it from a passage, attach two more, compare them, undo, redo and reload', async ({ page, workbench }) => {
    const { russian, wikipedia, volkogonov } = await open(page, workbench);

    // -- The Russian passage: a new claim, made from the toolbar's "Claim…". -----------------------
    await selectWithMouse(page, russian, RUSSIAN);
    await russian.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Claim…' }).click();
    const russianId = await openHighlightId(russian);
    const panel = claimPanel(russian);
    await expect(panel.getByRole('combobox', { name: 'Find a claim' })).toBeFocused();
    // No claim yet: the list offers only a new one, from this passage.
    const newOption = panel.getByRole('option', { name: /New claim/ });
    await expect(newOption).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const form = panel.getByRole('form', { name: 'New claim' });
    const wording = form.getByRole('textbox', { name: 'Wording' });
    await expect(wording).toBeFocused();
    await expect(wording).toHaveValue('');
    await expect(form.getByRole('figure', { name: 'The passage' })).toHaveText(RUSSIAN);
    await wording.fill(WORDING);
    await form.getByRole('textbox', { name: 'People' }).fill('Nadezhda Alliluyeva, Stalin');
    // The stance: symbol, word and what it means; "supports" to begin with.
    const stances = form.getByRole('radiogroup', { name: 'Stance' });
    await expect(stances.getByRole('radio')).toHaveCount(4);
    await expect(stances.getByRole('radio', { name: /Supports/ })).toBeChecked();
    await expect(stances).toContainText('✘Contradicts');
    await expect(stances).toContainText('agrees in substance, differs in a detail');

    // A date the server cannot read: the error stands next to the date, and nothing typed is lost.
    const dateField = form.getByRole('textbox', { name: 'Date' });
    await dateField.fill('the night after the quarrel');
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(dateField).toHaveAttribute('aria-invalid', 'true');
    const dateError = form.getByRole('alert');
    await expect(dateError).toContainText('the night after the quarrel');
    await expect(dateField).toHaveAccessibleDescription(/date/i);
    await expect(wording).toHaveValue(WORDING);
    await expect(form.getByRole('textbox', { name: 'People' })).toHaveValue('Nadezhda Alliluyeva, Stalin');
    expect(await ourClaims(workbench)).toHaveLength(0);

    await dateField.fill('8–9 November 1932');
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(panel.getByRole('status')).toContainText(`New claim “${WORDING}”`);
    await expect(dateField).toHaveCount(0);
    // The passage now tells the claim: the toolbar lists it, and a marker follows the highlight.
    await expect(panel.getByRole('region', { name: 'Claims this passage is an account of' })).toContainText(WORDING);
    const russianMarker = marker(russian, russianId);
    await expect(russianMarker).toHaveAttribute('data-symbols', '◆✔');
    await expect(russianMarker).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (supports)`);
    await expect(russianMarker).toHaveAttribute('title', `Account of claim: ${WORDING} (supports)`);
    const [claim] = await ourClaims(workbench);
    expect(claim).toMatchObject({ wording: WORDING, people: ['Nadezhda Alliluyeva', 'Stalin'], places: [] });
    expect(claim!.date).toMatchObject({ text: '8–9 November 1932', from: '1932-11-08', to: '1932-11-09' });
    expect(claim!.accounts.map((a) => [a.annotationId, a.stance])).toEqual([[russianId, 'supports']]);
    await closeToolbar(page, russian);

    // -- Volkogonov, far down the long text: key C, the claim found by typing, Enter, Enter. -------
    await selectWithMouse(page, volkogonov, VOLKOGONOV);
    await expect(volkogonov.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
    await page.keyboard.press('c');
    const volkogonovId = await openHighlightId(volkogonov);
    const search = claimPanel(volkogonov).getByRole('combobox', { name: 'Find a claim' });
    await expect(search).toBeFocused();
    await page.keyboard.type('alliluyeva 1932');
    const found = claimPanel(volkogonov).getByRole('option', { name: new RegExp(WORDING) });
    await expect(found).toHaveAttribute('aria-selected', 'true');
    await expect(found).toContainText('8–9 November 1932');
    await page.keyboard.press('Enter');
    const attachForm = claimPanel(volkogonov).getByRole('form', { name: 'Attach to the claim' });
    await expect(attachForm).toContainText(WORDING);
    await expect(attachForm.getByRole('radio', { name: /Supports/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(claimPanel(volkogonov).getByRole('status')).toContainText(`Attached to “${WORDING}”`);
    await expect(marker(volkogonov, volkogonovId)).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (supports)`);
    await closeToolbar(page, volkogonov);

    // -- Wikipedia: qualifies (the year differs), with a note on what differs. ----------------------
    await selectWithMouse(page, wikipedia, WIKIPEDIA);
    await wikipedia.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Claim…' }).click();
    const wikipediaId = await openHighlightId(wikipedia);
    await claimPanel(wikipedia).getByRole('combobox', { name: 'Find a claim' }).fill('quarrel');
    await claimPanel(wikipedia).getByRole('option', { name: new RegExp(WORDING) }).click();
    const qualifyForm = claimPanel(wikipedia).getByRole('form', { name: 'Attach to the claim' });
    await qualifyForm.getByRole('radio', { name: /Qualifies/ }).check();
    await qualifyForm.getByRole('textbox', { name: 'What differs' }).fill('date: 1931 vs 1932');
    await qualifyForm.getByRole('button', { name: 'Attach' }).click();
    await expect(claimPanel(wikipedia).getByRole('status')).toContainText('as qualifies');
    const wikipediaMarker = marker(wikipedia, wikipediaId);
    await expect(wikipediaMarker).toHaveAttribute('data-symbols', '◆≈');
    await expect(wikipediaMarker).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (qualifies)`);
    await closeToolbar(page, wikipedia);
    const [three] = await ourClaims(workbench);
    expect(three!.accounts.map((a) => [a.annotationId, a.stance, a.note])).toEqual([
      [russianId, 'supports', ''],
      [volkogonovId, 'supports', ''],
      [wikipediaId, 'qualifies', 'date: 1931 vs 1932'],
    ]);

    // The marker's meaning is in its symbols and its words, not its colour alone.
    expect(await wikipediaMarker.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"◆≈"');
    expect(await wikipediaMarker.evaluate((element) => getComputedStyle(element).borderStyle)).not.toBe(
      await russianMarker.evaluate((element) => getComputedStyle(element).borderStyle),
    );
    // It is not part of the text: the highlight's text is the passage, nothing more.
    const wikipediaText = await wikipedia
      .locator(`mark[data-annotation-id="${wikipediaId}"]`)
      .evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    expect(wikipediaText).toBe(WIKIPEDIA);

    // -- The sidebar: a chip on each card (stance symbol and the claim's wording). ------------------
    const wikipediaChip = card(page, wikipediaId).getByRole('list', { name: 'Claims' }).getByRole('button');
    await expect(wikipediaChip).toHaveText(`◆≈${WORDING}`);
    await expect(wikipediaChip).toHaveAccessibleName(`Account of claim: ${WORDING} (qualifies)`);
    await expect(card(page, russianId).getByRole('list', { name: 'Claims' }).getByRole('button')).toHaveText(`◆✔${WORDING}`);
    await expect(card(page, volkogonovId).getByRole('list', { name: 'Claims' }).getByRole('button')).toHaveText(`◆✔${WORDING}`);

    // -- One click on a marker: the claims panel compares the three accounts. -----------------------
    await russianMarker.scrollIntoViewIfNeeded();
    await russianMarker.click();
    const claims = claimsRegion(page);
    await expect(claims).toBeVisible();
    await expect(claims.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(claims.getByRole('region', { name: 'The claim' }).getByRole('textbox', { name: 'Wording' })).toHaveValue(WORDING);
    await expect(claims.getByRole('article', { name: /^Account in / })).toHaveCount(3);

    // The matrix: the claim is one row, with a symbol for each source.
    await claims.getByRole('tab', { name: 'Matrix' }).click();
    await expect(claims.getByRole('tab', { name: 'Matrix' })).toHaveAttribute('aria-selected', 'true');
    const matrix = claims.getByRole('table', { name: 'Claims by source' });
    const rows = matrix.locator('tbody tr');
    await expect(rows).toHaveCount(projectAsFound().claims.size + 1);
    const row = matrix.locator(`tbody tr[data-claim-id="${claim!.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(WORDING);
    const stanceMarks = row.getByRole('img', { name: /: (supports|qualifies)$/ });
    await expect(stanceMarks).toHaveCount(3);
    await expect(stanceMarks).toHaveText(['✔', '≈', '✔']);

    // -- Undo takes back the last attach (the Wikipedia marker goes); redo brings it back. ----------
    await page.keyboard.press('ControlOrMeta+z');
    await expect(wikipediaMarker).toHaveCount(0);
    await expect(russianMarker).toHaveAttribute('data-symbols', '◆✔');
    await expect(row.getByRole('img', { name: /: (supports|qualifies)$/ })).toHaveCount(2);
    await expect(card(page, wikipediaId).getByRole('list', { name: 'Claims' })).toHaveCount(0);
    await expect(card(page, wikipediaId)).toBeVisible(); // the highlight stays
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(wikipediaMarker).toHaveAttribute('data-symbols', '◆≈');
    await expect(row.getByRole('img', { name: /: (supports|qualifies)$/ })).toHaveCount(3);

    // -- After a reload, everything is still there. ----------------------------------------------------
    await page.reload();
    const again = await open(page, workbench);
    await expect(marker(again.russian, russianId)).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (supports)`);
    await expect(marker(again.volkogonov, volkogonovId)).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (supports)`);
    await expect(marker(again.wikipedia, wikipediaId)).toHaveAttribute('aria-label', `Account of claim: ${WORDING} (qualifies)`);
    await expect(card(page, wikipediaId).getByRole('list', { name: 'Claims' }).getByRole('button')).toHaveText(`◆≈${WORDING}`);
    // The chip opens the compare view too.
    await card(page, wikipediaId).getByRole('list', { name: 'Claims' }).getByRole('button').click();
    await expect(claimsRegion(page).getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(claimsRegion(page).getByRole('article', { name: /^Account in / })).toHaveCount(3);
    const stored = await ourClaims(workbench);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.accounts.map((a) => a.stance)).toEqual(['supports', 'supports', 'qualifies']);
  });

  test('a passage telling two claims: its marker offers both, the stance changes and the account detaches from the toolbar', async ({
    page,
    workbench,
  }) => {
    const { russian } = await open(page, workbench);
    const phrase = 'Сын Василий';
    await selectWithMouse(page, russian, phrase);
    await page.keyboard.press('c');
    const id = await openHighlightId(russian);
    const panel = claimPanel(russian);
    await panel.getByRole('option', { name: /New claim/ }).click();
    let form = panel.getByRole('form', { name: 'New claim' });
    await form.getByRole('textbox', { name: 'Wording' }).fill('Vasily held a high post in the air force');
    await form.getByRole('textbox', { name: 'People' }).fill('Vasily Stalin');
    await form.getByRole('radio', { name: /Mentions/ }).check();
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(marker(russian, id)).toHaveAttribute('data-symbols', '◆○');

    // A second claim for the same passage.
    await panel.getByRole('option', { name: /New claim/ }).click();
    form = panel.getByRole('form', { name: 'New claim' });
    await form.getByRole('textbox', { name: 'Wording' }).fill('Stalin had a son and a daughter with Alliluyeva');
    await form.getByRole('textbox', { name: 'Date' }).fill('1932');
    await form.getByRole('radio', { name: /Contradicts/ }).check();
    await form.getByRole('textbox', { name: 'What differs' }).press('Enter');
    const both = marker(russian, id);
    await expect(both).toHaveAttribute('aria-label', /^Account of 2 claims: /);
    await expect(both).toHaveAttribute('data-symbols', /^◆[○✘]{2}$/);
    // Already attached claims are not offered again.
    await expect(panel.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toHaveCount(
      (await hostApi<Claim[]>(workbench, 'listClaims')).filter((claim) => !claim.accounts.some((a) => a.annotationId === id)).length + 1,
    );

    // The stance changes from the toolbar; the marker follows.
    await panel.getByRole('combobox', { name: 'Stance toward “Stalin had a son and a daughter with Alliluyeva”' }).selectOption('qualifies');
    await expect(both).toHaveAttribute('aria-label', /Stalin had a son and a daughter with Alliluyeva \(qualifies\)/);
    await closeToolbar(page, russian);

    // One click on the marker: a tiny menu to choose which claim to compare.
    await both.click();
    const menu = russian.getByRole('menu', { name: 'Claims this passage is an account of' });
    await expect(menu.getByRole('menuitem')).toHaveCount(2);
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(both).toBeFocused();
    // One popover at a time: an outline opened from the keyboard (Volkogonov's: the Russian text has no headings) closes the menu.
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    const volkogonov = page.locator('section.pane').nth(2);
    await volkogonov.getByRole('button', { name: 'Outline' }).focus();
    await page.keyboard.press('Enter');
    await expect(volkogonov.locator('.outline-list')).toBeVisible();
    await expect(menu).toHaveCount(0);
    await page.keyboard.press('Escape');
    await both.focus();
    await page.keyboard.press('Enter');
    await menu.getByRole('menuitem', { name: /Vasily held a high post/ }).click();
    await expect(claimsRegion(page).getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(claimsRegion(page).getByRole('article', { name: /^Account in / })).toHaveCount(1);

    // Detached from one claim: the marker tells the other one only.
    await russian.locator(`mark[data-annotation-id="${id}"]`).first().click();
    await russian.getByRole('toolbar', { name: 'Highlight tools' }).getByRole('button', { name: 'Claim…' }).click();
    await claimPanel(russian).getByRole('button', { name: 'Detach from “Vasily held a high post in the air force”' }).click();
    await expect(both).toHaveAttribute('aria-label', 'Account of claim: Stalin had a son and a daughter with Alliluyeva (qualifies)');
    await expect(both).not.toHaveAttribute('aria-haspopup', 'menu');
  });
});
