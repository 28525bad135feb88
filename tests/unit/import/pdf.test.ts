/** Importing PDFs: the text layer with page locators, progress per page, scans and damaged files refused clearly. */
import { describe, expect, it } from 'vitest';
import { importFile, inspectFile } from '../../../electron/import';
import { blocksOf, expectTraceable, fixture, importError, rawRangeOf } from '../../fixtures/import/helpers';

describe('importing PDFs', () => {
  it('reads the text layer, page by page, with a page locator where each page starts', async () => {
    const progress: number[] = [];
    const imported = await importFile({
      fileName: 'volkogonov.pdf',
      bytes: fixture('volkogonov.pdf'),
      onProgress: (stage, fraction) => {
        if (stage === 'pages') progress.push(fraction);
      },
    });
    expect(imported.format).toBe('pdf');
    expect(imported.encoding).toBe('binary');
    expect(imported.rawTextIsFile).toBe(false);
    expect(imported.title).toBe('Triumph and Tragedy: A Political Portrait of J. V. Stalin, Book One');
    expect(imported.language).toBe('en');
    expectTraceable(imported);

    // Pages separated by a form feed in the text layer; one progress report per page.
    const pages = imported.rawText.split('\f');
    expect(pages).toHaveLength(4);
    expect(progress).toEqual([0, 0.25, 0.5, 0.75, 1]);

    const { locators, text } = imported.normalized;
    expect(locators.map((locator) => [locator.kind, locator.label])).toEqual([
      ['page', '1'],
      ['page', '2'],
      ['page', '3'],
      ['page', '4'],
    ]);
    let pageStart = 0;
    pages.forEach((page, index) => {
      const locator = locators[index]!;
      // Each locator points at its page in the text layer, and stands where that page's text begins in the reading text.
      expect(locator.rawStart).toBe(pageStart);
      expect(text.slice(locator.at, locator.at + 20)).toBe(page.slice(0, 20));
      pageStart += page.length + 1;
    });
    expect(text.slice(locators[1]!.at - 10, locators[1]!.at + 13)).toBe('le at the proper moment');
  });

  it('joins the lines of a paragraph, across pages too, decides line-end hyphens and sets printed page numbers aside', async () => {
    const imported = await importFile({ fileName: 'volkogonov.pdf', bytes: fixture('volkogonov.pdf') });
    const blocks = blocksOf(imported);
    expect(blocks[0]!.text.startsWith('The Pharisees of the bourgeoisie love the saying: de mortuis aut bene aut nihil')).toBe(true);
    expect(blocks[0]!.text).toContain('about living politicians and about the dead');
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: 'V.l. Lenin' });
    expect(blocks[2]).toEqual({ kind: 'heading1', text: 'Chapter I. The October Glow' });
    expect(blocks[3]!.text.startsWith('Stalin was dying. Lying on the floor')).toBe(true);
    expect(blocks[3]!.text).toContain('desperation of the expression squinting');
    for (const block of blocks) expect(block.text).not.toMatch(/\n|\f/);

    // The paragraph that runs from page 1 onto page 2 is one block, without the printed "7" between.
    const running = blocks.find((block) => block.text.startsWith('The mere fact of such a death'))!;
    expect(running.text).toContain('unable at the proper moment to get help in time');
    expect(imported.rawText).toMatch(/unable at the\n\n7\fproper moment/);
    for (const printed of ['7', '8', '9', '10']) {
      expect(imported.rawText).toMatch(new RegExp(`\\n${printed}(\\f|$)`));
      expect(blocks.some((block) => block.text === printed || block.text.endsWith(` ${printed}`))).toBe(false);
    }

    // Every joined hyphen is listed with its raw form and a reason.
    const { edits, text } = imported.normalized;
    const politicians = edits.find((edit) => edit.raw === 'politi-\ncians')!;
    expect(politicians).toMatchObject({ kind: 'dehyphenation' });
    expect(text.slice(politicians.start, politicians.end)).toBe('politicians');
    expect(edits.find((edit) => edit.raw === 'argu-\nments')?.reason).toContain('“arguments” occurs');
    expect(edits.every((edit) => edit.reason.length > 20)).toBe(true);
    const at = text.indexOf('Stalin was dying');
    expect(rawRangeOf(imported, at, at + 16)).toBe('Stalin was dying');
  });

  it('inspects the first pages only, with the title from the metadata', async () => {
    const inspection = await inspectFile({ fileName: 'volkogonov.pdf', bytes: fixture('volkogonov.pdf') });
    expect(inspection).toMatchObject({ format: 'pdf', encoding: null, alternatives: [], language: 'en' });
    expect(inspection.title).toBe('Triumph and Tragedy: A Political Portrait of J. V. Stalin, Book One');
    expect(inspection.preview.split('\n')[0]).toBe('The Pharisees of the bourgeoisie love the saying: de');
    expect(inspection.preview.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('imports a PDF by what it is when its name says otherwise', async () => {
    const imported = await importFile({ fileName: 'volkogonov.txt', bytes: fixture('volkogonov.pdf') });
    expect(imported.format).toBe('pdf');
    expect(imported.normalized.locators).toHaveLength(4);
  });

  it('refuses a PDF without a text layer as a scan that needs OCR', async () => {
    const error = await importError(importFile({ fileName: 'scan.pdf', bytes: fixture('scan.pdf') }), 'no-text');
    expect(error.message).toContain('scan');
    expect(error.message).toContain('OCR');
  });

  it('refuses a damaged PDF as corrupt', async () => {
    const pdf = fixture('volkogonov.pdf');
    const truncated = await importError(importFile({ fileName: 'volkogonov.pdf', bytes: pdf.subarray(0, pdf.length / 2) }), 'corrupt');
    expect(truncated.message).toContain('damaged');
    const garbage = new Uint8Array(2048).map((_, index) => (index * 7919) % 251);
    garbage.set(new TextEncoder().encode('%PDF-1.7\n'));
    await importError(importFile({ fileName: 'garbage.pdf', bytes: garbage }), 'corrupt');
  });
});
