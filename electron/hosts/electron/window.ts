/**
 * The security-relevant settings of the Electron window, kept apart from main.ts so that a unit
 * test can check them without an Electron binary. Only types come from Electron here.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Sourcebench',
    backgroundColor: '#f7f5f0',
    // Shown once the first frame is ready, so the user never sees a white flash.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The renderer may only ever be at its own page; everything else is a navigation to refuse. */
export function isOwnPage(url: string, rendererUrl: string): boolean {
  return stripFragment(url) === stripFragment(rendererUrl);
}

/** Links the user follows go to the system browser, and only links of these kinds. */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function stripFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
