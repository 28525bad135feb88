/**
 * Free text is bounded at the API: five notes of 62 MB each once made listAnnotations overflow
 * and left the project unopenable. An oversized note or an overcrowded claim is refused with a
 * message naming the field and the limit, and nothing of it is stored; at the limit it is kept.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES, type NoteDocument } from '../../../shared/annotations';
import { MAX_ACCOUNTS_PER_CLAIM } from '../../../shared/claims';
import { useTestProject } from '../../support/project';

const fixture = useTestProject();

/** A one-paragraph note whose JSON takes exactly `bytes` bytes of UTF-8. */
function noteOfBytes(bytes: number): NoteDocument {
  const note = (text: string): NoteDocument => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const frame = JSON.stringify(note('')).length;
  return note('a'.repeat(bytes - frame));
}

describe('the size of a note', () => {
  it('refuses a note over 1 MB, naming the field and the limit, and stores nothing', async () => {
    const { client, volkogonov } = fixture;
    const before = await client.listAnnotations({ documentId: volkogonov.id });
    const created = client.createAnnotation({ versionId: volkogonov.currentVersionId, start: 0, end: 10, note: noteOfBytes(MAX_NOTE_BYTES + 1) });
    await expect(created).rejects.toMatchObject({ code: 'invalid_input', field: 'note' });
    await expect(created).rejects.toThrow(/^Invalid input for createAnnotation: note: A note may take at most 1,000,000 bytes \(1 MB\); this one takes 1,000,001/);
    expect(await client.listAnnotations({ documentId: volkogonov.id })).toEqual(before);

    const kept = await client.createAnnotation({ versionId: volkogonov.currentVersionId, start: 0, end: 10 });
    await expect(client.updateAnnotation({ id: kept.id, note: noteOfBytes(MAX_NOTE_BYTES + 1) })).rejects.toThrow(/at most 1,000,000 bytes/);
    expect((await client.listAnnotations({ ids: [kept.id] }))[0]!.note).toBeNull();
  });

  it('keeps a note of exactly 1 MB', async () => {
    const { client, volkogonov } = fixture;
    const note = noteOfBytes(MAX_NOTE_BYTES);
    const created = await client.createAnnotation({ versionId: volkogonov.currentVersionId, start: 0, end: 10, note });
    expect((await client.listAnnotations({ ids: [created.id] }))[0]!.note).toEqual(note);
  });
});

describe('the number of accounts of a claim', () => {
  it(`keeps ${MAX_ACCOUNTS_PER_CLAIM} accounts and refuses one more, naming the limit`, { timeout: 180_000 }, async () => {
    const { client, project, volkogonov } = fixture;
    const { text } = await client.getVersionContent({ versionId: volkogonov.currentVersionId });
    const letters = [...text.matchAll(/\S/g)].map((match) => match.index);
    const highlight = (n: number) => project.annotations.create({ versionId: volkogonov.currentVersionId, start: letters[n]!, end: letters[n]! + 1 });
    const claim = await client.createClaim({ wording: 'Alliluyeva died in the night of 8–9 November 1932' });
    // All but the last account in one transaction: a thousand separate commits would only slow the test.
    project.transaction(() => {
      for (let i = 0; i < MAX_ACCOUNTS_PER_CLAIM - 1; i++) {
        project.claims.attach({ claimId: claim.id, annotationId: highlight(i).id, stance: 'supports' });
      }
    });
    const last = await client.attachAccount({ claimId: claim.id, annotationId: highlight(MAX_ACCOUNTS_PER_CLAIM).id, stance: 'supports' });
    expect(last.accounts).toHaveLength(MAX_ACCOUNTS_PER_CLAIM);

    const oneMore = client.attachAccount({ claimId: claim.id, annotationId: highlight(MAX_ACCOUNTS_PER_CLAIM + 1).id, stance: 'supports' });
    await expect(oneMore).rejects.toMatchObject({ code: 'invalid_input', field: 'claimId' });
    await expect(oneMore).rejects.toThrow(/the most one claim may have \(1,000\)/);
    const stored = (await client.listClaims({})).find((each) => each.id === claim.id)!;
    expect(stored.accounts).toHaveLength(MAX_ACCOUNTS_PER_CLAIM);
  });
});
