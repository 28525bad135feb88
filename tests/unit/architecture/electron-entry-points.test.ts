/**
 * The Electron host has one door in and one door out, and the code is held to them: IPC handlers
 * are registered only by registerApiHandlers (which checks every sender), and only the link
 * guards hand anything to `shell.openExternal` (after externalLinkTarget vetted it). The checker
 * reads the code with TypeScript's parser, and is first shown to catch each way around the doors.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/temp';
import { readCheckedFiles, type SourceText } from './layers';

/** Methods that register an IPC listener on ipcMain, a webContents' or a frame's `ipc`. */
const REGISTERING = new Set(['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

function entryPointViolations(files: readonly SourceText[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => `${file.path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const insideCallOf = (node: ts.Node, callee: string): boolean => {
      for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
        if (ts.isCallExpression(up) && up.expression.getText(source) === callee && up.arguments.some((arg) => arg.pos <= node.pos && node.end <= arg.end)) return true;
      }
      return false;
    };
    const insideRegistration = (node: ts.Node): boolean => {
      for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
        if (ts.isFunctionDeclaration(up) && up.name?.text === 'registerApiHandlers' && file.path === 'electron/hosts/electron/ipc.ts') return true;
      }
      return false;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === 'ipcMain' && !insideRegistration(node)) {
        const parent = node.parent;
        const isImport = ts.isImportSpecifier(parent);
        const isArgumentOfRegistration = ts.isCallExpression(parent) && parent.expression.getText(source) === 'registerApiHandlers' && parent.arguments.includes(node);
        if (!isImport && !isArgumentOfRegistration) violations.push(`${at(node)}: ipcMain used outside registerApiHandlers(ipcMain, …)`);
      }
      if (ts.isImportSpecifier(node) && (node.propertyName ?? node.name).text === 'ipcMain' && node.name.text !== 'ipcMain') {
        violations.push(`${at(node)}: ipcMain imported under another name`);
      }
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'ipc' && ts.isPropertyAccessExpression(node.parent) && REGISTERING.has(node.parent.name.text)) {
        violations.push(`${at(node)}: an IPC handler registered on ${node.getText(source)}, which no sender check guards`);
      }
      if (ts.isIdentifier(node) && node.text === 'openExternal') {
        const call = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : null;
        if (!(file.path === 'electron/hosts/electron/main.ts' && call && call.expression.getText(source) === 'shell' && insideCallOf(call, 'linkGuards'))) {
          violations.push(`${at(node)}: openExternal reached outside linkGuards(…, (url) => shell.openExternal(url))`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

describe('the entry-point checker', () => {
  it('reports each way around the two doors, and passes the two doors themselves', () => {
    const main = 'electron/hosts/electron/main.ts';
    const violations = entryPointViolations([
      {
        path: main,
        text: [
          "import { ipcMain, shell } from 'electron';",
          'registerApiHandlers(ipcMain, dispatch, check);',
          'const guards = linkGuards(rendererUrl, (url) => shell.openExternal(url));',
          "ipcMain.handle('sourcebench:secret', () => 42);",
          "ipcMain.on('sourcebench:fire', () => {});",
          'void shell.openExternal(details.url);',
          "contents.ipc.handle('sourcebench:frame', () => 1);",
          "frame.ipc.on('x', () => {});",
        ].join('\n'),
      },
      { path: 'electron/hosts/electron/other.ts', text: "import { ipcMain as bus } from 'electron';\nbus.handle('x', () => 1);" },
      {
        path: 'electron/hosts/electron/ipc.ts',
        text: 'export function registerApiHandlers(ipcMain: IpcMain) {\n  ipcMain.handle(channel, checked);\n}\nipcMain.handle(channel, unchecked);',
      },
      { path: 'electron/hosts/electron/open.ts', text: "import { shell } from 'electron';\nconst { openExternal } = shell;\nlinkGuards(u, (url) => shell.openExternal(url));" },
    ]);
    expect(violations.map((line) => line.replace(/: .*/, ''))).toEqual([
      `${main}:4`,
      `${main}:5`,
      `${main}:6`,
      `${main}:7`,
      `${main}:8`,
      'electron/hosts/electron/other.ts:1',
      'electron/hosts/electron/ipc.ts:4',
      'electron/hosts/electron/open.ts:2',
      'electron/hosts/electron/open.ts:3',
    ]);
  });
});

describe('the source tree', () => {
  const files = readCheckedFiles(repoRoot);

  it('registers IPC handlers only through registerApiHandlers, and opens external links only through the link guards', () => {
    // The two doors are there: the rule is not checking an empty tree.
    const main = files.find((file) => file.path === 'electron/hosts/electron/main.ts')!;
    expect(main.text).toMatch(/registerApiHandlers\(ipcMain,/);
    expect(main.text).toMatch(/linkGuards\(rendererUrl, \(url\) => shell\.openExternal\(url\)\)/);
    const violations = entryPointViolations(files);
    expect(violations, `\n${violations.join('\n')}\n`).toEqual([]);
  });

  it('hands Electron the permission, navigation and new-window decisions of window.ts', () => {
    const main = files.find((file) => file.path === 'electron/hosts/electron/main.ts')!.text;
    expect(main).toContain('setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)))');
    expect(main).toContain('setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))');
    expect(main).toContain("contents.on('will-navigate', (event, url) => guards.onWillNavigate(event, url))");
    expect(main).toContain("contents.on('will-redirect', (event, url) => guards.onWillRedirect(event, url))");
    expect(main).toContain('contents.setWindowOpenHandler((details) => guards.onWindowOpen(details))');
  });
});
