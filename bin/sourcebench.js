#!/usr/bin/env node
// Runs the TypeScript CLI directly: the Node hosts share their sources with the tests, no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
