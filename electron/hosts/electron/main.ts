/**
 * The Electron host: one window on the same API table the browser host and CLI serve. This file
 * only wires Electron to the shared code; the decisions live in window.ts, menu.ts and ipc.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session, shell } from 'electron';
import { IPC_PREFIX } from '../../../shared/api';
import { createDispatch } from '../../../shared/dispatch';
import { PROJECT_EXTENSION, type ChoosePurpose, type ProjectFile } from '../../../shared/projects';
import { ProjectSession } from '../../app/project-session';
import { Settings, SETTINGS_FILE_NAME } from '../../app/settings';
import { registerApiHandlers, workbenchSenderCheck } from './ipc';
import { menuTemplate } from './menu';
import { DEFAULT_PROJECT_NAME, installLayout } from '../../install/paths';
import { projectArgument } from '../project-argument';
import { linkGuards, permissionAllowed } from './window';
import { DEFAULT_WINDOW_SIZE, restoredBounds } from './window-state';
import { followingTheme } from './native-theme';
import { contextMenuTemplate } from './context-menu';
import { UpdateChecks } from './updates/update-checks';
import { electronUpdateDialogs } from './updates/update-dialogs';
import { updateFeed } from './updates/update-feed';

// This file is bundled to dist/electron/main.mjs, beside preload.cjs and below dist/renderer.
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(bundleDir, 'preload.cjs');
const rendererUrl = pathToFileURL(path.join(bundleDir, '..', 'renderer', 'index.html')).toString();

/** The first quiet update check waits this long after start. */
const UPDATE_CHECK_DELAY_MS = 10_000;

let mainWindow: BrowserWindow | null = null;
let projects: ProjectSession | null = null;
let settings: Settings | null = null;
let updates: UpdateChecks | null = null;
/** A file the system asked to open before the window was there (macOS open-file at launch). */
let fileToOpen: string | null = null;

function corpusDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'corpus') : installLayout(app.getAppPath()).corpusDir;
}

/** The file to open at start: one named on the command line (a double-click), else the default project. */
function startProjectPath(): string {
  const named = projectArgument(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
  return fileToOpen ?? named ?? process.env.SOURCEBENCH_PROJECT ?? path.join(app.getPath('userData'), DEFAULT_PROJECT_NAME);
}

/** The system's file dialogs, for the page's Open, New and Save a Copy. */
async function chooseProjectFile(purpose: ChoosePurpose, directory: string): Promise<string | null> {
  const filters = [{ name: 'Sourcebench project', extensions: [PROJECT_EXTENSION.slice(1)] }];
  const owner = mainWindow ?? undefined;
  if (purpose === 'open') {
    const options = { title: 'Open Project', defaultPath: directory, filters, properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const title = purpose === 'new' ? 'New Project' : 'Save a Copy As';
  const options = { title, defaultPath: path.join(directory, purpose === 'new' ? `Untitled${PROJECT_EXTENSION}` : ''), filters };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return path.extname(result.filePath) === '' ? `${result.filePath}${PROJECT_EXTENSION}` : result.filePath;
}

/** The menu's Open Recent and the system's recent list follow the project shown (the title follows the page's). */
function projectSwitched(open: ProjectFile | null): void {
  if (process.platform === 'darwin') mainWindow?.setRepresentedFilename(open?.path ?? '');
  if (open) app.addRecentDocument(open.path);
  buildMenu();
}

function buildMenu(): void {
  const state = projects?.state();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        send,
        hasProject: Boolean(state?.open),
        recent: state?.recent ?? [],
        // The page switches, so that it saves its layout to the project it is leaving first.
        openRecent: (file) => send(`open-file:${file}`),
        clearRecent: () => {
          settings?.clearRecentProjects();
          app.clearRecentDocuments();
          buildMenu();
          send('project-state');
        },
        updates: {
          configured: updates?.configured ?? false,
          automatic: settings?.checkForUpdates ?? true,
          setAutomatic: (on) => {
            settings?.setCheckForUpdates(on);
            buildMenu();
            // Turned on: look now rather than at the next daily check.
            if (on) void updates?.checkQuietly();
          },
          checkNow: () => void updates?.checkNow(),
        },
      }),
    ),
  );
}

function send(command: string): void {
  mainWindow?.webContents.send(`${IPC_PREFIX}menu`, command);
}

/** A file handed over by the system (a second launch, macOS open-file) goes to the open window. */
function openHandedFile(file: string): void {
  if (!mainWindow) {
    fileToOpen = file;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  send(`open-file:${file}`);
}

function createWindow(): void {
  const saved = restoredBounds(
    settings?.windowBounds ?? null,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  // The security settings are written out here, where the window is made, so that they can be read
  // (and checked by Electronegativity in the unit tests) where they take effect. A middle-click on
  // a link asks for a new window, which setWindowOpenHandler refuses (window.ts, linkGuards).
  mainWindow = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK: handled by setWindowOpenHandler
    // Without a usable saved place (undefined x and y) the system centres the window.
    x: saved?.x,
    y: saved?.y,
    width: saved?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: saved?.height ?? DEFAULT_WINDOW_SIZE.height,
    minWidth: 720,
    minHeight: 480,
    // The page puts the project's name in front as soon as it has read which one is open.
    title: 'Sourcebench',
    // Dark before the page has drawn, when the system (or the app's last choice) is dark.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1c1a' : '#f7f5f0',
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
      // Notes are prose: misspellings are underlined, with suggestions in the context menu (context-menu.ts).
      spellcheck: true,
    },
  });
  if (saved?.maximized) mainWindow.maximize();
  // Electron's default: the window's title is the page's (ProjectRoot names the open project there).
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const window = mainWindow;
  window.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, {
      replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
      addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
  window.on('close', () => {
    settings?.saveWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
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
  settings = new Settings(path.join(app.getPath('userData'), SETTINGS_FILE_NAME));
  if (settings.problem) console.error(`Sourcebench: ${settings.problem}`);
  projects = new ProjectSession({
    host: 'electron',
    corpusDir: corpusDir(),
    dataDirectory: app.getPath('documents'),
    settings,
    canSwitch: true,
    chooseFile: chooseProjectFile,
    onSwitch: projectSwitched,
  });
  const first = startProjectPath();
  try {
    projects.start(first);
  } catch (error) {
    // A file that cannot be opened leaves the workbench at its project picker, not closed.
    dialog.showErrorBox('Sourcebench cannot open the project', `${first}: ${(error as Error).message}`);
  }
  // Each project keeps its own theme: the page reads its layout at open (getWorkspace) and saves it.
  const dispatch = followingTheme(createDispatch(projects.handlers()), (theme) => {
    nativeTheme.themeSource = theme;
  });
  registerApiHandlers(ipcMain, dispatch, workbenchSenderCheck(() => mainWindow?.webContents ?? null, rendererUrl));
  updates = new UpdateChecks({
    feed: updateFeed({
      isPackaged: app.isPackaged,
      platform: process.platform,
      resourcesPath: process.resourcesPath,
      appImage: process.env.APPIMAGE,
      exists: fs.existsSync,
    }),
    currentVersion: app.getVersion(),
    automatic: () => settings?.checkForUpdates ?? false,
    // Loaded only in a copy with a feed: the others never run the updater's code.
    loadUpdater: async () => (await import('electron-updater')).default.autoUpdater,
    dialogs: electronUpdateDialogs(() => mainWindow),
    log: (message) => console.error(message),
  });
  buildMenu();
  createWindow();
  // After the window is up, so a slow network never delays the workbench.
  setTimeout(() => void updates?.start(), UPDATE_CHECK_DELAY_MS).unref();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

// Two instances on one project file would fight over it: the second one focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = projectArgument(argv.slice(1), workingDirectory);
    if (file) openHandedFile(file);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS hands a double-clicked file here, also before the app is ready (then it is opened at start).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openHandedFile(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    updates?.stop();
    projects?.dispose();
  });
  void start();
}
