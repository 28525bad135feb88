/**
 * What the Electron window lets its page do, decided by small pure functions that a unit test can
 * try one by one without an Electron binary; main.ts only hands Electron's events to them. Only
 * types come from Electron here.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** The renderer may only ever be at its own page; everything else is a navigation to refuse. */
export function isOwnPage(url: string, rendererUrl: string): boolean {
  return withoutQueryOrFragment(url) === withoutQueryOrFragment(rendererUrl);
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The one decision on what may leave the app for the system's browser or mail program: web and
 * mail links only, as the URL parser reads them (so `HTTP://` counts as http, and `java\tscript:`
 * as javascript:), returned in the parser's canonical form so the browser is handed exactly what
 * was vetted. Anything else (file:, smb:, data:, javascript:, custom protocols that start other
 * programs) is null. A link with a user name or password is refused too: `https://bank.example@evil.example`
 * shows one host and goes to another, and no link the workbench shows needs credentials.
 */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'mailto:' && parsed.pathname === '') return null;
  return parsed.toString();
}

/** Hands a vetted URL to the system (main.ts passes `shell.openExternal`). */
export type OpenInBrowser = (url: string) => Promise<void>;

export interface LinkGuards {
  /** `will-navigate`: a link followed or `location` set in the page itself. */
  readonly onWillNavigate: (event: { preventDefault(): void }, url: string) => void;
  /** `will-redirect`: a navigation that the server sent elsewhere; nobody chose that target. */
  readonly onWillRedirect: (event: { preventDefault(): void }, url: string) => void;
  /**
   * `setWindowOpenHandler`: window.open, target=_blank, Shift- or Ctrl-click, and a middle-click
   * (auxclick) on a link, which Chromium turns into a request for a background tab.
   */
  readonly onWindowOpen: (details: Pick<HandlerDetails, 'url' | 'disposition'>) => WindowOpenHandlerResponse;
}

/**
 * The page never leaves its own file and never opens a second window; a web or mail link the user
 * follows goes to the system's own program instead, and only after externalLinkTarget let it pass.
 */
export function linkGuards(rendererUrl: string, openInBrowser: OpenInBrowser): LinkGuards {
  const follow = (url: string) => {
    const target = externalLinkTarget(url);
    if (target === null) return;
    openInBrowser(target).catch((error: unknown) => {
      console.error(`Sourcebench could not hand ${target} to the system: ${(error as Error).message}`);
    });
  };
  return {
    onWillNavigate(event, url) {
      if (isOwnPage(url, rendererUrl)) return;
      event.preventDefault();
      follow(url);
    },
    onWillRedirect(event, url) {
      if (!isOwnPage(url, rendererUrl)) event.preventDefault();
    },
    onWindowOpen({ url }) {
      follow(url);
      return { action: 'deny' };
    },
  };
}

/**
 * The workbench needs no camera, microphone, notifications, geolocation, MIDI or screen capture;
 * it only writes to the clipboard ("Copy as quotation" puts plain text and HTML there), and never
 * reads it. Used for both the permission request and the permission check handler.
 */
export function permissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

function withoutQueryOrFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
