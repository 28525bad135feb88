/**
 * The Electron host's guards, each tried with what an attacker or a careless click would send:
 * IPC calls from the wrong frame, window or page; links with dangerous or disguised protocols;
 * navigations, redirects, new windows and middle-clicks; and permission requests. The guards are
 * the real functions main.ts hands Electron's events to; the events are plain objects shaped like
 * Electron's, since they are the input under test (no Electron binary runs here).
 */
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { apiMethods, ipcChannel } from '../../../shared/api';
import type { Dispatch } from '../../../shared/dispatch';
import { registerApiHandlers, workbenchSenderCheck } from '../../../electron/hosts/electron/ipc';
import { externalLinkTarget, isOwnPage, linkGuards, permissionAllowed } from '../../../electron/hosts/electron/window';

const rendererUrl = 'file:///opt/Sourcebench/resources/app/dist/renderer/index.html';

describe('which page may call the API over IPC', () => {
  /** A webContents with its main frame at `url`, and a frame inside it. */
  function contents(url: string) {
    const mainFrame = { url, parent: null } as unknown as WebFrameMain;
    const subframe = { url, parent: mainFrame } as unknown as WebFrameMain;
    return { webContents: { mainFrame } as unknown as WebContents, mainFrame, subframe };
  }
  const workbench = contents(rendererUrl);
  const call = (sender: WebContents, senderFrame: WebFrameMain | null) => ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;

  /** The real registration and check, with a dispatch that records what reached it. */
  function serve(window: WebContents | null = workbench.webContents) {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    const dispatched: string[] = [];
    const dispatch: Dispatch = async (method) => {
      dispatched.push(method);
      return { ok: true, value: [] };
    };
    registerApiHandlers(
      { handle: (channel, listener) => void handlers.set(channel, listener as never), removeHandler: () => {} },
      dispatch,
      workbenchSenderCheck(() => window, rendererUrl),
    );
    const invoke = (event: IpcMainInvokeEvent) => handlers.get(ipcChannel('listDocuments'))!(event, {});
    return { invoke, dispatched, handlers };
  }

  it('answers the workbench page in the main frame of the workbench window, whatever its #fragment or ?query', async () => {
    const server = serve();
    expect(server.handlers.size).toBe(apiMethods.length);
    await expect(server.invoke(call(workbench.webContents, workbench.mainFrame))).resolves.toEqual({ ok: true, value: [] });
    const withFragment = contents(`${rendererUrl}?view=compare#pane-2`);
    const check = workbenchSenderCheck(() => withFragment.webContents, rendererUrl);
    expect(check(call(withFragment.webContents, withFragment.mainFrame))).toBeNull();
    expect(server.dispatched).toEqual(['listDocuments']);
  });

  const refusals: [string, () => IpcMainInvokeEvent, string][] = [
    ['a frame inside the workbench page', () => call(workbench.webContents, workbench.subframe), 'the call came from a frame inside the page'],
    ['another window, even at the same page', () => call(contents(rendererUrl).webContents, contents(rendererUrl).mainFrame), 'the call came from another window'],
    ['a frame that is gone', () => call(workbench.webContents, null), 'the calling frame is gone'],
    [
      'a frame object that is not the main frame but claims to have no parent',
      () => call(workbench.webContents, { url: rendererUrl, parent: null } as unknown as WebFrameMain),
      'the call came from a frame inside the page',
    ],
  ];
  for (const [what, event, reason] of refusals) {
    it(`refuses ${what}, says why, and dispatches nothing`, async () => {
      const server = serve();
      await expect(server.invoke(event())).resolves.toEqual({
        ok: false,
        error: { code: 'unauthorized', message: `listDocuments was refused: ${reason}` },
      });
      expect(server.dispatched).toEqual([]);
    });
  }

  const foreignPages = [
    'https://evil.example/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///tmp/downloaded/index.html',
    'file:///opt/Sourcebench/resources/app/dist/renderer/other.html',
    'file://fileserver/opt/Sourcebench/resources/app/dist/renderer/index.html',
    'devtools://devtools/bundled/devtools_app.html',
    'about:blank',
    'data:text/html,<script>sourcebench.listDocuments()</script>',
    '',
  ];
  for (const url of foreignPages) {
    it(`refuses the workbench window's main frame once it shows ${JSON.stringify(url)}`, async () => {
      const hijacked = contents(url);
      const server = serve(hijacked.webContents);
      await expect(server.invoke(call(hijacked.webContents, hijacked.mainFrame))).resolves.toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'listDocuments was refused: the window is not showing the workbench page' },
      });
      expect(server.dispatched).toEqual([]);
    });
  }

  it('refuses every call while the workbench window is closed', async () => {
    const server = serve(null);
    await expect(server.invoke(call(workbench.webContents, workbench.mainFrame))).resolves.toMatchObject({
      ok: false,
      error: { message: 'listDocuments was refused: the workbench window is not open' },
    });
    expect(server.dispatched).toEqual([]);
  });
});

describe('which links go to the system browser', () => {
  it('lets web and mail links through, in the form the URL parser reads them', () => {
    expect(externalLinkTarget('https://en.wikipedia.org/wiki/Joseph_Stalin')).toBe('https://en.wikipedia.org/wiki/Joseph_Stalin');
    expect(externalLinkTarget('http://archive.org/details/triumph')).toBe('http://archive.org/details/triumph');
    expect(externalLinkTarget('mailto:someone@example.org')).toBe('mailto:someone@example.org');
    // Upper case and a missing slash are still http, and what the browser gets is what was vetted.
    expect(externalLinkTarget('HTTP://EXAMPLE.ORG/Path')).toBe('http://example.org/Path');
    expect(externalLinkTarget('HtTpS://example.org')).toBe('https://example.org/');
    expect(externalLinkTarget('  https://example.org/a b ')).toBe('https://example.org/a%20b');
  });

  const refused: [string, string][] = [
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: broken by a tab, which the parser drops', 'java\tscript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on a Windows share', 'file://attacker.example/share/payload.exe'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['smb:', 'smb://attacker.example/share/payload.exe'],
    ['ms-msdt: (the Follina protocol)', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['search-ms:', 'search-ms:query=invoice&crumb=location:\\\\attacker.example\\share'],
    ['a custom protocol that starts a program', 'vscode://file/etc/passwd'],
    ['ftp:', 'ftp://example.org/file'],
    ['blob:', 'blob:https://example.org/0b7a6e34-2b4e-4a7c-9d1f-5a1f0c2a3e11'],
    ['a user name hiding the real host', 'https://bank.example@evil.example/login'],
    ['a user name and password', 'https://user:secret@example.org/'],
    ['a mail link without an address', 'mailto:'],
    ['a URL without a protocol', '//example.org/page'],
    ['a relative path', 'index.html#pane-2'],
    ['an unclosed IPv6 host', 'https://[::1/'],
    ['a host with a space', 'http://exa mple.org/'],
    ['an empty string', ''],
    ['not a URL at all', 'not a url'],
  ];
  for (const [what, url] of refused) {
    it(`refuses ${what}`, () => {
      expect(externalLinkTarget(url)).toBeNull();
    });
  }
});

describe('navigation, new windows and middle-clicks', () => {
  /** The real guards, with the system browser replaced by a list of what it was handed. */
  function guards() {
    const opened: string[] = [];
    return { opened, ...linkGuards(rendererUrl, async (url) => void opened.push(url)) };
  }
  const navigation = () => {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    return event;
  };

  it('lets the page move within itself (a #fragment or ?query) and opens nothing', () => {
    const g = guards();
    for (const url of [rendererUrl, `${rendererUrl}#pane-2`, `${rendererUrl}?view=compare`]) {
      const event = navigation();
      g.onWillNavigate(event, url);
      expect(event.prevented).toBe(false);
      expect(isOwnPage(url, rendererUrl)).toBe(true);
    }
    expect(g.opened).toEqual([]);
  });

  it('keeps the page from leaving, and sends a followed web link to the browser instead', () => {
    const g = guards();
    const event = navigation();
    g.onWillNavigate(event, 'https://en.wikipedia.org/wiki/Yalta_Conference');
    expect(event.prevented).toBe(true);
    expect(g.opened).toEqual(['https://en.wikipedia.org/wiki/Yalta_Conference']);
  });

  it('keeps the page from leaving for a file, another page of the app or a script URL, and opens none of them', () => {
    const g = guards();
    for (const url of ['file:///etc/passwd', 'file:///opt/Sourcebench/resources/app/dist/renderer/other.html', 'javascript:alert(1)', 'smb://host/share', 'about:blank']) {
      const event = navigation();
      g.onWillNavigate(event, url);
      expect(event.prevented, url).toBe(true);
    }
    expect(g.opened).toEqual([]);
  });

  it('stops a redirect away from the page and opens nothing, since nobody chose its target', () => {
    const g = guards();
    const event = navigation();
    g.onWillRedirect(event, 'https://evil.example/');
    expect(event.prevented).toBe(true);
    const own = navigation();
    g.onWillRedirect(own, `${rendererUrl}#top`);
    expect(own.prevented).toBe(false);
    expect(g.opened).toEqual([]);
  });

  // Electron reports a middle-click on a link (auxclick) as a request for a background tab, a
  // Ctrl-click as a foreground tab, Shift-click and window.open as a new window.
  const dispositions = ['background-tab', 'foreground-tab', 'new-window', 'default', 'other'] as const;
  for (const disposition of dispositions) {
    it(`denies every new window (${disposition}), sending only a vetted web link to the browser`, () => {
      const g = guards();
      expect(g.onWindowOpen({ url: 'https://example.org/source', disposition })).toEqual({ action: 'deny' });
      expect(g.onWindowOpen({ url: 'javascript:alert(1)', disposition })).toEqual({ action: 'deny' });
      expect(g.onWindowOpen({ url: 'file:///etc/passwd', disposition })).toEqual({ action: 'deny' });
      expect(g.onWindowOpen({ url: 'ms-msdt:/id PCWDiagnostic', disposition })).toEqual({ action: 'deny' });
      expect(g.onWindowOpen({ url: rendererUrl, disposition })).toEqual({ action: 'deny' });
      expect(g.opened).toEqual(['https://example.org/source']);
    });
  }

  it('does not let a browser that cannot be started break the window (the failure is logged)', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      const g = linkGuards(rendererUrl, () => Promise.reject(new Error('no browser installed')));
      expect(g.onWindowOpen({ url: 'https://example.org/', disposition: 'background-tab' })).toEqual({ action: 'deny' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(['Sourcebench could not hand https://example.org/ to the system: no browser installed']);
  });
});

describe('permission requests', () => {
  it('grants writing to the clipboard only', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true);
  });

  const denied = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'storage-access',
    'window-management',
    'unknown',
  ];
  for (const permission of denied) {
    it(`denies ${permission}`, () => {
      expect(permissionAllowed(permission)).toBe(false);
    });
  }
});
