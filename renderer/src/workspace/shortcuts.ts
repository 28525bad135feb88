/** Every keyboard shortcut of the workbench, in one list: the sheet shows exactly this. */

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Whether the page runs in the desktop app, whose native menu owns the workbench's keys and sends its commands. */
export function hasNativeMenu(): boolean {
  return typeof window !== 'undefined' && Boolean(window.sourcebenchMenu);
}

/** The desktop app's menu also has New and Close Project; a browser keeps Mod+N and Mod+Shift+W for its windows. */
const desktop = hasNativeMenu();

export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'With text selected in a pane',
    shortcuts: [
      { keys: ['1'], action: 'Highlight in yellow' },
      { keys: ['2'], action: 'Highlight in red' },
      { keys: ['3'], action: 'Highlight in green' },
      { keys: ['4'], action: 'Highlight in blue' },
      { keys: ['5'], action: 'Highlight in purple' },
      { keys: ['6'], action: 'Highlight in magenta' },
      { keys: ['7'], action: 'Highlight in orange' },
      { keys: ['8'], action: 'Highlight in gray' },
      { keys: ['T'], action: 'Tag the passage from the codebook' },
      { keys: ['N'], action: 'Write a note on the passage' },
      { keys: ['C'], action: 'Attach the passage to a claim (an existing one or a new one), with its stance' },
      { keys: ['Shift', '1–6'], action: 'Rate the credibility of the information (1 confirmed … 6 cannot be judged)' },
      { keys: ['S'], action: 'Find the passages of the other sources that tell the same (similar passages)' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: [MOD, 'Z'], action: 'Undo the last change (highlight, tag, note, assessment)' },
      { keys: [MOD, 'Shift', 'Z'], action: 'Redo' },
      { keys: [MOD, 'Shift', 'I'], action: 'Import a file as a source' },
      { keys: [MOD, 'E'], action: 'Export the notes (Markdown, HTML, CSV, exchange files)' },
      { keys: [MOD, 'Shift', 'F'], action: 'Search the sources, notes, tags and claims' },
      { keys: [MOD, 'F'], action: 'Find in the pane in use (the one last clicked)' },
      { keys: ['?'], action: 'Show this sheet of shortcuts' },
      { keys: ['Shift', 'C'], action: 'Open or close the claims panel (compare, matrix, timeline)' },
      { keys: ['Escape'], action: 'Close a dialog, panel or toolbar' },
    ],
  },
  {
    title: 'Project files',
    shortcuts: [
      { keys: [MOD, 'O'], action: 'Open a project (recent ones, the data folder, a file by its path)' },
      ...(desktop ? [{ keys: [MOD, 'N'], action: 'Start a new project' }] : []),
      { keys: [MOD, 'Shift', 'S'], action: 'Save a copy of the project, and go on working in it' },
      ...(desktop ? [{ keys: [MOD, 'Shift', 'W'], action: 'Close the project' }] : []),
    ],
  },
  {
    title: 'Search',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'Move through the hits' },
      { keys: ['Enter'], action: 'Open the hit (again: the next one)' },
      { keys: ['Shift', 'Enter'], action: 'The previous hit (in the find bar too)' },
      { keys: ['F3'], action: 'Next hit; with Shift, the previous' },
      { keys: ['Escape'], action: 'Close the search or the find bar' },
    ],
  },
  {
    title: 'Claims panel',
    shortcuts: [
      { keys: ['←', '→'], action: 'On the tabs: Compare, Matrix, Timeline' },
      { keys: ['↑', '↓'], action: 'Move between the claims of the matrix or timeline' },
      { keys: ['Enter'], action: 'Open the claim in the compare view' },
      { keys: ['Escape'], action: 'Close the claims panel (in a field: put back what was there)' },
    ],
  },
  {
    title: 'Pane dividers (when focused)',
    shortcuts: [
      { keys: ['←', '→'], action: 'Make the pane on the left narrower or wider' },
      { keys: ['Shift', '←/→'], action: 'The same, in larger steps' },
    ],
  },
];
