/**
 * Takes the README's screenshot: the workbench on a fresh project, in Debian's Chromium.
 * Usage: npm run screenshot
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../playwright.config';
import { openNodeHost } from '../electron/node-host';
import { startBrowserHost } from '../electron/serve';
import { tempDir } from '../tests/support/temp';
import type { Project } from '../electron/project';
import { buildRenderer, rendererIsStale, root } from './build';

/** A little of what a historian would have done: grades, a tag, a few highlights and a note. */
async function annotateForTheScreenshot(project: Project): Promise<void> {
  const [russian, article, volkogonov] = project.documents.list();
  const service = project.annotations;
  const tag = service.createTag({ name: "Alliluyeva's death", color: 'purple', description: 'How Nadezhda Alliluyeva died' });
  const death = service.createTag({ name: "Stalin's death", color: 'blue', description: 'March 1953' });
  const highlight = (documentId: string, versionId: string, words: string, extra: object = {}) => {
    const text = project.documents.readingText(versionId);
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" not found in ${documentId}`);
    service.create({ versionId, start, end: start + words.length, ...extra });
  };
  highlight(russian!.id, russian!.currentVersionId, 'Она вышла и в ту же ночь покончила с собой', {
    color: 'red',
    credibility: 3,
    tagIds: [tag.id],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Suicide, after a quarrel at Voroshilov’s house.' }] }] },
  });
  highlight(article!.id, article!.currentVersionId, 'He governed the Soviet Union as its dictator', { color: 'yellow' });
  highlight(volkogonov!.id, volkogonov!.currentVersionId, 'Stalin was dying.', { color: 'blue', credibility: 2, tagIds: [death.id] });
  service.saveAssessment({ documentId: russian!.id, reliability: 'C', authorship: 'Unknown; reads like a translation of a Western account' });
  service.saveAssessment({ documentId: article!.id, reliability: 'B' });
  service.saveAssessment({ documentId: volkogonov!.id, reliability: 'B' });
  const workspace = service.workspace();
  service.saveWorkspace({ ...workspace, firstRunDismissed: true });
}

if (rendererIsStale()) await buildRenderer();
const temp = tempDir('sourcebench-screenshot-');
const host = openNodeHost('browser', path.join(temp.dir, 'Stalin corpus.sourcebench'));
const server = await startBrowserHost({ dispatch: host.dispatch, rendererDir: host.layout.rendererDir });
await annotateForTheScreenshot(host.project);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.locator('.source-text').nth(2).waitFor();
  const target = path.join(root, 'docs', 'screenshot.png');
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(root, target)}`);
} finally {
  await browser.close();
  await server.close();
  host.project.close();
  temp.cleanup();
}
