/**
 * The project file type the Linux packages install (build/linux/sourcebench-mime.xml): well
 * formed, matching what the project's own code writes, and, with the desktop's own tools, really
 * recognizing a project by its content when it has lost its name, and not any other SQLite file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { builderConfig } from '../../support/packaging';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';

const XML_FILE = path.join(repoRoot, 'build', 'linux', 'sourcebench-mime.xml');
const SYSTEM_TYPES = '/usr/share/mime/packages/freedesktop.org.xml';

interface Match {
  type: string;
  offset: string;
  value: string;
  match?: Match;
}
interface MimeType {
  type: string;
  glob: { pattern: string };
  'sub-class-of'?: { type: string };
  magic: { priority: string; match: Match };
}

function mimeTypeDefinition(): MimeType {
  const xml = fs.readFileSync(XML_FILE, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
    'mime-info': { xmlns: string; 'mime-type': MimeType };
  };
  expect(parsed['mime-info'].xmlns).toBe('http://www.freedesktop.org/standards/shared-mime-info');
  return parsed['mime-info']['mime-type'];
}

/** A `string` match value's bytes: shared-mime-info reads C escapes (`\000` is a NUL byte). */
function stringMatchBytes(value: string): Buffer {
  return Buffer.from(value.replace(/\\([0-7]{3})/g, (_escape, octal: string) => String.fromCharCode(parseInt(octal, 8))), 'latin1');
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

let dir: string;
let cleanup: () => void;
let projectFile: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-mime-'));
  projectFile = path.join(dir, 'project.sourcebench');
  Project.open(projectFile, { corpusDir }).close();
}, 60_000);
afterAll(() => cleanup());

describe('the project file type definition', () => {
  it('is the type the desktop entry declares, recognized by the name *.sourcebench', () => {
    const definition = mimeTypeDefinition();
    expect(builderConfig().linux?.mimeTypes).toEqual([definition.type]);
    expect(definition.glob.pattern).toBe('*.sourcebench');
    expect(definition['sub-class-of']?.type).toBe('application/vnd.sqlite3');
  });

  it("matches a project's content as the project's code writes it: the SQLite header, then its application_id at byte 68", () => {
    const { magic } = mimeTypeDefinition();
    const header = fs.readFileSync(projectFile).subarray(0, 100);
    expect(magic.match).toMatchObject({ type: 'string', offset: '0' });
    const sqliteHeader = stringMatchBytes(magic.match.value);
    expect(sqliteHeader.toString('latin1')).toBe('SQLite format 3\0');
    expect(header.subarray(0, 16).equals(sqliteHeader)).toBe(true);
    expect(magic.match.match).toMatchObject({ type: 'big32', offset: '68' });
    expect(Number(magic.match.match!.value)).toBe(header.readUInt32BE(68));
    expect(header.readUInt32BE(68)).not.toBe(0);
    // Above SQLite's own rule (50), which the same file also matches.
    expect(Number(magic.priority)).toBeGreaterThan(50);
  });
});

const tools = ['update-mime-database', 'mimetype'].filter((tool) => !commandExists(tool));
const skipReason = `skipped: ${tools.join(' and ')} missing (apt-get install shared-mime-info libfile-mimeinfo-perl)`;

describe.skipIf(tools.length > 0)(`the desktop's type database with it${tools.length > 0 ? ` (${skipReason})` : ''}`, () => {
  let typeOf: (file: string) => string;

  beforeAll(() => {
    // A database of this definition and the system's own types only, in a temporary
    // XDG_DATA_HOME, with no other data folders: the user's and system's databases play no part.
    const dataHome = path.join(dir, 'data');
    const packages = path.join(dataHome, 'mime', 'packages');
    fs.mkdirSync(packages, { recursive: true });
    fs.copyFileSync(XML_FILE, path.join(packages, 'sourcebench.xml'));
    if (fs.existsSync(SYSTEM_TYPES)) fs.copyFileSync(SYSTEM_TYPES, path.join(packages, 'freedesktop.org.xml'));
    const env = { ...process.env, XDG_DATA_HOME: dataHome, XDG_DATA_DIRS: path.join(dir, 'no-data-dirs') };
    // Its warnings (an unknown element, a malformed match) go to stderr with a zero exit code.
    const update = spawnSync('update-mime-database', [path.join(dataHome, 'mime')], { encoding: 'utf8', env });
    expect(update.stderr).toBe('');
    expect(update.status).toBe(0);
    typeOf = (file) => {
      const result = spawnSync('mimetype', ['--brief', file], { encoding: 'utf8', env });
      expect(result.status).toBe(0);
      return result.stdout.trim();
    };
  }, 60_000);

  it('knows a project by its name', () => {
    expect(typeOf(projectFile)).toBe('application/x-sourcebench');
  });

  it('knows a project renamed without its extension by its content', () => {
    const renamed = path.join(dir, 'renamed-project');
    fs.copyFileSync(projectFile, renamed);
    expect(typeOf(renamed)).toBe('application/x-sourcebench');
  });

  it('leaves another SQLite database, without the application_id or with another one, to SQLite', () => {
    for (const applicationId of [0, 0x12345678]) {
      const file = path.join(dir, `other-${applicationId}`);
      const db = new Database(file);
      db.exec('CREATE TABLE notes (text TEXT)');
      db.pragma(`application_id = ${applicationId}`);
      db.close();
      const type = typeOf(file);
      expect(type).not.toBe('application/x-sourcebench');
      if (fs.existsSync(SYSTEM_TYPES)) expect(type).toBe('application/vnd.sqlite3');
    }
  });
});
