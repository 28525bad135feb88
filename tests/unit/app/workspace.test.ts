/**
 * The workbench layout a project reopens with: the first sources side by side until a layout is
 * saved, then the saved one, which names only documents of the project. Not an undoable change.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT_SIZE } from '../../../shared/annotations';
import { useTestProject } from '../../support/project';

const fixture = useTestProject();

describe('the workspace', () => {
  it('opens a new project with its three sources side by side, in the system theme', async () => {
    const documents = await fixture.client.listDocuments({});
    expect(await fixture.client.getWorkspace({})).toEqual({
      panes: documents.map((document) => ({ documentId: document.id, scrollOffset: 0, width: null })),
      theme: 'system',
      fontSize: DEFAULT_FONT_SIZE,
      firstRunDismissed: false,
    });
  });

  it('gives back the layout saved, outside the undo history', async () => {
    const layout = {
      panes: [
        { documentId: fixture.volkogonov.id, scrollOffset: 120_000, width: 0.6 },
        { documentId: fixture.russian.id, scrollOffset: 0, width: 0.4 },
      ],
      theme: 'dark' as const,
      fontSize: 18,
      firstRunDismissed: true,
    };
    expect(await fixture.client.saveWorkspace(layout)).toEqual(layout);
    expect(await fixture.client.getWorkspace({})).toEqual(layout);
    expect(await fixture.client.getHistory({})).toMatchObject({ canUndo: false });
  });

  it('refuses a pane on a document the project does not have, and keeps the layout it had', async () => {
    const before = await fixture.client.getWorkspace({});
    const panes = [{ documentId: 'no-such-document', scrollOffset: 0, width: null }];
    await expect(fixture.client.saveWorkspace({ ...before, panes })).rejects.toMatchObject({ code: 'not_found', field: 'panes' });
    expect(await fixture.client.getWorkspace({})).toEqual(before);
  });
});
