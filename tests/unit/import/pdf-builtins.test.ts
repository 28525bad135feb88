/**
 * Importing a PDF must not slow the rest of the workbench: pdf.js's polyfills replace JSON.stringify
 * (about 9 times slower), JSON.parse, Array.prototype.push and Function.prototype.toString in the
 * whole process, and every API answer after the first PDF went through the slow JSON.stringify.
 * Run in a fresh Node process, so that no earlier test has loaded pdf.js already.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/temp';

const run = promisify(execFile);

const SCRIPT = `
const { importFile } = await import(${JSON.stringify(path.join(repoRoot, 'electron', 'import', 'index.ts'))});
const fs = await import('node:fs');
const watched = { 'JSON.stringify': JSON.stringify, 'JSON.parse': JSON.parse, 'Array.prototype.push': Array.prototype.push, 'Function.prototype.toString': Function.prototype.toString };
const imported = await importFile({ fileName: 'volkogonov.pdf', bytes: fs.readFileSync(${JSON.stringify(path.join(repoRoot, 'tests', 'fixtures', 'import', 'volkogonov.pdf'))}) });
const now = { 'JSON.stringify': JSON.stringify, 'JSON.parse': JSON.parse, 'Array.prototype.push': Array.prototype.push, 'Function.prototype.toString': Function.prototype.toString };
const replaced = Object.keys(watched).filter((name) => watched[name] !== now[name]);
console.log(JSON.stringify({ replaced, pages: imported.normalized.locators.length, withResolvers: typeof Promise.withResolvers }));
`;

describe('a PDF import and the rest of the workbench', () => {
  it('leaves JavaScript’s own JSON, Array push and Function toString in place (pdf.js still reads the PDF)', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: repoRoot });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ replaced: [], pages: 4, withResolvers: 'function' });
  }, 60_000);
});
