/**
 * The renderer's stores over a real project: they hold only the highlights the workbench shows
 * (the open documents', and those claims point to), and after a change, undo or redo they apply
 * what the history says changed instead of reading every annotation again (with 100,000
 * highlights that reload took seconds and 60 MB after every Ctrl+Z).
 */
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiInput } from '../../../shared/api';
import { AnnotationStore } from '../../../renderer/src/state/annotation-store';
import { ClaimStore } from '../../../renderer/src/state/claim-store';
import { CodebookStore } from '../../../renderer/src/state/codebook-store';
import { HistoryStore } from '../../../renderer/src/state/history-store';
import { passageOf, useTestProject } from '../../support/project';

const fixture = useTestProject();

/** The stores as the workbench makes them, over a client that records every listAnnotations call. */
function renderer() {
  const listings: ApiInput<'listAnnotations'>[] = [];
  const client = new Proxy(fixture.client, {
    get(target, method: keyof ApiClient) {
      if (method !== 'listAnnotations') return target[method];
      return (input: ApiInput<'listAnnotations'>) => {
        listings.push(input);
        return target.listAnnotations(input);
      };
    },
  });
  const history = new HistoryStore(client);
  const claims = new ClaimStore(client, history);
  const annotations = new AnnotationStore(client, history, claims);
  const codebook = new CodebookStore(client, history);
  return { listings, history, claims, annotations, codebook };
}

const idsOf = (store: AnnotationStore) => store.getSnapshot().annotations.map((annotation) => annotation.id);

describe('the renderer holds only what it shows', () => {
  it('loads the highlights of the open documents, not the whole project', async () => {
    const russian = await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Надежда Аллилуева'));
    await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.volkogonov, 'Dzhugashvili'));
    const { listings, history, annotations } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);

    expect(idsOf(annotations)).toEqual([russian.id]);
    // The orphans of every document are read too: the Orphans tab lists them all, to be re-attached.
    expect(listings).toEqual([{ status: 'orphan' }, { documentId: fixture.russian.id }]);
  });

  it('asks for the open documents\' highlights at once, not after the load in progress (at start it holds them back by a second)', async () => {
    const russian = await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Надежда Аллилуева'));
    const { listings, history, annotations } = renderer();
    let finishLoad!: () => void;
    const gate = new Promise<void>((resolve) => (finishLoad = resolve));
    const loading = history.queue(() => gate);
    const shown = annotations.showDocuments([fixture.russian.id]);
    // Asked for while the load is still running…
    expect(listings).toEqual([{ documentId: fixture.russian.id }]);
    finishLoad();
    await Promise.all([loading, shown]);
    // …and used, not read again.
    expect(listings).toEqual([{ documentId: fixture.russian.id }]);
    expect(idsOf(annotations)).toEqual([russian.id]);
  });

  it('reads the list again in its turn when a sync came between (a change the early list missed is not lost)', async () => {
    const { listings, history, annotations } = renderer();
    await history.reloadAll();
    let finishStep!: () => void;
    const gate = new Promise<void>((resolve) => (finishStep = resolve));
    const step = history.queue(() => gate);
    // A sync waiting its turn, then the document opened: its list is read at once…
    const synced = history.sync();
    const shown = annotations.showDocuments([fixture.russian.id]);
    // …before this change, which the sync then sees while the document is not loaded yet.
    const made = await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Киров был убит'));
    finishStep();
    await Promise.all([step, shown, synced]);
    expect(listings.filter((input) => input.documentId === fixture.russian.id)).toHaveLength(2);
    expect(idsOf(annotations)).toEqual([made.id]);
  });

  it('reads the highlights claims point to in documents no pane shows, by id', async () => {
    const elsewhere = await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.volkogonov, 'Dzhugashvili'));
    await fixture.client.createClaim({ wording: 'Stalin was born Dzhugashvili', account: { annotationId: elsewhere.id, stance: 'supports' } });
    const { listings, history, annotations } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);
    await history.queue(async () => undefined);

    expect(idsOf(annotations)).toEqual([elsewhere.id]);
    expect(listings).toContainEqual({ ids: [elsewhere.id] });
    expect(listings).not.toContainEqual({});
  });
});

describe('changes, undo and redo send what changed', () => {
  it('undo and redo of a highlight touch that highlight only: no listing, the others keep their identity', async () => {
    await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Надежда Аллилуева'));
    const { listings, history, annotations } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);
    const [kept] = annotations.getSnapshot().annotations;
    listings.length = 0;

    const added = await annotations.create(await passageOf(fixture.client, fixture.russian, 'Киров был убит'));
    expect(idsOf(annotations)).toEqual([kept!.id, added.id]);
    await history.undo();
    expect(idsOf(annotations)).toEqual([kept!.id]);
    expect(history.getSnapshot()).toMatchObject({ canRedo: true });
    await history.redo();
    expect(idsOf(annotations)).toEqual([kept!.id, added.id]);
    expect(annotations.getSnapshot().annotations[0]).toBe(kept);
    expect(listings).toEqual([]);
  });

  it('a merge of tags retags the loaded highlights and recounts the codebook, without a listing', async () => {
    const murder = await fixture.client.createTag({ name: 'Murder' });
    const death = await fixture.client.createTag({ name: 'Death' });
    const kirov = await fixture.client.createAnnotation({ ...(await passageOf(fixture.client, fixture.russian, 'Киров был убит')), tagIds: [murder.id] });
    const { listings, history, annotations, codebook } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);
    listings.length = 0;

    await codebook.change((client) => client.mergeTags({ fromId: murder.id, intoId: death.id }));
    expect(annotations.getSnapshot().annotations.find((a) => a.id === kirov.id)!.tagIds).toEqual([death.id]);
    expect(codebook.getSnapshot().tags.map((tag) => [tag.name, tag.count])).toEqual([['Death', 1]]);
    await history.undo();
    expect(annotations.getSnapshot().annotations.find((a) => a.id === kirov.id)!.tagIds).toEqual([murder.id]);
    expect(codebook.getSnapshot().tags.map((tag) => tag.name).sort()).toEqual(['Death', 'Murder']);
    expect(listings).toEqual([]);
  });

  it('deleting a highlight takes its account out of the claims; undo brings both back', async () => {
    const { history, annotations, claims } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);
    const highlight = await annotations.create(await passageOf(fixture.client, fixture.russian, 'Надежда Аллилуева'));
    await claims.createClaim({ wording: 'Alliluyeva shot herself', account: { annotationId: highlight.id, stance: 'supports' } });

    await annotations.remove(highlight.id);
    expect(claims.getSnapshot().claims[0]!.accounts).toEqual([]);
    await history.undo();
    expect(claims.getSnapshot().claims[0]!.accounts.map((account) => account.annotationId)).toEqual([highlight.id]);
    expect(idsOf(annotations)).toEqual([highlight.id]);
  });

  it('a change made elsewhere (another pane, the CLI over the same host) arrives with the next sync', async () => {
    const { history, annotations } = renderer();
    await history.reloadAll();
    await annotations.showDocuments([fixture.russian.id]);
    const other = await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Киров был убит'));
    await history.sync();
    expect(idsOf(annotations)).toEqual([other.id]);
  });

  it('a renderer whose revision the history no longer knows reads everything again', async () => {
    const { listings, history, annotations } = renderer();
    await annotations.showDocuments([fixture.russian.id]);
    listings.length = 0;
    // The history was never read: its epoch is not the project's.
    await fixture.client.createAnnotation(await passageOf(fixture.client, fixture.russian, 'Киров был убит'));
    await history.sync();
    expect(listings).toEqual([{ documentId: fixture.russian.id }, { status: 'orphan' }]);
    expect(idsOf(annotations)).toHaveLength(1);
  });
});
