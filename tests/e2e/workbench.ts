/**
 * A browser host on a fresh project in a temporary folder, started once per worker, so the
 * end-to-end tests see exactly what a first-time user sees.
 */
import path from 'node:path';
import { test as base } from '@playwright/test';
import { DEFAULT_FONT_SIZE, type Annotation, type SourceAssessment, type SourceReliability, type Tag, type Workspace } from '../../shared/annotations';
import type { Claim } from '../../shared/claims';
import type { DocumentSummary } from '../../shared/domain';
import { TOKEN_HEADER, tokenHeaderValue } from '../../shared/security';
import { openNodeHost } from '../../electron/hosts/node-host';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/http/browser-host';
import { tempDir } from '../support/temp';

export interface Workbench {
  readonly server: BrowserHost;
  readonly projectPath: string;
}

/** A worker's own project, served by a browser host of its own; `name` names its temporary file. */
export function ownWorkbench(name: string): [(args: object, use: (workbench: Workbench) => Promise<void>) => Promise<void>, { scope: 'worker' }] {
  return [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use: (workbench: Workbench) => Promise<void>) => {
      const temp = tempDir(`sourcebench-${name}-`);
      const host = openNodeHost('browser', path.join(temp.dir, `${name}.sourcebench`), { dataDirectory: temp.dir });
      const server = await startBrowserHost({ dispatch: host.dispatch, rendererDir: host.layout.rendererDir });
      await use({ server, projectPath: host.project.path });
      await server.close();
      host.close();
      temp.cleanup();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<object, { workbench: Workbench }>({ workbench: ownWorkbench('e2e') });

export { expect } from '@playwright/test';

/** The workspace of a fresh project, for specs that put the layout back after changing it. */
export const DEFAULT_WORKSPACE: Workspace = { panes: [], theme: 'system', fontSize: DEFAULT_FONT_SIZE, firstRunDismissed: false };

/** Calls the API from the test process, with the host's token (to set up or clean up a test). */
export async function hostApi<T>(workbench: Workbench, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${workbench.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: tokenHeaderValue(workbench.server.token) },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

/**
 * What a spec finds in the project it shares with the other specs of its worker: the ids of the
 * highlights, claims and tags, and each source's grade, so it can put the project back as it was.
 */
export interface ProjectContents {
  readonly annotations: ReadonlySet<string>;
  readonly claims: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  readonly grades: ReadonlyMap<string, SourceReliability | null>;
}

export async function projectContents(workbench: Workbench): Promise<ProjectContents> {
  const grades = new Map<string, SourceReliability | null>();
  for (const document of await hostApi<DocumentSummary[]>(workbench, 'listDocuments')) {
    grades.set(document.id, (await hostApi<SourceAssessment>(workbench, 'getAssessment', { documentId: document.id })).reliability);
  }
  return {
    annotations: new Set((await hostApi<Annotation[]>(workbench, 'listAnnotations', {})).map((annotation) => annotation.id)),
    claims: new Set((await hostApi<Claim[]>(workbench, 'listClaims')).map((claim) => claim.id)),
    tags: new Set((await hostApi<Tag[]>(workbench, 'listTags')).map((tag) => tag.id)),
    grades,
  };
}

/** Takes away the claims, highlights and tags made since `before`, puts back the grades and the default layout. */
export async function restoreProject(workbench: Workbench, before: ProjectContents): Promise<void> {
  for (const claim of await hostApi<Claim[]>(workbench, 'listClaims')) {
    if (!before.claims.has(claim.id)) await hostApi(workbench, 'deleteClaim', { id: claim.id });
  }
  for (const annotation of await hostApi<Annotation[]>(workbench, 'listAnnotations', {})) {
    if (!before.annotations.has(annotation.id)) await hostApi(workbench, 'deleteAnnotation', { id: annotation.id });
  }
  for (const tag of await hostApi<Tag[]>(workbench, 'listTags')) {
    if (!before.tags.has(tag.id)) await hostApi(workbench, 'deleteTag', { id: tag.id });
  }
  for (const [documentId, reliability] of before.grades) {
    const now = await hostApi<SourceAssessment>(workbench, 'getAssessment', { documentId });
    if (now.reliability !== reliability) await hostApi(workbench, 'saveAssessment', { documentId, reliability });
  }
  await hostApi(workbench, 'saveWorkspace', DEFAULT_WORKSPACE);
}

/**
 * Hooks for a spec that changes the shared project: the default layout before each test, and
 * the project put back as it was found after each test or after the spec. Returns what was found.
 */
export function leaveProjectAsFound(when: 'after each test' | 'after the spec' = 'after the spec'): () => ProjectContents {
  let before: ProjectContents | null = null;
  test.beforeAll(async ({ workbench }) => {
    before = await projectContents(workbench);
  });
  test.beforeEach(async ({ workbench }) => {
    await hostApi(workbench, 'saveWorkspace', DEFAULT_WORKSPACE);
  });
  (when === 'after each test' ? test.afterEach : test.afterAll)(async ({ workbench }) => {
    if (before) await restoreProject(workbench, before);
  });
  return () => {
    if (!before) throw new Error('the project was not looked at yet (use this inside a test)');
    return before;
  };
}
