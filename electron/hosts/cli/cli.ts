/**
 * `sourcebench`: the command-line host. Every command goes through the same dispatcher as the
 * Electron and browser hosts, so scripts see exactly what the workbench sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import type { ApiClient, ApiInput } from '../../../shared/api';
import { displayTitle, type DocumentSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { ExportGrouping, type ExportedFile, type ExportFormat } from '../../../shared/export';
import type { SearchHit, SearchResult } from '../../../shared/search';
import { printedText } from '../../../shared/text/printed-text';
import { LineIndex, rawPlaceAt } from '../../../shared/text/text-model';
import { importFiles, pickDocument, type ImportOptions } from './import-files';
import { writeWhole } from '../../store/write-whole';
import type { NodeHost } from '../node-host';
import { defaultProjectPath, installLayout, sourcePackageRoot } from '../../install/paths';
import { appVersion } from '../../install/version';
import { formatMegabytes } from '../../import/limits';
import { CliCommand, EXIT, EXIT_CODES_HELP, reportError, UsageError } from './usage';

// The project, the API table and the importers load only inside the commands that use them
// (`await import` below): loading them all made `--help` take over a second.

/** The format names users type (`md`, as the file extension), and the API's names for them. */
const CLI_FORMATS = { md: 'markdown', html: 'html', csv: 'csv', jsonld: 'jsonld', qdpx: 'qdpx' } as const satisfies Record<string, ExportFormat>;

interface GlobalOptions {
  project: string;
  json: boolean;
}

export function buildProgram(out: (text: string) => void = (text) => process.stdout.write(text)): Command {
  const program = new CliCommand('sourcebench')
    .description('Sourcebench: read several accounts side by side, annotate, weigh and compare them.')
    .version(appVersion)
    .addOption(
      new Option('-p, --project <file>', 'project file to work on').default(defaultProjectPath(), 'the default project'),
    )
    .option('--json', 'print machine-readable JSON instead of text', false)
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput({ writeOut: out });

  const globals = () => program.opts<GlobalOptions>();
  const withHost = async <T>(run: (client: ApiClient, host: NodeHost) => Promise<T> | T): Promise<T> => {
    const [{ openNodeHost }, { createApiClient }] = await Promise.all([import('../node-host'), import('../../../shared/client')]);
    const host = openNodeHost('cli', globals().project);
    try {
      return await run(createApiClient(host.dispatch), host);
    } finally {
      host.close();
    }
  };
  const print = (value: unknown, text: () => string) => out(globals().json ? `${JSON.stringify(value, null, 2)}\n` : text());

  program
    .command('info')
    .description('show the version, the project file and its schema version')
    .action(() =>
      withHost(async (client) => {
        const info = await client.getAppInfo({});
        print(info, () => `Sourcebench ${info.appVersion}\nproject: ${info.projectPath}\nschema:  ${info.schemaVersion}\n`);
      }),
    );

  program
    .command('documents')
    .description('list the documents of the project')
    .action(() =>
      withHost(async (client) => {
        const documents = await client.listDocuments({});
        print(documents, () => documents.map(describeDocument).join(''));
      }),
    );

  program
    .command('read')
    .description('print the reading text of a document (its number in `documents`, or its id)')
    .argument('<document>', 'document number (1, 2, …) or id')
    .action((which: string) =>
      withHost(async (client) => {
        const document = pickDocument(await client.listDocuments({}), which);
        const content = await client.getVersionContent({ versionId: document.currentVersionId });
        print(content, () => `${printedText(content).printed}\n`);
      }),
    );

  program
    .command('methods')
    .description('list the API methods that `call` accepts')
    .action(async () => {
      const { apiTable } = await import('../../../shared/api');
      const methods = Object.entries(apiTable).map(([name, spec]) => ({ name, summary: spec.summary }));
      print(methods, () => methods.map((m) => `${m.name.padEnd(20)} ${m.summary}\n`).join(''));
    });

  program
    .command('call')
    .description('call one API method with a JSON input and print its JSON output')
    .argument('<method>', 'method name, see `methods`')
    .argument('[input]', 'JSON input', '{}')
    .action((method: string, input: string) =>
      withHost(async (_client, host) => {
        const { isApiMethod } = await import('../../../shared/api');
        if (!isApiMethod(method)) throw new ApiError('unknown_method', `Unknown method "${method}" (see: sourcebench methods)`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(input);
        } catch (error) {
          throw new ApiError('invalid_input', `The input is not valid JSON: ${(error as Error).message}`);
        }
        const envelope = await host.dispatch(method, parsed);
        if (!envelope.ok) throw ApiError.fromEnvelope(envelope);
        out(`${JSON.stringify(envelope.value, null, 2)}\n`);
      }),
    );

  program
    .command('text')
    .description('print the normalized reading text of a file: blocks separated by a blank line, headings marked with # by level')
    .argument('<file>', 'a raw file (.txt, .md, .html, .docx, .pdf), e.g. corpus/002_10df7f476cedd2f2.txt')
    .option('--encoding <label>', 'decode a text file with this encoding instead of the detected one')
    .action(async (file: string, options: { encoding?: string }) => {
      const { normalizeFile } = await import('./normalize-file');
      const normalized = await normalizeFile(file, installLayout(sourcePackageRoot()).corpusDir, options.encoding);
      const printed = printedText(normalized.normalized);
      print({ ...normalized.normalized, map: undefined, printed: printed.printed }, () => `${printed.printed}\n`);
    });

  program
    .command('locate')
    .description('print where a character of `text`\'s output stands in the raw file, as line:column')
    .argument('<file>', 'the raw file given to `text`')
    .argument('<offset>', "offset into `text`'s output, in characters from 0", parseOffset)
    .option('--encoding <label>', 'as for `text`')
    .action(async (file: string, offset: number, options: { encoding?: string }) => {
      const { normalizeFile } = await import('./normalize-file');
      const { rawText, inTextLayer, normalized } = await normalizeFile(file, installLayout(sourcePackageRoot()).corpusDir, options.encoding);
      const readingOffset = printedText(normalized).readingOffset(offset);
      if (readingOffset === null) throw new ApiError('invalid_input', `Offset ${offset} is past the end of the text`, 'offset');
      const place = rawPlaceAt(normalized, rawText, new LineIndex(rawText), readingOffset);
      print({ offset, readingOffset, ...place, inTextLayer }, () => `${place.line}:${place.column}\n`);
    });

  program
    .command('import')
    .description('import files into the project as new documents (or as a new version of one)')
    .argument('<files...>', '.txt, .md, .html, .docx or .pdf files')
    .option('--encoding <label>', 'decode text files with this encoding instead of the detected one')
    .option('--title <title>', 'title of the new document (default: from the file)')
    .option('--author <name>')
    .option('--language <tag>', 'BCP 47 language tag, e.g. en or ru (default: guessed)')
    .option('--date <date>', 'date of writing or publication, in words')
    .addOption(new Option('--kind <kind>', 'kind of source').choices(['primary', 'secondary', 'tertiary']).default('secondary'))
    .option('--version-of <document>', 'add the file as a new version of this document (number or id)')
    .action((files: string[], options: ImportOptions) => withHost((client) => importFiles(client, files, options, out, globals().json)));

  program
    .command('export')
    .description('write the annotated notes to a file: Markdown, an HTML report, CSV for spreadsheets, W3C Web Annotation JSON-LD or a REFI-QDA project')
    .addOption(new Option('--format <format>', 'file format').choices(Object.keys(CLI_FORMATS)).makeOptionMandatory())
    .requiredOption('--out <path>', 'file to write (replaced whole, never left half-written)')
    .addOption(new Option('--group-by <grouping>', 'group the notes by').choices(ExportGrouping.options).default('document'))
    .action((options: { format: keyof typeof CLI_FORMATS; out: string; groupBy: ExportGrouping }) =>
      withHost(async (client) => {
        const file = await exportWithProgress(client, { format: CLI_FORMATS[options.format], groupBy: options.groupBy });
        await writeWhole(options.out, (temporary) => fs.writeFileSync(temporary, Buffer.from(file.content, file.encoding)));
        print({ out: options.out, annotations: file.annotations, mediaType: file.mediaType }, () => `${file.annotations} annotations written to ${options.out}\n`);
      }),
    );

  program
    .command('backup')
    .description("copy the project file with SQLite's online backup (safe while the workbench has it open)")
    .requiredOption('--out <path>', 'file to write the copy to')
    .action((options: { out: string }) =>
      withHost(async (client) => {
        const backup = await client.backupProject({ path: path.resolve(options.out) });
        print(backup, () => `project backed up to ${backup.path} (${formatMegabytes(backup.bytes)})\n`);
      }),
    );

  program
    .command('search')
    .description('search the texts, notes, tag names and claims: words in any form, "a phrase", prefix*, OR, -word (see the README)')
    .argument('<query...>', 'the query; its parts are joined with spaces')
    .option('--doc <file>', 'only this document: its file name as `documents` lists it (a path to it will do); may be repeated', collect, [])
    .option('--limit <n>', 'at most this many hits (default 200)', parseLimit)
    .action((words: string[], options: { doc: string[]; limit?: number }) =>
      withHost(async (client) => {
        const documents = await client.listDocuments({});
        const documentIds = options.doc.map((file) => documentByFileName(documents, file).id);
        const query = words.join(' ');
        const result = await client.search({
          query,
          ...(documentIds.length > 0 ? { documentIds } : {}),
          ...(options.limit !== undefined ? { limit: options.limit } : {}),
        });
        const fileOf = new Map(documents.map((document) => [document.id, document.fileName]));
        const file = (documentId: string | null) => (documentId === null ? null : (fileOf.get(documentId) ?? null));
        const named = {
          ...result,
          hits: result.hits.map((hit) => ({ ...hit, file: file(hit.documentId) })),
          counts: result.counts.map((count) => ({ ...count, file: file(count.documentId) })),
        };
        print(named, () => describeSearch(query, named, process.stdout.isTTY === true));
      }),
    );

  program
    .command('serve')
    .description('serve the workbench to a browser on 127.0.0.1 (the browser host)')
    .option('--port <port>', 'port to listen on (default: a free one)', parsePort, 0)
    .action(async (options: { port: number }) => {
      const { serveProject } = await import('../node-host');
      const { host, server } = await serveProject(globals().project, options.port);
      // The address with its token first: the bare origin only leads to a page asking for it.
      out(`Open this address in a browser: ${server.url}\n`);
      out(`(project ${host.project.path}; press Ctrl+C to stop)\n`);
    });

  program
    .command('match')
    .description('suggest the passages of the other sources that most likely tell the same event as a quoted passage')
    .requiredOption('--doc <file>', 'the document, by its file name as the project lists it (e.g. 000_01da8a07c5673cc1.txt)')
    .requiredOption('--quote <text>', "a passage of the document's reading text")
    .option('--top <n>', 'how many suggestions', wholeNumber(1, 50, 'expected a whole number from 1 to 50'), 5)
    .action((options: { doc: string; quote: string; top: number }) =>
      withHost(async (client) => {
        const { describeMatches, matchQuote } = await import('./match');
        const lines = await matchQuote(client, options);
        print(lines, () => describeMatches(lines));
      }),
    );

  return program;
}

/** How often a running export is asked how far it is. */
const EXPORT_POLL_MS = 100;

/**
 * Runs an export as a job and shows its stage on a terminal, overwriting one line, so a large
 * export is seen to move; piped output (a script, a log) gets no progress lines to filter out.
 */
async function exportWithProgress(client: ApiClient, request: ApiInput<'startExport'>): Promise<ExportedFile> {
  const { jobId } = await client.startExport(request);
  const terminal = process.stderr.isTTY;
  for (;;) {
    const job = await client.getExportJob({ jobId });
    if (job.state === 'done' && job.file) {
      if (terminal) process.stderr.write('\r\x1b[K');
      return job.file;
    }
    if (job.state === 'failed') throw new Error(job.error ?? 'The export failed');
    if (terminal) process.stderr.write(`\r\x1b[K${Math.round(job.progress * 100)}% ${job.stage}`);
    await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
  }
}

function describeDocument(document: DocumentSummary, index: number): string {
  const title = displayTitle(document);
  const by = [document.author, document.translator && `tr. ${document.translator}`].filter(Boolean).join(', ');
  return `${index + 1}. ${title} (${document.language}, ${document.sourceKind})${by ? ` — ${by}` : ''}\n   file ${document.fileName}\n   id ${document.id}\n`;
}

/**
 * A document by the file name `documents` lists: the name itself or a path ending in it (the
 * file as it lies in the corpus folder), or, as elsewhere, its number or id.
 */
function documentByFileName(documents: DocumentSummary[], file: string): DocumentSummary {
  const name = path.basename(file);
  const found = documents.find((document) => document.fileName === file || document.fileName === name);
  if (found) return found;
  try {
    return pickDocument(documents, file);
  } catch {
    throw new ApiError('not_found', `No document with the file name "${file}" (see: sourcebench documents)`, 'doc');
  }
}

type NamedSearchResult = Omit<SearchResult, 'hits'> & { hits: (SearchHit & { file: string | null })[] };

/** The hits as a list to read: where each stands, and its snippet with the matches marked. */
function describeSearch(query: string, result: NamedSearchResult, terminal: boolean): string {
  const [open, close] = terminal ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  const lines = [`${result.total} ${result.total === 1 ? 'hit' : 'hits'} for ${query}${result.hits.length < result.total ? ` (the best ${result.hits.length})` : ''}`];
  for (const hit of result.hits) {
    const where =
      hit.kind === 'text'
        ? [hit.file, hit.chapter, hit.page && `p. ${hit.page}`].filter(Boolean).join(', ')
        : hit.kind === 'note'
          ? `note on ${hit.file}`
          : hit.kind;
    let snippet = '';
    let at = 0;
    for (const mark of hit.snippet.marks) {
      snippet += hit.snippet.text.slice(at, mark.start) + open + hit.snippet.text.slice(mark.start, mark.end) + close;
      at = mark.end;
    }
    lines.push(`\n${where}\n  ${snippet + hit.snippet.text.slice(at)}`);
  }
  return `${lines.join('\n')}\n`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** An argument that must be a whole number in [min, max]; `expected` says so to the user. */
function wholeNumber(min: number, max: number, expected: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(expected);
    return number;
  };
}

const parseLimit = wholeNumber(1, 1000, 'expected a whole number from 1 to 1000');
const parseOffset = wholeNumber(0, Infinity, "expected a whole number of characters from 0, counted in `text`'s output");
const parsePort = wholeNumber(0, 65535, 'expected a port number from 0 to 65535 (0 for a free one)');

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // --help and --version end this way too; the help a bare `sourcebench` prints is its message.
    if (error instanceof CommanderError && !(error instanceof UsageError)) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // --json may not be parsed yet when the mistake comes before it on the command line.
    const end = argv.indexOf('--');
    const json = program.opts<GlobalOptions>().json || (end === -1 ? argv : argv.slice(0, end)).includes('--json');
    return reportError(error, json, (text) => process.stderr.write(text));
  }
}
