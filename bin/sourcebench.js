#!/usr/bin/env node
// Runs the TypeScript CLI directly: the Node hosts share their sources with the tests, no build step.
import { register } from 'tsx/esm/api';

register();
// `sourcebench text FILE | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('../electron/hosts/cli/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
