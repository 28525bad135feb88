/**
 * The workbench is open while another program writes the same project file: the `sourcebench`
 * command line, in a process of its own, highlights a passage with a note. The open page shows
 * the new highlight without a reload and says the file was changed by another program.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Annotation } from '../../shared/annotations';
import type { DocumentSummary } from '../../shared/domain';
import { repoRoot } from '../support/temp';
import { expect, hostApi, leaveProjectAsFound, test } from './workbench';

leaveProjectAsFound('after the spec');

const run = promisify(execFile);

test('a highlight made by the command line while the workbench is open appears in it, with a notice', async ({ page, workbench }) => {
  await page.goto(workbench.server.url);
  await expect(page.locator('section.pane')).toHaveCount(3);
  const [russian] = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
  const note = 'Written by the command line while the workbench was open';
  const input = {
    versionId: russian!.currentVersionId,
    start: 0,
    end: 12,
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] },
  };
  const { stdout } = await run(process.execPath, [path.join(repoRoot, 'bin', 'sourcebench.js'), '--project', workbench.projectPath, 'call', 'createAnnotation', JSON.stringify(input)], {
    cwd: repoRoot,
  });
  const made = JSON.parse(stdout) as Annotation;

  await expect(page.locator('.card-note', { hasText: note })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('changed by another program');
  await expect(page.locator(`section.pane mark.annotation[data-annotation-id="${made.id}"]`).first()).toBeVisible();
});
