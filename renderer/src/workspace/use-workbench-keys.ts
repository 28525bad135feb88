/**
 * The workbench's own keys and the desktop menu's commands: undo and redo of the one history,
 * Mod+Shift+I to import, Mod+E to export, Mod+Shift+F to search, ? for the shortcut sheet; the
 * menu also backs up. Mod+O opens a project, as in every desktop program: that key and the
 * project commands belong to the root (projects/use-project-commands.ts), which outlives a
 * project. Kept apart from the shell so each key's owner is plain.
 */
import { useEffect } from 'react';
import { hasNativeMenu } from './shortcuts';
import { hasOwnUndo, isTypingTarget, undoRedoOf } from './undo-keys';

interface Commands {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly openImport: () => void;
  readonly openExport: () => void;
  readonly openBackup: () => void;
  readonly openShortcuts: () => void;
  readonly openSearch: () => void;
  /** Find in the pane in use (the keys themselves go to the panes). */
  readonly findInPane: () => void;
}

export function useWorkbenchKeys({ undo, redo, openImport, openExport, openBackup, openShortcuts, openSearch, findInPane }: Commands): void {
  useEffect(() => {
    // In the desktop app the native menu owns Mod+Z, Mod+Shift+Z, Mod+Shift+I and Mod+E and sends them here.
    const desktop = hasNativeMenu();
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // One history for every pane and panel; by physical key too, so any keyboard layout works.
      const action = desktop ? null : undoRedoOf(event);
      if (action) {
        if (hasOwnUndo(event.target)) return; // the field's own undo
        event.preventDefault();
        if (action === 'redo') redo();
        else undo();
        return;
      }
      // Chromium's DevTools key too, but a page that takes it first keeps it (tests/e2e/projects.spec.ts).
      if (mod && !event.altKey && event.shiftKey && (key === 'i' || event.code === 'KeyI') && !desktop) {
        event.preventDefault();
        openImport();
        return;
      }
      if (mod && !event.altKey && !event.shiftKey && key === 'e' && !desktop) {
        event.preventDefault();
        openExport();
        return;
      }
      // Works from a text field too: it is where one is when one wants to search instead.
      if (mod && !event.altKey && event.shiftKey && (key === 'f' || event.code === 'KeyF')) {
        event.preventDefault();
        openSearch();
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        openShortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, openImport, openExport, openShortcuts, openSearch]);

  // The desktop app's File > Import…, Export…, Back up project… and Edit > Undo/Redo arrive as menu commands.
  useEffect(
    () =>
      window.sourcebenchMenu?.onCommand((command) => {
        if (command === 'import') openImport();
        else if (command === 'export') openExport();
        else if (command === 'backup') openBackup();
        else if (command === 'undo' || command === 'redo') {
          // Typing in a text field is undone there; everything else in the workbench's history.
          if (hasOwnUndo(document.activeElement)) document.execCommand(command);
          else if (command === 'undo') undo();
          else redo();
        } else if (command === 'shortcuts') openShortcuts();
        else if (command === 'search') openSearch();
        else if (command === 'find') findInPane();
      }),
    [undo, redo, openImport, openExport, openBackup, openShortcuts, openSearch, findInPane],
  );
}
