/**
 * The process the crash tests kill. It opens a real project with the real store and writes
 * through the real handler table, as a host does, and reports on stdout, one JSON line at a time,
 * what it is about to do ("begin") and, only once the call has returned, what was acknowledged
 * ("ack"). Lines go out with a synchronous write, so a line the parent read is a call that
 * returned before the kill.
 *
 *   write  <project> <round> : annotations (with many tags), claims with an account, tag renames and moves, until killed
 *   open   <project>         : opens the project (migrating it) and says so
 *   import <project> <file>  : imports a file as a new document and waits until its job is done
 *
 * Each mode starts once a line arrives on stdin, so the parent can load the next child while it
 * still checks the last one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApiClient } from '../../shared/client';
import { createDispatch } from '../../shared/dispatch';
import { createHandlers } from '../../electron/app/project-session';
import { Project } from '../../electron/app/project';
import { CRASH_TAG_PREFIX, MOVING_TAG, noteOf, PARENT_TAGS, type CrashLine } from './crash';

const corpusDir = process.env.SOURCEBENCH_CORPUS ?? path.resolve('corpus');

type Said = CrashLine extends infer Line ? (Line extends CrashLine ? Omit<Line, 'at'> : never) : never;

function say(line: Said): void {
  fs.writeSync(1, `${JSON.stringify({ ...line, at: Date.now() })}\n`);
}

async function write(projectPath: string, round: string): Promise<void> {
  const project = Project.open(projectPath, { corpusDir });
  const client = createApiClient(createDispatch(createHandlers(project, 'cli')));
  const [document] = await client.listDocuments({});
  const tags = await client.listTags({});
  const many = tags.filter((tag) => tag.name.startsWith(CRASH_TAG_PREFIX)).map((tag) => tag.id);
  const moving = tags.find((tag) => tag.name === MOVING_TAG)!;
  const parents = PARENT_TAGS.map((name) => tags.find((tag) => tag.name === name)!.id);
  const length = (await client.getVersionContent({ versionId: document!.currentVersionId })).text.length;
  say({ phase: 'ready' });
  let lastAnnotation: string | null = null;
  for (let n = 0; ; n++) {
    const marker = `round ${round} write ${n}`;
    if (n % 3 === 0 || lastAnnotation === null) {
      const start = (n * 37) % (length - 40);
      const intent = { kind: 'annotation', marker, versionId: document!.currentVersionId, start, end: start + 1 + (n % 30), tagIds: many, credibility: (n % 6) + 1 } as const;
      say({ phase: 'begin', write: intent });
      const made = await client.createAnnotation({ versionId: intent.versionId, start: intent.start, end: intent.end, tagIds: [...many], note: noteOf(marker), credibility: intent.credibility });
      lastAnnotation = made.id;
      say({ phase: 'ack', write: { ...intent, id: made.id } });
    } else if (n % 3 === 1) {
      const intent = { kind: 'claim', wording: marker, annotationId: lastAnnotation } as const;
      say({ phase: 'begin', write: intent });
      const made = await client.createClaim({ wording: marker, people: ['Kirov'], account: { annotationId: lastAnnotation, stance: 'supports' } });
      say({ phase: 'ack', write: { ...intent, id: made.id } });
    } else {
      const intent = { kind: 'tag', id: moving.id, name: `${MOVING_TAG} ${marker}`, parentId: parents[n % 2]! } as const;
      say({ phase: 'begin', write: intent });
      await client.updateTag({ id: intent.id, name: intent.name, parentId: intent.parentId });
      say({ phase: 'ack', write: intent });
    }
  }
}

async function importFile(projectPath: string, file: string): Promise<void> {
  const project = Project.open(projectPath, { corpusDir });
  const client = createApiClient(createDispatch(createHandlers(project, 'cli')));
  say({ phase: 'ready' });
  const data = fs.readFileSync(file).toString('base64');
  const { jobId } = await client.startImport({ fileName: path.basename(file), data, record: { title: 'crash import' } });
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (job.state === 'failed') throw new Error(job.error?.message);
    if (job.state === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  project.close();
  say({ phase: 'done' });
}

const [mode, projectPath, argument] = process.argv.slice(2);
// Started ahead of time (loading the code takes longer than a round), it waits for "go".
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
if (mode === 'write') await write(projectPath!, argument!);
else if (mode === 'import') await importFile(projectPath!, argument!);
else if (mode === 'open') {
  say({ phase: 'ready' });
  Project.open(projectPath!, { corpusDir }).close();
  say({ phase: 'opened' });
} else throw new Error(`unknown mode ${mode}`);
