/**
 * An open project: the database plus the repositories over it. Hosts hold one of these and hand
 * it to the API handlers; nothing else touches the database directly.
 */
import fs from 'node:fs';
import { seedBundledCorpus } from './corpus/seed';
import { openProjectDatabase, type OpenedDatabase } from './store/database';
import { DocumentRepository } from './store/documents';

export interface ProjectOptions {
  /** Folder with the bundled corpus and its manifest, used to seed a new project. */
  readonly corpusDir: string;
}

export class Project {
  readonly documents: DocumentRepository;

  private constructor(private readonly opened: OpenedDatabase) {
    this.documents = new DocumentRepository(opened.db);
  }

  static open(filePath: string, options: ProjectOptions): Project {
    const opened = openProjectDatabase(filePath, {});
    const project = new Project(opened);
    if (opened.created) {
      try {
        seedBundledCorpus(project.documents, options.corpusDir);
      } catch (error) {
        // A half-seeded new project is worse than none: remove what this call created.
        project.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(opened.path + suffix, { force: true });
        throw error;
      }
    }
    return project;
  }

  get path(): string {
    return this.opened.path;
  }

  get schemaVersion(): number {
    return this.opened.schemaVersion;
  }

  get backupPath(): string | null {
    return this.opened.backupPath;
  }

  close(): void {
    if (this.opened.db.open) this.opened.db.close();
  }
}
