/**
 * Hostile files to every importer: the documents (txt, md, html, docx, pdf) and the exchange
 * formats (.qdpx, .jsonld), through the API every host serves. Each file is refused with a
 * message that says what is wrong, or read with what is dangerous left out; a refused file
 * leaves every table of the project exactly as it was. The files are made at test time
 * (tests/fixtures/hostile/generate.ts); the peak memory of the worst of them, imported by the
 * CLI in a process of its own, is in tests/unit/hosts/hostile-memory.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { tableHashes } from '../../support/project-snapshot';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';
import * as hostile from '../../fixtures/hostile/generate';

/** Small, so an over-limit file is cheap to make; the 5 MB line still fits. */
const LIMIT = 8 * 1024 * 1024;
const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'import', name));

let dir: string;
let cleanup: () => void;
let project: Project;
let client: ApiClient;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sourcebench-hostile-'));
  project = Project.open(path.join(dir, 'project', 'hostile.sourcebench'), { corpusDir });
  client = createApiClient(createDispatch(createHandlers(project, 'cli', { maxImportBytes: LIMIT })));
});
afterAll(() => {
  project.close();
  cleanup();
});

const tables = () => tableHashes(project.path);

type Outcome = { readonly refused: string } | { readonly documentId: string; readonly versionId: string; readonly encoding: string | null };

/** Imports a file as a user does, by its name: a document through an import job, an exchange file at once. */
async function importBytes(fileName: string, bytes: Uint8Array): Promise<Outcome> {
  const data = Buffer.from(bytes).toString('base64');
  try {
    if (/\.(qdpx|jsonld)$/i.test(fileName)) {
      await client.importExchange({ fileName, data });
      return { documentId: '', versionId: '', encoding: null };
    }
    const { jobId } = await client.startImport({ fileName, data });
    let job = await client.getImportJob({ jobId });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = await client.getImportJob({ jobId });
    }
    if (job.state === 'failed') return { refused: job.error!.message };
    return { documentId: job.documentId!, versionId: job.versionId!, encoding: job.encoding };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

async function imported(fileName: string, bytes: Uint8Array) {
  const outcome = await importBytes(fileName, bytes);
  if ('refused' in outcome) throw new Error(`${fileName} was refused: ${outcome.refused}`);
  const document = (await client.listDocuments({})).find((candidate) => candidate.id === outcome.documentId)!;
  const content = await client.getVersionContent({ versionId: outcome.versionId });
  return { document, content, encoding: outcome.encoding };
}

interface Refusal {
  readonly what: string;
  readonly fileName: string;
  readonly bytes: () => Uint8Array | Promise<Uint8Array>;
  readonly message: RegExp;
}

const refusals: readonly Refusal[] = [
  { what: 'binary data named .txt', fileName: 'minutes.txt', bytes: () => hostile.binaryBytes(), message: /minutes\.txt does not contain text \(it holds binary data/ },
  { what: 'an empty file', fileName: 'minutes.txt', bytes: () => new Uint8Array(0), message: /minutes\.txt is empty \(0 bytes\)/ },
  { what: 'a file over the size limit', fileName: 'huge.txt', bytes: () => hostile.singleLine(LIMIT + 1024 * 1024), message: /larger than the import limit of 8 MB \(set SOURCEBENCH_MAX_IMPORT_MB to change it\)\. Nothing was imported\./ },
  { what: 'HTML nested 100,000 elements deep', fileName: 'deep.html', bytes: () => hostile.deepHtml(), message: /deep\.html nests its HTML elements more than 1,000 levels deep.*Nothing was imported\./ },
  { what: 'Markdown with an HTML block nested 100,000 deep', fileName: 'deep.md', bytes: () => Buffer.concat([Buffer.from('# Notes\n\n'), hostile.deepHtml()]), message: /deep\.md nests its HTML elements more than 1,000 levels deep/ },
  { what: 'a .docx zip bomb (64 MB of spaces in 70 KB, sizes stated honestly)', fileName: 'bomb.docx', bytes: () => hostile.docxBomb(64), message: /bomb\.docx would unpack to more than 8 MB \(its part word\/document\.xml alone.*“zip bomb”\. Nothing was imported\./ },
  { what: 'a .docx zip bomb whose headers claim 1,000 bytes', fileName: 'bomb.docx', bytes: () => hostile.docxBomb(64, 1000), message: /bomb\.docx would unpack to more than 8 MB/ },
  { what: 'a .docx whose document.xml defines an external entity (file:///etc/passwd)', fileName: 'xxe.docx', bytes: () => hostile.docxWithExternalEntity(), message: /xxe\.docx declares a document type \(<!DOCTYPE …>\) in word\/document\.xml.*Nothing was imported\./ },
  { what: 'a .docx whose document.xml is a billion laughs', fileName: 'laughs.docx', bytes: () => hostile.docxWithBillionLaughs(), message: /laughs\.docx declares a document type \(<!DOCTYPE …>\) in word\/document\.xml/ },
  { what: 'a truncated .docx', fileName: 'account.docx', bytes: () => fixture('truncated.docx'), message: /account\.docx is damaged: it cannot be opened as a Word document.*truncated/ },
  { what: 'a damaged PDF (cut in half)', fileName: 'volkogonov.pdf', bytes: () => { const pdf = fixture('volkogonov.pdf'); return pdf.subarray(0, pdf.length / 2); }, message: /volkogonov\.pdf is damaged: it cannot be read as a PDF/ },
  { what: 'an encrypted PDF', fileName: 'secret.pdf', bytes: () => hostile.encryptedPdf(), message: /secret\.pdf is protected by a password\. Open it, save or print it as a PDF without a password/ },
  { what: 'a PDF of drawings only, without a text layer', fileName: 'drawings.pdf', bytes: () => hostile.textlessPdf(), message: /drawings\.pdf has no text layer: it looks like a scan.*OCR/ },
  { what: 'a scanned PDF (an image per page)', fileName: 'scan.pdf', bytes: () => fixture('scan.pdf'), message: /scan\.pdf has no text layer/ },
  { what: 'a .qdpx zip bomb (64 MB of spaces in 70 KB)', fileName: 'bomb.qdpx', bytes: () => hostile.qdpxBomb(64), message: /“sources\/zeros\.txt” unpacks to more than the import allows \(\d+ MB for one file.*Nothing was imported\./ },
  { what: 'a .qdpx whose project.qde defines an external entity (file:///etc/passwd)', fileName: 'xxe.qdpx', bytes: () => hostile.qdpxWithExternalEntity(), message: /project\.qde declares a document type \(<!DOCTYPE …>\).*Nothing was imported\./ },
  { what: 'a .qdpx whose project.qde is a billion laughs', fileName: 'laughs.qdpx', bytes: () => hostile.qdpxWithBillionLaughs(), message: /project\.qde declares a document type/ },
  { what: 'a .qdpx that is a truncated zip', fileName: 'cut.qdpx', bytes: () => hostile.qdpxWithExternalEntity().subarray(0, 40), message: /not a \.qdpx project: it is not a zip archive/ },
  { what: 'binary data named .jsonld', fileName: 'notes.jsonld', bytes: () => hostile.binaryBytes(), message: /notes\.jsonld is not UTF-8 text, so not a W3C Web Annotation file; nothing was imported/ },
  { what: 'an empty .jsonld', fileName: 'notes.jsonld', bytes: () => new Uint8Array(0), message: /notes\.jsonld is not JSON \(.*\); nothing was imported/ },
  { what: 'a .jsonld in UTF-16 without a byte order mark', fileName: 'notes.jsonld', bytes: () => Buffer.from('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}', 'utf16le'), message: /notes\.jsonld is not JSON \(.*\); nothing was imported/ },
  { what: 'a .jsonld nested 100,000 arrays deep', fileName: 'notes.jsonld', bytes: () => hostile.deepJson(), message: /notes\.jsonld is not a W3C Web Annotation file Sourcebench can import \(nothing was imported\): first\.items\.0: .*expected object, received array/ },
];

describe('hostile files to the importers', { timeout: 120_000 }, () => {
  it.each(refusals)('$what: refused with a message, every table of the project unchanged', async ({ fileName, bytes, message }) => {
    const file = await bytes();
    const before = tables();
    const outcome = await importBytes(fileName, file);
    expect(outcome).toEqual({ refused: expect.stringMatching(message) });
    expect(tables()).toEqual(before);
  });

  it('never reads /etc/passwd into a document, whatever the XML asks', async () => {
    for (const [fileName, bytes] of [
      ['xxe.docx', hostile.docxWithExternalEntity()],
      ['xxe.qdpx', hostile.qdpxWithExternalEntity()],
    ] as const) {
      const outcome = await importBytes(fileName, bytes);
      expect('refused' in outcome && outcome.refused).not.toMatch(hostile.PASSWD_MARK);
    }
    for (const document of await client.listDocuments({})) {
      const content = await client.getVersionContent({ versionId: document.currentVersionId });
      expect(content.text).not.toMatch(hostile.PASSWD_MARK);
    }
  });

  it('reads a single line of 5 MB whole, as one paragraph', async () => {
    const line = hostile.singleLine();
    const { content } = await imported('dump.txt', line);
    expect(content.text).toBe(line.toString('utf8').trim());
    expect(content.blocks).toHaveLength(1);
  });

  it('reads bytes that are not valid UTF-8 in the single-byte encoding they fit, never as replacement characters', async () => {
    const { content, encoding } = await imported('minutes.txt', hostile.invalidUtf8());
    expect(encoding).not.toBe('utf-8');
    expect(content.text).toContain('The minutes of the meeting were lost.');
    expect(content.text).toContain('Only a copy survived in the archive of the district committee.');
    expect(content.text).not.toContain('\ufffd');
  });

  it('recognises UTF-16 without a byte order mark', async () => {
    const { content, encoding } = await imported('kirov.txt', hostile.utf16WithoutBom());
    expect(encoding).toBe('utf-16le');
    expect(content.text.startsWith('Киров был убит 1 декабря 1934 года в Смольном. Kirov was shot in the Smolny.')).toBe(true);
  });

  it('keeps the text of a page full of scripts, handlers and javascript: URLs, and nothing of the code', async () => {
    const { content } = await imported('leaflet.html', hostile.scriptedHtml());
    expect(content.blocks.map((block) => content.text.slice(block.start, block.end))).toEqual(['The leaflet was found in the archive of the NKVD.', 'It bore no signature.']);
    for (const code of ['alert', 'javascript', 'fetch', 'cookie', 'SVGTEXT', 'IFRAMETEXT', 'BUTTONTEXT', 'MATHTEXT', 'onload', 'onclick']) {
      expect(content.text).not.toContain(code);
    }
  });
});

describe('a codebook whose names differ only in case', { timeout: 60_000 }, () => {
  it('comes in with one tag for "Fear" and "fear" (the codebook ignores case), not a failed write half-way', async () => {
    const folder = path.join(repoRoot, 'tests', 'fixtures', 'refi-qda', 'other-tool');
    // Another tool keeps "Fear" and "fear" apart; Sourcebench's codebook does not (as a user reads them, they are one code).
    const qde = fs
      .readFileSync(path.join(folder, 'project.qde'), 'utf8')
      .replace('<Code guid="7C3E5A9D', '<Code guid="1E2D3C4B-5A69-4788-9A0B-C1D2E3F40516" name="fear" isCodable="true" color="#3366FF"/>\n        <Code guid="7C3E5A9D');
    const sources = Object.fromEntries(fs.readdirSync(path.join(folder, 'sources')).map((file) => [`sources/${file}`, fs.readFileSync(path.join(folder, 'sources', file))]));
    const tagsBefore = await client.listTags({});
    const outcome = await importBytes('cases.qdpx', zipSync({ 'project.qde': strToU8(qde), ...sources }));
    expect(outcome).toEqual(expect.not.objectContaining({ refused: expect.anything() }));
    const added = (await client.listTags({})).filter((tag) => !tagsBefore.some((before) => before.id === tag.id));
    expect(added.map((tag) => tag.name).sort()).toEqual(['Emotions', 'Fear', 'Hope∕optimism', 'Places']);
  });
});

describe('hostile file names', { timeout: 60_000 }, () => {
  const text = () => Buffer.from('The commission met once, on 3 March.\n');

  it('a name with ../ writes nothing outside the project and keeps only the base name', async () => {
    const listing = () => fs.readdirSync(dir, { recursive: true }).map(String).filter((name) => !/\.sourcebench(-wal|-shm)?$/.test(name)).sort();
    const before = listing();
    const { document, content } = await imported('../../../../tmp/escape.txt', text());
    expect(listing()).toEqual(before);
    expect(fs.existsSync('/tmp/escape.txt')).toBe(false);
    expect(content.fileName).toBe('escape.txt');
    expect(document.title).toBe('escape');
  });

  it('a line break in the name: the title is one line, the stored file name is the original', async () => {
    const { document, content } = await imported('Minutes\nof the\r\nmeeting.txt', text());
    expect(document.title).toBe('Minutes of the meeting');
    expect(content.fileName).toBe('Minutes\nof the\r\nmeeting.txt');
  });

  it('a right-to-left override in the name cannot make the title pass for another file', async () => {
    // Shown as "reporttxt.pdf" by anything that honours the override.
    const { document, content } = await imported('report\u202efdp.txt', text());
    expect(document.title).toBe('reportfdp');
    expect(content.fileName).toBe('report\u202efdp.txt');
  });

  it('bidi and control characters in a page title are dropped too', async () => {
    const page = Buffer.from('<html><head><title>Memo\u202e\u2066 of the\u0007 commission\u2069</title></head><body><p>It met once.</p></body></html>');
    const { document } = await imported('memo.html', page);
    expect(document.title).toBe('Memo of the commission');
  });
});
