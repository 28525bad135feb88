/**
 * Which keys are the workbench's undo and redo, and which belong to the field being typed in
 * (its own undo, its letters), so that the shortcuts of the shell, the toolbar and the claims
 * panel never take a key from a text field.
 */
/** True where the key belongs to what the user is typing in (text inputs, selects, the note editor). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('select')) return true; // letters pick an option there
  return hasOwnUndo(target);
}

/**
 * True where Mod+Z belongs to the field (text inputs, the note editor undo their own typing). A
 * select has no undo of its own: there, as on a button, Mod+Z takes back the last saved change
 * (a stance just chosen, say).
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea')) return true;
  const input = target.closest('input');
  // A focused checkbox or button takes no typing: the workbench's keys still apply there.
  return input !== null && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(input.type);
}

/** Mod-z undoes, Mod-Shift-z and Mod-y redo: which of them a key event is, if any. */
export function undoRedoOf(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  // By physical key too, so the shortcuts work with a Russian (or any) keyboard layout.
  const key = event.key.toLowerCase();
  const isZ = key === 'z' || event.code === 'KeyZ';
  const isY = key === 'y' || event.code === 'KeyY';
  if (isZ) return event.shiftKey ? 'redo' : 'undo';
  if (isY && !event.shiftKey) return 'redo';
  return null;
}
