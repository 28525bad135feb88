/**
 * A project survives its process being killed at any moment (SIGKILL: no handler runs, no
 * close): a writer of annotations, claims and tag changes killed fifty times, a project killed
 * while it migrates, an import killed half-way. After each kill the file opens, SQLite finds it
 * consistent, every write the API acknowledged is there with its content, and no write is there
 * in part. The moments are drawn from a seed printed at the start (replay with CRASH_SEED=N).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { ApiClient } from '../../../shared/api';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { migrations } from '../../../electron/store/migrations';
import {
  bundleCrashChild,
  CRASH_TAG_PREFIX,
  CrashChild,
  crashSeed,
  MOVING_TAG,
  PARENT_TAGS,
  sleep,
  type CrashWrite,
} from '../../support/crash';
import { seededRandom } from '../../support/seeded-random';
import { corpusDir, tempDir } from '../../support/temp';

const seed = crashSeed();
const random = seededRandom(seed);
console.log(`crash-safety: seed ${seed} (replay with CRASH_SEED=${seed})`);

const WRITER_KILLS = Number(process.env.CRASH_WRITER_KILLS ?? 50);
const MIGRATION_KILLS = 6;
const IMPORT_KILLS = 5;
const LATEST = migrations.length;

let bundle: { file: string; remove: () => void };
const temp = tempDir('sourcebench-crash-');
beforeAll(async () => {
  bundle = await bundleCrashChild();
}, 60_000);
afterAll(() => {
  bundle?.remove();
  temp.cleanup();
});

function openClient(file: string): { project: Project; client: ApiClient } {
  const project = Project.open(file, { corpusDir });
  return { project, client: createApiClient(createDispatch(createHandlers(project, 'cli'))) };
}

/** What SQLite says of the file as the kill left it (a pending WAL is rolled forward or back). */
function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Starts children ahead of need: each loads its code while the previous round runs. */
function childQueue(args: () => readonly string[]): { take: () => CrashChild; stop: () => Promise<unknown> } {
  let next = new CrashChild(bundle.file, args());
  return {
    take: () => {
      const current = next;
      next = new CrashChild(bundle.file, args());
      return current;
    },
    // The child loaded ahead for a round that will not come.
    stop: () => next.kill(),
  };
}

describe('a project killed with SIGKILL', () => {
  it(`keeps every acknowledged annotation, claim and tag change through ${WRITER_KILLS} kills of a writer, and none in part`, async () => {
    const file = path.join(temp.dir, 'writer.sourcebench');
    const begun = new Map<string, CrashWrite>();
    const acknowledged: CrashWrite[] = [];
    {
      const { project, client } = openClient(file);
      const parent = await client.createTag({ name: PARENT_TAGS[0] });
      await client.createTag({ name: PARENT_TAGS[1] });
      const moving = await client.createTag({ name: MOVING_TAG, parentId: parent.id });
      acknowledged.push({ kind: 'tag', id: moving.id, name: moving.name, parentId: parent.id });
      // Thirty tags on every highlight: a write of thirty-one rows, which must land whole or not at all.
      for (let index = 0; index < 30; index++) await client.createTag({ name: `${CRASH_TAG_PREFIX}${index}` });
      project.close();
    }

    let round = 0;
    const { take, stop } = childQueue(() => ['write', file, String(round++)]);
    let killedBeforeReady = 0;
    for (let kill = 0; kill < WRITER_KILLS; kill++) {
      const child = take();
      child.go();
      // One kill in eight while the project opens; the others while it writes.
      if (random() < 0.125) {
        await sleep(random() * 150);
        killedBeforeReady++;
      } else {
        await child.waitFor('ready');
        await sleep(50 + random() * 450);
      }
      const lines = await child.kill();
      let inFlight: CrashWrite | null = null;
      for (const line of lines) {
        if (line.phase === 'begin') {
          begun.set(markerOf(line.write), line.write);
          inFlight = line.write;
        } else if (line.phase === 'ack') {
          acknowledged.push(line.write);
          inFlight = null;
        }
      }

      expect(integrity(file), `integrity after kill ${kill} (seed ${seed})`).toBe('ok');
      const { project, client } = openClient(file);
      try {
        await expectAcknowledgedWrites(client, acknowledged, begun, inFlight, `kill ${kill} (seed ${seed})`);
      } finally {
        project.close();
      }
    }
    await stop();
    console.log(
      `crash-safety: ${WRITER_KILLS} kills (${killedBeforeReady} while opening), ${acknowledged.length} acknowledged writes, all present`,
    );
    expect(acknowledged.length).toBeGreaterThan(WRITER_KILLS);
  }, 240_000);

  it('leaves a project killed while it migrates at its old schema or its new one, never in between, with its data', async () => {
    const template = path.join(temp.dir, 'schema4.sourcebench');
    const annotationCount = buildSchema4Project(template);
    const file = path.join(temp.dir, 'migrating.sourcebench');
    const fresh = () => {
      for (const name of fs.readdirSync(temp.dir)) if (name.startsWith('migrating')) fs.rmSync(path.join(temp.dir, name));
      fs.copyFileSync(template, file);
    };

    // One uncut run tells how long opening (backup and migration) takes here.
    const { take, stop } = childQueue(() => ['open', file]);
    fresh();
    const timed = take();
    timed.go();
    const opening = (await timed.waitFor('opened')).at - (await timed.waitFor('ready')).at;
    await timed.ended();
    expectMigrated(file, annotationCount);

    const outcomes = { old: 0, oldWithBackup: 0, migrated: 0 };
    for (let kill = 0; kill < MIGRATION_KILLS; kill++) {
      fresh();
      const child = take();
      child.go();
      await child.waitFor('ready');
      // Spread over the opening, so the kills fall in the backup, the migration and its commit.
      await sleep(1.3 * opening * ((kill + random()) / MIGRATION_KILLS));
      await child.kill();
      const label = `migration kill ${kill} (seed ${seed})`;
      expect(integrity(file), label).toBe('ok');
      const version = schemaVersion(file);
      if (version === 4) {
        expectUnmigrated(file, annotationCount);
        outcomes.old++;
        if (fs.readdirSync(temp.dir).some((name) => name.startsWith('migrating.backup-schema4'))) outcomes.oldWithBackup++;
      } else {
        expect(version, label).toBe(LATEST);
        expectMigrated(file, annotationCount);
        outcomes.migrated++;
      }
      // Opened again, it finishes the migration and has every annotation.
      Project.open(file, { corpusDir }).close();
      expectMigrated(file, annotationCount);
    }
    await stop();
    console.log(`crash-safety: ${MIGRATION_KILLS} kills in a ${Math.round(opening)} ms migration:`, outcomes);
    // A kill after the backup was taken and before the commit is the case a migration in parts would fail.
    expect(outcomes.oldWithBackup).toBeGreaterThan(0);
  }, 180_000);

  it('leaves the whole imported document or none of it after a kill during an import of the 1.3 MB Volkogonov text', async () => {
    const volkogonov = path.join(corpusDir, '002_10df7f476cedd2f2.txt');
    const template = path.join(temp.dir, 'before-import.sourcebench');
    Project.open(template, { corpusDir }).close();
    const file = path.join(temp.dir, 'importing.sourcebench');
    const fresh = () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      fs.copyFileSync(template, file);
    };

    const { take, stop } = childQueue(() => ['import', file, volkogonov]);
    fresh();
    const timed = take();
    timed.go();
    const importing = (await timed.waitFor('done')).at - (await timed.waitFor('ready')).at;
    const whole = await importedDocument(file);
    expect(whole).not.toBeNull();

    const outcomes = { none: 0, whole: 0 };
    for (let kill = 0; kill < IMPORT_KILLS; kill++) {
      fresh();
      const child = take();
      child.go();
      await child.waitFor('ready');
      // Most of an import is reading the file; the kills crowd towards its end, where it writes.
      await sleep(importing * (0.2 + 0.8 * ((kill + random()) / IMPORT_KILLS)));
      await child.kill();
      const label = `import kill ${kill} (seed ${seed})`;
      expect(integrity(file), label).toBe('ok');
      const found = await importedDocument(file);
      if (found === null) outcomes.none++;
      else {
        expect(found, label).toEqual(whole);
        outcomes.whole++;
      }
    }
    await stop();
    console.log(`crash-safety: ${IMPORT_KILLS} kills in a ${Math.round(importing)} ms import:`, outcomes);
  }, 180_000);
});

function markerOf(write: CrashWrite): string {
  return write.kind === 'annotation' ? write.marker : write.kind === 'claim' ? write.wording : write.name;
}

/**
 * Every acknowledged write is there as it was made; whatever else the writer began (the call the
 * kill interrupted) is there whole or not at all; the moved tag is as the last acknowledged
 * change left it, or as the interrupted one would.
 */
async function expectAcknowledgedWrites(
  client: ApiClient,
  acknowledged: readonly CrashWrite[],
  begun: ReadonlyMap<string, CrashWrite>,
  inFlight: CrashWrite | null,
  label: string,
): Promise<void> {
  const [document] = await client.listDocuments({});
  const annotations = new Map((await client.listAnnotations({ documentId: document!.id })).map((annotation) => [annotation.id, annotation]));
  const claims = new Map((await client.listClaims({})).map((claim) => [claim.id, claim]));
  const tags = await client.listTags({});
  let lastTag: CrashWrite | null = null;
  for (const write of acknowledged) {
    if (write.kind === 'annotation') {
      const found = annotations.get(write.id!);
      expect(found?.noteText, `${label}: acknowledged annotation "${write.marker}"`).toBe(write.marker);
    } else if (write.kind === 'claim') {
      expect(claims.get(write.id!)?.wording, `${label}: acknowledged claim "${write.wording}"`).toBe(write.wording);
    } else lastTag = write;
  }
  for (const annotation of annotations.values()) {
    const intent = begun.get(annotation.noteText);
    if (!intent || intent.kind !== 'annotation') continue;
    expect(
      { start: annotation.start, end: annotation.end, tagIds: annotation.tagIds, credibility: annotation.credibility },
      `${label}: annotation "${intent.marker}"`,
    ).toEqual({ start: intent.start, end: intent.end, tagIds: intent.tagIds, credibility: intent.credibility });
  }
  for (const claim of claims.values()) {
    const intent = begun.get(claim.wording);
    if (!intent || intent.kind !== 'claim') continue;
    expect(
      claim.accounts.map((account) => account.annotationId),
      `${label}: claim "${claim.wording}" with its account`,
    ).toEqual([intent.annotationId]);
  }
  const moving = tags.find((tag) => tag.name.startsWith(MOVING_TAG))!;
  const allowed = [lastTag, inFlight?.kind === 'tag' ? inFlight : null]
    .filter((write): write is Extract<CrashWrite, { kind: 'tag' }> => write?.kind === 'tag')
    .map((write) => ({ name: write.name, parentId: write.parentId }));
  expect(allowed, `${label}: the renamed and moved tag`).toContainEqual({ name: moving.name, parentId: moving.parentId });
}

/**
 * A project as schema 4 left it, with highlights whose quote selectors are stale (what migration
 * 5 rewrites): the current schema, taken back step by step from 8 to 4. Returns how many
 * highlights it has.
 */
function buildSchema4Project(file: string): number {
  Project.open(file, { corpusDir }).close();
  const db = new Database(file);
  const count = 10_000;
  try {
    const version = db
      .prepare("SELECT v.id, v.document_id, length(t.text) AS length FROM document_versions v JOIN version_texts t ON t.version_id = v.id ORDER BY length(t.text) DESC LIMIT 1")
      .get() as { id: string; document_id: string; length: number };
    const insert = db.prepare(
      `INSERT INTO annotations (id, document_id, version_id, status, start, "end", exact, prefix, suffix, position_start, position_end, color, note_text, created_at, updated_at)
       VALUES (?, ?, ?, 'anchored', ?, ?, '', '', '', 0, 0, 'yellow', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    db.transaction(() => {
      for (let index = 0; index < count; index++) {
        const start = Math.floor((index * 104_729) % (version.length - 200));
        insert.run(`stale-${index}`, version.document_id, version.id, start, start + 20 + (index % 90));
      }
    })();
    // Back from 8 to 4: the search index (6) and the indexes of 7 go, the index 8 dropped returns.
    for (const { type, name } of db.prepare("SELECT type, name FROM sqlite_master WHERE name LIKE 'search_%' AND type IN ('trigger', 'table')").all() as { type: string; name: string }[]) {
      if (type === 'trigger') db.exec(`DROP TRIGGER ${name}`);
    }
    db.exec(`
      DROP TABLE search_passages; DROP TABLE search_items;
      DROP TABLE search_versions; DROP TABLE search_item_rows; DROP TABLE search_stale_items;
      DROP INDEX annotations_by_document; DROP INDEX tags_by_parent;
      CREATE INDEX annotations_by_place ON annotations (document_id, version_id, start);
    `);
    db.pragma('user_version = 4');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  return count;
}

function schemaVersion(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

/** Every highlight with its selectors as migration 5 writes them, and the search tables of 6. */
function expectMigrated(file: string, count: number): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    // Compared here, not with SQL's substr, which walks a 1.3 MB text from its start for every row.
    const texts = new Map<string, string>();
    const rows = db.prepare(`SELECT version_id, start, "end", exact FROM annotations WHERE id LIKE 'stale-%'`).all() as { version_id: string; start: number; end: number; exact: string }[];
    const textOf = (versionId: string) => {
      if (!texts.has(versionId)) texts.set(versionId, db.prepare('SELECT text FROM version_texts WHERE version_id = ?').pluck().get(versionId) as string);
      return texts.get(versionId)!;
    };
    expect(rows).toHaveLength(count);
    expect(rows.filter((row) => row.exact !== textOf(row.version_id).slice(row.start, row.end))).toHaveLength(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_passages'").pluck().get()).toBe(1);
  } finally {
    db.close();
  }
}

/** Nothing of the migration: every highlight's stale selectors, no search tables. */
function expectUnmigrated(file: string, count: number): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare(`SELECT count(*) FROM annotations WHERE id LIKE 'stale-%' AND exact = ''`).pluck().get()).toBe(count);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_%'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'annotations_by_place'").pluck().get()).toBe(1);
  } finally {
    db.close();
  }
}

/** The imported document as the project holds it (record, raw bytes and reading text), or null. */
async function importedDocument(file: string): Promise<unknown> {
  const { project, client } = openClient(file);
  try {
    const documents = await client.listDocuments({});
    const imported = documents.filter((document) => document.title === 'crash import');
    if (imported.length === 0) {
      expect(documents).toHaveLength(3);
      return null;
    }
    expect(imported).toHaveLength(1);
    const content = await client.getVersionContent({ versionId: imported[0]!.currentVersionId });
    const { id: _id, currentVersionId: _version, ...record } = imported[0]!;
    return { record, text: content.text, blocks: content.blocks.length, versions: documents.length };
  } finally {
    project.close();
  }
}

