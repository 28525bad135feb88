/** Importing HTML: sanitized by construction, structure kept, entities decoded, every character traced to the file. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile, inspectFile } from '../../../electron/import';
import { rawOffsetOf } from '../../../shared/text/text-model';
import { structuralProblems, untraceableCharacters } from '../../support/traceability';
import { blocksOf, corpusText, expectTraceable, fixture, rawRangeOf } from '../../fixtures/import/helpers';

const ARTICLE = corpusText('001_957ac4986f5e7508.txt').split('\n');
const withoutMarkers = (text: string): string => text.replace(/\[(\d+|[a-z])\]/g, '');

describe('importing HTML', () => {
  it('maps h1–h6, p, blockquote, li and figcaption to block kinds, the <title> to the title', async () => {
    const imported = await importFile({ fileName: 'stalin.html', bytes: fixture('stalin.html') });
    expect(imported.format).toBe('html');
    expect(imported.encoding).toBe('utf-8');
    expect(imported.rawTextIsFile).toBe(true);
    expect(imported.title).toBe('Joseph Stalin - Wikipedia');
    expect(imported.language).toBe('en'); // <html lang="en">
    expectTraceable(imported);

    const blocks = blocksOf(imported);
    expect(blocks.map((block) => block.kind)).toEqual([
      'heading1',
      'paragraph',
      ...Array(6).fill('list-item'),
      'heading2',
      'hatnote',
      'heading3',
      'caption',
      'paragraph',
      'heading2',
      'paragraph',
      'quote',
      'quote',
      'attribution',
      'paragraph',
    ]);
    // &nbsp; becomes a no-break space; the <sup class="reference"> markers are set aside as citations.
    expect(blocks[1]!.text).toBe(withoutMarkers(ARTICLE[0]!).replace('18 December 1878', '18\u00a0December 1878'));
    expect(imported.normalized.citations.map((citation) => citation.label).slice(0, 3)).toEqual(['[a]', '[2]', '[3]']);
    const first = imported.normalized.citations[0]!;
    expect(imported.rawText.slice(first.rawStart, first.rawEnd)).toMatch(/^<sup[^>]*class="reference".*\[a\].*<\/sup>$/);
    expect(blocks.find((block) => block.kind === 'caption')?.text).toBe(ARTICLE[8]);
    expect(blocks.find((block) => block.kind === 'hatnote')?.text).toBe(ARTICLE[5]);
    expect(blocks.find((block) => block.kind === 'attribution')?.text).toBe("—Stalin's editorial, October 1917");
    // CRLF line ends in the file do not reach the reading text.
    expect(imported.rawText).toContain('\r\n');
    expect(imported.normalized.text).not.toContain('\r');
  });

  it('lets no script, style, iframe, object/embed, template, noscript, comment or handler through', async () => {
    const imported = await importFile({ fileName: 'hostile.html', bytes: fixture('hostile.html') });
    expectTraceable(imported);
    const { text } = imported.normalized;
    expect(blocksOf(imported).map((block) => block.kind)).toEqual(['heading1', 'paragraph', 'paragraph']);
    expect(text).toContain("In Lenin's government");
    expect(text).toContain('Sovnarkom & more.'); // the link's words stay, its javascript: target does not
    expect(text).toContain('Having dropped his editorship of Pravda');
    for (const planted of [
      'alert', 'javascript', 'onclick', 'onload', 'onerror', 'onmouseover', 'HEAD-SCRIPT', 'BODY-SCRIPT', 'STYLE', 'color',
      'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IMG-ALT', 'HIDDEN', 'INPUT', 'TEXTAREA', 'BUTTON', 'COMMENT',
      '<', '>',
    ]) {
      expect(text).not.toContain(planted);
    }
    expect(imported.title).toBe('Stalin & the Revolution');
    // The citation markers in its prose are set aside as such; none smuggles markup.
    expect(imported.normalized.citations.map((citation) => citation.label)).toEqual(['[186]', '[197]']);
    expect(imported.normalized.locators).toEqual([]);
  });

  it('decodes entities and maps each to where the entity starts in the file', async () => {
    const raw = '<p>Marx &amp; Engels&nbsp;wrote &lt;Capital&gt; &#8212; caf&eacute;s &amp&#x41;</p>';
    const imported = await importFile({ fileName: 'entities.html', bytes: new TextEncoder().encode(raw) });
    const { text, map } = imported.normalized;
    expect(text).toBe('Marx & Engels\u00a0wrote <Capital> — cafés &A');
    for (const char of ['&', '<', '>', '—', 'é', 'A']) {
      const at = text.lastIndexOf(char);
      expect(imported.rawText[rawOffsetOf(map, at)]).toBe('&');
    }
    expect(structuralProblems(imported.normalized)).toEqual([]);
    // `&amp;` traces exactly; every other reference is a listed edit with its raw form.
    expect(untraceableCharacters(imported.normalized, imported.rawText)).toEqual([]);
    expect(imported.normalized.edits.map((edit) => [edit.kind, edit.raw])).toEqual([
      ['character-reference', '&nbsp;'],
      ['character-reference', '&lt;'],
      ['character-reference', '&gt;'],
      ['character-reference', '&#8212;'],
      ['character-reference', '&eacute;'],
      ['character-reference', '&#x41;'],
    ]);
    expect(rawRangeOf(imported, text.indexOf('Engels'), text.indexOf('Engels') + 6)).toBe('Engels');
  });

  it('reads the charset a page declares, and a legacy page by the detector', async () => {
    const body = 'Вторая жена Сталина, Надежда Аллилуева, на которой он женился в 1919 году, была дочерью петроградского рабочего.';
    const declared = iconv.encode(`<html lang="ru"><head><meta charset="windows-1251"><title>Аллилуева</title></head><body><p>${body}</p></body></html>`, 'windows-1251');
    const page = await importFile({ fileName: 'ru.html', bytes: declared });
    expect(page.encoding).toBe('windows-1251');
    expect(page.normalized.text).toBe(body);
    expect(page.title).toBe('Аллилуева');
    expect(page.language).toBe('ru');
    expectTraceable(page);

    const undeclared = iconv.encode(`<p>${corpusText('000_01da8a07c5673cc1.txt').split('\n')[0]}</p>`, 'koi8-r');
    const inspection = await inspectFile({ fileName: 'ru.htm', bytes: undeclared });
    expect(inspection.encoding?.encoding).toBe('koi8-r');
    expect(inspection.preview.startsWith('Вторая жена Сталина')).toBe(true);
  });

  it('refuses a page without any reading text', async () => {
    const bytes = new TextEncoder().encode('<html><head><script>alert(1)</script></head><body><style>p{}</style></body></html>');
    await expect(importFile({ fileName: 'empty.html', bytes })).rejects.toMatchObject({ code: 'no-text' });
  });
});
