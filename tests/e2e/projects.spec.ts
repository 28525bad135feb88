/**
 * Issue 15: project files in the browser host's page. The window is titled after the open project;
 * New project starts an empty one; Open works by path, from Recent and from the data folder; a
 * recent file that has gone is greyed; Clear recent empties the list; a file that is not a project
 * is refused with the open project left open and working; Save a copy writes a project that opens
 * with the same annotations and does not replace a file unasked; Close project shows the picker;
 * Mod+O opens the projects and Mod+Shift+I still imports. The layout of a project is saved into it
 * before another is opened, even when the switch comes before the layout's debounced save. A
 * dialog opened over another (the projects over Export) is the only one Escape closes.
 *
 * The spec switches its host between projects, so it has a host and data folder of its own
 * (`projects`), never the shared 'e2e' workbench; each test starts on the host's first project.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Annotation, Workspace } from '../../shared/annotations';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import type { ProjectState } from '../../shared/projects';
import { sizeOf } from '../../renderer/src/export/export-job';
import { test as base, DEFAULT_WORKSPACE, expect, hostApi, ownWorkbench, type Workbench } from './workbench';

const test = base.extend<object, { projects: Workbench }>({ projects: ownWorkbench('projects') });

/** The first project's name: the host started on `projects.sourcebench` in its data folder. */
const FIRST = 'projects';

const dataFolder = (workbench: Workbench) => path.dirname(workbench.projectPath);
const stateOf = (workbench: Workbench) => hostApi<ProjectState>(workbench, 'getProjectState');
const workspaceOf = (workbench: Workbench) => hostApi<Workspace>(workbench, 'getWorkspace');

/** Makes a project file through the host, then puts the host back on the first project. */
async function makeProject(workbench: Workbench, name: string): Promise<string> {
  const state = await hostApi<ProjectState>(workbench, 'newProject', { path: name, withCorpus: false });
  await hostApi(workbench, 'openProject', { path: workbench.projectPath });
  return state.open!.path;
}

async function openWorkbench(page: Page, workbench: Workbench): Promise<void> {
  await page.goto(workbench.server.url);
  await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);
  await expect(page.locator('section.pane')).toHaveCount(3);
}

/** The Projects dialog, opened with Mod+O as a keyboard user would. */
async function projectsDialog(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+O');
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A project's button in one of the picker's lists, by its exact name. */
function entry(list: Locator, name: string): Locator {
  return list.locator('button.project-entry', { has: list.page().locator('.project-entry-name').getByText(name, { exact: true }) });
}

const recentList = (scope: Locator | Page) => scope.getByRole('list', { name: 'Recent projects' });
const folderList = (scope: Locator | Page) => scope.getByRole('list', { name: 'Projects in the data folder' });

test.beforeEach(async ({ projects }) => {
  await hostApi(projects, 'openProject', { path: projects.projectPath });
  await hostApi(projects, 'saveWorkspace', DEFAULT_WORKSPACE);
});

test.afterAll(async ({ projects }) => {
  await hostApi(projects, 'openProject', { path: projects.projectPath });
});

test('the window title names the open project, and the title bar shows its path', async ({ page, projects }) => {
  await openWorkbench(page, projects);
  const name = page.locator('.titlebar .project');
  await expect(name).toHaveText(FIRST);
  await expect(name).toHaveAttribute('title', projects.projectPath);
});

test('New project makes an empty project in the data folder and opens it; a name that exists is refused', async ({ page, projects }) => {
  await openWorkbench(page, projects);
  const picker = await projectsDialog(page);
  await picker.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  const name = dialog.getByRole('textbox', { name: 'Name of the new project' });
  await expect(name).toBeFocused();
  await name.fill('Fresh notes');
  await expect(dialog).toContainText(`Creates ${dataFolder(projects)}/Fresh notes.sourcebench`);
  await expect(dialog.getByRole('checkbox', { name: 'Start with the three bundled accounts' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveTitle('Fresh notes — Sourcebench');
  await expect(page.locator('.titlebar .project')).toHaveText('Fresh notes');
  await expect(page.getByText('This project has no documents yet')).toBeVisible();
  await expect(page.locator('section.pane')).toHaveCount(0);
  expect((await stateOf(projects)).open?.path).toBe(path.join(dataFolder(projects), 'Fresh notes.sourcebench'));
  expect(await hostApi<DocumentSummary[]>(projects, 'listDocuments')).toEqual([]);

  // The same name again: the server's conflict, in the dialog, and the new project stays open.
  await (await projectsDialog(page)).getByRole('button', { name: 'New project…' }).click();
  await dialog.getByRole('textbox', { name: 'Name of the new project' }).fill('Fresh notes');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveTitle('Fresh notes — Sourcebench');
});

test('the layout of a project is saved into it before another opens, and is there on coming back', async ({ page, projects }) => {
  await makeProject(projects, 'layout-b');
  await openWorkbench(page, projects);
  const picker = await projectsDialog(page);
  await picker.getByRole('textbox', { name: 'Open a project file by its path' }).fill('layout-b');
  // The theme changes and the switch starts in the same moment, well before the layout's
  // debounced save: only the save made before the switch can bring the dark theme back.
  await page.evaluate(() => {
    const theme = document.querySelector<HTMLSelectElement>('select[aria-label="Theme"]')!;
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector<HTMLButtonElement>('.project-open-path button[type="submit"]')!.click();
  });
  await expect(page).toHaveTitle('layout-b — Sourcebench');
  // Nothing of the first project's layout landed in the project opened after it.
  await expect.poll(async () => (await workspaceOf(projects)).theme).toBe('system');

  // Back by the Recent list.
  const again = await projectsDialog(page);
  await entry(recentList(again), FIRST).click();
  await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await workspaceOf(projects)).theme).toBe('dark');
});

test('Open by an absolute path, then from the data folder', async ({ page, projects }) => {
  const elsewhere = path.join(dataFolder(projects), 'elsewhere', 'by-path.sourcebench');
  await makeProject(projects, elsewhere);
  await openWorkbench(page, projects);

  const picker = await projectsDialog(page);
  const field = picker.getByRole('textbox', { name: 'Open a project file by its path' });
  await expect(field).toBeFocused();
  await field.fill(elsewhere);
  await field.press('Enter');
  await expect(page).toHaveTitle('by-path — Sourcebench');
  await expect(page.locator('.titlebar .project')).toHaveAttribute('title', elsewhere);

  const again = await projectsDialog(page);
  await expect(folderList(again)).toContainText(FIRST);
  // Only the data folder's own files are listed, not those in folders below it.
  await expect(entry(folderList(again), 'by-path')).toHaveCount(0);
  await entry(folderList(again), FIRST).click();
  await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);
  await expect(page.locator('section.pane')).toHaveCount(3);
});

test('a recent project whose file has gone is greyed and cannot be opened; Clear recent empties the list', async ({ page, projects }) => {
  const gone = await makeProject(projects, 'gone-soon');
  fs.rmSync(gone);
  await openWorkbench(page, projects);
  const picker = await projectsDialog(page);
  const missing = entry(recentList(picker), 'gone-soon');
  await expect(missing).toBeDisabled();
  await expect(missing).toContainText('not found');
  expect(Number(await missing.evaluate((element) => getComputedStyle(element).opacity))).toBeLessThan(1);
  await expect(entry(recentList(picker), FIRST)).toBeEnabled();

  await picker.getByRole('button', { name: 'Clear recent' }).click();
  await expect(recentList(picker)).toHaveCount(0);
  await expect(picker).toContainText('No recent projects.');
  expect((await stateOf(projects)).recent).toEqual([]);
  await expect(picker.getByRole('button', { name: 'Clear recent' })).toBeDisabled();
});

test('a file that is not a project, or no file, is refused where the user asked; the open project stays open and saving', async ({ page, projects }) => {
  fs.writeFileSync(path.join(dataFolder(projects), 'x.sourcebench'), 'These are not the droids you are looking for.\n');
  await openWorkbench(page, projects);
  const picker = await projectsDialog(page);
  await entry(folderList(picker), 'x').click();
  await expect(picker.getByRole('alert')).toContainText('The open project stays open');

  const field = picker.getByRole('textbox', { name: 'Open a project file by its path' });
  await field.fill('nowhere');
  await field.press('Enter');
  await expect(picker.getByRole('alert')).toContainText(`There is no project file at ${dataFolder(projects)}/nowhere.sourcebench`);
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await picker.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);
  expect((await stateOf(projects)).open?.path).toBe(projects.projectPath);
  // Still usable: a change to the layout is saved to the open project as before the refused switch.
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect.poll(async () => (await workspaceOf(projects)).fontSize).toBe(DEFAULT_WORKSPACE.fontSize + 1);
});

test('Save a copy writes a project with the same annotations and replaces a file only when ticked', async ({ page, projects }) => {
  const [russian] = await hostApi<DocumentSummary[]>(projects, 'listDocuments');
  const content = await hostApi<VersionContent>(projects, 'getVersionContent', { versionId: russian!.currentVersionId });
  const start = content.text.indexOf('Надежда Аллилуева');
  expect(start).toBeGreaterThanOrEqual(0);
  const made = await hostApi<Annotation>(projects, 'createAnnotation', { versionId: russian!.currentVersionId, start, end: start + 17, color: 'green' });
  const copyPath = path.join(dataFolder(projects), `${FIRST} copy.sourcebench`);

  try {
    await openWorkbench(page, projects);
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Save a copy' });
    const name = dialog.getByRole('textbox', { name: 'Name or path of the copy' });
    await expect(name).toHaveValue(`${FIRST} copy`);
    await expect(dialog).toContainText(`Writes ${copyPath}`);
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await expect(dialog.getByRole('status')).toContainText('Saved a copy to');
    await expect(dialog.getByRole('status')).toHaveText(
      `Saved a copy to ${copyPath} (${sizeOf(fs.statSync(copyPath).size)}); you are still working in ${FIRST}.`,
    );
    await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);

    // Again without the tick: refused, the copy as it was; with it, replaced.
    const before = fs.statSync(copyPath).mtimeMs;
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await expect(dialog.getByRole('alert')).toContainText('already exists');
    expect(fs.statSync(copyPath).mtimeMs).toBe(before);
    await dialog.getByRole('checkbox', { name: 'Replace an existing file' }).check();
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await expect(dialog.getByRole('status')).toContainText('Saved a copy to');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const picker = await projectsDialog(page);
    await entry(folderList(picker), `${FIRST} copy`).click();
    await expect(page).toHaveTitle(`${FIRST} copy — Sourcebench`);
    const copied = await hostApi<Annotation[]>(projects, 'listAnnotations', {});
    expect(copied.find((annotation) => annotation.id === made.id)).toMatchObject({ color: 'green', start, end: start + 17 });
    await expect(page.getByRole('complementary', { name: 'Sidebar' }).locator('.card', { hasText: 'Надежда Аллилуева' })).toHaveCount(1);
  } finally {
    await hostApi(projects, 'openProject', { path: projects.projectPath });
    await hostApi(projects, 'deleteAnnotation', { id: made.id });
  }
});

test('Close project shows the picker across the window, and a project opens from it', async ({ page, projects }) => {
  await openWorkbench(page, projects);
  await page.getByRole('group', { name: 'Project file' }).getByRole('button', { name: 'Projects…' }).click();
  await page.getByRole('dialog', { name: 'Projects' }).getByRole('button', { name: 'Close project' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Open a project' })).toBeVisible();
  await expect(page).toHaveTitle('Sourcebench');
  await expect(page.locator('section.pane')).toHaveCount(0);
  expect((await stateOf(projects)).open).toBeNull();

  await entry(recentList(page), FIRST).click();
  await expect(page).toHaveTitle(`${FIRST} — Sourcebench`);
  await expect(page.locator('section.pane')).toHaveCount(3);
});

test('Mod+O opens the projects (not the import), Mod+Shift+I the import', async ({ page, projects }) => {
  await openWorkbench(page, projects);
  let chosen = false;
  page.on('filechooser', () => (chosen = true));
  const picker = await projectsDialog(page);
  await expect(picker.getByRole('textbox', { name: 'Open a project file by its path' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  expect(chosen).toBe(false);

  // Chromium's DevTools key: the page has it first, and takes it for Import.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('section.pane .source-text').first().click();
  await page.keyboard.press('Control+Shift+I');
  expect((await chooser).isMultiple()).toBe(true);
  await expect(page.getByRole('group', { name: 'Project file' }).getByRole('button', { name: 'Import…' })).toHaveAttribute('title', /Ctrl\+Shift\+I/);
});

test('Escape closes only the dialog on top: the projects opened over Export, then Export', async ({ page, projects }) => {
  await openWorkbench(page, projects);
  await page.keyboard.press('Control+E');
  const exportDialog = page.getByRole('dialog', { name: /Export/ });
  await expect(exportDialog).toBeVisible();
  const picker = await projectsDialog(page);
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(exportDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();
});
