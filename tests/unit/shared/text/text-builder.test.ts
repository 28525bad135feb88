/** The text builder keeps the map back to the raw file for every character it appends. */
import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../../../shared/text/normalize/text-builder';
import { LineIndex, rawOffsetOf } from '../../../../shared/text/text-model';
import { structuralProblems, untraceableCharacters } from '../../../support/traceability';

describe('the text builder', () => {
  const raw = 'The expres- \nsion squinting\n\n143\n\ntoward V.l. Lenin';

  function build() {
    const builder = new TextBuilder(raw);
    builder.openBlock('paragraph');
    const mark = builder.beginEdit();
    builder.copy(4, 10); // "expres"
    builder.copy(13, 17); // "sion"
    builder.endEdit(mark, 'dehyphenation', 4, 17, 'joined');
    builder.copy(17, 27); // " squinting"
    builder.locator('page', 29, 32);
    builder.insert(' ', 27);
    builder.copy(34, 41); // "toward "
    builder.replace(41, 45, 'V.I.', 'ocr-correction', 'l read for I');
    builder.copy(45, 51);
    builder.closeBlock();
    builder.openBlock('heading', { level: 1 });
    builder.closeBlock(); // empty: disappears
    return builder.build();
  }

  it('maps every kept character back to the same raw character', () => {
    const normalized = build();
    expect(normalized.text).toBe('expression squinting toward V.I. Lenin');
    expect(untraceableCharacters(normalized, raw)).toEqual([]);
    expect(raw[rawOffsetOf(normalized.map, normalized.text.indexOf('sion'))]).toBe('s');
    expect(raw.slice(rawOffsetOf(normalized.map, normalized.text.indexOf('Lenin')))).toBe('Lenin');
  });

  it('records edits with their raw form and drops empty blocks', () => {
    const normalized = build();
    expect(normalized.edits).toEqual([
      { kind: 'dehyphenation', start: 0, end: 10, raw: 'expres- \nsion', reason: 'joined' },
      { kind: 'ocr-correction', start: 28, end: 32, raw: 'V.l.', reason: 'l read for I' },
    ]);
    expect(normalized.blocks).toEqual([{ kind: 'paragraph', start: 0, end: normalized.text.length }]);
    expect(normalized.locators).toEqual([{ kind: 'page', label: '143', at: 20, rawStart: 29, rawEnd: 32 }]);
    expect(structuralProblems(normalized)).toEqual([]);
  });

  it('separates blocks by one blank line', () => {
    const builder = new TextBuilder('Title\nBody');
    builder.openBlock('heading', { level: 1 });
    builder.copy(0, 5);
    builder.openBlock('paragraph');
    builder.copy(6, 10);
    const normalized = builder.build();
    expect(normalized.text).toBe('Title\n\nBody');
    expect(structuralProblems(normalized)).toEqual([]);
    expect(untraceableCharacters(normalized, 'Title\nBody')).toEqual([]);
  });
});

describe('line and column of a raw offset', () => {
  it('counts lines from 1 and columns in code points', () => {
    const index = new LineIndex('first\nსტალინი 𝔄b\nlast');
    expect(index.lineColumn(0)).toEqual({ line: 1, column: 1 });
    expect(index.lineColumn(6)).toEqual({ line: 2, column: 1 });
    const text = 'first\nსტალინი 𝔄b\nlast';
    expect(index.lineColumn(text.indexOf('b'))).toEqual({ line: 2, column: 10 });
    expect(index.lineColumn(text.indexOf('last'))).toEqual({ line: 3, column: 1 });
    expect(index.lineCount).toBe(3);
  });
});
