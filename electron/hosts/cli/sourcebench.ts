/**
 * The `sourcebench` command: the CLI on this process's arguments. Run from its bundle,
 * dist/cli/sourcebench.mjs, by bin/sourcebench.js in a checkout and by `sourcebench-cli` in the
 * installed app (the app's binary as plain Node: build/linux/sourcebench-cli).
 */
import { runCli } from './cli';

// `sourcebench text FILE | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2));
