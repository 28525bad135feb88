/**
 * A write that fails half-way (the disk full, an I/O error, a constraint nobody expected) must
 * leave nothing of itself: an import adds its whole document or none, an exchange file all its
 * documents, tags and highlights or none. A kill rarely lands inside such a write (it lasts
 * milliseconds), so here SQLite itself refuses one row of the write, late, by a trigger put
 * into the project file: the write has begun, earlier rows are in, and then it fails. Without
 * the transaction around the write, those earlier rows would stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { writeExport } from '../../../electron/export';
import { readExportSnapshotFrom } from '../../../electron/export/snapshot';
import { tableHashes } from '../../support/project-snapshot';
import { corpusDir, tempDir } from '../../support/temp';
import { openAnnotatedProject } from '../export/annotated-project';
import { OTHER_TOOL_FIXTURE, zipFolder } from '../exchange/refi-qda-support';

const REFUSAL = 'the disk refused the write';
const volkogonov = fs.readFileSync(path.join(corpusDir, '002_10df7f476cedd2f2.txt'));

let exported: { jsonld: string; qdpx: Uint8Array };
const opened: { project: Project; cleanup: () => void }[] = [];

beforeAll(async () => {
  const annotated = await openAnnotatedProject();
  try {
    const snapshot = await readExportSnapshotFrom(annotated.client, { exportedAt: '2026-12-06T00:00:00.000Z' });
    exported = { jsonld: writeExport(snapshot, 'jsonld') as string, qdpx: writeExport(snapshot, 'qdpx') as Uint8Array };
  } finally {
    annotated.close();
  }
}, 60_000);
afterEach(() => {
  for (const { project, cleanup } of opened.splice(0)) {
    project.close();
    cleanup();
  }
});

/** A fresh project whose file refuses any new row of `table`, as a failing disk would at that point. */
function projectRefusingRowsOf(table: string): { project: Project; client: ApiClient } {
  const { dir, cleanup } = tempDir('sourcebench-write-failure-');
  const file = path.join(dir, 'p.sourcebench');
  Project.open(file, { corpusDir }).close();
  const db = new Database(file);
  db.exec(`CREATE TRIGGER test_refuses_rows BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
  db.close();
  const project = Project.open(file, { corpusDir });
  opened.push({ project, cleanup });
  return { project, client: createApiClient(createDispatch(createHandlers(project, 'cli'))) };
}

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe('a write that fails half-way leaves nothing of itself', () => {
  it('an import of the Volkogonov text whose last rows are refused adds no document, no version and no text', async () => {
    // The version's text is written after the document and its version rows.
    const { project, client } = projectRefusingRowsOf('version_texts');
    const before = tableHashes(project.path);
    const { jobId } = await client.startImport({ fileName: 'volkogonov-copy.txt', data: base64(volkogonov) });
    let job = await client.getImportJob({ jobId });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await client.getImportJob({ jobId });
    }
    expect(job.state).toBe('failed');
    expect(job.error?.message).toContain(REFUSAL);
    expect(tableHashes(project.path)).toEqual(before);
  }, 60_000);

  it('a W3C Web Annotation file whose highlights are refused at their tags adds no tag and no highlight', async () => {
    const { project, client } = projectRefusingRowsOf('annotation_tags');
    const before = tableHashes(project.path);
    await expect(client.importExchange({ fileName: 'notes.jsonld', data: base64(exported.jsonld) })).rejects.toThrow(REFUSAL);
    expect(tableHashes(project.path)).toEqual(before);
  });

  it('a REFI-QDA project whose highlights are refused at their tags adds none of its documents, codes or highlights', async () => {
    for (const qdpx of [exported.qdpx, zipFolder(OTHER_TOOL_FIXTURE)]) {
      const { project, client } = projectRefusingRowsOf('annotation_tags');
      const before = tableHashes(project.path);
      await expect(client.importExchange({ fileName: 'project.qdpx', data: base64(qdpx) })).rejects.toThrow(REFUSAL);
      expect(tableHashes(project.path)).toEqual(before);
    }
  });
});
