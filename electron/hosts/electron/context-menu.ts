/**
 * The right-click menu of the desktop window. Electron shows none of its own, so without this a
 * right-click did nothing: no Copy on a selected passage, no spelling suggestions in a note. The
 * menu is what browsers offer: in a text field the spell checker's suggestions for a misspelt word
 * (and Add to Dictionary), then Cut, Copy, Paste and Select All as the field allows them; on
 * selected text elsewhere, Copy. Built from plain data so it is tested without Electron.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** The parts of Electron's context-menu parameters the menu is made from. */
export type ContextMenuFacts = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>;

export interface ContextMenuActions {
  readonly replaceMisspelling: (word: string) => void;
  readonly addToDictionary: (word: string) => void;
}

/** The items for a right-click; empty where there is nothing to offer (no menu is then shown). */
export function contextMenuTemplate(facts: ContextMenuFacts, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (facts.isEditable && facts.misspelledWord) {
    const word = facts.misspelledWord;
    if (facts.dictionarySuggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of facts.dictionarySuggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    items.push({ label: `Add “${word}” to Dictionary`, click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }
  const { canCut, canCopy, canPaste, canSelectAll } = facts.editFlags;
  if (facts.isEditable) {
    items.push(
      { role: 'cut', enabled: canCut },
      { role: 'copy', enabled: canCopy },
      { role: 'paste', enabled: canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: canSelectAll },
    );
  } else if (facts.selectionText.trim() !== '') {
    // A passage selected in a source: copying it is what a right-click there is for.
    items.push({ role: 'copy', enabled: canCopy });
  }
  return items;
}
