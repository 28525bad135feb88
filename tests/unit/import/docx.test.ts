/** Importing Word documents: paragraphs and headings in order, the title, and damaged files refused clearly. */
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importFile, inspectFile } from '../../../electron/import';
import { LineIndex } from '../../../shared/text/text-model';
import { blocksOf, corpusText, expectTraceable, fixture, importError, rawRangeOf } from '../../fixtures/import/helpers';

const RUSSIAN = corpusText('000_01da8a07c5673cc1.txt').split('\n');

async function docx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('importing Word documents', () => {
  it('keeps paragraphs and Heading 1–6 in order, with the title from docProps/core.xml', async () => {
    const imported = await importFile({ fileName: 'account.docx', bytes: fixture('ru-account.docx') });
    expect(imported.format).toBe('docx');
    expect(imported.encoding).toBe('binary');
    expect(imported.detected).toBeNull();
    expect(imported.rawTextIsFile).toBe(false);
    expect(imported.title).toBe('Смерть Аллилуевой, дело Рютина и убийство Кирова');
    expect(imported.language).toBe('ru');
    expect(blocksOf(imported)).toEqual([
      { kind: 'heading1', text: 'Аллилуева, Рютин, Киров' },
      { kind: 'paragraph', text: RUSSIAN[0] }, // bold and italic runs read as one paragraph
      { kind: 'heading2', text: '1932–1934' },
      { kind: 'paragraph', text: RUSSIAN[1] },
      { kind: 'paragraph', text: RUSSIAN[2] },
    ]);
    expectTraceable(imported);
  });

  it('lays the text layer out one line per paragraph, so line:column points at a paragraph', async () => {
    const imported = await importFile({ fileName: 'account.docx', bytes: fixture('ru-account.docx') });
    expect(imported.rawText.split('\n')).toEqual(['Аллилуева, Рютин, Киров', RUSSIAN[0], '1932–1934', RUSSIAN[1], RUSSIAN[2]]);
    const { text } = imported.normalized;
    const at = text.indexOf('Киров был убит');
    expect(rawRangeOf(imported, at, at + 14)).toBe('Киров был убит');
    const raw = imported.rawText.indexOf('Киров был убит');
    expect(new LineIndex(imported.rawText).lineColumn(raw)).toEqual({ line: 5, column: 21 });
  });

  it('takes the first heading as title without metadata, and keeps lists and footnotes apart', async () => {
    const bytes = await docx(
      new Document({
        footnotes: { 1: { children: [new Paragraph('Хрущёв, доклад на XX съезде, 1956.')] } },
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Убийство Кирова')] }),
              new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('1 декабря 1934 года')] }),
              new Paragraph({ children: [new TextRun('Подозрение падает на Сталина.'), new FootnoteReferenceRun(1), new TextRun(' Так считали многие.')] }),
              new Paragraph({ text: 'Рютин', bullet: { level: 0 } }),
              new Paragraph({ text: 'Киров', bullet: { level: 0 } }),
            ],
          },
        ],
      }),
    );
    const imported = await importFile({ fileName: 'kirov.docx', bytes });
    expect(imported.title).toBe('Убийство Кирова');
    expect(blocksOf(imported)).toEqual([
      { kind: 'heading1', text: 'Убийство Кирова' },
      { kind: 'heading3', text: '1 декабря 1934 года' },
      { kind: 'paragraph', text: 'Подозрение падает на Сталина. Так считали многие.' },
      { kind: 'list-item', text: 'Рютин' },
      { kind: 'list-item', text: 'Киров' },
      { kind: 'footnote', text: 'Хрущёв, доклад на XX съезде, 1956.' },
    ]);
    const [marker] = imported.normalized.citations;
    expect(marker?.label).toBe('[1]');
    expect(imported.rawText.slice(marker!.rawStart, marker!.rawEnd)).toBe('[1]');
    expectTraceable(imported);
  });

  it('imports a Word document by what it is when its name says otherwise', async () => {
    const inspection = await inspectFile({ fileName: 'account.txt', bytes: fixture('ru-account.docx') });
    expect(inspection.format).toBe('docx');
  });

  it('previews the text layer and reports no encoding', async () => {
    const inspection = await inspectFile({ fileName: 'account.docx', bytes: fixture('ru-account.docx') });
    expect(inspection).toMatchObject({ format: 'docx', encoding: null, alternatives: [], language: 'ru' });
    expect(inspection.title).toBe('Смерть Аллилуевой, дело Рютина и убийство Кирова');
    expect(inspection.preview.split('\n')[0]).toBe('Аллилуева, Рютин, Киров');
  });

  it('refuses a truncated .docx and a zip without word/document.xml as corrupt, saying what to do', async () => {
    const truncated = await importError(importFile({ fileName: 'account.docx', bytes: fixture('truncated.docx') }), 'corrupt');
    expect(truncated.message).toContain('truncated');
    expect(truncated.message).toContain('save it as .docx again');
    const notWord = await importError(importFile({ fileName: 'account.docx', bytes: fixture('not-word.docx') }), 'corrupt');
    expect(notWord.message).toContain('word/document.xml');
    await importError(inspectFile({ fileName: 'account.docx', bytes: fixture('truncated.docx') }), 'corrupt');
  });

  it('refuses a document without text', async () => {
    const bytes = await docx(new Document({ sections: [{ children: [new Paragraph('')] }] }));
    const error = await importError(importFile({ fileName: 'blank.docx', bytes }), 'no-text');
    expect(error.message).toContain('OCR');
  });
});
