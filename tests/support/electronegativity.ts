/**
 * Runs Doyensec's Electronegativity (the static analyzer for Electron apps) over a folder, through
 * its own programmatic runner, and returns what it found in a form a test can print.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './temp';

export interface Finding {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  readonly confidence: string;
  readonly description: string;
}

export interface Scan {
  readonly checks: number;
  readonly findings: readonly Finding[];
  /** Files the analyzer could not read: a file it cannot parse would otherwise pass unseen. */
  readonly parseErrors: readonly string[];
}

interface RunnerIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: Finding['severity'] };
  confidence: { name: string };
  description: string;
}

interface RunnerResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RunnerIssue[];
}

const packageRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));

/**
 * Electronegativity downloads fresh translations of its messages before each run; this machine and
 * CI reach no network but the package registries, so that one download is answered "offline" at
 * once, and the messages the package ships are used. Nothing the checks decide passes through it.
 */
function refuseTranslationDownload(): void {
  const gotPath = packageRequire.resolve('got');
  const offline = () => Promise.reject(new Error('Sourcebench tests reach no network'));
  packageRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
}

/** The Electron version the app is built with, so the checks judge the defaults that apply to it. */
export function installedElectronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function electronegativity(input: string): Promise<Scan> {
  refuseTranslationDownload();
  const run = packageRequire('./dist/runner.js') as (options: object) => Promise<RunnerResult>;
  const result = await run({
    input,
    isRelative: true,
    electronVersionOverride: installedElectronVersion(),
    // It asks GitHub for newer Electron releases: no network here, and the version is pinned in
    // package.json and upgraded on purpose.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  return {
    checks: result.globalChecks + result.atomicChecks,
    findings: result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
    })),
    parseErrors: result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`),
  };
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.severity} ${f.id} at ${f.file}:${f.line} (${f.confidence}): ${f.description}`).join('\n');
}
