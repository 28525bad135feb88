#!/usr/bin/env node
// Runs the CLI from its prebuilt bundle (dist/cli, rebuilt when stale: see prebuilt.js).
import { importPrebuilt } from './prebuilt.js';

// `sourcebench text FILE | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await importPrebuilt('cli');
process.exitCode = await runCli(process.argv.slice(2));
