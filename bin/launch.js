#!/usr/bin/env node
// `npm start` and `npm run serve` (electron/hosts/launcher/launcher.ts), from the prebuilt bundle.
import { importPrebuilt } from './prebuilt.js';

const { launch } = await importPrebuilt('launcher');
try {
  await launch(process.argv.slice(2));
} catch (error) {
  console.error(`Sourcebench could not start: ${error.message}`);
  process.exitCode = 1;
}
