#!/usr/bin/env node
// Runs the CLI from its prebuilt bundle (dist/cli, rebuilt when stale: see prebuilt.js).
import { importPrebuilt } from './prebuilt.js';

await importPrebuilt('sourcebench');
