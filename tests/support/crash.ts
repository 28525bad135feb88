/** What the crash tests and the process they kill (crash-child.ts) agree on, and how they run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './temp';

export const CRASH_TAG_PREFIX = 'crash tag ';
export const MOVING_TAG = 'crash moving';
export const PARENT_TAGS = ['crash parent A', 'crash parent B'] as const;

/** `at`: the child's clock (ms since the epoch), so a busy parent does not distort durations. */
export type CrashLine =
  | { readonly phase: 'ready' | 'opened' | 'done'; readonly at: number }
  | { readonly phase: 'begin' | 'ack'; readonly write: CrashWrite; readonly at: number };

export type CrashWrite =
  | {
      readonly kind: 'annotation';
      readonly marker: string;
      readonly id?: string;
      readonly versionId: string;
      readonly start: number;
      readonly end: number;
      readonly tagIds: readonly string[];
      readonly credibility: number;
    }
  | { readonly kind: 'claim'; readonly wording: string; readonly id?: string; readonly annotationId: string }
  | { readonly kind: 'tag'; readonly id: string; readonly name: string; readonly parentId: string };

export function noteOf(marker: string) {
  return { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: marker }] }] };
}


/**
 * The child, bundled once per test file: through tsx a child takes seconds to start, which fifty
 * kills cannot afford. better-sqlite3 (native) and pdf.js (reads its own files) stay outside.
 */
export async function bundleCrashChild(): Promise<{ file: string; remove: () => void }> {
  const esbuild = await import('esbuild');
  const file = path.join(repoRoot, '.cache', `crash-child-${process.pid}-${Date.now()}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'tests', 'support', 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*'],
    outfile: file,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // Files the code reads from beside its own module at run time (as build/build.ts copies them).
  const glossary = path.join(path.dirname(file), 'glossary-data.json');
  if (!fs.existsSync(glossary)) fs.copyFileSync(path.join(repoRoot, 'electron', 'search', 'glossary-data.json'), glossary);
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

/** A running child: the lines it printed, read as they come, and a way to kill it. */
export class CrashChild {
  readonly lines: CrashLine[] = [];
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<() => void>();
  private stderr = '';

  constructor(bundle: string, args: readonly string[]) {
    this.process = spawn(process.execPath, [bundle, ...args], {
      cwd: repoRoot,
      env: { ...process.env, SOURCEBENCH_CORPUS: path.join(repoRoot, 'corpus') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Every line the child wrote before it died is in the pipe: 'close' comes after the last one.
    const closed = new Promise<void>((resolve) => this.process.stdout!.on('close', resolve));
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      this.lines.push(JSON.parse(line) as CrashLine);
      for (const listener of this.listeners) listener();
    });
    this.exited = Promise.all([closed, new Promise((resolve) => this.process.once('exit', resolve))]).then(() => undefined);
    this.exited.then(() => this.listeners.forEach((listener) => listener()));
  }

  private readonly process: ChildProcess;

  go(): void {
    this.process.stdin!.end('go\n');
  }

  /** Resolves with the first line of this phase the child printed; rejects if it ended first. */
  waitFor(phase: CrashLine['phase']): Promise<CrashLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.lines.find((candidate) => candidate.phase === phase);
        if (line) {
          this.listeners.delete(check);
          resolve(line);
        } else if (this.process.exitCode !== null || this.process.signalCode !== null) {
          this.listeners.delete(check);
          reject(new Error(`the child ended before "${phase}" (exit ${this.process.exitCode}): ${this.stderr}`));
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  /** SIGKILL, and every line printed before it. */
  async kill(): Promise<readonly CrashLine[]> {
    this.process.kill('SIGKILL');
    await this.exited;
    return this.lines;
  }

  async ended(): Promise<{ code: number | null; stderr: string }> {
    await this.exited;
    return { code: this.process.exitCode, stderr: this.stderr };
  }
}

export function crashSeed(): number {
  return process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
