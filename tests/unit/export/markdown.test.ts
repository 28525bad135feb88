/**
 * Markdown annotated notes, read back by independent parsers: the front matter with `yaml`, the
 * body by pandoc (Markdown → DOCX → plain text and Markdown), so what a historian opens in Word
 * or Obsidian is checked, not our own string building.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse } from 'yaml';
import { exportMarkdown, hashtag } from '../../../electron/export/markdown';
import { markdownInline } from '../../../electron/export/note-markdown';
import type { ExportSnapshot } from '../../../electron/export/model';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { tempDir } from '../../support/temp';
import { CLAIM_WORDING, openAnnotatedProject, RUSSIAN_QUOTE, SCRIPT, VOLKOGONOV_QUOTE, type AnnotatedProject } from './annotated-project';

const EXPORTED_AT = '2025-03-01T09:00:00.000Z';
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

let fixture: AnnotatedProject;
let snapshot: ExportSnapshot;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
  snapshot = await readExportSnapshotFrom(fixture.client, { exportedAt: EXPORTED_AT });
});
afterAll(() => fixture.close());

function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match, 'the file opens with YAML front matter').not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

describe('Markdown export', () => {
  it('opens with YAML front matter naming the project, the sources and the date of export', () => {
    const meta = frontMatter(exportMarkdown(snapshot, { groupBy: 'document' }));
    expect(meta).toMatchObject({ project: 'stalin', exported: EXPORTED_AT, grouping: 'document', annotations: 5, claims: 1 });
    const sources = meta.sources as { title: string; author: string | null; reliability: string | null; language: string }[];
    expect(sources.map((source) => source.title)).toEqual([
      "[Alliluyeva's death, the Ryutin affair and Kirov's murder (untitled Russian account)]",
      'Joseph Stalin',
      'Triumph and Tragedy: A Political Portrait of J. V. Stalin, Book One',
      `Leaflet ${SCRIPT}`,
    ]);
    expect(sources[2]).toMatchObject({ author: 'Dmitri Volkogonov', reliability: 'B', language: 'en' });
    expect(sources[0]).toMatchObject({ author: null, reliability: 'C', language: 'ru' });
  });

  it('writes each annotation as a block quote with its citation, #tags, grades and note', () => {
    const markdown = exportMarkdown(snapshot, { groupBy: 'document' });
    expect(markdown).toContain(`> ${RUSSIAN_QUOTE}`);
    expect(markdown).toContain('Tags: #cause-of-death/suicide');
    expect(markdown).toMatch(/Chapter III\. His Struggle, “[^”]+”, near p\. 64, raw line 11933/);
    expect(markdown).toContain('Grades: source B — Usually reliable; information 2 — Probably true');
    expect(markdown).toContain('No date, but **the same night** as the quarrel.');
    expect(markdown).toContain('* quarrel at Voroshilov’s house');
  });

  it('groups by tag, with sub-tags as nested tags, and by claim with the claim first', () => {
    const byTag = exportMarkdown(snapshot, { groupBy: 'tag' });
    const headings = byTag.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toContain('## cause of death (#cause-of-death)');
    expect(headings).toContain('## cause of death / suicide (#cause-of-death/suicide)');
    expect(headings.indexOf('## cause of death (#cause-of-death)')).toBeLessThan(headings.indexOf('## cause of death / suicide (#cause-of-death/suicide)'));
    expect(headings).toContain('## Without tags');

    const byClaim = exportMarkdown(snapshot, { groupBy: 'claim' });
    const claimAt = byClaim.indexOf(`## Claim: ${CLAIM_WORDING}`);
    expect(claimAt).toBeGreaterThan(0);
    expect(byClaim.indexOf('| Source | Reliability | Stance |', claimAt)).toBeGreaterThan(claimAt);
    expect(byClaim.indexOf(`> ${VOLKOGONOV_QUOTE}`)).toBeGreaterThan(claimAt);
    expect(byClaim).toContain('## Not part of any claim');
    expect(byClaim).not.toContain('## Claims\n');
  });

  for (const groupBy of ['document', 'tag', 'claim'] as const) {
    it(`holds no raw HTML and no script link where a Markdown reader would render it (grouped by ${groupBy})`, () => {
      // Read by a CommonMark parser, as Obsidian or a static site would: raw HTML is an `html` node.
      const tree = fromMarkdown(exportMarkdown(snapshot, { groupBy }).replace(/^---\n[\s\S]*?\n---\n/, ''));
      const nodes: { type: string; value?: string; url?: string }[] = [];
      const walk = (node: { type: string; children?: unknown[] }) => {
        nodes.push(node);
        for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
      };
      walk(tree);
      expect(nodes.filter((node) => node.type === 'html').map((node) => node.value)).toEqual([]);
      expect(nodes.filter((node) => node.url !== undefined && !/^(https?:|mailto:)/i.test(node.url)).map((node) => node.url)).toEqual([]);
      // The hostile title and tag are there, as text.
      const text = nodes.map((node) => (node.type === 'text' ? node.value : '')).join('');
      expect(text).toContain(SCRIPT);
    });
  }

  it('escapes what Markdown would read as markup in user text', () => {
    expect(markdownInline('# not a heading')).toBe('\\# not a heading');
    expect(markdownInline('a #word in text')).toBe('a \\#word in text');
    expect(markdownInline(`${SCRIPT} & more`)).toBe('\\<script\\>alert("pwned")\\</script\\> \\& more');
    expect(markdownInline('a | b')).toBe('a \\| b');
    expect(markdownInline('1) no list')).toBe('1\\) no list');
    expect(markdownInline('- no list *nor emphasis*')).toBe('\\- no list \\*nor emphasis\\*');
    expect(hashtag(['Cause of death', 'suicide (self-inflicted)'])).toBe('#Cause-of-death/suicide-self-inflicted');
    expect(hashtag(['Причина смерти'])).toBe('#Причина-смерти');
  });

  it.skipIf(!hasPandoc)(`converts to DOCX with pandoc and reads back intact${hasPandoc ? '' : ' (skipped: pandoc is not installed)'}`, () => {
    const { dir, cleanup } = tempDir('sourcebench-pandoc-');
    try {
      const source = path.join(dir, 'notes.md');
      const docx = path.join(dir, 'notes.docx');
      fs.writeFileSync(source, exportMarkdown(snapshot, { groupBy: 'document' }));
      const toDocx = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', docx, source], { encoding: 'utf8' });
      expect(toDocx.status, toDocx.stderr).toBe(0);
      const plain = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx], { encoding: 'utf8' }).stdout;
      expect(plain).toContain(RUSSIAN_QUOTE);
      expect(plain).toContain(VOLKOGONOV_QUOTE);
      expect(plain).toContain('#cause-of-death/suicide');
      // Pandoc's smart typography puts a no-break space after "p.": \s matches it.
      expect(plain).toMatch(/Chapter III\. His Struggle, “[^”]+”, near p\.\s64, raw line 11933/);
      // The hostile title is text, not raw HTML that pandoc would drop (its quotes come out curly).
      expect(plain).toMatch(/Leaflet <script>alert\(.pwned.\)<\/script>/);
      // The comparison table survives as a table, with the escaped "|" back as text in its cell.
      expect(plain).toContain('year: 1931 | not 1932');
      expect(plain).toContain('≈ Qualifies');
      // Structure, read back as HTML: bold, the list of the note, the comparison table with one row per account.
      const back = spawnSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', docx], { encoding: 'utf8' }).stdout;
      expect(back).toContain('<strong>the same night</strong>');
      expect(back).toMatch(/<li>\s*(<p>)?quarrel at Voroshilov['’]s house/);
      expect(back.match(/<table/g)).toHaveLength(1);
      expect(back.match(/<tr/g)).toHaveLength(4);
    } finally {
      cleanup();
    }
  });
});
