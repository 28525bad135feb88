/** Importing .txt: encoding detection and decoding, layout guess, and refusing what is no text. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guessLayout, importFile, inspectFile } from '../../../electron/import';
import { blocksOf, corpusText, expectTraceable, fixture, importError } from '../../fixtures/import/helpers';

const RUSSIAN = corpusText('000_01da8a07c5673cc1.txt');

describe('importing plain text', () => {
  it('detects the Russian account in windows-1251 and decodes it to exactly the UTF-8 original', async () => {
    const imported = await importFile({ fileName: 'account.txt', bytes: fixture('ru-windows-1251.txt') });
    expect(imported.format).toBe('txt');
    expect(imported.encoding).toBe('windows-1251');
    expect(imported.detected?.encoding).toBe('windows-1251');
    expect(imported.rawText).toBe(RUSSIAN);
    expect(imported.rawTextIsFile).toBe(true);
    expect(imported.language).toBe('ru');
    expect(imported.normalized.blocks).toHaveLength(3);
    expectTraceable(imported);
  });

  it('detects the Russian account in KOI8-R and decodes it to exactly the original (KOI8-R has no « »)', async () => {
    const imported = await importFile({ fileName: 'account.txt', bytes: fixture('ru-koi8-r.txt') });
    expect(imported.encoding).toBe('koi8-r');
    expect(imported.rawText).toBe(RUSSIAN.replace(/[«»]/g, '"'));
    expectTraceable(imported);
  });

  it('offers the detection and its alternatives, best first, for the user to check', async () => {
    const inspection = await inspectFile({ fileName: 'account.txt', bytes: fixture('ru-koi8-r.txt') });
    expect(inspection.format).toBe('txt');
    expect(inspection.encoding?.encoding).toBe('koi8-r');
    expect(inspection.alternatives[0]).toEqual(inspection.encoding);
    expect(inspection.alternatives.map((guess) => guess.encoding)).toContain('windows-1251');
    const confidences = inspection.alternatives.map((guess) => guess.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(inspection.preview.startsWith('Вторая жена Сталина')).toBe(true);
    expect(inspection.preview.split('\n').length).toBeLessThanOrEqual(20);
    expect(inspection.language).toBe('ru');
    expect(inspection.title).toBeNull();
  });

  it('decodes UTF-16LE and UTF-16BE with a byte order mark, and UTF-8 with one, without the BOM', async () => {
    for (const [name, encoding] of [
      ['ru-utf-16le-bom.txt', 'utf-16le'],
      ['ru-utf-16be-bom.txt', 'utf-16be'],
      ['ru-utf-8-bom.txt', 'utf-8'],
    ] as const) {
      const imported = await importFile({ fileName: name, bytes: fixture(name) });
      expect(imported.encoding).toBe(encoding);
      expect(imported.detected).toEqual({ encoding, confidence: 1 });
      expect(imported.rawText).toBe(RUSSIAN);
      expect(imported.rawText).not.toContain('\uFEFF');
      expect(imported.normalized.text).not.toContain('\uFEFF');
      expectTraceable(imported);
    }
  });

  it('reads UTF-8 as UTF-8, whatever the statistics say about other encodings', async () => {
    const imported = await importFile({ fileName: 'article.txt', bytes: new TextEncoder().encode(corpusText('001_957ac4986f5e7508.txt')) });
    expect(imported.encoding).toBe('utf-8');
    expect(imported.language).toBe('en');
    expectTraceable(imported);
  });

  it('decodes windows-1252 with its typographic characters (not as ISO-8859-1)', async () => {
    const english = corpusText('001_957ac4986f5e7508.txt')
      .split('\n')
      .filter((line) => line.includes('—') && /^[\x20-\x7e—–é“”]*$/.test(line))
      .slice(0, 5)
      .join('\n');
    expect(english).toMatch(/—/);
    const imported = await importFile({ fileName: 'article.txt', bytes: iconv.encode(english, 'windows-1252') });
    expect(imported.encoding).toBe('windows-1252');
    expect(imported.rawText).toBe(english);
    expectTraceable(imported);
  });

  it('decodes with the encoding the user chose, and refuses an unknown one', async () => {
    const bytes = fixture('ru-windows-1251.txt');
    const wrong = await importFile({ fileName: 'account.txt', bytes, encoding: 'koi8-r' });
    expect(wrong.encoding).toBe('koi8-r');
    expect(wrong.detected?.encoding).toBe('windows-1251');
    expect(wrong.rawText).not.toBe(RUSSIAN);
    const label = await importFile({ fileName: 'account.txt', bytes, encoding: 'CP1251' });
    expect(label.encoding).toBe('windows-1251');
    expect(label.rawText).toBe(RUSSIAN);
    const inspection = await inspectFile({ fileName: 'account.txt', bytes, encoding: 'koi8-r' });
    expect(inspection.encoding?.encoding).toBe('koi8-r');
    const error = await importError(importFile({ fileName: 'account.txt', bytes, encoding: 'klingon-8' }), 'encoding');
    expect(error.message).toContain('klingon-8');
    expect(error.message).toContain('windows-1251');
  });

  it('guesses the layout: one paragraph per line, or hard-wrapped lines', async () => {
    expect(guessLayout(RUSSIAN)).toBe('line-per-block');
    expect(guessLayout(corpusText('001_957ac4986f5e7508.txt'))).toBe('line-per-block');
    const ocr = corpusText('002_10df7f476cedd2f2.txt').split('\n').slice(0, 400).join('\n');
    expect(guessLayout(ocr)).toBe('hard-wrapped');
    const imported = await importFile({ fileName: 'volkogonov.txt', bytes: new TextEncoder().encode(ocr) });
    expect(imported.layout).toBe('hard-wrapped');
    // Lines joined into paragraphs: far fewer blocks than lines.
    expect(imported.normalized.blocks.length).toBeLessThan(60);
    expectTraceable(imported);
  });

  it('takes no paragraph for an image caption: a plain text has no images (a title, a blank line, then paragraphs)', async () => {
    const text = [
      'The Kirov Affair',
      '',
      'On 1 December 1934 Sergei Kirov was shot in the Smolny Institute in Leningrad.',
      'The murderer, Leonid Nikolaev, was a disaffected party member.',
      'Stalin came to Leningrad the next day and took charge of the investigation himself.',
      'Within weeks the murder served as the reason for mass arrests.',
      '',
      'Historians still argue whether Stalin had a hand in it.',
      'The documents opened after 1991 settled little.',
      'Each account weighs the same few witnesses differently.',
      '',
    ].join('\n');
    const imported = await importFile({ fileName: 'kirov.txt', bytes: new TextEncoder().encode(text) });
    expect(imported.layout).toBe('line-per-block');
    const kinds = blocksOf(imported).map((block) => block.kind);
    expect(kinds).not.toContain('caption');
    expect(blocksOf(imported)[1]).toEqual({ kind: 'paragraph', text: 'On 1 December 1934 Sergei Kirov was shot in the Smolny Institute in Leningrad.' });
    expectTraceable(imported);
  });
});

describe('refusing what cannot be imported as text', () => {
  it('refuses a PNG named .txt, and random bytes with zeros in them, as binary', async () => {
    const png = await importError(importFile({ fileName: 'notes.txt', bytes: fixture('image.png') }), 'binary');
    expect(png.message).toContain('PNG image');
    expect(png.message).toContain('OCR');
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    random[100] = 0;
    await importError(importFile({ fileName: 'notes.txt', bytes: random }), 'binary');
    await importError(inspectFile({ fileName: 'notes.md', bytes: random }), 'binary');
  });

  it('refuses an empty file: no bytes, only white space, only a byte order mark', async () => {
    const none = await importError(importFile({ fileName: 'empty.txt', bytes: new Uint8Array() }), 'empty');
    expect(none.message).toContain('0 bytes');
    await importError(importFile({ fileName: 'blank.txt', bytes: new TextEncoder().encode(' \n\t\r\n  ') }), 'empty');
    await importError(importFile({ fileName: 'bom.txt', bytes: Uint8Array.from([0xef, 0xbb, 0xbf]) }), 'empty');
    await importError(importFile({ fileName: 'bom16.md', bytes: Uint8Array.from([0xff, 0xfe, 0x20, 0x00]) }), 'empty');
    await importError(importFile({ fileName: 'empty.pdf', bytes: new Uint8Array() }), 'empty');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await importError(importFile({ fileName: 'account.txt', bytes: fixture('ru-windows-1251.txt'), maxBytes: 1000 }), 'too-large');
    expect(error.message).toMatch(/up to 0\.00 MB|up to 0\.0\d MB/);
    expect(error.message).toContain('Split');
  });

  it('refuses an unsupported extension, naming the supported ones and what to do', async () => {
    const rtf = await importError(importFile({ fileName: 'memo.rtf', bytes: new TextEncoder().encode('{\\rtf1 Stalin}') }), 'unsupported');
    for (const extension of ['.txt', '.md', '.html', '.docx', '.pdf']) expect(rtf.message).toContain(extension);
    expect(rtf.message).toContain('save it as .docx');
    await importError(importFile({ fileName: 'README', bytes: new TextEncoder().encode('text') }), 'unsupported');
    await importError(importFile({ fileName: 'old.doc', bytes: new Uint8Array() }), 'unsupported');
    const ole = await importError(importFile({ fileName: 'old.docx', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]) }), 'unsupported');
    expect(ole.message).toContain('.docx');
  });

  it('reports a file whose extension promises a document it is not', async () => {
    // (A PDF or a Word document under another name is imported as what it is: see the PDF and Word tests.)
    const notPdf = await importError(importFile({ fileName: 'account.pdf', bytes: new TextEncoder().encode(RUSSIAN) }), 'corrupt');
    expect(notPdf.message).toContain('rename it to .txt');
    await importError(importFile({ fileName: 'account.docx', bytes: new TextEncoder().encode(RUSSIAN) }), 'corrupt');
    const zip = await importError(importFile({ fileName: 'archive.txt', bytes: fixture('not-word.docx') }), 'binary');
    expect(zip.message).toContain('zip');
  });
});
