/**
 * Takes the README's screenshots on a fresh project, in Debian's Chromium: the workbench, a
 * highlight's toolbar, and the claims panel (compare view and matrix) for Alliluyeva's death.
 * Usage: npm run screenshot
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../playwright.config';
import { openNodeHost } from '../electron/hosts/node-host';
import { startBrowserHost } from '../electron/hosts/http/browser-host';
import { tempDir } from '../tests/support/temp';
import type { Project } from '../electron/app/project';
import { buildRenderer, rendererIsStale, root } from './build';

/** A little of what a historian would have done: grades, a tag, a few highlights and a note. */
async function annotateForTheScreenshot(project: Project): Promise<{ claimId: string; passages: Record<string, number> }> {
  const [russian, article, volkogonov] = project.documents.list();
  const service = project.annotations;
  const tag = project.codebook.createTag({ name: "Alliluyeva's death", color: 'purple', description: 'How Nadezhda Alliluyeva died' });
  const death = project.codebook.createTag({ name: "Stalin's death", color: 'blue', description: 'March 1953' });
  const highlight = (documentId: string, versionId: string, words: string, extra: object = {}) => {
    const text = project.documents.readingText(versionId);
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" not found in ${documentId}`);
    return service.create({ versionId, start, end: start + words.length, ...extra });
  };
  const suicide = highlight(russian!.id, russian!.currentVersionId, 'Она вышла и в ту же ночь покончила с собой', {
    color: 'red',
    credibility: 3,
    tagIds: [tag.id],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Suicide, after a quarrel at Voroshilov’s house.' }] }] },
  });
  highlight(article!.id, article!.currentVersionId, 'He governed the Soviet Union as its dictator', { color: 'yellow' });
  highlight(volkogonov!.id, volkogonov!.currentVersionId, 'Stalin was dying.', { color: 'blue', credibility: 2, tagIds: [death.id] });

  // How the three accounts tell Alliluyeva's death, gathered in one claim.
  const shot = highlight(article!.id, article!.currentVersionId, 'In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.', {
    color: 'red',
    credibility: 4,
    tagIds: [tag.id],
  });
  const night = highlight(volkogonov!.id, volkogonov!.currentVersionId, 'In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide.', {
    color: 'red',
    credibility: 2,
    tagIds: [tag.id],
  });
  const appendicitis = highlight(article!.id, article!.currentVersionId, 'Publicly, it was claimed that Nadya died of appendicitis', { color: 'orange', tagIds: [tag.id] });
  const claim = project.claims.create({
    wording: 'Nadezhda Alliluyeva shot herself after a quarrel with Stalin',
    date: '8–9 November 1932',
    people: ['Nadezhda Alliluyeva', 'Stalin'],
    places: ['Moscow, the Kremlin'],
    verdict: 'Suicide after a quarrel: all three accounts agree. The date: Wikipedia’s 1931 is a slip; Volkogonov had the archives.',
    credibility: 2,
    account: { annotationId: night.id, stance: 'supports' },
  });
  project.claims.attach({ claimId: claim.id, annotationId: shot.id, stance: 'qualifies', note: 'date: 1931 vs 1932' });
  project.claims.attach({ claimId: claim.id, annotationId: suicide.id, stance: 'qualifies', note: 'place: at Voroshilov’s house, the same night' });
  const official = project.claims.create({
    wording: 'Alliluyeva died of appendicitis',
    date: 'November 1932',
    people: ['Nadezhda Alliluyeva'],
    verdict: 'The official version of the time.',
    credibility: 5,
    account: { annotationId: appendicitis.id, stance: 'mentions', note: 'reported as what was publicly claimed' },
  });
  project.claims.attach({ claimId: official.id, annotationId: night.id, stance: 'contradicts' });
  project.claims.create({ wording: 'Ryutin was arrested', date: 'October 1932', people: ['Martemyan Ryutin'] });
  project.assessments.save({ documentId: russian!.id, reliability: 'C', authorship: 'Unknown; reads like a translation of a Western account' });
  project.assessments.save({ documentId: article!.id, reliability: 'B' });
  project.assessments.save({ documentId: volkogonov!.id, reliability: 'B' });
  const workspace = project.workspace.get();
  project.workspace.save({ ...workspace, firstRunDismissed: true });
  return { claimId: claim.id, passages: { [article!.id]: shot.start!, [volkogonov!.id]: night.start! } };
}

if (rendererIsStale()) await buildRenderer();
const temp = tempDir('sourcebench-screenshot-');
const host = openNodeHost('browser', path.join(temp.dir, 'Stalin corpus.sourcebench'), { rememberRecent: false });
const server = await startBrowserHost({ dispatch: host.dispatch, rendererDir: host.layout.rendererDir });
const { passages } = await annotateForTheScreenshot(host.project);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.locator('.source-text').nth(2).waitFor();
  const shoot = async (name: string) => {
    const target = path.join(root, 'docs', name);
    await page.screenshot({ path: target });
    console.log(`wrote ${path.relative(root, target)}`);
  };
  await shoot('screenshot.png');

  // A highlight opened: its colour, tags, note and credibility.
  await page.locator('section.pane').first().locator('mark.annotation').first().click();
  await page.getByRole('toolbar', { name: 'Highlight tools' }).waitFor();
  await shoot('annotating.png');
  await page.keyboard.press('Escape');

  // The claims panel over the passages of the accounts, with the compare view, then the matrix.
  // (The page is left first: it saves its own layout as it goes.)
  await page.goto('about:blank');
  const workspace = host.project.workspace.get();
  host.project.workspace.save({
    ...workspace,
    panes: workspace.panes.map((pane) => ({ ...pane, scrollOffset: Math.max(0, (passages[pane.documentId] ?? 0) - 200) })),
  });
  await page.setViewportSize({ width: 1440, height: 1200 }); // room for the accounts under the panes
  await page.goto(server.url);
  await page.locator('.source-text').nth(2).waitFor();
  await page.getByRole('button', { name: /^Claims/ }).click();
  const panel = page.getByRole('region', { name: 'Claims' });
  await panel.getByRole('separator', { name: 'Resize the claims panel' }).focus();
  for (let step = 0; step < 8; step++) await page.keyboard.press('ArrowUp');
  await panel.getByRole('tab', { name: 'Matrix' }).click();
  await panel.getByRole('row', { name: /Nadezhda Alliluyeva shot herself/ }).click();
  await panel.getByRole('tab', { name: 'Compare' }).waitFor();
  await page.waitForTimeout(300); // the panel's own transition
  await shoot('claims-compare.png');
  await panel.getByRole('tab', { name: 'Matrix' }).click();
  await page.waitForTimeout(300);
  await shoot('claims-matrix.png');
} finally {
  await browser.close();
  await server.close();
  host.close();
  temp.cleanup();
}
