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
import { registerApiHandlers, workbenchSenderCheck } from './ipc';
import { menuTemplate } from './menu';
import { DEFAULT_PROJECT_NAME, installLayout } from '../../install/paths';
import { Project } from '../../app/project';
import { linkGuards, permissionAllowed } from './window';

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
  // The security settings are written out here, where the window is made, so that they can be read
  // (and checked by Electronegativity in the unit tests) where they take effect. A middle-click on
  // a link asks for a new window, which setWindowOpenHandler refuses (window.ts, linkGuards).
  mainWindow = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK: handled by setWindowOpenHandler
    width: 1440,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Sourcebench',
    backgroundColor: '#f7f5f0',
    // Shown once the first frame is ready, so the user never sees a white flash.
    show: false,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: it exposes the API bridge and nothing else
      // The renderer is a web page: it gets the API bridge and nothing of Node or Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A file dropped on the window must not replace the workbench with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl);
}

function hardenWebContents(): void {
  // The one place that hands anything to the system's browser, and only through the guards' vetting.
  const guards = linkGuards(rendererUrl, (url) => shell.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK: url passed externalLinkTarget
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => guards.onWillNavigate(event, url));
    contents.on('will-redirect', (event, url) => guards.onWillRedirect(event, url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler((details) => guards.onWindowOpen(details));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
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
  registerApiHandlers(ipcMain, dispatch, workbenchSenderCheck(() => mainWindow?.webContents ?? null, rendererUrl));
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
