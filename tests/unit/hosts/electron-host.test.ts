/**
 * The Electron host's security settings, menu, IPC registration and packaging configuration,
 * checked without an Electron binary: these are the decisions main.ts only wires up.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import viteConfig from '../../../vite.config';
import { apiMethods, ipcChannel } from '../../../shared/api';
import type { Dispatch } from '../../../shared/dispatch';
import { REPORT_STYLESHEET_CSP_HASH } from '../../../shared/report-style';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../../shared/security';
import { registerApiHandlers } from '../../../electron/hosts/electron/ipc';
import { menuTemplate, type MenuContext } from '../../../electron/hosts/electron/menu';
import { repoRoot } from '../../support/temp';

/**
 * The options of the one `new BrowserWindow({...})` in main.ts, read from its source with
 * TypeScript's parser: literals as their values, anything else as its source text.
 */
function mainWindowOptions(): Record<string, unknown> {
  const file = path.join(repoRoot, 'electron', 'hosts', 'electron', 'main.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const windows: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow') windows.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  expect(windows).toHaveLength(1);
  const read = (node: ts.Expression): unknown => {
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isObjectLiteralExpression(node)) {
      return Object.fromEntries(
        node.properties.map((property) => {
          if (!ts.isPropertyAssignment(property)) throw new Error(`unexpected ${property.getText(source)} in the window options`);
          return [property.name.getText(source), read(property.initializer)];
        }),
      );
    }
    return node.getText(source);
  };
  return read(windows[0]!.arguments![0]!) as Record<string, unknown>;
}

describe('the Electron window', () => {
  it('isolates the page from Node and Electron, in the options main.ts makes the window with', () => {
    const options = mainWindowOptions();
    expect(options.webPreferences).toMatchObject({
      preload: 'preloadPath',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(options.show).toBe(false);
  });

  it('underlines misspellings in notes (spellcheck on) and opens where the user left it', () => {
    const options = mainWindowOptions();
    expect(options.webPreferences).toMatchObject({ spellcheck: true });
    expect(options).toMatchObject({ x: 'saved?.x', y: 'saved?.y' });
  });

  it('has a strict Content-Security-Policy with nothing inline (but the report stylesheet, by its hash), eval-ed or remote', () => {
    const directives = Object.fromEntries(
      RENDERER_CSP.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", REPORT_STYLESHEET_CSP_HASH]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toMatch(/unsafe-|https?:|\*/);
    expect(RENDERER_CSP_HEADER).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
  });

  it('puts that policy into the built page, which Electron loads from file://', async () => {
    const plugin = (viteConfig as { plugins: { name: string; transformIndexHtml?: () => unknown }[] }).plugins
      .flat()
      .find((candidate) => candidate?.name === 'sourcebench-csp');
    const tags = (await plugin!.transformIndexHtml!()) as { tag: string; attrs: Record<string, string> }[];
    expect(tags).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' },
    ]);
  });

  // `npm test` builds the renderer before the unit tests; a bare `vitest run` on a fresh clone has
  // no build to read, and says so in the skip's name instead of passing without looking.
  const built = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  it.skipIf(!fs.existsSync(built))(`has that policy in the built page (${fs.existsSync(built) ? 'dist/renderer' : 'skipped: no dist/renderer; run npm run build'})`, () => {
    expect(fs.readFileSync(built, 'utf8')).toContain('http-equiv="Content-Security-Policy"');
  });
});

describe('the native menu', () => {
  type Item = {
    label?: string;
    role?: string;
    accelerator?: string;
    enabled?: boolean;
    checked?: boolean;
    sublabel?: string;
    click?: (item?: { checked: boolean }) => void;
    submenu?: Item[];
    type?: string;
  };
  const roles = (items: ReturnType<typeof menuTemplate>) =>
    items.flatMap((item) => [item.role, ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role) : [])]);
  const recent = [
    { path: '/home/historian/Purges 1937.sourcebench', name: 'Purges 1937', exists: true },
    { path: '/media/usb/Kirov.sourcebench', name: 'Kirov', exists: false },
  ];
  function menu(overrides: Partial<MenuContext> = {}) {
    const sent: string[] = [];
    const opened: string[] = [];
    let cleared = 0;
    const updates: string[] = [];
    const template = menuTemplate({
      isMac: false,
      isPackaged: true,
      send: (command) => sent.push(command),
      hasProject: true,
      recent,
      openRecent: (file) => opened.push(file),
      clearRecent: () => cleared++,
      updates: {
        configured: false,
        automatic: true,
        setAutomatic: (on) => updates.push(`automatic ${on}`),
        checkNow: () => updates.push('check'),
      },
      ...overrides,
    });
    const file = template[0]!.submenu as Item[];
    const item = (label: string) => file.find((entry) => entry.label === label)!;
    const help = template.find((entry) => entry.role === 'help')!.submenu as Item[];
    return { template, file, item, help, sent, opened, updates, cleared: () => cleared };
  }

  it('has Edit, View, Window and Help with the usual roles', () => {
    const { template } = menu();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(roles(template)).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'about']),
    );
    expect(roles(template)).not.toContain('toggleDevTools');
  });

  it('File holds New, Open, Open Recent, Save a Copy, Back Up, Import, Export and Close, each sent to the page, with the usual keys', () => {
    const { file, item, sent } = menu();
    expect(file.filter((entry) => entry.label).map((entry) => entry.label)).toEqual([
      'New Project…',
      'Open Project…',
      'Open Recent',
      'Save a Copy As…',
      'Back Up Project…',
      'Import…',
      'Export…',
      'Close Project',
    ]);
    const keys = {
      'New Project…': 'CmdOrCtrl+N',
      'Open Project…': 'CmdOrCtrl+O',
      'Save a Copy As…': 'CmdOrCtrl+Shift+S',
      'Import…': 'CmdOrCtrl+Shift+I',
      'Export…': 'CmdOrCtrl+E',
      'Close Project': 'CmdOrCtrl+Shift+W',
    };
    for (const [label, accelerator] of Object.entries(keys)) expect(item(label).accelerator, label).toBe(accelerator);
    for (const label of ['New Project…', 'Open Project…', 'Save a Copy As…', 'Back Up Project…', 'Import…', 'Export…', 'Close Project']) item(label).click!();
    expect(sent).toEqual(['new-project', 'open-project', 'save-copy', 'backup', 'import', 'export', 'close-project']);
    expect(file.at(-1)!.role).toBe('quit');
  });

  it('Open Recent lists the recent projects by name (a missing one greyed) and clears them', () => {
    const { item, opened, cleared } = menu();
    const entries = item('Open Recent').submenu!;
    expect(entries.filter((entry) => entry.sublabel).map((entry) => [entry.label, entry.sublabel, entry.enabled])).toEqual([
      ['Purges 1937', '/home/historian/Purges 1937.sourcebench', true],
      ['Kirov', '/media/usb/Kirov.sourcebench', false],
    ]);
    entries[0]!.click!();
    expect(opened).toEqual(['/home/historian/Purges 1937.sourcebench']);
    entries.find((entry) => entry.label === 'Clear Recent')!.click!();
    expect(cleared()).toBe(1);
    const empty = menu({ recent: [] }).item('Open Recent').submenu!;
    expect(empty[0]).toMatchObject({ label: 'No recent projects', enabled: false });
    expect(empty.find((entry) => entry.label === 'Clear Recent')!.enabled).toBe(false);
  });

  it('without an open project only New, Open and Open Recent are enabled', () => {
    const { file } = menu({ hasProject: false });
    const enabled = file.filter((entry) => entry.label && entry.enabled !== false).map((entry) => entry.label);
    expect(enabled).toEqual(['New Project…', 'Open Project…', 'Open Recent']);
  });

  it('sends Edit > Undo and Redo to the workbench, which knows what was changed last', () => {
    const { template, sent } = menu();
    const items = template[1]!.submenu as Item[];
    items.find((item) => item.label === 'Undo')!.click!();
    items.find((item) => item.label === 'Redo')!.click!();
    expect(sent).toEqual(['undo', 'redo']);
    expect(items.find((item) => item.label === 'Undo')!.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('sends Edit > Search the sources… and Find in the pane… to the workbench', () => {
    const { template, sent } = menu();
    const items = template[1]!.submenu as Item[];
    const search = items.find((item) => item.label === 'Search the sources…')!;
    const find = items.find((item) => item.label === 'Find in the pane…')!;
    search.click!();
    find.click!();
    expect(sent).toEqual(['search', 'find']);
    expect(search.accelerator).toBe('CmdOrCtrl+Shift+F');
    expect(find.accelerator).toBe('CmdOrCtrl+F');
  });

  it('Help checks for updates in every copy; the automatic-checks switch only where a feed is configured', () => {
    const plain = menu();
    expect(plain.help.map((entry) => entry.label ?? entry.role ?? entry.type)).toEqual(['Check for Updates…', 'separator', 'about']);
    plain.help[0]!.click!();
    expect(plain.updates).toEqual(['check']);

    const switched: boolean[] = [];
    const fed = menu({ updates: { configured: true, automatic: false, setAutomatic: (on) => switched.push(on), checkNow: () => {} } });
    const automatic = fed.help.find((entry) => entry.label === 'Check for Updates Automatically')!;
    expect(automatic).toMatchObject({ type: 'checkbox', checked: false });
    // Electron flips a checkbox before calling its click: the new state is the item's.
    automatic.click!({ checked: true });
    expect(switched).toEqual([true]);
    expect(menu({ isMac: true }).help.map((entry) => entry.label ?? entry.role)).toEqual(['Check for Updates…']);
  });

  it('adds the application menu on macOS and developer tools (F12) only when unpackaged', () => {
    const { template: mac } = menu({ isMac: true, isPackaged: false });
    expect(mac[0]!.role).toBe('appMenu');
    expect(roles(mac)).toContain('toggleDevTools');
    expect((mac[0 + 3]!.submenu as Item[]).find((item) => item.role === 'toggleDevTools')!.accelerator).toBe('F12');
  });
});

describe('IPC registration', () => {
  function fakeIpcMain() {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
    return {
      handlers,
      handle: (channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => unknown) => {
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    };
  }
  const echo: Dispatch = async (method, input) => ({ ok: true, value: { method, input } });
  const event = {} as IpcMainInvokeEvent;

  it('registers one handler per method of the API table, and removes them again', async () => {
    const ipc = fakeIpcMain();
    const unregister = registerApiHandlers(ipc, echo, () => null);
    expect([...ipc.handlers.keys()].sort()).toEqual(apiMethods.map(ipcChannel).sort());
    const result = await ipc.handlers.get(ipcChannel('listDocuments'))!(event, {});
    expect(result).toEqual({ ok: true, value: { method: 'listDocuments', input: {} } });
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('refuses a call from a sender that is not the workbench page, saying why, and dispatches nothing', async () => {
    const ipc = fakeIpcMain();
    const dispatched: string[] = [];
    registerApiHandlers(
      ipc,
      async (method, input) => {
        dispatched.push(method);
        return echo(method, input);
      },
      () => 'the call came from another window',
    );
    const result = await ipc.handlers.get(ipcChannel('listDocuments'))!(event, {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'listDocuments was refused: the call came from another window' },
    });
    expect(dispatched).toEqual([]);
  });
});

describe('packaging', () => {
  it('has an electron-builder configuration that its own schema accepts', async () => {
    const config = parseYaml(fs.readFileSync(path.join(repoRoot, 'build', 'electron-builder.yml'), 'utf8'));
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nonsense: true }, { isEnabled: false, add: () => {} })).rejects.toThrow();
    expect(config.extraResources).toEqual([{ from: 'corpus', to: 'corpus' }]);
  });

  it('points package.json main at the bundled main process', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(pkg.bin.sourcebench).toBe('bin/sourcebench.js');
  });
});
