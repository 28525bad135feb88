/**
 * The two projects the app bench opens: the bundled corpus as a new user gets it, and the same
 * with a study's worth of work on the Volkogonov text (10,000 highlights, 1,000 claims of two
 * accounts each). The rows are written through the project's store in one transaction: the
 * services would take over a minute (each highlight made through them scans the 1.3 MB text for
 * its code-point offsets), and the rows are the same (the generator fills every field as they do).
 */
import path from 'node:path';
import type { Annotation } from '../../../shared/annotations';
import { Project } from '../../../electron/app/project';
import { openProjectDatabase } from '../../../electron/store/database';
import { openRepositories } from '../../../electron/store/repositories';
import { corpusDir, tempDir } from '../../support/temp';
import { annotationsOver, claimsOver } from '../generate';

export const HIGHLIGHTS = 10_000;
export const CLAIMS = 1_000;

export interface BenchProject {
  readonly label: string;
  readonly path: string;
  /** Highlights on the Volkogonov text (the sidebar counts them). */
  readonly highlights: number;
}

export interface BenchProjects {
  /** The bundled corpus, no annotations. */
  readonly none: BenchProject;
  readonly full: BenchProject;
  readonly cleanup: () => void;
}

/** The Volkogonov document is the third of the bundled sources, as the panes show them. */
export function volkogonovOf(project: Project) {
  const document = project.documents.list().find((candidate) => candidate.author?.includes('Volkogonov'));
  if (!document) throw new Error('the bundled corpus has no Volkogonov document');
  return document;
}

export function makeProjects(): BenchProjects {
  const temp = tempDir('sourcebench-bench-app-');
  try {
    const nonePath = path.join(temp.dir, 'none.sourcebench');
    Project.open(nonePath, { corpusDir }).close();

    const fullPath = path.join(temp.dir, 'full.sourcebench');
    const project = Project.open(fullPath, { corpusDir });
    let planned: Annotation[];
    try {
      const volkogonov = volkogonovOf(project);
      const text = project.documents.readingText(volkogonov.currentVersionId);
      planned = annotationsOver(text, volkogonov.id, volkogonov.currentVersionId, HIGHLIGHTS, 1, 'a');
    } finally {
      project.close();
    }
    const opened = openProjectDatabase(fullPath);
    try {
      const { annotations, claims } = openRepositories(opened.db);
      opened.db.transaction(() => {
        for (const annotation of planned) annotations.put(annotation);
        for (const { accounts, ...claim } of claimsOver(planned, CLAIMS)) {
          claims.put(claim);
          accounts.forEach((account, position) => claims.putAccount({ ...account, position }));
        }
      })();
    } finally {
      opened.db.close();
    }
    // Reopened as the app does (which also checks the rows it finds).
    const check = Project.open(fullPath, { corpusDir });
    try {
      const count = check.annotations.list(volkogonovOf(check).id).length;
      if (count !== HIGHLIGHTS) throw new Error(`the bench project has ${count} highlights, not ${HIGHLIGHTS}`);
    } finally {
      check.close();
    }
    return {
      none: { label: 'no annotations', path: nonePath, highlights: 0 },
      full: { label: `${HIGHLIGHTS.toLocaleString('en')} highlights, ${CLAIMS.toLocaleString('en')} claims`, path: fullPath, highlights: HIGHLIGHTS },
      cleanup: temp.cleanup,
    };
  } catch (error) {
    temp.cleanup();
    throw error;
  }
}
