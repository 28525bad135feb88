/**
 * Issue 14: every value reaches SQLite as a bound parameter, never as part of the statement's
 * text. Statements built by interpolation or concatenation are the one way a title or a note
 * could become SQL, so every file of electron/ is parsed and each piece of SQL assembled from
 * something other than literal text is reported, unless a `sql-safe:` comment on the line or in
 * the three lines above it says why the piece is a constant (a column list, a number the code
 * computed, an identifier chosen from a fixed set).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/temp';
import { readCheckedFiles, type SourceText } from './layers';

/** Words that make a string SQL (the code writes SQL in capitals; prose does not use these so). */
const SQL_WORDS = /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|REPLACE INTO|CREATE (TABLE|INDEX|TRIGGER|VIRTUAL TABLE|VIEW)|DROP|ALTER TABLE|WHERE|VALUES|ORDER BY|GROUP BY|LIMIT|MATCH)\b/;
/** better-sqlite3's calls that take statement text. */
const SQL_CALLS = new Set(['prepare', 'exec', 'pragma']);
const SAFE_NOTE = /sql-safe:/;

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return null;
}

/** The string parts of a `a + b + c` chain, and whether any part is not a literal. */
function concatenation(node: ts.BinaryExpression): { text: string; dynamic: boolean } {
  const parts: ts.Expression[] = [];
  const collect = (expression: ts.Expression) => {
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      collect(expression.left);
      collect(expression.right);
    } else parts.push(expression);
  };
  collect(node);
  return {
    text: parts.map((part) => literalText(part) ?? '').join(' '),
    dynamic: parts.some((part) => literalText(part) === null || ts.isTemplateExpression(part)),
  };
}

function assembledSql(files: readonly SourceText[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (!file.path.startsWith('electron/')) continue;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const lines = file.text.split('\n');
    const report = (node: ts.Node, what: string) => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const around = lines.slice(Math.max(0, line - 3), line + 1).join('\n');
      if (SAFE_NOTE.test(around)) return;
      found.push(`${file.path}:${line + 1}: ${what}: ${lines[line]!.trim()}`);
    };
    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node) && SQL_WORDS.test(literalText(node)!)) {
        report(node, 'SQL with ${…} in it');
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && !ts.isBinaryExpression(node.parent)) {
        const { text, dynamic } = concatenation(node);
        if (dynamic && SQL_WORDS.test(text)) report(node, 'SQL joined with +');
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SQL_CALLS.has(node.expression.name.text)) {
        const [argument] = node.arguments;
        if (argument && ts.isTemplateExpression(argument) && !SQL_WORDS.test(literalText(argument)!)) {
          report(argument, `.${node.expression.name.text}() with \${…} in its text`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('SQL is parameterised', () => {
  it('the scan catches interpolated and concatenated SQL, and lets a documented constant through', () => {
    const found = assembledSql([
      { path: 'electron/a.ts', text: 'db.prepare(`SELECT * FROM tags WHERE name = \'${name}\'`).all();' },
      { path: 'electron/b.ts', text: "const sql = 'DELETE FROM notes WHERE id = ' + id;" },
      { path: 'electron/c.ts', text: 'db.pragma(`cache_size = ${size}`);' },
      { path: 'electron/d.ts', text: "db.prepare('SELECT * FROM tags WHERE name = ?').all(name);" },
      { path: 'electron/e.ts', text: '// sql-safe: COLUMNS is a fixed list of column names\nconst sql = `SELECT ${COLUMNS} FROM tags`;' },
      { path: 'renderer/src/f.ts', text: 'const label = `SELECT ${n} items`;' },
      { path: 'electron/g.ts', text: "const sql = 'SELECT * ' + 'FROM tags';" },
    ]);
    expect(found.map((line) => line.split(':')[0])).toEqual(['electron/a.ts', 'electron/b.ts', 'electron/c.ts']);
  });

  it('no statement of electron/ is assembled from values, except documented constants', () => {
    expect(assembledSql(readCheckedFiles(repoRoot))).toEqual([]);
  });
});
