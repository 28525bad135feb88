/**
 * The native menu: the platform's usual roles, so undo, copy, zoom and window handling work as
 * users expect on every system. Built from plain data so it can be tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../../../shared/projects';

export interface MenuContext {
  readonly isMac: boolean;
  readonly isPackaged: boolean;
  /** Sends a command to the workbench page (e.g. 'import'). */
  readonly send: (command: string) => void;
  /** Whether a project is open: without one, only New, Open and Quit make sense. */
  readonly hasProject: boolean;
  readonly recent: readonly RecentProject[];
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
  readonly updates: {
    /** Whether this copy has an update feed: without one, the automatic-checks switch is left out. */
    readonly configured: boolean;
    readonly automatic: boolean;
    readonly setAutomatic: (on: boolean) => void;
    /** Answers in every copy, also to say why it does not update itself. */
    readonly checkNow: () => void;
  };
}

/**
 * File works on project files (New, Open, Open Recent, Save a Copy, Close) and moves sources in
 * and notes out (Import, Export): Ctrl+O opens a project, as in every desktop program, so Import
 * takes Ctrl+Shift+I.
 */
function fileMenu({ isMac, send, hasProject, recent, openRecent, clearRecent }: MenuContext): MenuItemConstructorOptions {
  const recentItems: MenuItemConstructorOptions[] = recent.map((project) => ({
    label: project.name,
    sublabel: project.path,
    toolTip: project.path,
    enabled: project.exists,
    click: () => openRecent(project.path),
  }));
  return {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => send('new-project') },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => send('open-project') },
      {
        label: 'Open Recent',
        submenu: [
          ...(recentItems.length > 0 ? recentItems : [{ label: 'No recent projects', enabled: false }]),
          { type: 'separator' },
          { label: 'Clear Recent', enabled: recentItems.length > 0, click: clearRecent },
        ],
      },
      { type: 'separator' },
      { label: 'Save a Copy As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: hasProject, click: () => send('save-copy') },
      // The page asks the project for an online backup, so it works with the project open.
      { label: 'Back Up Project…', enabled: hasProject, click: () => send('backup') },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', enabled: hasProject, click: () => send('import') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', enabled: hasProject, click: () => send('export') },
      { type: 'separator' },
      { label: 'Close Project', accelerator: 'CmdOrCtrl+Shift+W', enabled: hasProject, click: () => send('close-project') },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, send } = context;
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools', accelerator: 'F12' });
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    fileMenu(context),
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
    { role: 'help', submenu: helpMenu(context) },
  ];
}

function helpMenu({ isMac, updates }: MenuContext): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [{ label: 'Check for Updates…', click: updates.checkNow }];
  if (updates.configured) {
    items.push({
      label: 'Check for Updates Automatically',
      type: 'checkbox',
      checked: updates.automatic,
      click: (item) => updates.setAutomatic(item.checked),
    });
  }
  // macOS puts "About" in the app menu; elsewhere it belongs under Help.
  if (!isMac) items.push({ type: 'separator' }, { role: 'about' });
  return items;
}
