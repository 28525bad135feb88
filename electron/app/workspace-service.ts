/**
 * The workbench layout a project reopens with: its panes, theme and font size. Saved as a
 * setting, outside the undo history (moving a pane is no change to the research).
 */
import { DEFAULT_FONT_SIZE, Workspace as WorkspaceSchema, type Workspace } from '../../shared/annotations';
import type { AnnotationRows } from '../store/annotations';
import type { DocumentRepository } from '../store/documents';
import type { Repositories } from '../store/repositories';

const WORKSPACE_SETTING = 'workspace';
/** Panes a project opens with before any layout was saved. */
const FIRST_PANES = 3;

export class WorkspaceService {
  private readonly settings: AnnotationRows;
  private readonly documents: DocumentRepository;

  constructor(repositories: Pick<Repositories, 'annotations' | 'documents'>) {
    this.settings = repositories.annotations;
    this.documents = repositories.documents;
  }

  /** The saved layout without panes of documents that are gone; the first documents where none is left. */
  get(): Workspace {
    const documents = this.documents.list();
    const stored = this.settings.setting(WORKSPACE_SETTING);
    const parsed = stored ? WorkspaceSchema.safeParse(JSON.parse(stored)) : null;
    const known = new Set(documents.map((document) => document.id));
    if (parsed?.success) {
      const panes = parsed.data.panes.filter((pane) => known.has(pane.documentId));
      if (panes.length > 0) return { ...parsed.data, panes };
    }
    return {
      panes: documents.slice(0, FIRST_PANES).map((document) => ({ documentId: document.id, scrollOffset: 0, width: null })),
      theme: parsed?.success ? parsed.data.theme : 'system',
      fontSize: parsed?.success ? parsed.data.fontSize : DEFAULT_FONT_SIZE,
      firstRunDismissed: parsed?.success ? parsed.data.firstRunDismissed : false,
    };
  }

  save(workspace: Workspace): Workspace {
    for (const pane of workspace.panes) this.documents.checkDocument(pane.documentId, 'panes');
    this.settings.putSetting(WORKSPACE_SETTING, JSON.stringify(workspace));
    return workspace;
  }
}
