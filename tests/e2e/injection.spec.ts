/**
 * Issue 14: script carried in a user's own data never runs. Every field the workbench shows
 * (document titles and authors, an imported HTML page and a Markdown file with live markup,
 * notes with a javascript: link, tag names, claim wordings, people, places, verdicts, account
 * notes, the source assessment) holds a payload that would set `window.__pwned`, open a dialog or
 * load an image from pwned.invalid if the browser ever read it as markup. Every view that shows
 * them is opened: the reader panes, the highlight's toolbar and popover, the sidebar's cards and
 * codebook, the claims panel's compare view, matrix and timeline, the search results, the source
 * assessment and the export preview in every format.
 *
 * It runs twice: as served, and with the Content-Security-Policy taken out of both the header
 * and the page's <meta> tag, so the escaping of React and ProseMirror is proved on its own, not
 * only behind the policy. The HTML report is then opened on its own in Chromium, where no policy
 * of ours applies.
 *
 * The spec works on a project of its own: imported documents cannot be taken away again, and the
 * other specs must not meet these titles.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, Tag } from '../../shared/annotations';
import type { Claim } from '../../shared/claims';
import type { DocumentSummary, VersionContent } from '../../shared/domain';
import type { ExportedFile } from '../../shared/export';
import type { ImportJob } from '../../shared/api';
import { test as base, expect, hostApi, ownWorkbench, type Workbench } from './workbench';

const test = base.extend<object, { hostile: Workbench }>({ hostile: ownWorkbench('injection') });

const MARKER_HOST = 'pwned.invalid';

/** Markup that runs script in each way a field read as HTML would allow; `where` names the field. */
function payload(where: string): string {
  return (
    `${where} <img src=x onerror="window.__pwned='${where}'"><script>window.__pwned='${where}'</script>` +
    `<svg onload="window.__pwned='${where}'"><img src="http://${MARKER_HOST}/${where}">` +
    `"><iframe srcdoc="<script>parent.__pwned='${where}'</script>"></iframe>` +
    `<a href="javascript:window.__pwned='${where}'">link</a>`
  );
}
/** A shorter one without "/": tag names may not hold it (it separates the codebook's levels), names of people and places are short. */
function tagPayload(where: string): string {
  return `${where} <img src=x onerror="window.__pwned='${where}'"><svg onload="window.__pwned='${where}'"><b onmouseover="window.__pwned='${where}'">`;
}

const HTML_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>${'Injected page'}</title>
<script>window.__pwned='html-head'; alert('html-head')</script></head>
<body onload="window.__pwned='html-body'">
<h1>An account with live markup <img src="http://${MARKER_HOST}/html-h1" onerror="window.__pwned='html-h1'"></h1>
<p>Plain words about the Kremlin dinner. <a href="javascript:window.__pwned='html-link'">a link</a>
<img src="http://${MARKER_HOST}/html-img" onerror="window.__pwned='html-img'"></p>
<svg><script>window.__pwned='html-svg'</script><circle onclick="window.__pwned='html-circle'"/></svg>
<p>Written as text: &lt;script&gt;window.__pwned='html-entity'&lt;/script&gt; stays text.</p>
<iframe src="javascript:parent.__pwned='html-iframe'"></iframe>
<object data="javascript:parent.__pwned='html-object'"></object>
<p onclick="window.__pwned='html-click'">The last paragraph.</p>
</body></html>
`;

const MARKDOWN_FILE = `# A Markdown account <img src="http://${MARKER_HOST}/md-h1" onerror="window.__pwned='md-h1'">

Plain words about the Moscow trial. <script>window.__pwned='md-script'</script>

<div onmouseover="window.__pwned='md-div'">A raw HTML block <svg onload="window.__pwned='md-svg'"></svg></div>

[a link](javascript:window.__pwned='md-link') and <a href="javascript:window.__pwned='md-a'">another</a>.
`;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function importText(workbench: Workbench, fileName: string, content: string, where: string): Promise<DocumentSummary> {
  const { jobId } = await hostApi<{ jobId: string }>(workbench, 'startImport', {
    fileName,
    data: base64(content),
    record: { title: payload(`${where}-title`), author: payload(`${where}-author`), description: payload(`${where}-description`) },
  });
  let job: ImportJob;
  do job = await hostApi<ImportJob>(workbench, 'getImportJob', { jobId });
  while (job.state === 'running');
  expect(job.error, `import of ${fileName}`).toBeNull();
  const documents = await hostApi<DocumentSummary[]>(workbench, 'listDocuments');
  return documents.find((document) => document.id === job.documentId)!;
}

async function highlight(workbench: Workbench, document: DocumentSummary, phrase: string, extra: object): Promise<Annotation> {
  const { text } = await hostApi<VersionContent>(workbench, 'getVersionContent', { versionId: document.currentVersionId });
  const start = text.indexOf(phrase);
  expect(start, `“${phrase}” in the reading text of ${document.fileName}`).toBeGreaterThanOrEqual(0);
  return hostApi<Annotation>(workbench, 'createAnnotation', { versionId: document.currentVersionId, start, end: start + phrase.length, ...extra });
}

/** A note with the payload as text and a javascript: link, as a crafted API call or exchange file could store it. */
function note(where: string) {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: payload(where) },
          { type: 'text', text: ' click here', marks: [{ type: 'link', attrs: { href: `javascript:window.__pwned='${where}-href'` } }] },
        ],
      },
    ],
  };
}

interface Planted {
  readonly html: DocumentSummary;
  readonly markdown: DocumentSummary;
  readonly russian: DocumentSummary;
  readonly claim: Claim;
  readonly tag: Tag;
}

let planted: Planted | null = null;

/** The payloads, once per project, in every field the API lets a user fill. */
async function plant(workbench: Workbench): Promise<Planted> {
  if (planted) return planted;
  const html = await importText(workbench, 'injected.html', HTML_PAGE, 'html');
  const markdown = await importText(workbench, 'injected.md', MARKDOWN_FILE, 'md');
  const russian = (await hostApi<DocumentSummary[]>(workbench, 'listDocuments'))[0]!;
  const parent = await hostApi<Tag>(workbench, 'createTag', { name: tagPayload('tag-parent'), description: payload('tag-description') });
  const tag = await hostApi<Tag>(workbench, 'createTag', { name: tagPayload('tag-child'), parentId: parent.id, color: 'red' });
  const onHtml = await highlight(workbench, html, 'Plain words about the Kremlin dinner.', { tagIds: [tag.id], note: note('note-html'), credibility: 2, color: 'red' });
  const onMarkdown = await highlight(workbench, markdown, 'Plain words about the Moscow trial.', { tagIds: [parent.id], note: note('note-md') });
  const onRussian = await highlight(workbench, russian, 'покончила с собой', { tagIds: [tag.id], note: note('note-ru') });
  let claim = await hostApi<Claim>(workbench, 'createClaim', {
    wording: payload('claim-wording'),
    date: 'November 1932',
    people: [tagPayload('claim-person')],
    places: [tagPayload('claim-place')],
    verdict: payload('claim-verdict'),
    credibility: 3,
    account: { annotationId: onHtml.id, stance: 'supports', note: payload('account-html') },
  });
  claim = await hostApi<Claim>(workbench, 'attachAccount', { claimId: claim.id, annotationId: onMarkdown.id, stance: 'contradicts', note: payload('account-md') });
  claim = await hostApi<Claim>(workbench, 'attachAccount', { claimId: claim.id, annotationId: onRussian.id, stance: 'qualifies', note: payload('account-ru') });
  for (const document of [html, markdown]) {
    await hostApi(workbench, 'saveAssessment', {
      documentId: document.id,
      reliability: 'C',
      authorship: payload('assessment-authorship'),
      dateOfWriting: payload('assessment-date'),
      placeOfWriting: payload('assessment-place'),
      proximity: payload('assessment-proximity'),
      tendency: payload('assessment-tendency'),
      provenance: payload('assessment-provenance'),
    });
  }
  planted = { html, markdown, russian, claim, tag };
  return planted;
}

/** What would show that a payload ran or was read as markup: dialogs, marker requests, the global. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url().includes(MARKER_HOST) || request.url().startsWith('javascript:')) seen.push(`request: ${request.url()}`);
  });
  page.on('pageerror', (error) => {
    if (/pwned/.test(error.message)) seen.push(`page error: ${error.message}`);
  });
  return {
    seen,
    /** Fails, naming the view, if anything ran, loaded or was made into markup so far. */
    async check(view: string) {
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        const pwned = (window as { __pwned?: unknown }).__pwned;
        if (pwned !== undefined) bad.push(`window.__pwned = ${String(pwned)}`);
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) bad.push(`<${element.localName} ${attribute.name}>`);
            if (/^\s*javascript:/i.test(attribute.value)) bad.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
          }
          if (element.localName === 'script' && !(element as HTMLScriptElement).src) bad.push('an inline <script>');
          if (element.localName === 'img' && /pwned|^x$/.test(element.getAttribute('src') ?? '')) bad.push(`<img src="${element.getAttribute('src')}">`);
          if (element.localName === 'iframe' && element.getAttribute('sandbox') !== '') bad.push(`an <iframe> without sandbox: ${element.outerHTML.slice(0, 120)}`);
          if (element.localName === 'svg' && element.querySelector('script')) bad.push('an <svg> with a script');
        }
        return bad;
      });
      expect([...seen, ...found], `in ${view}`).toEqual([]);
    },
  };
}

/** Serves the app with its Content-Security-Policy taken out of the header and the page. */
async function withoutCsp(page: Page) {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    const type = headers['content-type'] ?? '';
    if (!type.startsWith('text/html')) return route.fulfill({ response, headers });
    const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
    expect(body).not.toContain('Content-Security-Policy');
    return route.fulfill({ response, headers, body });
  });
}

for (const policy of ['with the Content-Security-Policy', 'without the Content-Security-Policy'] as const) {
  test(`payloads in every field run nowhere in the workbench, ${policy}`, async ({ page, hostile }) => {
    test.setTimeout(120_000);
    const { html, markdown, russian, claim } = await plant(hostile);
    if (policy.startsWith('without')) await withoutCsp(page);
    await page.route(`http://${MARKER_HOST}/**`, (route) => route.fulfill({ status: 404, body: '' }));
    const watcher = watch(page);
    await hostApi(hostile, 'saveWorkspace', {
      panes: [html, markdown, russian].map((document) => ({ documentId: document.id, scrollOffset: 0, width: null })),
      theme: 'system',
      fontSize: 16,
      firstRunDismissed: true,
      claimsPanel: { open: true, view: 'compare', claimId: claim.id },
    });
    await page.goto(hostile.server.url);
    if (policy.startsWith('with ')) {
      // The policy is in force: an inline script of the page's own is refused.
      await page.addScriptTag({ content: 'window.__inlineRan = 1' }).catch(() => undefined);
      expect(await page.evaluate(() => (window as { __inlineRan?: number }).__inlineRan)).toBeUndefined();
      await page.evaluate(() => document.querySelectorAll('script:not([src])').forEach((script) => script.remove()));
    } else {
      // The policy really is gone: an inline script of the page's own would now run.
      expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]'))).toBeNull();
      await page.addScriptTag({ content: 'window.__inlineRan = 1' });
      expect(await page.evaluate(() => (window as { __inlineRan?: number }).__inlineRan)).toBe(1);
      await page.evaluate(() => document.querySelectorAll('script:not([src])').forEach((script) => script.remove()));
    }

    // The reader panes: titles and the imported markup shown as text, never as elements.
    // Each view is checked as soon as it shows, then read: what ran is the first thing to know.
    const panes = page.locator('section.pane');
    await expect(panes).toHaveCount(3);
    await expect(panes.nth(0).locator('.source-text')).toContainText('Plain words about the Kremlin dinner.');
    await expect(panes.nth(1).locator('.source-text')).toContainText('Plain words about the Moscow trial.');
    await watcher.check('the reader panes');
    await expect(panes.nth(2).locator('mark[data-annotation-id]').first()).toBeVisible();
    await expect(panes.nth(0).locator('.pane-title')).toContainText("html-title <img src=x onerror=\"window.__pwned='html-title'\">");
    await expect(panes.nth(1).locator('.pane-title')).toContainText('md-title <img src=x');
    await expect(panes.nth(0).locator('.source-text')).toContainText("<script>window.__pwned='html-entity'</script>");

    // The highlight's toolbar and popover: tags and the note with its javascript: link.
    const mark = panes.nth(0).locator('mark[data-annotation-id]').first();
    await mark.click();
    const popover = panes.nth(0).locator('.annotation-popover');
    await expect(popover.locator('a', { hasText: 'click here' })).toBeVisible();
    await watcher.check('the highlight popover and its note');
    // The note's link, followed as a user would, leads nowhere.
    await popover.locator('a', { hasText: 'click here' }).click({ modifiers: ['ControlOrMeta'] });
    await popover.locator('a', { hasText: 'click here' }).click();
    await watcher.check('the note\'s link, clicked');
    await expect(popover.locator('a', { hasText: 'click here' })).toHaveAttribute('href', '#');
    await expect(popover.getByRole('list', { name: 'Tags' })).toContainText('tag-child <img src=x');
    await expect(popover).toContainText("note-html <img src=x onerror=\"window.__pwned='note-html'\">");
    await page.keyboard.press('Escape');

    // The sidebar: the annotation cards, then the codebook.
    const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: 'Annotations' }).click();
    await expect(sidebar.getByRole('list', { name: 'Annotations' })).toContainText('note-md <img src=x');
    await sidebar.getByRole('list', { name: 'Annotations' }).locator('.card').first().hover();
    await watcher.check('the annotation cards');
    await sidebar.getByRole('tab', { name: /Codebook/ }).click();
    await expect(sidebar.getByRole('list', { name: 'Codebook' })).toContainText('tag-parent <img src=x');
    await sidebar.getByRole('list', { name: 'Codebook' }).getByText(/^tag-child/).first().hover();
    await watcher.check('the codebook');

    // The claims panel: compare view, matrix and timeline.
    const claims = page.getByRole('region', { name: 'Claims' });
    await expect(claims.getByRole('textbox', { name: 'Wording' })).toHaveValue(claim.wording);
    await expect(claims).toContainText('account-md <img src=x');
    await expect(claims).toContainText('claim-person <img src=x');
    await watcher.check('the compare view');
    for (const view of ['Matrix', 'Timeline'] as const) {
      await claims.getByRole('tab', { name: view }).click();
      await expect(claims.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
      await expect(claims).toContainText('claim-wording <img src=x');
      await watcher.check(`the claims ${view.toLowerCase()}`);
    }

    // Search: the payloads are found as words in texts, notes, tags and claims, and shown as text.
    await page.keyboard.press('Control+Shift+F');
    const dock = page.getByRole('complementary', { name: 'Find' });
    await dock.getByRole('combobox', { name: 'Search the sources, notes, tags and claims' }).fill('pwned');
    const results = dock.getByRole('listbox', { name: 'Search results' });
    await expect(results).toContainText('pwned');
    await expect(results.locator('.hit-group')).not.toHaveCount(0);
    await watcher.check('the search results');
    await page.keyboard.press('Escape');

    // The source assessment of the imported page.
    await panes.nth(0).getByTestId('grade-badge').click();
    const assessment = panes.nth(0).getByRole('dialog', { name: 'Source assessment' });
    await expect(assessment.locator('textarea').first()).toHaveValue(/^assessment-authorship <img src=x/);
    await watcher.check('the source assessment');
    await page.keyboard.press('Escape');

    // The export preview, in every format it previews.
    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export notes' });
    const format = dialog.getByLabel('Format', { exact: true });
    for (const value of await format.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))) {
      await format.selectOption(value);
      for (const grouping of ['document', 'tag', 'claim']) {
        const select = dialog.getByLabel('Grouping', { exact: true });
        if (await select.isEnabled()) await select.selectOption(grouping);
        await expect(dialog).toContainText(/pwned|Nothing to preview|cannot be previewed|archive/i);
        await watcher.check(`the export preview as ${value} by ${grouping}`);
      }
    }
    // The HTML report's preview runs in a sandboxed frame: nothing in it may run either.
    await format.selectOption('html');
    const frame = page.frameLocator('iframe.export-frame');
    await expect(frame.locator('body')).toContainText('claim-wording <img src=x');
    expect(await frame.locator('script, [onerror], [onload], img[src="x"]').count()).toBe(0);
    await watcher.check('the HTML report preview');
  });
}

test('the HTML report, opened on its own in Chromium, runs none of the payloads', async ({ page, hostile }) => {
  await plant(hostile);
  await page.route(`http://${MARKER_HOST}/**`, (route) => route.fulfill({ status: 404, body: '' }));
  const watcher = watch(page);
  for (const groupBy of ['document', 'tag', 'claim']) {
    const file = await hostApi<ExportedFile>(hostile, 'exportNotes', { format: 'html', groupBy });
    expect(file.content).toContain('claim-wording &lt;img src=x');
    // No policy of ours applies to a saved file opened in a browser.
    await page.setContent(file.content, { waitUntil: 'load' });
    await watcher.check(`the HTML report grouped by ${groupBy}`);
    await expect(page.locator('body')).toContainText("note-html <img src=x onerror=\"window.__pwned='note-html'\">");
    await expect(page.locator('body')).toContainText("claim-wording <img src=x onerror=\"window.__pwned='claim-wording'\">");
  }
});
