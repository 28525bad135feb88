/**
 * The layering rules (tests/unit/architecture/layers.ts) hold for every file of shared/,
 * renderer/ and electron/: shared/ imports nothing of a host, the renderer nothing of Node or
 * Electron, the Node side nothing of the renderer, and only the Electron host the `electron`
 * package. The checker is first shown to catch each kind of violation, so it cannot pass by
 * reading nothing.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/temp';
import { CHECKED_FOLDERS, checkLayering, importCycles, importsOf, readCheckedFiles } from './layers';

describe('the layering checker', () => {
  it('reads every kind of import line, and nothing in comments or strings', () => {
    const source = [
      "/// <reference types=\"node\" />",
      "import fs from 'node:fs';",
      "import type { BrowserWindow } from 'electron';",
      "export * from '../a';",
      "export { b } from './b';",
      "const c = await import('./c');",
      "type D = typeof import('./d');",
      "const e = require('./e');",
      "import './styles.css';",
      "// import nothing from 'commented-out';",
      "const text = \"import x from 'in-a-string'\";",
    ].join('\n');
    expect(importsOf(source).map((line) => line.specifier).sort()).toEqual(
      ['node', 'node:fs', 'electron', '../a', './b', './c', './d', './e', './styles.css'].sort(),
    );
  });

  it('reports each forbidden import and passes the allowed ones', () => {
    const violations = checkLayering([
      {
        path: 'shared/sorted.ts',
        text: [
          "/// <reference types=\"node\" />",
          "import fs from 'node:fs';",
          "import { z } from 'zod';",
          "import os = require('os');",
          "import { Schema } from 'prosemirror-model';",
          "import { api } from './api';",
          "import { x } from '../renderer/src/x';",
        ].join('\n'),
      },
      {
        path: 'renderer/src/App.tsx',
        text: [
          "import { useState } from 'react';",
          "import { EditorView } from 'prosemirror-view';",
          "import { api } from '../../shared/api';",
          "import { project } from '../../electron/app/project';",
          "const db = await import('better-sqlite3');",
          "import { ipcRenderer } from 'electron';",
        ].join('\n'),
      },
      {
        path: 'electron/app/service.ts',
        text: [
          "import fs from 'node:fs';",
          "import Database from 'better-sqlite3';",
          "import { build } from '../../build/build';",
          "import type { IpcMain } from 'electron';",
          "export * from '../../renderer/src/state/stores';",
        ].join('\n'),
      },
      { path: 'electron/hosts/electron/main.ts', text: "import { app } from 'electron';\nimport path from 'node:path';" },
    ]);
    expect(violations.map((line) => line.replace(/ \([^()]*\)$/, ''))).toEqual([
      'shared/sorted.ts: imports node:fs',
      'shared/sorted.ts: imports os',
      'shared/sorted.ts: imports prosemirror-model',
      'shared/sorted.ts: imports ../renderer/src/x',
      'shared/sorted.ts: imports /// <reference types="node" />',
      'renderer/src/App.tsx: imports ../../electron/app/project',
      'renderer/src/App.tsx: imports better-sqlite3',
      'renderer/src/App.tsx: imports electron',
      'electron/app/service.ts: imports electron',
      'electron/app/service.ts: imports ../../renderer/src/state/stores',
    ]);
    expect(violations[0]).toMatch(/\(shared\/ is the contract .*: no Node built-ins\)$/);
    expect(violations.find((line) => line.startsWith('electron/app/service.ts: imports electron'))).toMatch(
      /only electron\/hosts\/electron\/ may import the electron package/,
    );
  });
});

describe('the source tree', () => {
  const files = readCheckedFiles(repoRoot);

  it('is all read', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const folder of CHECKED_FOLDERS) {
      expect(files.filter((file) => file.path.startsWith(folder)).length, folder).toBeGreaterThan(10);
    }
    // The Electron host does import the electron package: the rule is not checking an empty set.
    expect(files.some((file) => file.path.startsWith('electron/hosts/electron/') && /from 'electron'/.test(file.text))).toBe(true);
  });

  it('keeps every import within its layer', () => {
    const violations = checkLayering(files);
    expect(violations, `\n${violations.join('\n')}\n`).toEqual([]);
  });
});

describe('import cycles', () => {
  it('are found, type-only ones included, and a tree without them passes', () => {
    const cycles = importCycles([
      { path: 'renderer/src/claims/claim-facts.ts', text: "import { figureDifferences } from './differences';" },
      { path: 'renderer/src/claims/differences.ts', text: "import type { AccountView } from './claim-facts';" },
      { path: 'renderer/src/claims/view.tsx', text: "import { figureDifferences } from './differences';" },
    ]);
    expect(cycles).toEqual([['renderer/src/claims/claim-facts.ts', 'renderer/src/claims/differences.ts']]);
    expect(importCycles([{ path: 'shared/a.ts', text: "import './b';" }, { path: 'shared/b.ts', text: '' }])).toEqual([]);
  });

  it('tie no modules of shared/, renderer/ or electron/ into one (two files importing each other are one job or a missing third module)', () => {
    expect(importCycles(readCheckedFiles(repoRoot))).toEqual([]);
  });
});
