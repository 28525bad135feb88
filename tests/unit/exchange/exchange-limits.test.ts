/**
 * Issue 14: an exchange file is held to the limits a user is held to at the API. A W3C Web
 * Annotation file from another tool (or edited by hand) with a 5 MB note, or with 5,000 accounts
 * for one claim, is refused whole with a message saying what and where, and nothing of it is
 * imported. The files are a real export of this version, then enlarged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import { MAX_ACCOUNTS_PER_CLAIM, MAX_NOTE_BYTES } from '../../../shared/limits';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { corpusDir, tempDir } from '../../support/temp';
import { contentsOf, OTHER_TOOL_FIXTURE, zipFolder } from './refi-qda-support';

interface Opened {
  project: Project;
  client: ApiClient;
  cleanup: () => void;
}
const opened: Opened[] = [];

function open(): Opened {
  const { dir, cleanup } = tempDir('sourcebench-exchange-limits-');
  const project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
  const made = { project, client: createApiClient(createDispatch(createHandlers(project, 'cli'))), cleanup };
  opened.push(made);
  return made;
}
afterEach(() => {
  for (const { project, cleanup } of opened.splice(0)) {
    project.close();
    cleanup();
  }
});

type Item = { id: string; body: Record<string, unknown>[]; [key: string]: unknown };
let exported: { 'sb:claims': { 'sb:accounts': string[] }[]; first: { items: Item[] }; total: number; [key: string]: unknown };

beforeAll(async () => {
  const { client } = open();
  const [russian] = await client.listDocuments({});
  const note = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Her brother says otherwise.' }] }] };
  const highlight = await client.createAnnotation({ versionId: russian!.currentVersionId, start: 0, end: 20, note });
  await client.createClaim({ wording: 'Alliluyeva shot herself', account: { annotationId: highlight.id, stance: 'supports' } });
  exported = JSON.parse((await client.exportNotes({ format: 'jsonld' })).content);
}, 60_000);

async function importInto(target: Opened, file: unknown): Promise<unknown> {
  return target.client.importExchange({ fileName: 'other-tool.jsonld', data: Buffer.from(JSON.stringify(file)).toString('base64') });
}

async function contents(client: ApiClient): Promise<unknown> {
  return { annotations: await client.listAnnotations({}), tags: await client.listTags({}), claims: await client.listClaims({}), history: await client.getHistory({}) };
}

describe('an exchange file over the limits of the API', () => {
  it('refuses a 5 MB note, importing nothing', async () => {
    const file = structuredClone(exported);
    const text = 'From another tool. '.padEnd(5_000_000, 'a');
    const body = file.first.items[0]!.body.find((each) => each.purpose === 'commenting')!;
    body['sb:note'] = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    body.value = `<p>${text}</p>`;
    const target = open();
    const before = await contents(target.client);
    const result = importInto(target, file);
    await expect(result).rejects.toMatchObject({ code: 'invalid_input', field: 'data' });
    await expect(result).rejects.toThrow(/^other-tool\.jsonld cannot be imported: the note on “Вторая жена Сталина,” takes 5,000,\d{3} bytes, over the limit of 1,000,000 \(1 MB\)\. Nothing was imported\.$/);
    expect(await contents(target.client)).toEqual(before);
  });

  it(`refuses a claim with 5,000 accounts (the most is ${MAX_ACCOUNTS_PER_CLAIM.toLocaleString('en')}), importing nothing`, { timeout: 60_000 }, async () => {
    const file = structuredClone(exported);
    const [item] = file.first.items;
    // Each copy is another highlight of the same passage, with its own account of the claim.
    file.first.items = Array.from({ length: 5_000 }, (_, i) => {
      const copy = structuredClone(item!);
      const hex = i.toString(16).padStart(12, '0');
      copy.id = `urn:uuid:00000000-0000-4000-8000-${hex}`;
      copy.body = copy.body.map((each) => (each.purpose === 'assessing' ? { ...each, id: `urn:uuid:11111111-0000-4000-8000-${hex}` } : each));
      return copy;
    });
    file.total = file.first.items.length;
    file['sb:claims'][0]!['sb:accounts'] = file.first.items.map((each) => each.body.find((body) => body.purpose === 'assessing')!.id as string);
    const target = open();
    const before = await contents(target.client);
    const result = importInto(target, file);
    await expect(result).rejects.toThrow(/^other-tool\.jsonld cannot be imported: a claim would have more than 1,000 accounts, the most one claim may have\. Nothing was imported\.$/);
    expect(await contents(target.client)).toEqual(before);
  });

  it(`still imports a note of 1 MB (the limit, ${MAX_NOTE_BYTES.toLocaleString('en')} bytes)`, async () => {
    const file = structuredClone(exported);
    const body = file.first.items[0]!.body.find((each) => each.purpose === 'commenting')!;
    const frame = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }).length;
    const text = 'a'.repeat(MAX_NOTE_BYTES - frame);
    body['sb:note'] = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    body.value = `<p>${text}</p>`;
    const target = open();
    await importInto(target, file);
    const [imported] = await target.client.listAnnotations({});
    expect(imported!.noteText).toBe(text);
  });

  it('refuses a REFI-QDA project whose source has a title of 1,999 characters, adding no document', async () => {
    const { dir, cleanup } = tempDir('sourcebench-qdpx-title-');
    try {
      fs.cpSync(OTHER_TOOL_FIXTURE, dir, { recursive: true });
      const qde = path.join(dir, 'project.qde');
      fs.writeFileSync(qde, fs.readFileSync(qde, 'utf8').replace('name="Interview 1"', `name="${'Interview '.repeat(200)}"`));
      const target = open();
      const before = contentsOf(target.project);
      const result = target.client.importExchange({ fileName: 'other-tool.qdpx', data: Buffer.from(zipFolder(dir)).toString('base64') });
      await expect(result).rejects.toThrow(/^other-tool\.qdpx cannot be imported: a source's title takes 1,999 characters, over the limit of 1,000\. Nothing was imported\.$/);
      expect(contentsOf(target.project)).toEqual(before);
    } finally {
      cleanup();
    }
  });
});
