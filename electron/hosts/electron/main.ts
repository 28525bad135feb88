/**
 * The Electron host: one window on the same API table the browser host and CLI serve. This file
 * only wires Electron to the shared code; the decisions live in window.ts, menu.ts and ipc.ts.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { IPC_PREFIX } from '../../../shared/api';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../app/api-handlers';
import { registerApiHandlers } from './ipc';
import { menuTemplate } from './menu';
import { DEFAULT_PROJECT_NAME, installLayout } from '../../install/paths';
import { Project } from '../../app/project';
import { externalLinkTarget, isOwnPage, mainWindowOptions } from './window';

// This file is bundled to dist/electron/main.mjs, beside preload.cjs and below dist/renderer.
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(bundleDir, 'preload.cjs');
const rendererUrl = pathToFileURL(path.join(bundleDir, '..', 'renderer', 'index.html')).toString();

let mainWindow: BrowserWindow | null = null;
let project: Project | null = null;

function corpusDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'corpus') : installLayout(app.getAppPath()).corpusDir;
}

function projectPath(): string {
  return process.env.SOURCEBENCH_PROJECT ?? path.join(app.getPath('userData'), DEFAULT_PROJECT_NAME);
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl);
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseNavigation = (event: Electron.Event, url: string) => {
      if (isOwnPage(url, rendererUrl)) return;
      event.preventDefault();
      const external = externalLinkTarget(url);
      if (external) void shell.openExternal(external);
    };
    contents.on('will-navigate', refuseNavigation);
    contents.on('will-redirect', refuseNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalLinkTarget(url);
      if (external) void shell.openExternal(external);
      return { action: 'deny' };
    });
  });
  // The workbench needs no camera, microphone, notifications or geolocation; it only writes to the
  // clipboard ("Copy as quotation" puts plain text and HTML there), and never reads it.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenWebContents();
  try {
    project = Project.open(projectPath(), { corpusDir: corpusDir() });
  } catch (error) {
    dialog.showErrorBox('Sourcebench cannot open the project', (error as Error).message);
    app.exit(1);
    return;
  }
  const dispatch = createDispatch(createHandlers(project, 'electron'));
  registerApiHandlers(ipcMain, dispatch, (event) => {
    const frame = event.senderFrame;
    return (
      mainWindow !== null &&
      event.sender === mainWindow.webContents &&
      frame !== null &&
      frame === mainWindow.webContents.mainFrame &&
      isOwnPage(frame.url, rendererUrl)
    );
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        send: (command) => mainWindow?.webContents.send(`${IPC_PREFIX}menu`, command),
      }),
    ),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

// Two instances on one project file would fight over it: the second one focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => project?.close());
  void start();
}
