/**
 * A write of the workbench takes the project file's write lock when it begins, not at its first
 * change. In WAL mode a transaction that has read and then finds that another program (the command
 * line, a second window) wrote in between cannot write at all: SQLite refuses it at once
 * (SQLITE_BUSY_SNAPSHOT), without the usual wait, and the user would be told the file was busy for
 * more than 5 seconds. Taking the lock first, the other program waits for the workbench instead.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';
import { readCheckedFiles } from '../architecture/layers';

let temp: ReturnType<typeof tempDir>;
let project: Project;
let other: Database.Database;
beforeEach(() => {
  temp = tempDir('sourcebench-write-lock-');
  const file = path.join(temp.dir, 'shared.sourcebench');
  project = Project.open(file, { corpusDir });
  other = new Database(file);
  // The other program does not wait here: the test runs both on one thread.
  other.pragma('busy_timeout = 0');
});
afterEach(() => {
  other.close();
  project.close();
  temp.cleanup();
});

describe('the write lock', () => {
  it('an import that has begun reading is not refused when another program writes in between: the other one waits', () => {
    let otherProgram = 'not run';
    const tag = project.transaction(() => {
      // What an import does first: read what is there (here the codebook), then write.
      expect(project.codebook.tags().map((entry) => entry.name)).not.toContain('Kirov');
      try {
        other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('written by', 'the command line')").run();
        otherProgram = 'wrote';
      } catch (error) {
        otherProgram = (error as { code?: string }).code ?? String(error);
      }
      return project.codebook.createTag({ name: 'Kirov' });
    });
    expect(otherProgram).toBe('SQLITE_BUSY');
    expect(project.codebook.tags().map((entry) => entry.name)).toContain(tag.name);
    // Once the workbench has committed, the other program writes.
    other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('written by', 'the command line')").run();
  });

  it('every transaction in electron/ begins with the write lock (better-sqlite3 .immediate)', () => {
    const deferred: string[] = [];
    for (const file of readCheckedFiles(repoRoot).filter((entry) => entry.path.startsWith('electron/'))) {
      const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        // db.transaction(fn) makes the function; calling it directly (…)() begins a deferred BEGIN.
        if (ts.isCallExpression(node) && ts.isCallExpression(node.expression)) {
          const made = node.expression.expression;
          if (ts.isPropertyAccessExpression(made) && made.name.text === 'transaction') {
            deferred.push(`${file.path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(deferred).toEqual([]);
  });
});
