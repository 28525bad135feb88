/**
 * A historian annotates the sources as a user would: selects words with the mouse, highlights
 * them with a colour (a click or a key), tags them (a new tag made on the spot, then an existing
 * one found by typing), writes a note with bold and a list, grades the credibility, undoes and
 * redoes from the keyboard, reloads, and finds everything as it was, in English and in Russian.
 *
 * The project is shared by the tests of a worker: each test works on its own passages, and what
 * the tests made is taken away afterwards so other specs see the sources as they were.
 */
import type { Locator, Page } from '@playwright/test';
import type { Annotation, Tag } from '../../shared/annotations';
import { expect, hostApi, leaveProjectAsFound, test, type Workbench } from './workbench';
import { phrasePoints, selectWithMouse } from './select-text';

leaveProjectAsFound('after the spec');

async function open(page: Page, workbench: Workbench) {
  await page.goto(workbench.server.url);
  const panes = page.locator('section.pane');
  await expect(panes).toHaveCount(3);
  const russian = panes.nth(0);
  const volkogonov = panes.nth(2);
  await expect(russian.locator('.pane-title')).toHaveText(/^\[?Alliluyeva's death/);
  await expect(volkogonov.locator('.pane-title')).toHaveText(/^Triumph and Tragedy/);
  await expect(volkogonov.locator('.source-text')).toContainText('Stalin was dying.');
  return { russian, volkogonov };
}

/** The highlight (its first element) over exactly this text. */
function highlight(scope: Locator, text: string): Locator {
  return scope.locator('mark.annotation', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

const popover = (scope: Locator) => scope.locator('.annotation-popover');

test.describe('annotating a passage', () => {
  test('highlight, tag, note and grade in the Volkogonov pane, undo and redo, and all is there after a reload', async ({ page, workbench }) => {
    const { volkogonov } = await open(page, workbench);

    // Select with the mouse: the toolbar appears, with labelled colours and grades.
    await selectWithMouse(page, volkogonov, 'Stalin was dying.');
    const toolbar = volkogonov.getByRole('toolbar', { name: 'Highlight the selection' });
    await expect(toolbar).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Green (3)' })).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Credibility 2: Probably true' })).toHaveAttribute('title', /Probably true/);

    // A colour click makes the highlight.
    await toolbar.getByRole('button', { name: 'Green (3)' }).click();
    const mark = highlight(volkogonov, 'Stalin was dying.');
    await expect(mark).toHaveClass(/annotation-green/);
    const id = await mark.getAttribute('data-annotation-id');
    expect(id).toBeTruthy();
    const tools = volkogonov.getByRole('toolbar', { name: 'Highlight tools' });
    await expect(tools.getByRole('button', { name: 'Green (3)' })).toHaveAttribute('aria-pressed', 'true');

    // T: a tag that is not in the codebook yet is made on the spot and applied.
    await page.keyboard.press('t');
    const tagInput = volkogonov.getByRole('combobox', { name: 'Add a tag' });
    await expect(tagInput).toBeFocused();
    await tagInput.fill('Illness');
    await expect(volkogonov.getByRole('option', { name: 'Create tag “Illness”' })).toBeVisible();
    await page.keyboard.press('Enter');
    const chips = popover(volkogonov).getByRole('list', { name: 'Tags' });
    await expect(chips.locator('.tag-chip-name')).toHaveText(['Illness']);
    await page.keyboard.press('Escape'); // leaves the tag input

    // N: a note with bold (typed as **…**) and a bullet list; Mod-Enter saves it.
    await page.keyboard.press('n');
    const note = popover(volkogonov).getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    // Notes are prose: the spellchecker underlines misspellings in them (and only there).
    await expect(note).toHaveAttribute('spellcheck', 'true');
    await page.keyboard.type('The **first sign** of the end.');
    await expect(note.locator('strong')).toHaveText('first sign');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- alone at Kuntsevo');
    await page.keyboard.press('Enter');
    await page.keyboard.type('doctors came late');
    await expect(note.locator('ul > li')).toHaveText(['alone at Kuntsevo', 'doctors came late']);
    // Enter on an empty item leaves the list; a Markdown link and Mod-i italics.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('See [the memoir](https://example.org/memoir), ');
    await page.keyboard.press('ControlOrMeta+i');
    await page.keyboard.type('passim');
    await page.keyboard.press('ControlOrMeta+i');
    await expect(note.locator('a')).toHaveAttribute('href', 'https://example.org/memoir');
    await expect(note.locator('em')).toHaveText('passim');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(note).not.toBeFocused();
    await expect
      .poll(async () => (await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).find((a) => a.id === id)?.noteText ?? '')
      .toContain('first sign');

    // Shift+2: credibility 2 ("Probably true"), shown as a number beside the highlight.
    await page.keyboard.press('Shift+2');
    const grade2 = tools.getByRole('button', { name: 'Credibility 2: Probably true' });
    await expect(grade2).toHaveAttribute('aria-pressed', 'true');
    const badge = volkogonov.locator(`.annotation-grade[data-grade-of="${id}"]`);
    await expect(badge).toHaveAttribute('data-grade', '2');

    // Undo takes the grade back; redo brings it again (Mod-Shift-z, and Mod-y).
    await page.keyboard.press('ControlOrMeta+z');
    await expect(grade2).toHaveAttribute('aria-pressed', 'false');
    await expect(badge).toHaveCount(0);
    await expect(mark).toHaveClass(/annotation-green/);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(grade2).toHaveAttribute('aria-pressed', 'true');
    await expect(badge).toHaveAttribute('data-grade', '2');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(badge).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+y');
    await expect(badge).toHaveAttribute('data-grade', '2');

    // A second passage, tagged by finding the existing tag as one types.
    await page.keyboard.press('Escape');
    await expect(popover(volkogonov)).toHaveCount(0);
    await selectWithMouse(page, volkogonov, 'the frightened medical people');
    await page.keyboard.press('t'); // a fresh selection: highlighted (yellow) first, then tagged
    await expect(tagInput).toBeFocused();
    await page.keyboard.type('ill');
    const option = volkogonov.getByRole('option', { name: 'Illness' });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(volkogonov.getByRole('option', { name: /Create tag/ })).toHaveCount(1); // "ill" itself could still be made
    await page.keyboard.press('Enter');
    await expect(chips.locator('.tag-chip-name')).toHaveText(['Illness']);
    await expect(highlight(volkogonov, 'the frightened medical people')).toHaveClass(/annotation-yellow/);
    const tags = await hostApi<Tag[]>(workbench, 'listTags');
    expect(tags.filter((tag) => tag.name === 'Illness')).toHaveLength(1);

    // Reload: the highlight, the tag chip, the note with its bold and list, and the grade are all there.
    await page.reload();
    const again = (await open(page, workbench)).volkogonov;
    const markAgain = again.locator(`mark[data-annotation-id="${id}"]`);
    await expect(markAgain).toHaveText('Stalin was dying.');
    await expect(markAgain).toHaveClass(/annotation-green/);
    await expect(again.locator(`.annotation-grade[data-grade-of="${id}"]`)).toHaveAttribute('data-grade', '2');
    await markAgain.click();
    const reopened = again.getByRole('toolbar', { name: 'Highlight tools' });
    await expect(reopened.getByRole('button', { name: 'Credibility 2: Probably true' })).toHaveAttribute('aria-pressed', 'true');
    await expect(reopened.getByRole('button', { name: 'Green (3)' })).toHaveAttribute('aria-pressed', 'true');
    await expect(popover(again).getByRole('list', { name: 'Tags' }).locator('.tag-chip-name')).toHaveText(['Illness']);
    const noteAgain = popover(again).getByRole('textbox', { name: 'Note' });
    await expect(noteAgain.locator('p').first()).toHaveText('The first sign of the end.');
    await expect(noteAgain.locator('p').first().locator('strong')).toHaveText('first sign');
    await expect(noteAgain.locator('ul > li')).toHaveText(['alone at Kuntsevo', 'doctors came late']);
    await expect(noteAgain.locator('p').last()).toHaveText('See the memoir, passim');
    await expect(noteAgain.locator('a')).toHaveText('the memoir');
    await expect(noteAgain.locator('a')).toHaveAttribute('href', 'https://example.org/memoir');
    await expect(noteAgain.locator('em')).toHaveText('passim');
    const stored = (await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).find((a) => a.id === id)!;
    expect(stored.note?.type).toBe('doc');
    expect((stored.note?.content as { type: string }[]).map((node) => node.type)).toEqual(['paragraph', 'bullet_list', 'paragraph']);
  });

  test('in the Russian pane: highlight with a key, tag in Cyrillic, then find the tag by typing', async ({ page, workbench }) => {
    const { russian } = await open(page, workbench);
    await selectWithMouse(page, russian, 'Надежда Аллилуева');
    await expect(russian.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
    await page.keyboard.press('2'); // red
    const mark = highlight(russian, 'Надежда Аллилуева');
    await expect(mark).toHaveClass(/annotation-red/);
    await expect(mark).toHaveAttribute('data-annotation-id', /.+/);

    // A tag named in Russian, made on the spot.
    await page.keyboard.press('t');
    const tagInput = russian.getByRole('combobox', { name: 'Add a tag' });
    await expect(tagInput).toBeFocused();
    await page.keyboard.type('Семья');
    await page.keyboard.press('Enter');
    const chips = popover(russian).getByRole('list', { name: 'Tags' });
    await expect(chips.locator('.tag-chip-name')).toHaveText(['Семья']);
    await page.keyboard.press('Escape'); // leaves the tag input

    // A note in Russian with a numbered list ("1. " starts it); Escape saves it and closes the toolbar.
    await page.keyboard.press('n');
    const note = popover(russian).getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await page.keyboard.type('1. ');
    await page.keyboard.type('вторая жена');
    await page.keyboard.press('Enter');
    await page.keyboard.type('дочь рабочего');
    await expect(note.locator('ol > li')).toHaveText(['вторая жена', 'дочь рабочего']);
    await page.keyboard.press('Escape');
    await expect(popover(russian)).toHaveCount(0);
    const markId = (await mark.getAttribute('data-annotation-id'))!;
    await expect
      .poll(async () => (await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).find((a) => a.id === markId)?.note?.content?.map((n) => (n as { type: string }).type))
      .toEqual(['ordered_list']);

    // Another phrase; the tag is found from its first letters.
    await selectWithMouse(page, russian, 'Сын Василий');
    await russian.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: 'Tag' }).click();
    await expect(tagInput).toBeFocused();
    await page.keyboard.type('сем');
    await expect(russian.getByRole('option', { name: 'Семья' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(chips.locator('.tag-chip-name')).toHaveText(['Семья']);
    // The chip can be taken off again.
    await chips.getByRole('button', { name: 'Remove tag Семья' }).click();
    await expect(chips).toHaveCount(0);
    await expect(highlight(russian, 'Сын Василий')).toHaveClass(/annotation-yellow/);

    // Delete from the keyboard on an open highlight.
    await page.keyboard.press('Escape');
    await highlight(russian, 'Сын Василий').click();
    await expect(russian.getByRole('toolbar', { name: 'Highlight tools' })).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(highlight(russian, 'Сын Василий')).toHaveCount(0);
    await expect(mark).toBeVisible();

    await page.reload();
    const again = (await open(page, workbench)).russian;
    const markAgain = highlight(again, 'Надежда Аллилуева');
    await expect(markAgain).toHaveClass(/annotation-red/);

    await markAgain.click();
    await expect(popover(again).getByRole('textbox', { name: 'Note' }).locator('ol > li')).toHaveText(['вторая жена', 'дочь рабочего']);
    await page.keyboard.press('Escape');

    // Hovering the highlight lights it and its card in the sidebar.
    await markAgain.hover();
    await expect(markAgain).toHaveClass(/is-hovered/);
    await expect(page.locator(`.card[data-annotation-id="${markId}"]`)).toHaveClass(/\blit\b/);
    await page.mouse.move(5, 5);
    await expect(markAgain).not.toHaveClass(/is-hovered/);
  });

  test('overlapping highlights are both drawn, and a highlight crossing into the next paragraph is drawn in both', async ({ page, workbench }) => {
    const { volkogonov } = await open(page, workbench);

    await selectWithMouse(page, volkogonov, 'Lying on the floor of the dining room');
    await page.keyboard.press('4'); // blue
    await page.keyboard.press('Escape');
    await selectWithMouse(page, volkogonov, 'the dining room in the dacha at Kuntsevo');
    await page.keyboard.press('5'); // purple
    await page.keyboard.press('Escape');

    const blue = volkogonov.locator('mark.annotation-blue');
    const purple = volkogonov.locator('mark.annotation-purple');
    await expect(blue.first()).toBeVisible();
    await expect(purple.first()).toBeVisible();
    const blueId = await blue.first().getAttribute('data-annotation-id');
    const purpleId = await purple.first().getAttribute('data-annotation-id');
    expect(blueId).not.toBe(purpleId);
    // Each highlight's whole text, and the shared words under both.
    const textOf = (annotationId: string) =>
      volkogonov.locator(`mark[data-annotation-id="${annotationId}"]`).evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    expect(await textOf(blueId!)).toBe('Lying on the floor of the dining room');
    expect((await textOf(purpleId!)).replace(/\s+/g, ' ')).toBe('the dining room in the dacha at Kuntsevo');
    const shared = await volkogonov.locator('.source-text').evaluate((root, ids) => {
      const inner = [...root.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${ids[1]}"]`)].find((m) =>
        m.closest(`mark[data-annotation-id="${ids[0]}"]`) ?? m.querySelector(`mark[data-annotation-id="${ids[0]}"]`),
      );
      if (!inner) return null;
      const outer = inner.closest(`mark[data-annotation-id="${ids[0]}"]`) ? inner : inner.querySelector<HTMLElement>(`mark[data-annotation-id="${ids[0]}"]`)!;
      // Both colours show where they overlap: the two backgrounds are stacked, and differ.
      const colours = [getComputedStyle(inner).backgroundColor, getComputedStyle(outer.closest(`mark[data-annotation-id="${ids[0]}"]`)!).backgroundColor];
      return { text: outer.textContent, colours };
    }, [blueId!, purpleId!]);
    expect(shared?.text).toBe('the dining room');
    expect(shared?.colours[0]).not.toBe(shared?.colours[1]);
    expect(shared?.colours.every((colour) => colour !== 'rgba(0, 0, 0, 0)')).toBe(true);

    // A click on the shared words opens the shorter highlight; a second click, the other one.
    // (On a letter of "dining": the shared words may wrap over two lines.)
    const dining = (await phrasePoints(volkogonov, 'dining room in the dacha')).from;
    const tools = volkogonov.getByRole('toolbar', { name: 'Highlight tools' });
    await page.mouse.click(dining.x + 3, dining.y);
    await expect(tools.getByRole('button', { name: 'Blue (4)' })).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.click(dining.x + 3, dining.y);
    await expect(tools.getByRole('button', { name: 'Purple (5)' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');

    // From the last words of one paragraph into the first words of the next.
    await selectWithMouse(page, volkogonov, 'the dying leader.\n\nThe mere fact');
    await page.keyboard.press('3'); // green
    const crossing = volkogonov.locator('mark.annotation-green', { hasText: 'The mere fact' });
    await expect(crossing).toHaveText('The mere fact');
    const crossingId = (await crossing.getAttribute('data-annotation-id'))!;
    const parts = volkogonov.locator(`mark[data-annotation-id="${crossingId}"]`);
    await expect(parts).toHaveText(['the dying leader.', 'The mere fact']);
    const blocks = await parts.evaluateAll((marks) => marks.map((m) => m.closest('.source-chunk > *')!.textContent!.slice(0, 20)));
    expect(blocks).toEqual(['Stalin was dying. Ly', 'The mere fact of suc']);
    await page.keyboard.press('Escape');

    // From a chapter heading into its first paragraph.
    await selectWithMouse(page, volkogonov, 'The October Glow\n\nStalin was');
    await page.keyboard.press('8'); // gray
    const fromHeading = volkogonov.locator('mark.annotation-gray').first();
    const headingId = (await fromHeading.getAttribute('data-annotation-id'))!;
    const headingParts = volkogonov.locator(`mark[data-annotation-id="${headingId}"]`);
    await expect(headingParts).toHaveText(['The October Glow', 'Stalin was']);
    expect(await headingParts.first().evaluate((m) => m.closest('.source-chunk > *')!.tagName)).toMatch(/^H\d$/);

    // Both still drawn after a reload.
    await page.reload();
    const again = (await open(page, workbench)).volkogonov;
    await expect(again.locator(`mark[data-annotation-id="${crossingId}"]`)).toHaveText(['the dying leader.', 'The mere fact']);
    await expect(again.locator(`mark[data-annotation-id="${blueId}"]`).first()).toBeVisible();
    await expect(again.locator(`mark[data-annotation-id="${purpleId}"]`).first()).toBeVisible();
  });
});
