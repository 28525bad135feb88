/**
 * Source criticism per document: the Admiralty grade and the questions a historian asks of a
 * source, saved as undoable changes.
 */
import { describe, expect, it } from 'vitest';
import { useTestProject } from '../../support/project';

const fixture = useTestProject();

describe('source assessments', () => {
  it('record the Admiralty grade and the questions of source criticism, undoably', async () => {
    const empty = await fixture.client.getAssessment({ documentId: fixture.russian.id });
    expect(empty).toMatchObject({ reliability: null, authorship: '', updatedAt: null });
    await fixture.client.saveAssessment({ documentId: fixture.russian.id, reliability: 'C', authorship: 'Unknown; reads like a translation of a Western account' });
    await fixture.client.saveAssessment({ documentId: fixture.russian.id, tendency: 'Hostile to Stalin' });
    expect(await fixture.client.getAssessment({ documentId: fixture.russian.id })).toMatchObject({
      reliability: 'C',
      authorship: 'Unknown; reads like a translation of a Western account',
      tendency: 'Hostile to Stalin',
    });
    await fixture.client.undo({});
    expect(await fixture.client.getAssessment({ documentId: fixture.russian.id })).toMatchObject({ reliability: 'C', tendency: '' });
    await expect(fixture.client.saveAssessment({ documentId: fixture.russian.id, reliability: 'G' as never })).rejects.toMatchObject({ field: 'reliability' });
  });

  it('belong to a document that exists', async () => {
    await expect(fixture.client.getAssessment({ documentId: 'no-such-document' })).rejects.toMatchObject({ code: 'not_found', field: 'documentId' });
    await expect(fixture.client.saveAssessment({ documentId: 'no-such-document', reliability: 'A' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'documentId',
    });
    expect(await fixture.client.getHistory({})).toMatchObject({ canUndo: false });
  });
});
