/**
 * `sourcebench text` prints the reading text with "#" heading marks; `locate` takes offsets
 * into that printout, so what a user counts in the output leads to the right place.
 */
import { describe, expect, it } from 'vitest';
import { printedText } from '../../../../shared/text/printed-text';

describe('the printed reading text', () => {
  const text = 'Chapter I\n\nStalin was dying.\n\nსტალინი wrote';
  const blocks = [
    { kind: 'heading' as const, level: 1, start: 0, end: 9 },
    { kind: 'paragraph' as const, start: 11, end: 28 },
    { kind: 'paragraph' as const, start: 30, end: 43 },
  ];
  const printed = printedText({ text, blocks });

  it('marks headings with # by level and separates blocks by a blank line', () => {
    expect(printed.printed).toBe('# Chapter I\n\nStalin was dying.\n\nსტალინი wrote');
    const deeper = printedText({ text: 'Sub', blocks: [{ kind: 'heading', level: 3, start: 0, end: 3 }] });
    expect(deeper.printed).toBe('### Sub');
  });

  it('leads printed offsets back to reading-text offsets', () => {
    expect(printed.readingOffset(0)).toBe(0); // the "#" mark stands for the heading
    expect(printed.readingOffset(2)).toBe(0); // "C"
    expect(printed.readingOffset(printed.printed.indexOf('Stalin'))).toBe(text.indexOf('Stalin'));
    // Offsets count characters: the Georgian word before "wrote" is 7 characters, whatever its UTF-16 length.
    const wrote = [...printed.printed.slice(0, printed.printed.indexOf('wrote'))].length;
    expect(printed.readingOffset(wrote)).toBe(text.indexOf('wrote'));
    expect(printed.readingOffset([...printed.printed].length)).toBe(text.length);
    expect(printed.readingOffset([...printed.printed].length + 1)).toBeNull();
  });
});
