/**
 * An open project: the database plus the repositories over it. Hosts hold one of these and hand
 * it to the API handlers; nothing else touches the database directly.
 */
import fs from 'node:fs';
import { normalize, NORMALIZER } from '../../shared/text/normalize';
import { bundledEntry, seedBundledCorpus } from '../corpus/seed';
import { ProjectFileError } from '../store/database';
import { openProjectDatabase, type OpenedDatabase } from '../store/database';
import { AnnotationService } from './annotation-service';
import { ChangeHistory } from './change-history';
import { ClaimService } from './claim-service';
import { decodeRaw, DocumentRepository, type AddedVersion, type NewVersion } from '../store/documents';

export interface ProjectOptions {
  /** Folder with the bundled corpus and its manifest, used to seed a new project. */
  readonly corpusDir: string;
}

export class Project {
  readonly documents: DocumentRepository;
  /** One undo history for annotations, tags, assessments and claims alike, in the order made. */
  readonly history: ChangeHistory;
  readonly annotations: AnnotationService;
  readonly claims: ClaimService;

  private constructor(private readonly opened: OpenedDatabase) {
    this.documents = new DocumentRepository(opened.db);
    this.history = new ChangeHistory(opened.db);
    this.annotations = new AnnotationService(opened.db, this.documents, this.history);
    this.claims = new ClaimService(opened.db, this.history);
  }

  /**
   * Adds a new version of a document and re-anchors the document's annotations on it, in one
   * transaction: the old version stays, and no annotation is ever left pointing at nothing.
   */
  addVersion(documentId: string, version: NewVersion): AddedVersion & { anchored: number; orphans: number } {
    return this.opened.db.transaction(() => {
      const added = this.documents.addVersion(documentId, version);
      return { ...added, ...this.annotations.reanchorDocument(documentId, added.versionId) };
    })();
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
    } else {
      project.fillMissingTexts(options.corpusDir);
    }
    return project;
  }

  /**
   * Versions made before reading texts were stored (schema 1) get theirs now, derived from their
   * untouched raw bytes with the rules their source is normalized by.
   */
  private fillMissingTexts(corpusDir: string): void {
    const missing = this.documents.versionsWithoutText();
    if (missing.length === 0) return;
    this.opened.db.transaction(() => {
      for (const version of missing) {
        const decoded = decodeRaw(version.raw, version.encoding);
        if (decoded === null) {
          throw new ProjectFileError(`Version ${version.id} cannot be decoded as ${version.encoding}; the project was not changed.`);
        }
        const settings = bundledEntry(corpusDir, version.sha256)?.normalize ?? { layout: 'line-per-block' as const };
        this.documents.insertText(version.id, NORMALIZER, decoded, decoded, normalize(decoded, settings));
      }
    })();
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
