/**
 * Runs the `sourcebench` binary as a user does, in a process of its own, on a given project:
 * what it prints, and how it exits.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './temp';

const bin = path.join(repoRoot, 'bin', 'sourcebench.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runSourcebench(projectFile: string, env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [bin, '--project', projectFile, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
