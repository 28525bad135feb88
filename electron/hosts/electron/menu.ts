/**
 * The native menu: the platform's usual roles, so undo, copy, zoom and window handling work as
 * users expect on every system. Built from plain data so it can be tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  readonly isMac: boolean;
  readonly isPackaged: boolean;
  /** Sends a command to the workbench page (e.g. 'import'). */
  readonly send: (command: string) => void;
}

export function menuTemplate({ isMac, isPackaged, send }: MenuContext): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        // The page asks the project for an online backup, so it works with the project open.
        { label: 'Back up project…', click: () => send('backup') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo and redo go to the workbench, which undoes the last annotation change, or the
        // last typing where the focus is in a text field.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        // Both are the workbench's own: the search over every source, and find in the pane in use.
        { label: 'Search the sources…', accelerator: 'CmdOrCtrl+Shift+F', click: () => send('search') },
        { label: 'Find in the pane…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
      ],
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    // macOS puts "About" in the app menu; elsewhere it belongs under Help.
    { role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  ];
}
