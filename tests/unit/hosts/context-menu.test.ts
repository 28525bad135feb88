/**
 * A right-click in the desktop window offers what a browser would: spelling suggestions for a
 * misspelt word in a note (the first Russian note about Alliluyeva, say), Add to Dictionary, the
 * editing commands the field allows, and Copy on a passage selected in a source.
 */
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, type ContextMenuFacts } from '../../../electron/hosts/electron/context-menu';

const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: true };
const facts = (overrides: Partial<ContextMenuFacts>): ContextMenuFacts => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: false,
  selectionText: '',
  editFlags: flags,
  ...overrides,
});

function menuFor(given: ContextMenuFacts) {
  const done: string[] = [];
  const items = contextMenuTemplate(given, {
    replaceMisspelling: (word) => done.push(`replace with ${word}`),
    addToDictionary: (word) => done.push(`add ${word}`),
  });
  const shown = items.map((item) => item.label ?? item.role ?? item.type);
  const click = (label: string) => (items.find((item) => item.label === label)!.click as () => void)();
  return { items, shown, click, done };
}

describe('the right-click menu', () => {
  it('in a note, offers the spell checker’s suggestions for a misspelt word, and adds it to the dictionary', () => {
    const menu = menuFor(facts({ isEditable: true, misspelledWord: 'Alliluyeva', dictionarySuggestions: ['Alliluyev'] }));
    expect(menu.shown).toEqual(['Alliluyev', 'Add “Alliluyeva” to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    menu.click('Alliluyev');
    menu.click('Add “Alliluyeva” to Dictionary');
    expect(menu.done).toEqual(['replace with Alliluyev', 'add Alliluyeva']);
  });

  it('says there are no suggestions rather than showing none', () => {
    const { items } = menuFor(facts({ isEditable: true, misspelledWord: 'Dzhugashvili' }));
    expect(items[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
  });

  it('in a field without a misspelling, offers the editing commands as the field allows them', () => {
    const { items } = menuFor(facts({ isEditable: true, editFlags: { ...flags, canCut: false, canCopy: false } }));
    expect(items.map((item) => [item.role ?? item.type, item.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['separator', undefined],
      ['selectAll', true],
    ]);
  });

  it('on a passage selected in a source, offers Copy; on nothing selected, no menu at all', () => {
    expect(menuFor(facts({ selectionText: 'Kirov was shot on 1 December 1934' })).shown).toEqual(['copy']);
    expect(menuFor(facts({ selectionText: '  ' })).items).toEqual([]);
    // A misspelling outside an editable field (a source's own spelling) is not the user's to correct.
    expect(menuFor(facts({ misspelledWord: 'Dzhu', selectionText: '' })).items).toEqual([]);
  });
});
