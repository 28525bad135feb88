/**
 * A long PDF made at test time from Volkogonov's text, page after page with its printed page
 * number, as a historian's scanned-and-OCR'd book would be: long enough that its import takes
 * more than a moment and shows progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { corpusDir } from './temp';

const LINES_PER_PAGE = 46;

export async function longVolkogonovPdf(pages: number): Promise<Uint8Array> {
  const lines = fs
    .readFileSync(path.join(corpusDir, '002_10df7f476cedd2f2.txt'), 'utf8')
    .split('\n')
    // The standard PDF fonts cover Windows-1252 only.
    .map((line) => line.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, ' ').trimEnd());
  const pdf = await PDFDocument.create();
  pdf.setTitle('Triumph and Tragedy (test print)');
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (let number = 0; number < pages; number++) {
    const page = pdf.addPage([420, 640]);
    const slice = lines.slice(number * LINES_PER_PAGE, (number + 1) * LINES_PER_PAGE);
    slice.forEach((line, index) => page.drawText(line, { x: 30, y: 600 - index * 12.5, size: 10, font }));
    page.drawText(String(number + 1), { x: 205, y: 20, size: 10, font });
  }
  return pdf.save();
}
