/**
 * Annotations are stand-off data in the project file: selectors as the W3C model defines them,
 * tags from a codebook, notes, grades; every change is saved at once, undoable across panes, and
 * survives a restart and even a crash.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { createHandlers } from '../../../electron/app/project-session';
import { noteToText } from '../../../electron/app/annotation-service';
import { Project } from '../../../electron/app/project';
import { corpusDir, repoRoot, tempDir } from '../../support/temp';

let dir: string;
let cleanup: () => void;
let file: string;
let project: Project;
let client: ApiClient;
let russian: DocumentSummary;
let volkogonov: DocumentSummary;

function open(): void {
  project = Project.open(file, { corpusDir });
  client = createApiClient(createDispatch(createHandlers(project, 'cli')));
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'p.sourcebench');
  open();
  [russian, , volkogonov] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary, DocumentSummary];
});
afterEach(() => {
  project.close();
  cleanup();
});

async function textOf(document: DocumentSummary): Promise<string> {
  return (await client.getVersionContent({ versionId: document.currentVersionId })).text;
}

/** The range of the first occurrence of `words` in a document's current reading text. */
async function passage(document: DocumentSummary, words: string) {
  const start = (await textOf(document)).indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  return { versionId: document.currentVersionId, start, end: start + words.length };
}

/** Imports `text` as a new version of the Russian account, as Import… does; returns the new version's id. */
async function importRevision(text: string): Promise<string> {
  const { jobId } = await client.startImport({ fileName: 'revised.txt', data: Buffer.from(text, 'utf8').toString('base64'), versionOf: russian.id });
  let job = await client.getImportJob({ jobId });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await client.getImportJob({ jobId });
  }
  expect(job.state).toBe('done');
  return job.versionId!;
}

describe('an annotation', () => {
  it('stores W3C selectors: the quote with 32 characters of context, and the position in code points', async () => {
    const text = await textOf(volkogonov);
    const range = await passage(volkogonov, 'Stalin was dying.');
    const annotation = await client.createAnnotation({ ...range, color: 'red' });
    expect(annotation).toMatchObject({ status: 'anchored', start: range.start, end: range.end, color: 'red', documentId: volkogonov.id });
    expect(annotation.quote.exact).toBe('Stalin was dying.');
    expect(annotation.quote.prefix).toBe(text.slice(range.start - 32, range.start));
    expect(annotation.quote.suffix).toBe(text.slice(range.end, range.end + 32));
    expect(annotation.position).toEqual({ start: [...text.slice(0, range.start)].length, end: [...text.slice(0, range.end)].length });
  });

  it('may cross paragraph and heading boundaries', async () => {
    const text = await textOf(volkogonov);
    const start = text.indexOf('V.I. Lenin');
    const end = text.indexOf('Stalin was dying.') + 6;
    const annotation = await client.createAnnotation({ versionId: volkogonov.currentVersionId, start, end });
    expect(annotation.quote.exact).toContain('Chapter I. The October Glow');
    expect(annotation.quote.exact.endsWith('Stalin')).toBe(true);
  });

  it('works on the Russian text as on the English', async () => {
    const range = await passage(russian, 'Надежда Аллилуева');
    const annotation = await client.createAnnotation({ versionId: range.versionId, start: range.start, end: range.end });
    expect(annotation.quote.exact).toBe('Надежда Аллилуева');
  });

  it('refuses a range outside the text or over white space only, naming the field', async () => {
    const versionId = volkogonov.currentVersionId;
    await expect(client.createAnnotation({ versionId, start: 5, end: 3 })).rejects.toMatchObject({ field: 'end' });
    await expect(client.createAnnotation({ versionId, start: 0, end: 99_999_999 })).rejects.toMatchObject({ field: 'end' });
    const gap = (await textOf(volkogonov)).indexOf('\n\n');
    await expect(client.createAnnotation({ versionId, start: gap, end: gap + 2 })).rejects.toMatchObject({ field: 'start' });
    await expect(client.createAnnotation({ versionId, start: 0, end: 5, tagIds: ['no-such-tag'] })).rejects.toMatchObject({ field: 'tagIds' });
    await expect(client.createAnnotation({ versionId, start: 0, end: 5, credibility: 7 })).rejects.toMatchObject({ field: 'credibility' });
  });

  it('keeps a note as structured JSON and derives its plain text', async () => {
    const range = await passage(volkogonov, 'Stalin was dying.');
    const note = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Compare ' }, { type: 'text', text: 'Khrushchev', marks: [{ type: 'bold' }] }] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: '1953 memoirs' }] }] }] },
      ],
    };
    const annotation = await client.createAnnotation({ ...range, note, credibility: 2 });
    const [stored] = await client.listAnnotations({ documentId: volkogonov.id });
    expect(stored!.note).toEqual(note);
    expect(stored!.noteText).toBe('Compare Khrushchev\n1953 memoirs');
    expect(annotation.credibility).toBe(2);
    expect(noteToText(null)).toBe('');
  });
});

describe('undo and redo', () => {
  it('take back and redo every kind of change, in order, whichever document it was in', async () => {
    const first = await client.createAnnotation(await passage(volkogonov, 'Stalin was dying.'));
    const second = await client.createAnnotation(await passage(russian, 'Надежда Аллилуева'));
    await client.updateAnnotation({ id: first.id, credibility: 4 });
    await client.deleteAnnotation({ id: second.id });
    expect(await client.getHistory({})).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'delete highlight' });

    await client.undo({}); // the Russian highlight comes back
    expect((await client.listAnnotations({})).map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    await client.undo({}); // the grade goes
    expect((await client.listAnnotations({ documentId: volkogonov.id }))[0]!.credibility).toBeNull();
    expect(await client.getHistory({})).toMatchObject({ canRedo: true, redoLabel: 'change credibility' });
    await client.redo({});
    expect((await client.listAnnotations({ documentId: volkogonov.id }))[0]!.credibility).toBe(4);
    // A new change after an undo drops what could have been redone.
    await client.undo({});
    await client.updateAnnotation({ id: first.id, color: 'blue' });
    expect(await client.getHistory({})).toMatchObject({ canRedo: false });
    await expect(client.redo({})).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('saved at once', () => {
  it('annotations, tags, assessments and the workspace survive closing and reopening the project', async () => {
    const tag = await client.createTag({ name: 'Kirov' });
    await client.createAnnotation({ ...(await passage(russian, 'Киров был убит')), tagIds: [tag.id], color: 'green' });
    await client.saveAssessment({ documentId: volkogonov.id, reliability: 'B' });
    const workspace = await client.getWorkspace({});
    expect(workspace.panes.map((pane) => pane.documentId)).toEqual([russian.id, expect.any(String), volkogonov.id]);
    await client.saveWorkspace({
      ...workspace,
      panes: [{ documentId: volkogonov.id, scrollOffset: 5000, width: 0.6 }],
      theme: 'dark',
      fontSize: 20,
      claimsPanel: { open: true, view: 'matrix', claimId: null },
    });
    project.close();
    open();
    expect(await client.listAnnotations({})).toMatchObject([{ color: 'green', tagIds: [tag.id] }]);
    expect((await client.getAssessment({ documentId: volkogonov.id })).reliability).toBe('B');
    expect(await client.getWorkspace({})).toMatchObject({
      panes: [{ documentId: volkogonov.id, scrollOffset: 5000 }],
      theme: 'dark',
      fontSize: 20,
      claimsPanel: { open: true, view: 'matrix', claimId: null },
    });
    // A workspace saved before the claims panel existed still reads (the panel starts closed).
    const { claimsPanel: _left, ...older } = await client.getWorkspace({});
    await client.saveWorkspace(older);
    expect((await client.getWorkspace({})).claimsPanel).toBeUndefined();
  });

  it('a committed annotation survives the process being killed right after', async () => {
    project.close();
    const script = `
      import { Project } from ${JSON.stringify(path.join(repoRoot, 'electron/app/project.ts'))};
      const project = Project.open(${JSON.stringify(file)}, { corpusDir: ${JSON.stringify(corpusDir)} });
      const [document] = project.documents.list();
      project.annotations.create({ versionId: document.currentVersionId, start: 0, end: 6, color: 'orange' });
      process.kill(process.pid, 'SIGKILL');
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot });
    expect(result.signal).toBe('SIGKILL');
    open();
    expect(await client.listAnnotations({})).toMatchObject([{ color: 'orange', start: 0, end: 6 }]);
  });
});

describe('a new version of a document', () => {
  it('re-anchors every annotation where its text went, and orphans one whose text is gone', async () => {
    const raw = (await import('node:fs')).readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'), 'utf8');
    const [first, second, third] = raw.split('\n') as [string, string, string];
    // The revision corrects a word in the first paragraph, drops the second and adds a sentence before the third.
    const revised = [first.replace('неоднократно', 'не раз'), `Новое предложение редактора. ${third}`].join('\n');
    const kept = await client.createAnnotation({ ...(await passage(russian, 'Надежда Аллилуева')), color: 'green' });
    const later = await client.createAnnotation(await passage(russian, 'Киров был убит студентом-коммунистом'));
    const dropped = await client.createAnnotation(await passage(russian, second.slice(0, 60)));

    const versionId = await importRevision(revised);
    const newText = (await client.getVersionContent({ versionId })).text;
    const after = await client.listAnnotations({ documentId: russian.id });
    const byId = new Map(after.map((annotation) => [annotation.id, annotation]));
    for (const annotation of [kept, later]) {
      const moved = byId.get(annotation.id)!;
      expect(moved).toMatchObject({ status: 'anchored', versionId, color: annotation.color });
      expect(newText.slice(moved.start!, moved.end!)).toBe(annotation.quote.exact);
      // The W3C selectors describe the passage in the version it now rests on, as an export writes them.
      const codePoints = [...newText];
      expect(codePoints.slice(moved.position.start, moved.position.end).join('')).toBe(annotation.quote.exact);
      expect(moved.quote.prefix).toBe(newText.slice(Math.max(0, moved.start! - moved.quote.prefix.length), moved.start!));
      expect(moved.quote.suffix).toBe(newText.slice(moved.end!, moved.end! + moved.quote.suffix.length));
    }
    expect(byId.get(later.id)!.quote.prefix).not.toBe(later.quote.prefix);
    expect(byId.get(dropped.id)).toMatchObject({ status: 'orphan', start: null, end: null, versionId: russian.currentVersionId });
    expect(byId.get(dropped.id)!.orphanReason).toBeTruthy();
    expect(byId.get(dropped.id)!.quote.exact).toBe(second.slice(0, 60));
    // The old version stays, as it was.
    expect((await client.getVersionContent({ versionId: russian.currentVersionId })).text).toContain(second.slice(0, 60));
  });
});

describe('undo after a new version of a document', () => {
  it('never puts a highlight back on the old version; changes made before it to other things can still be undone', async () => {
    const raw = (await import('node:fs')).readFileSync(path.join(corpusDir, '000_01da8a07c5673cc1.txt'), 'utf8');
    const highlight = await client.createAnnotation({ ...(await passage(russian, 'Надежда Аллилуева')), color: 'green' });
    await client.updateAnnotation({ id: highlight.id, color: 'red' });
    const tag = await client.createTag({ name: 'Suicide or murder' });
    // The revision adds a sentence in front: every passage moves.
    const versionId = await importRevision(`Предисловие редактора. ${raw}`);
    const newText = (await client.getVersionContent({ versionId })).text;
    const onNewVersion = async () => {
      const [now] = await client.listAnnotations({ documentId: russian.id });
      expect(now).toMatchObject({ id: highlight.id, versionId, status: 'anchored', color: 'red' });
      expect(newText.slice(now!.start!, now!.end!)).toBe('Надежда Аллилуева');
    };
    await onNewVersion();

    // The newest change not about this document's highlights is still there to undo.
    expect(await client.getHistory({})).toMatchObject({ canUndo: true, canRedo: false });
    await client.undo({});
    expect((await client.listTags({})).map((entry) => entry.id)).not.toContain(tag.id);
    await onNewVersion();
    // The colour change would put the highlight back where it was in the old version: undo ends here.
    expect(await client.getHistory({})).toMatchObject({ canUndo: false });
    await expect(client.undo({})).rejects.toThrow('There is nothing to undo');
    await onNewVersion();
  });
});
