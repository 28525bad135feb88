/**
 * Reader benchmarks in Debian's Chromium: opening the 1.3 MB Volkogonov text in a pane against
 * a bare ProseMirror view of the same text, and adding one highlight while 10,000 exist.
 * BENCH_PROFILE=1 prints where the script time of adding highlights goes (Chrome's profiler).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import sirv from 'sirv';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumPath } from '../../playwright.config';
import { Project } from '../../electron/app/project';
import { corpusDir, repoRoot, tempDir } from '../support/temp';
import { annotationsOver, claimsOver } from './generate';
import type { BenchRow } from './rows';
import { median, percentile } from './rows';

const ANNOTATIONS = 10_000;
/** Claims drawn as markers after their accounts, two accounts each. */
const CLAIMS = 1_000;
const ADDS = 200;

export async function readerBench(runs: number): Promise<BenchRow[]> {
  const temp = tempDir('sourcebench-bench-');
  const outDir = path.join(temp.dir, 'harness');
  try {
    const project = Project.open(path.join(temp.dir, 'bench.sourcebench'), { corpusDir });
    const volkogonov = project.documents.list()[2]!;
    const content = project.documents.getVersionContent(volkogonov.currentVersionId);
    project.close();
    await build({
      root: path.join(repoRoot, 'tests', 'bench', 'harness'),
      base: './',
      logLevel: 'error',
      plugins: [react()],
      // Unminified while profiling, so the profile names functions.
      build: { outDir, emptyOutDir: true, target: 'esnext', chunkSizeWarningLimit: 5000, minify: !process.env.BENCH_PROFILE },
    });
    const annotations = annotationsOver(content.text, volkogonov.id, content.versionId, ANNOTATIONS, 1, 'a');
    fs.writeFileSync(
      path.join(outDir, 'bench-data.json'),
      JSON.stringify({
        content,
        annotations,
        extra: annotationsOver(content.text, volkogonov.id, content.versionId, ADDS, 2, 'added-'),
        claims: claimsOver(annotations, CLAIMS),
      }),
    );
    const serve = sirv(outDir, { dev: true });
    const server = http.createServer((request, response) => serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
      const bare: number[] = [];
      const pane: number[] = [];
      await page.evaluate(() => window.bench.openPane()); // warm-up: the first mount also compiles
      await page.evaluate(() => window.bench.openBare());
      for (let run = 0; run < runs; run++) {
        // Alternated, so both see the same machine load.
        bare.push(await page.evaluate(() => window.bench.openBare()));
        pane.push(await page.evaluate(() => window.bench.openPane()));
      }
      await page.evaluate(() => window.bench.prepareAdds());
      const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      if (process.env.BENCH_PROFILE) await browser.startTracing(page, { categories: ['devtools.timeline'] });
      const adds = await page.evaluate(() => window.bench.addHighlights());
      if (process.env.BENCH_PROFILE) {
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; dur?: number; ph: string }[] };
        const total = new Map<string, number>();
        for (const event of trace.traceEvents) if (event.ph === 'X' && event.dur) total.set(event.name, (total.get(event.name) ?? 0) + event.dur / 1000);
        console.error([...total].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => `${ms.toFixed(0)} ms\t${name}`).join('\n'));
      }
      if (cdp) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[] } };
        const self = new Map<string, number>();
        for (const node of profile.nodes) {
          const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
          self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
        }
        console.error([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v}\t${k}`).join('\n'));
      }
      const scripted = await page.evaluate(() => (window as unknown as { scripted: number[] }).scripted);
      const ratio = median(pane) / median(bare);
      return [
        { benchmark: 'open 1.3 MB text: bare ProseMirror view', input: 'Volkogonov, 2,388 blocks', ...stats(bare), note: 'baseline' },
        {
          benchmark: 'open 1.3 MB text: Sourcebench pane',
          input: 'Volkogonov, with citations, pages, OCR corrections',
          ...stats(pane),
          note: `${ratio.toFixed(2)} × baseline (target ≤ 1.2)`,
        },
        {
          benchmark: 'add one highlight, 10,000 exist',
          input: `${ADDS} highlights, command → painted; ${CLAIMS.toLocaleString('en')} claims marked`,
          ...stats(adds),
          note: `p95 ${percentile(adds, 95).toFixed(1)} ms (target ≤ 16); script alone median ${median(scripted).toFixed(1)} ms`,
        },
      ];
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    temp.cleanup();
  }
}

function stats(times: number[]): Pick<BenchRow, 'median' | 'min' | 'max'> {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}
