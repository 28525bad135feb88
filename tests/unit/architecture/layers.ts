/**
 * The layers of the code and what each may import, declared once (after VS Code's layer rules),
 * and the checker that holds every source file to them. The import lines are read with
 * TypeScript's own `ts.preProcessFile`: static imports and type-only imports, re-exports,
 * `import()` (also in types), `require()`, and `/// <reference>` directives.
 *
 * The type check holds each layer to its runtime (tsconfig.shared/renderer/node.json: no DOM or
 * Node globals where they do not exist); this holds the import lines, which a type check alone
 * cannot: a renderer file importing an electron/ module whose types happen to be DOM-free would
 * still compile.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface Layer {
  /** Files under this folder (repository-relative, ending in `/`) belong to the layer. */
  readonly folder: string;
  /** Why the layer has the limits it has; shown with every violation. */
  readonly why: string;
  /** Repository folders (ending in `/`) or files its relative imports may reach. */
  readonly mayImport: readonly string[];
  /** npm packages it may import (`prosemirror-*` matches a prefix), or every package. */
  readonly packages: readonly string[] | 'any';
  /** Whether it may use Node's built-in modules (`node:fs`, `fs`, `/// <reference types="node">`). */
  readonly nodeBuiltins: boolean;
}

/** The rules. A file belongs to the first layer whose folder holds it. */
export const LAYERS: readonly Layer[] = [
  {
    folder: 'shared/',
    why: 'shared/ is the contract and pure algorithms that every host runs unchanged',
    mayImport: ['shared/'],
    packages: ['zod', 'an-array-of-english-words'],
    nodeBuiltins: false,
  },
  {
    folder: 'renderer/',
    why: 'renderer/ runs in a browser or a sandboxed Electron renderer and reaches the rest only through the API',
    mayImport: ['renderer/', 'shared/'],
    packages: ['react', 'react-dom', 'prosemirror-*', '@tanstack/react-virtual'],
    nodeBuiltins: false,
  },
  {
    folder: 'electron/',
    // The launcher (npm start) builds stale bundles with build/build.ts; install/ reads package.json.
    why: 'electron/ is the Node side and knows the renderer only through the API',
    mayImport: ['electron/', 'shared/', 'build/', 'package.json'],
    packages: 'any',
    nodeBuiltins: true,
  },
];

/** Only these files talk to Electron itself; every other host runs in plain Node. */
export const ELECTRON_HOST_FOLDER = 'electron/hosts/electron/';

/** The folders whose files are held to the layers (build/ and tests/ may import anything). */
export const CHECKED_FOLDERS = LAYERS.map((layer) => layer.folder);

export interface SourceText {
  /** Repository-relative, with `/`. */
  readonly path: string;
  readonly text: string;
}

interface ImportLine {
  readonly specifier: string;
  /** `/// <reference types>` names a type package, `/// <reference path>` a file. */
  readonly kind: 'import' | 'reference types' | 'reference path';
}

/** Every import of one file, as TypeScript's preprocessor sees it. */
export function importsOf(text: string): ImportLine[] {
  const info = ts.preProcessFile(text, /* readImportFiles */ true, /* detectJavaScriptImports */ true);
  return [
    ...info.importedFiles.map((ref) => ({ specifier: ref.fileName, kind: 'import' as const })),
    ...info.typeReferenceDirectives.map((ref) => ({ specifier: ref.fileName, kind: 'reference types' as const })),
    ...info.referencedFiles.map((ref) => ({ specifier: ref.fileName, kind: 'reference path' as const })),
  ];
}

const nodeBuiltins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub.js` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isNodeBuiltin(line: ImportLine): boolean {
  if (line.kind === 'reference types') return line.specifier === 'node';
  return line.specifier.startsWith('node:') || nodeBuiltins.has(packageName(line.specifier));
}

function packageAllowed(allowed: Layer['packages'], name: string): boolean {
  if (allowed === 'any') return true;
  return allowed.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) => file.startsWith(layer.folder));
}

/** Every forbidden import among `files`, as `file: imports X (rule)`. */
export function checkLayering(files: readonly SourceText[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    const report = (line: ImportLine, rule: string) =>
      violations.push(`${file.path}: imports ${line.kind === 'import' ? line.specifier : `/// <${line.kind}="${line.specifier}" />`} (${rule})`);
    for (const line of importsOf(file.text)) {
      const relative = line.kind === 'reference path' || line.specifier.startsWith('.');
      if (relative) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), line.specifier));
        const allowed = layer.mayImport.some((entry) => (entry.endsWith('/') ? target.startsWith(entry) : target === entry));
        if (!allowed) report(line, `${layer.why}: it may import only ${layer.mayImport.join(', ')}`);
      } else if (isNodeBuiltin(line)) {
        if (!layer.nodeBuiltins) report(line, `${layer.why}: no Node built-ins`);
      } else {
        const name = packageName(line.specifier);
        if (name === 'electron' && !file.path.startsWith(ELECTRON_HOST_FOLDER)) {
          report(line, `only ${ELECTRON_HOST_FOLDER} may import the electron package, type-only imports included`);
        } else if (!packageAllowed(layer.packages, name)) {
          const allowed = layer.packages === 'any' ? '' : layer.packages.join(', ');
          report(line, `${layer.why}: its packages are ${allowed}; add one to LAYERS only if it runs there unchanged`);
        }
      }
    }
  }
  return violations;
}

/** The .ts/.tsx files of the checked folders, repository-relative. */
export function readCheckedFiles(root: string): SourceText[] {
  const files: SourceText[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(relative);
      } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) {
        files.push({ path: relative, text: fs.readFileSync(path.join(root, relative), 'utf8') });
      }
    }
  };
  for (const folder of CHECKED_FOLDERS) walk(folder.slice(0, -1));
  return files;
}

/**
 * Groups of files that import each other in a circle (type-only imports included: a cycle of
 * types still ties two modules into one), found as strongly connected components (Tarjan).
 */
export function importCycles(files: readonly SourceText[]): string[][] {
  const known = new Set(files.map((file) => file.path));
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => known.has(candidate));
  };
  const edges = new Map(
    files.map((file) => [
      file.path,
      importsOf(file.text)
        .filter((line) => line.kind === 'import' && line.specifier.startsWith('.'))
        .map((line) => resolve(file.path, line.specifier))
        .filter((target): target is string => target !== undefined),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        component.push(member);
        if (member === node) break;
      }
      const selfImport = (edges.get(node) ?? []).includes(node);
      if (component.length > 1 || selfImport) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file.path)) visit(file.path);
  return cycles;
}
