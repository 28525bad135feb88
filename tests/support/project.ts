/** A project in a temporary folder with an API client over it, as the unit tests of app/ use it. */
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ApiClient } from '../../shared/api';
import { createApiClient } from '../../shared/client';
import { createDispatch } from '../../shared/dispatch';
import type { DocumentSummary } from '../../shared/domain';
import { createHandlers } from '../../electron/app/project-session';
import { Project } from '../../electron/app/project';
import { corpusDir, tempDir } from './temp';

export interface TestProject {
  readonly project: Project;
  readonly client: ApiClient;
  /** The bundled sources: the Russian account, the English article, Volkogonov's biography. */
  readonly russian: DocumentSummary;
  readonly volkogonov: DocumentSummary;
  readonly close: () => void;
}

async function openTestProject(): Promise<TestProject> {
  const { dir, cleanup } = tempDir();
  const project = Project.open(path.join(dir, 'p.sourcebench'), { corpusDir });
  const client = createApiClient(createDispatch(createHandlers(project, 'cli')));
  const [russian, , volkogonov] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary, DocumentSummary];
  return {
    project,
    client,
    russian,
    volkogonov,
    close: () => {
      project.close();
      cleanup();
    },
  };
}

/**
 * A fresh project for every test of the calling file (opened before each, closed after each):
 * read its parts inside a test, e.g. `fixture.client`.
 */
export function useTestProject(): Omit<TestProject, 'close'> {
  let opened: TestProject | undefined;
  beforeEach(async () => {
    opened = await openTestProject();
  });
  afterEach(() => opened?.close());
  const current = (): TestProject => {
    if (!opened) throw new Error('The test project is open only inside a test');
    return opened;
  };
  return {
    get project() {
      return current().project;
    },
    get client() {
      return current().client;
    },
    get russian() {
      return current().russian;
    },
    get volkogonov() {
      return current().volkogonov;
    },
  };
}

/** The range of the first occurrence of `words` in a document's current reading text. */
export async function passageOf(client: ApiClient, document: DocumentSummary, words: string) {
  const text = (await client.getVersionContent({ versionId: document.currentVersionId })).text;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in ${document.title}`);
  return { versionId: document.currentVersionId, start, end: start + words.length };
}
