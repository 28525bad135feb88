/**
 * The printable HTML file, read back with parse5 (the HTML standard's parsing algorithm, as a
 * browser would read it): nothing a user or a source wrote becomes an element or an attribute.
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml } from '../../../electron/export/html';
import type { ExportSnapshot } from '../../../electron/export/model';
import { noteToHtml } from '../../../electron/export/note-html';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { REPORT_STYLESHEET, REPORT_STYLESHEET_CSP_HASH } from '../../../shared/report-style';
import { RENDERER_CSP } from '../../../shared/security';
import { CLAIM_WORDING, HOSTILE_TITLE, ONERROR, openAnnotatedProject, RUSSIAN_QUOTE, SCRIPT, type AnnotatedProject } from './annotated-project';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let fixture: AnnotatedProject;
let snapshot: ExportSnapshot;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
  snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: '2025-03-01T09:00:00.000Z' });
});
afterAll(() => fixture.close());

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (current: Node): void => {
    if ('tagName' in current) found.push(current);
    const children = current.nodeName === 'template' ? (current as DefaultTreeAdapterMap['template']).content.childNodes : 'childNodes' in current ? current.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

describe('HTML export', () => {
  for (const groupBy of ['document', 'tag', 'claim'] as const) {
    it(`keeps hostile titles, tags and notes as visible text (grouped by ${groupBy})`, () => {
      const document = parse(exportHtml(snapshot, { groupBy }));
      const all = elements(document);
      expect(all.filter((element) => element.tagName === 'script')).toEqual([]);
      expect(all.filter((element) => ['img', 'iframe', 'object', 'embed', 'link'].includes(element.tagName))).toEqual([]);
      expect(all.flatMap((element) => element.attrs.filter((attr) => /^on/i.test(attr.name)))).toEqual([]);
      const body = all.find((element) => element.tagName === 'body')!;
      const text = textOf(body);
      expect(text).toContain(HOSTILE_TITLE);
      expect(text).toContain(ONERROR);
      expect(text).toContain(`${SCRIPT} and ${ONERROR}`);
      const title = all.find((element) => element.tagName === 'title')!;
      expect(textOf(title)).toBe('Annotated notes: stalin');
    });
  }

  it('is one self-contained file: inline CSS with print styles, no scripts or outside resources', () => {
    const html = exportHtml(snapshot, { groupBy: 'document' });
    const all = elements(parse(html));
    const styles = all.filter((element) => element.tagName === 'style');
    expect(styles).toHaveLength(1);
    expect(textOf(styles[0]!)).toContain('@media print');
    expect(all.flatMap((element) => element.attrs.filter((attr) => attr.name === 'src'))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/);
  });

  it('shows highlights in their colours, source assessments and a comparison per claim', () => {
    const all = elements(parse(exportHtml(snapshot, { groupBy: 'document' })));
    const articles = all.filter((element) => element.attrs.some((attr) => attr.name === 'class' && attr.value.startsWith('annotation ')));
    expect(articles).toHaveLength(snapshot.annotations.length);
    const russian = articles.find((article) => textOf(article).includes(RUSSIAN_QUOTE))!;
    expect(russian.attrs).toContainEqual({ name: 'class', value: 'annotation hl-red' });
    expect(textOf(russian)).toContain('cause of death / suicide');
    expect(elements(russian).find((element) => element.tagName === 'blockquote')!.attrs).toContainEqual({ name: 'lang', value: 'ru' });
    expect(elements(russian).find((element) => element.tagName === 'strong')!.childNodes.map(textOf).join('')).toBe('the same night');

    const sources = all.filter((element) => element.attrs.some((attr) => attr.name === 'class' && attr.value === 'source'));
    expect(sources.map(textOf).find((text) => text.includes('Volkogonov'))).toContain('B — Usually reliable');

    const tables = all.filter((element) => element.tagName === 'table');
    expect(tables).toHaveLength(1);
    const rows = elements(tables[0]!).filter((element) => element.tagName === 'tr');
    expect(rows.map((row) => textOf(row))).toEqual([
      expect.stringContaining('Stance'),
      expect.stringContaining('✔ Supports'),
      expect.stringContaining('✔ Supports'),
      expect.stringContaining('≈ Qualifies'),
    ]);
    expect(textOf(all.find((element) => element.tagName === 'body')!)).toContain(CLAIM_WORDING);
  });

  it('keeps only web and e-mail links in notes', () => {
    const link = (href: string) => ({ type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href } }] });
    const note = { type: 'doc' as const, content: [{ type: 'paragraph', content: [link('javascript:alert(1)'), link('https://example.org/a?b=1&c=2')] }] };
    expect(noteToHtml(note, 'here here')).toBe('<p>here<a href="https://example.org/a?b=1&amp;c=2">here</a></p>');
  });

  it('falls back to the plain text of a note it cannot read', () => {
    expect(noteToHtml({ type: 'doc', content: [{ type: 'iframe' }] }, `a ${SCRIPT}`)).toBe('<p>a &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;</p>');
  });
});

describe('the report stylesheet in the renderer policy', () => {
  it('is allowed by the hash the policy names, so the export preview shows the report styled', () => {
    const hash = `'sha256-${createHash('sha256').update(REPORT_STYLESHEET, 'utf8').digest('base64')}'`;
    expect(REPORT_STYLESHEET_CSP_HASH, 'REPORT_STYLESHEET changed: set REPORT_STYLESHEET_CSP_HASH to the new hash').toBe(hash);
    expect(RENDERER_CSP).toContain(`style-src 'self' ${hash}`);
  });
});
