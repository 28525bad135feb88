/**
 * Electronegativity, Doyensec's static analyzer for Electron apps, run over the Electron host
 * (every file of electron/hosts/electron) and the page that host loads, as the build makes it:
 * nothing of high or medium severity may be found. It reads the window's settings where the
 * window is made, so they are written out in `new BrowserWindow({...})` in main.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFindings, electronegativity, type Finding } from '../../support/electronegativity';
import { repoRoot, tempDir } from '../../support/temp';

const hostDir = path.join(repoRoot, 'electron', 'hosts', 'electron');
const serious = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');

/** The renderer's index.html after Vite's HTML transforms, among them the one that adds the CSP. */
async function builtPage(): Promise<string> {
  const server = await createServer({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
  });
  try {
    return await server.transformIndexHtml('/index.html', fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8'));
  } finally {
    await server.close();
  }
}

describe('Electronegativity over the Electron host', () => {
  const temp = tempDir('sourcebench-electronegativity-');
  let page = '';

  /** A folder with the host's files as they are, but for the replacements given, and the page. */
  function stage(name: string, html: string, replace: (file: string, text: string) => string = (_file, text) => text): string {
    const dir = path.join(temp.dir, name);
    fs.mkdirSync(dir);
    // Sub-folders too (updates/), so everything the host runs is scanned.
    for (const entry of fs.readdirSync(hostDir, { recursive: true, withFileTypes: true }).filter((found) => found.isFile())) {
      const file = path.relative(hostDir, path.join(entry.parentPath, entry.name));
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), replace(file, fs.readFileSync(path.join(hostDir, file), 'utf8')));
    }
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    return dir;
  }

  beforeAll(async () => {
    page = await builtPage();
  });
  afterAll(() => temp.cleanup());

  it('finds nothing of high or medium severity in the host and its page', async () => {
    const scan = await electronegativity(stage('as-is', page));
    expect(scan.parseErrors).toEqual([]);
    expect(scan.checks).toBeGreaterThan(30);
    const found = serious(scan.findings);
    expect(found, `Electronegativity found:\n${describeFindings(found)}`).toEqual([]);
  });

  it('reads the host as written: an unsafe window, no CSP and no exemptions are each reported', async () => {
    const unsafe = (file: string, text: string) =>
      file === 'main.ts'
        ? text
            .replace('contextIsolation: true', 'contextIsolation: false')
            .replace(/\n\s*sandbox: true,/, '')
            .replaceAll(/\/\/ eng-disable .*$/gm, '')
        : text;
    const noCsp = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(noCsp).not.toBe(page);
    const scan = await electronegativity(stage('unsafe', noCsp, unsafe));
    expect(scan.parseErrors).toEqual([]);
    const found = serious(scan.findings).map((f) => `${f.severity} ${f.id} ${f.file}`);
    expect(found.sort()).toEqual(
      [
        'HIGH CONTEXT_ISOLATION_JS_CHECK main.ts',
        'MEDIUM AUXCLICK_JS_CHECK main.ts',
        'MEDIUM CSP_GLOBAL_CHECK N/A',
        'MEDIUM OPEN_EXTERNAL_JS_CHECK main.ts',
        'MEDIUM PRELOAD_JS_CHECK main.ts',
        'MEDIUM SANDBOX_JS_CHECK main.ts',
      ].sort(),
    );
  });

  it('is silenced only where another test shows the finding is false', () => {
    // AUXCLICK_JS_CHECK: the analyzer wants disableBlinkFeatures: 'Auxclick', a Blink feature that
    // does not exist (electron/electron#10315); a middle-click on a link asks for a new window, and
    // electron-guards.test.ts shows every such request denied and only vetted links opened.
    // OPEN_EXTERNAL_JS_CHECK: the one openExternal call gets only what externalLinkTarget passed
    // (electron-guards.test.ts, and electron-entry-points.test.ts for "the one call").
    // PRELOAD_JS_CHECK asks for a review of the preload: electron-preload.test.ts runs it as built
    // and shows it exposes one function per API method and the menu's commands, and nothing else.
    const exemptions: string[] = [];
    for (const folder of ['electron', 'shared', 'renderer']) {
      for (const file of fs.readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|tsx|html|js|cjs|mjs)$/.test(file)) continue;
        const text = fs.readFileSync(path.join(repoRoot, folder, file), 'utf8');
        for (const match of text.matchAll(/eng-disable[ \t]+([\w \t]+)/g)) exemptions.push(`${folder}/${file}: ${match[1]!.trim()}`);
      }
    }
    expect(exemptions.sort()).toEqual([
      'electron/hosts/electron/main.ts: AUXCLICK_JS_CHECK',
      'electron/hosts/electron/main.ts: OPEN_EXTERNAL_JS_CHECK',
      'electron/hosts/electron/main.ts: PRELOAD_JS_CHECK',
    ]);
  });
});
