/**
 * The claims panel as a historian uses it: one claim about Nadezhda Alliluyeva's death told by
 * the three bundled sources (Volkogonov and the Russian account support it; Wikipedia qualifies
 * it with another year), and a second claim on Ryutin's arrest. The compare view shows the
 * accounts in context with the grades of their sources and the year that differs, edits the claim
 * in place, undoes, and leads back to the text; the matrix shows every source's stance by symbol
 * and name, sorted and filtered; the timeline puts the claims in the order of their dates.
 *
 * The project is shared by the tests of a worker: every test builds its own claims (through the
 * API, with a mark of its own in the wording) and everything made or changed is put back after it.
 */
import type { Locator, Page } from '@playwright/test';
import type { Annotation, Tag, Workspace } from '../../shared/annotations';
import type { Claim } from '../../shared/claims';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import { expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';

const VOLKOGONOV_QUOTE = 'In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide';
const WIKIPEDIA_QUOTE =
  'In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.';
const RUSSIAN_QUOTE = 'Она вышла и в ту же ночь покончила с собой.';
const RYUTIN_QUOTE = 'В октябре 1932 года был арестован Рютин';
const RYUTIN_MENTION = 'The affair of M.N. Ryutin';

// Column titles of the three sources (their titles without subtitle or parenthesis).
const VOLKOGONOV = 'Triumph and Tragedy';
const WIKIPEDIA = 'Joseph Stalin';
const RUSSIAN = "[Alliluyeva's death, the Ryutin affair and Kirov's murder]";

// What a test makes is taken away after it, and the grades put back: other specs see the project as it was.
leaveProjectAsFound('after each test');

async function bundled(workbench: Workbench) {
  const documents = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
  const [russian, article, volkogonov] = documents;
  expect(russian!.title).toMatch(/^Alliluyeva's death/);
  expect(article!.title).toBe('Joseph Stalin');
  expect(volkogonov!.title).toMatch(/^Triumph and Tragedy/);
  return { russian: russian!, article: article!, volkogonov: volkogonov! };
}

/** Offsets of a phrase in a version's reading text (a hard-wrapped line may end in any white space). */
async function find(workbench: Workbench, versionId: string, phrase: string): Promise<{ start: number; end: number }> {
  const { text } = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId });
  let start = text.indexOf(phrase);
  let length = phrase.length;
  if (start < 0) {
    const pattern = new RegExp(phrase.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    const match = pattern.exec(text);
    start = match?.index ?? -1;
    length = match?.[0].length ?? 0;
  }
  expect(start, `“${phrase}” in the text`).toBeGreaterThanOrEqual(0);
  return { start, end: start + length };
}

interface Built {
  readonly death: Claim;
  readonly ryutin: Claim;
  readonly mark: string;
  readonly highlights: { readonly volkogonov: Annotation; readonly wikipedia: Annotation; readonly russian: Annotation };
  readonly tags: { readonly parent: Tag; readonly child: Tag };
}

/** The two claims with their accounts, made through the API as another part of the workbench would. */
async function buildClaims(workbench: Workbench): Promise<Built> {
  const { russian, article, volkogonov } = await bundled(workbench);
  const mark = `t${Date.now().toString(36)}`;
  const parent = await hostApi<Tag>(workbench, 'createTag', { name: `Family ${mark}`, color: 'purple' });
  const child = await hostApi<Tag>(workbench, 'createTag', { name: `Death ${mark}`, parentId: parent.id, color: 'red' });
  const highlight = async (versionId: string, phrase: string, credibility: number | null, tagIds: string[] = []) =>
    hostApi<Annotation>(workbench, 'createAnnotation', {
      versionId,
      ...(await find(workbench, versionId, phrase)),
      color: 'orange',
      tagIds,
      credibility,
    });
  const highlights = {
    volkogonov: await highlight(volkogonov.currentVersionId, VOLKOGONOV_QUOTE, 2, [child.id]),
    wikipedia: await highlight(article.currentVersionId, WIKIPEDIA_QUOTE, 3),
    russian: await highlight(russian.currentVersionId, RUSSIAN_QUOTE, null),
  };
  const ryutinRussian = await highlight(russian.currentVersionId, RYUTIN_QUOTE, 2);
  const ryutinVolkogonov = await highlight(volkogonov.currentVersionId, RYUTIN_MENTION, null);

  await hostApi(workbench, 'saveAssessment', { documentId: volkogonov.id, reliability: 'B' });
  await hostApi(workbench, 'saveAssessment', { documentId: article.id, reliability: 'C' });
  await hostApi(workbench, 'saveAssessment', { documentId: russian.id, reliability: null });

  let death = await hostApi<Claim>(workbench, 'createClaim', {
    wording: `Nadezhda Alliluyeva took her own life (${mark})`,
    date: 'November 1932',
    people: ['Nadezhda Alliluyeva'],
    places: ['Moscow'],
    account: { annotationId: highlights.volkogonov.id, stance: 'supports' },
  });
  death = await hostApi<Claim>(workbench, 'attachAccount', {
    claimId: death.id,
    annotationId: highlights.wikipedia.id,
    stance: 'qualifies',
    note: 'date: 1931 vs 1932',
  });
  death = await hostApi<Claim>(workbench, 'attachAccount', { claimId: death.id, annotationId: highlights.russian.id, stance: 'supports' });
  let ryutin = await hostApi<Claim>(workbench, 'createClaim', {
    wording: `Ryutin was arrested (${mark})`,
    date: 'October 1932',
    people: ['Martemyan Ryutin'],
    account: { annotationId: ryutinRussian.id, stance: 'supports' },
  });
  ryutin = await hostApi<Claim>(workbench, 'attachAccount', { claimId: ryutin.id, annotationId: ryutinVolkogonov.id, stance: 'mentions' });
  return { death, ryutin, mark, highlights, tags: { parent, child } };
}

async function open(page: Page, workbench: Workbench): Promise<void> {
  await page.goto(workbench.server.url);
  await expect(page.locator('section.pane')).toHaveCount(3);
  await expect(page.locator('section.pane .source-text').first()).toBeVisible();
}

const panel = (page: Page) => page.getByRole('region', { name: 'Claims' });
const account = (page: Page, source: string) => panel(page).getByRole('article', { name: `Account in ${source}` });
const claimById = (workbench: Workbench, id: string) =>
  hostApi<Claim[]>(workbench, 'listClaims').then((claims) => claims.find((claim) => claim.id === id));

/** Opens the panel with the title bar's button, on a tab. */
async function openPanel(page: Page, tab: 'Compare' | 'Matrix' | 'Timeline' = 'Compare'): Promise<Locator> {
  await page.getByRole('button', { name: /^Claims \d+$/ }).click();
  await expect(panel(page)).toBeVisible();
  await panel(page).getByRole('tab', { name: tab }).click();
  await expect(panel(page).getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return panel(page);
}

/** Opens a claim in the compare view with the claim picker's search. */
async function pick(page: Page, search: string, wording: string): Promise<void> {
  const region = panel(page);
  await region.getByRole('searchbox', { name: 'Find a claim' }).fill(search);
  await region.getByRole('list', { name: 'Claims' }).getByRole('button', { name: new RegExp(escape(wording)) }).click();
  await expect(region.getByRole('textbox', { name: 'Wording' })).toHaveValue(wording);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('the claims panel', () => {
  test('empty, it says how to make a claim; Shift+C and the title bar open it, Escape and × close it', async ({ page, workbench }) => {
    test.skip((await hostApi<Claim[]>(workbench, 'listClaims')).length > 0, 'the project already has claims');
    await open(page, workbench);
    await expect(page.getByRole('button', { name: 'Claims 0' })).toBeVisible();
    await page.locator('section.pane .source-text').first().click();
    await page.keyboard.press('Shift+C');
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByRole('tab')).toHaveText(['Compare', 'Matrix', 'Timeline']);
    await expect(panel(page)).toContainText('Select a passage in a pane and choose Claim… to record what it says');
    // The panes stay in sight above the panel.
    const paneBox = (await page.locator('section.pane').first().boundingBox())!;
    const panelBox = (await panel(page).boundingBox())!;
    expect(paneBox.y + paneBox.height).toBeLessThanOrEqual(panelBox.y + 1);
    expect(paneBox.height).toBeGreaterThan(150);
    // Tabs with the arrow keys; every view has its empty state.
    await expect(panel(page).getByRole('tab', { name: 'Compare' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(panel(page).getByRole('tab', { name: 'Matrix' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel(page).getByRole('tabpanel')).toContainText('No claims yet');
    await page.keyboard.press('ArrowRight');
    await expect(panel(page).getByRole('tab', { name: 'Timeline' })).toBeFocused();
    await expect(panel(page).getByRole('tabpanel')).toContainText('give the claim a date');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Claims 0' })).toBeFocused();
    await page.getByRole('button', { name: 'Claims 0' }).click();
    await expect(panel(page)).toBeVisible();
    await panel(page).getByRole('button', { name: 'Close the claims panel' }).click();
    await expect(panel(page)).toBeHidden();
    // The shortcut is on the sheet.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Open or close the claims panel');
  });

  test('compare: three accounts in context, with grades, stances and the year that differs; edits saved, undoable', async ({ page, workbench }) => {
    const { death, highlights } = await buildClaims(workbench);
    await open(page, workbench);
    await openPanel(page);
    await pick(page, 'Alliluyeva', death.wording);

    // One column per account, by source in the order of the documents.
    const columns = panel(page).getByRole('article');
    await expect(columns).toHaveCount(3);
    await expect(columns.locator('.account-source')).toHaveText([RUSSIAN, WIKIPEDIA, VOLKOGONOV]);

    // The quote in its context: prefix … exact … suffix, the exact words emphasised.
    for (const [source, annotation] of [
      [VOLKOGONOV, highlights.volkogonov],
      [WIKIPEDIA, highlights.wikipedia],
      [RUSSIAN, highlights.russian],
    ] as const) {
      const quote = account(page, source).locator('blockquote.quote-in-context');
      await expect(quote.locator('.exact')).toHaveText(annotation.quote.exact);
      // The context's whole words (the word cut in two where the context was cut off is left out).
      await expect(quote).toContainText(annotation.quote.prefix.trim().split(/\s+/).slice(1).join(' '));
      await expect(quote).toContainText(annotation.quote.suffix.trim().split(/\s+/).slice(0, -1).join(' '));
      await expect(quote).toHaveText(/^….+…$/s);
    }
    // The grades of the sources, and of the information.
    await expect(account(page, VOLKOGONOV).locator('.reliability')).toHaveText(/B — Usually reliable/);
    await expect(account(page, WIKIPEDIA).locator('.reliability')).toHaveText(/C — Fairly reliable/);
    await expect(account(page, RUSSIAN).locator('.reliability')).toHaveText(/not graded/);
    await expect(account(page, VOLKOGONOV).locator('.credibility-badge')).toHaveText('2');
    await expect(account(page, WIKIPEDIA).locator('.credibility-badge')).toHaveAttribute('title', /Possibly true/);
    // Stances and the note.
    await expect(account(page, VOLKOGONOV).getByLabel('Stance')).toHaveValue('supports');
    await expect(account(page, WIKIPEDIA).getByLabel('Stance')).toHaveValue('qualifies');
    await expect(account(page, RUSSIAN).getByLabel('Stance')).toHaveValue('supports');
    await expect(account(page, WIKIPEDIA).getByLabel('Note on what differs')).toHaveValue('date: 1931 vs 1932');

    // The year that differs is pointed out above the accounts, and marked inside the quotes.
    const differences = panel(page).getByRole('region', { name: 'Differences between the accounts' });
    await expect(differences).toContainText(/year/i);
    await expect(differences).toContainText(`1931 (${WIKIPEDIA})`);
    await expect(differences).toContainText(`1932 (${VOLKOGONOV})`);
    await expect(account(page, WIKIPEDIA).locator('mark.figure-differs')).toHaveText(['1931']);
    await expect(account(page, VOLKOGONOV).locator('mark.figure-differs')).toHaveText(['1932']);
    await expect(panel(page).locator('.claim-editor .agreement')).toHaveText(/Disputed/);

    // The claim's head, edited in place and saved at once.
    const date = panel(page).getByRole('textbox', { name: 'Date' });
    await date.fill('sometime that autumn');
    await date.press('Enter');
    await expect(panel(page).getByRole('alert')).toContainText('Cannot read');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await date.fill('8–9 November 1932');
    await date.press('Enter');
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
    await expect(panel(page)).toContainText('Read as 8 Nov 1932 – 9 Nov 1932');
    await expect.poll(async () => (await claimById(workbench, death.id))?.date?.to).toBe('1932-11-09');

    const verdict = panel(page).getByRole('textbox', { name: 'Verdict' });
    await verdict.fill('Suicide on the night of 8–9 November 1932; Wikipedia’s 1931 is a slip.');
    await verdict.press('Tab');
    await expect.poll(async () => (await claimById(workbench, death.id))?.verdict).toBe(
      'Suicide on the night of 8–9 November 1932; Wikipedia’s 1931 is a slip.',
    );
    await panel(page).getByLabel('Add a person').fill('Joseph Stalin');
    await panel(page).getByLabel('Add a person').press('Enter');
    await expect(panel(page).getByRole('list', { name: 'People' }).getByRole('listitem')).toHaveText([/Nadezhda Alliluyeva/, /Joseph Stalin/]);
    await panel(page).getByLabel('Credibility of the claim').selectOption('2');
    await expect.poll(async () => (await claimById(workbench, death.id))?.credibility).toBe(2);
    await expect.poll(async () => (await claimById(workbench, death.id))?.people).toEqual(['Nadezhda Alliluyeva', 'Joseph Stalin']);

    // A stance changed and taken back with Ctrl+Z.
    await account(page, WIKIPEDIA).getByLabel('Stance').selectOption('contradicts');
    await expect.poll(async () => (await claimById(workbench, death.id))?.accounts.find((a) => a.annotationId === highlights.wikipedia.id)?.stance).toBe(
      'contradicts',
    );
    await expect(panel(page).locator('.stance-summary')).toContainText('✘');
    // In the select (it has no undo of its own), the key takes back the saved change.
    await account(page, WIKIPEDIA).getByLabel('Stance').focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(account(page, WIKIPEDIA).getByLabel('Stance')).toHaveValue('qualifies');
    await expect.poll(async () => (await claimById(workbench, death.id))?.accounts.find((a) => a.annotationId === highlights.wikipedia.id)?.stance).toBe(
      'qualifies',
    );

    // All is there after a reload, the panel open as it was left.
    await expect.poll(async () => (await hostApi<Workspace>(workbench, 'getWorkspace')).claimsPanel?.open).toBe(true);
    await page.reload();
    await expect(page.locator('section.pane')).toHaveCount(3);
    await expect(panel(page)).toBeVisible();
    await pick(page, 'Alliluyeva', death.wording);
    await expect(panel(page).getByRole('textbox', { name: 'Date' })).toHaveValue('8–9 November 1932');
    await expect(panel(page).getByRole('textbox', { name: 'Verdict' })).toHaveValue(/Wikipedia’s 1931 is a slip/);
    await expect(panel(page).getByLabel('Credibility of the claim')).toHaveValue('2');
    await expect(account(page, WIKIPEDIA).getByLabel('Stance')).toHaveValue('qualifies');

    // The account's note, saved when the field is left; Detach takes the account out (undoable).
    const note = account(page, RUSSIAN).getByLabel('Note on what differs');
    await note.fill('no date given: "in the same night"');
    await note.press('Tab');
    await expect.poll(async () => (await claimById(workbench, death.id))?.accounts.find((a) => a.annotationId === highlights.russian.id)?.note).toBe(
      'no date given: "in the same night"',
    );
    await account(page, RUSSIAN).getByRole('button', { name: 'Detach' }).click();
    await expect(panel(page).getByRole('article')).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(panel(page).getByRole('article')).toHaveCount(3);
  });

  test('compare at 1280×800: every account’s quote in sight without scrolling the window', async ({ page, workbench }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { death } = await buildClaims(workbench);
    await open(page, workbench);
    await openPanel(page);
    await pick(page, 'Alliluyeva', death.wording);
    const quotes = panel(page).getByRole('article').locator('blockquote.quote-in-context .exact');
    await expect(quotes).toHaveCount(3);
    for (const quote of await quotes.all()) await expect(quote).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  });

  test('“Show in text” scrolls the source’s pane to the passage, and opens the source in a pane if none shows it', async ({ page, workbench }) => {
    const { death, highlights } = await buildClaims(workbench);
    await open(page, workbench);
    await openPanel(page);
    await pick(page, 'Nadezhda', death.wording);

    const volkogonovPane = page.locator('section.pane').nth(2);
    const volkogonovMark = volkogonovPane.locator(`mark.annotation[data-annotation-id="${highlights.volkogonov.id}"]`).first();
    await expect(volkogonovMark).not.toBeInViewport();
    await account(page, VOLKOGONOV).getByRole('button', { name: 'Show in text' }).click();
    await expect(volkogonovMark).toBeInViewport();
    await expect(volkogonovMark).toContainText('Alliluyeva-Stalina');

    // Close the Wikipedia pane: "Show in text" opens the article in a pane, at the passage.
    await page.locator('section.pane').nth(1).getByRole('button', { name: 'Close this pane' }).click();
    await expect(page.locator('section.pane')).toHaveCount(2);
    await account(page, WIKIPEDIA).getByRole('button', { name: 'Show in text' }).click();
    await expect(page.locator('section.pane')).toHaveCount(3);
    const articlePane = page.locator('section.pane').nth(2);
    await expect(articlePane.locator('.pane-title')).toHaveText('Joseph Stalin');
    const articleMark = articlePane.locator(`mark.annotation[data-annotation-id="${highlights.wikipedia.id}"]`).first();
    await expect(articleMark).toBeInViewport();
  });

  test('matrix: each source’s stance by symbol and name; sorted by date and wording; filtered by stance, person and tag', async ({ page, workbench }) => {
    const { death, ryutin, tags } = await buildClaims(workbench);
    await open(page, workbench);
    const region = await openPanel(page, 'Matrix');
    const table = region.getByRole('table', { name: 'Claims by source' });
    await expect(table.getByRole('columnheader')).toHaveText([/Claim/, /Date/, RUSSIAN, WIKIPEDIA, VOLKOGONOV, 'Disputed']);
    const rows = table.locator('tbody tr');
    const mine = (row: Locator) => row.filter({ hasText: /\(t[0-9a-z]+\)/ });
    const deathRow = rows.filter({ hasText: death.wording });
    const ryutinRow = rows.filter({ hasText: ryutin.wording });

    // Symbols with names: readable without colour.
    await expect(deathRow.getByRole('img', { name: `${VOLKOGONOV}: supports` })).toHaveText('✔');
    await expect(deathRow.getByRole('img', { name: `${WIKIPEDIA}: qualifies` })).toHaveText('≈');
    await expect(deathRow.getByRole('img', { name: `${RUSSIAN}: supports` })).toHaveText('✔');
    await expect(deathRow.locator('.col-disputed')).toContainText('Figures differ');
    await expect(ryutinRow.getByRole('img', { name: `${VOLKOGONOV}: mentions` })).toHaveText('○');
    await expect(ryutinRow.getByRole('img', { name: `${WIKIPEDIA}: no account` })).toBeVisible();
    await expect(ryutinRow.getByRole('img', { name: `${RUSSIAN}: supports` })).toBeVisible();
    await expect(region.getByRole('definition')).toHaveText(['Supports', 'Qualifies', 'Contradicts', 'Mentions']);

    // Sorted by date (October before November), then the other way, then by wording.
    const dateHeader = table.getByRole('columnheader', { name: /Date/ });
    await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(mine(rows).locator('.col-wording')).toHaveText([ryutin.wording, death.wording]);
    await dateHeader.getByRole('button').click();
    await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(mine(rows).locator('.col-wording')).toHaveText([death.wording, ryutin.wording]);
    const wordingHeader = table.getByRole('columnheader', { name: /Claim/ });
    await wordingHeader.getByRole('button').click();
    await expect(wordingHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(dateHeader).toHaveAttribute('aria-sort', 'none');
    await expect(mine(rows).locator('.col-wording')).toHaveText([death.wording, ryutin.wording]);

    // Filters: by stance, by person, by tag (with its sub-tags).
    await region.getByLabel('Filter by stance').selectOption('qualifies');
    await expect(mine(rows)).toHaveCount(1);
    await expect(mine(rows)).toContainText(death.wording);
    await region.getByLabel('Filter by stance').selectOption('mentions');
    await expect(mine(rows)).toHaveText([new RegExp(escape(ryutin.wording))]);
    await region.getByLabel('Filter by stance').selectOption('');
    await region.getByLabel('Filter by person').selectOption('Martemyan Ryutin');
    await expect(mine(rows)).toHaveCount(1);
    await expect(mine(rows)).toContainText(ryutin.wording);
    await region.getByRole('button', { name: 'Clear filters' }).click();
    await expect(mine(rows)).toHaveCount(2);
    await region.getByLabel('Filter by tag').selectOption({ label: tags.parent.name });
    await expect(mine(rows)).toHaveCount(1);
    await expect(mine(rows)).toContainText(death.wording);
    await region.getByLabel('Filter by tag').selectOption('');

    // A click on a cell opens the claim to compare; from the keyboard, Enter on a row.
    await ryutinRow.getByRole('img', { name: `${RUSSIAN}: supports` }).click();
    await expect(region.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(region.getByRole('textbox', { name: 'Wording' })).toHaveValue(ryutin.wording);
    await region.getByRole('tab', { name: 'Matrix' }).click();
    await deathRow.focus();
    await page.keyboard.press('Enter');
    await expect(region.getByRole('textbox', { name: 'Wording' })).toHaveValue(death.wording);

    // The panel is part of the workspace: after a reload it is open on the same claim.
    await expect.poll(async () => (await hostApi<Workspace>(workbench, 'getWorkspace')).claimsPanel).toEqual({ open: true, view: 'compare', claimId: death.id });
    await page.reload();
    const again = page.getByRole('region', { name: 'Claims' });
    await expect(again.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(again.getByRole('textbox', { name: 'Wording' })).toHaveValue(death.wording);
  });

  test('timeline: the claims in the order of their dates in 1932, disputed ones marked, undated apart', async ({ page, workbench }) => {
    const { death, ryutin, mark } = await buildClaims(workbench);
    const undated = await hostApi<Claim>(workbench, 'createClaim', { wording: `Stalin offered to resign (${mark})` });
    await open(page, workbench);
    const region = await openPanel(page, 'Compare');
    // To the timeline with the arrow keys.
    await region.getByRole('tab', { name: 'Compare' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(region.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');

    const dated = region.getByRole('list', { name: 'Dated claims, earliest first' });
    const rows = dated.locator('.timeline-row').filter({ hasText: mark });
    await expect(rows).toHaveCount(2);
    await expect(rows.locator('.timeline-wording')).toHaveText([ryutin.wording, death.wording]);
    await expect(region.locator('.tick-label', { hasText: /^1932$/ })).toBeVisible();
    // The bars stand in that order on the axis, in the last quarter of 1932.
    const ryutinBar = (await rows.nth(0).locator('.timeline-bar').boundingBox())!;
    const deathBar = (await rows.nth(1).locator('.timeline-bar').boundingBox())!;
    expect(ryutinBar.x).toBeLessThan(deathBar.x);
    const axis = (await region.locator('.axis-track').boundingBox())!;
    expect(ryutinBar.x).toBeGreaterThan(axis.x + axis.width * 0.5);
    // Wikipedia's own date (November 1931) differs from the claim's: marked on the claim's line, before its bar.
    const ownDate = rows.nth(1).locator('.timeline-account-date');
    await expect(ownDate).toHaveCount(1);
    await expect(ownDate).toHaveAttribute('title', `${WIKIPEDIA}: November 1931`);
    await expect(rows.nth(1).locator('.timeline-account-dates')).toHaveText(`· ${WIKIPEDIA}: November 1931`);
    expect((await ownDate.boundingBox())!.x).toBeLessThan(deathBar.x);
    await expect(rows.nth(0).locator('.timeline-account-date')).toHaveCount(0);
    // Agreed and disputed, in words (and symbols) as well as colour.
    await expect(rows.nth(0).locator('.agreement')).toHaveText(/Agreed/);
    await expect(rows.nth(1).locator('.agreement')).toHaveText(/Disputed/);
    await expect(rows.nth(1).locator('.agreement')).toHaveAttribute('title', /1931/);
    // Undated claims stand apart.
    await expect(region.getByRole('region', { name: 'Undated claims' })).toContainText(undated.wording);

    // Enter on a row opens the claim to compare.
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(region.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(region.getByRole('textbox', { name: 'Wording' })).toHaveValue(death.wording);
  });
});
