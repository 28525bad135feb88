/**
 * An open project: the database, the repositories over it (made once) and the services that
 * change it, each with one job, all writing through one change history. Hosts hold one of these
 * and hand it to the API handlers; nothing else touches the database directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { normalize, NORMALIZER } from '../../shared/text/normalize';
import { bundledEntry, seedBundledCorpus } from '../corpus/seed';
import { ProjectFileError } from '../store/database';
import { closeProjectDatabase, openProjectDatabase, type OpenedDatabase } from '../store/database';
import { AnnotationService, type ReanchorPlan, type ReanchorProgress } from './annotation-service';
import { AssessmentService } from './assessment-service';
import { ChangeHistory } from './change-history';
import { ClaimService } from './claim-service';
import { CodebookService } from './codebook-service';
import { WorkspaceService } from './workspace-service';
import { decodeRaw, type AddedVersion, type DocumentRepository, type NewVersion } from '../store/documents';
import { openRepositories, type Repositories } from '../store/repositories';
import { SearchIndex } from '../search/search-index';
import { writeWhole } from '../store/write-whole';

export interface ProjectOptions {
  /** Folder with the bundled corpus and its manifest, used to seed a new project. */
  readonly corpusDir: string;
  /** Whether a project created by this call gets the bundled accounts (default) or starts empty. */
  readonly seedCorpus?: boolean;
}

export class Project {
  readonly documents: DocumentRepository;
  /** One undo history for annotations, tags, assessments and claims alike, in the order made. */
  readonly history: ChangeHistory;
  readonly annotations: AnnotationService;
  readonly codebook: CodebookService;
  readonly assessments: AssessmentService;
  readonly claims: ClaimService;
  readonly workspace: WorkspaceService;
  readonly searchIndex: SearchIndex;

  private constructor(private readonly opened: OpenedDatabase) {
    const repositories: Repositories = openRepositories(opened.db);
    this.documents = repositories.documents;
    this.history = new ChangeHistory(opened.db, repositories);
    this.annotations = new AnnotationService(repositories, this.history);
    this.codebook = new CodebookService(repositories, this.history);
    this.assessments = new AssessmentService(repositories, this.history);
    this.claims = new ClaimService(repositories, this.history);
    this.workspace = new WorkspaceService(repositories);
    this.searchIndex = new SearchIndex(opened.db, repositories.documents);
  }

  /**
   * Adds a new version of a document and re-anchors the document's annotations on it, in one
   * transaction: the old version stays, and no annotation is ever left pointing at nothing. A plan
   * made beforehand (AnnotationService.planReanchoring, on the same text) leaves the transaction
   * only the writes and whatever changed since.
   */
  addVersion(
    documentId: string,
    version: NewVersion,
    reanchoring: { plan?: ReanchorPlan; onProgress?: ReanchorProgress } = {},
  ): AddedVersion & { anchored: number; orphans: number } {
    const added = this.opened.db.transaction(() => {
      const stored = this.documents.addVersion(documentId, version);
      return { ...stored, ...this.annotations.reanchorDocument(documentId, stored.versionId, reanchoring) };
    }).immediate();
    this.history.forgetHighlightsOf(documentId);
    return added;
  }

  /**
   * Runs `work` in one transaction (the services' own writes inside it join it), so an import
   * that adds documents, tags and annotations leaves the project as it was if any step fails.
   */
  transaction<T>(work: () => T): T {
    return this.opened.db.transaction(work).immediate();
  }

  static open(filePath: string, options: ProjectOptions): Project {
    const opened = openProjectDatabase(filePath, {});
    const project = new Project(opened);
    if (opened.created && options.seedCorpus !== false) {
      try {
        seedBundledCorpus(project.documents, options.corpusDir);
      } catch (error) {
        // A half-seeded new project is worse than none: remove what this call created.
        project.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(opened.path + suffix, { force: true });
        throw error;
      }
    } else if (!opened.created) {
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
    }).immediate();
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

  /**
   * A consistent copy of the project file, made with SQLite's online backup: it may run while
   * the workbench has the project open, and copies only committed changes.
   */
  async backup(destination: string): Promise<void> {
    await this.opened.db.backup(destination);
  }

  /**
   * Backs the project up (File > Back Up, Save a Copy As) to a file the user named, or to a new one
   * in the Backups folder beside the project (named by the moment, so backups never overwrite each
   * other). The copy is written whole or not at all; the project itself is never the target, nor
   * an existing file unless `replace` (the user confirmed it). A missing folder is made for the
   * Backups folder and where `makeFolder` says so (Save a Copy As); Back Up writes only into
   * folders that exist. Refusals name the path field.
   */
  async backupTo(destination: string | null, at: Date, { replace = true, makeFolder = false } = {}): Promise<{ path: string; bytes: number }> {
    const target = path.resolve(destination ?? this.defaultBackupPath(at));
    if (target === path.resolve(this.path)) {
      throw new ApiError('invalid_input', 'The copy must go to another file than the project itself.', 'path');
    }
    if (!replace && fs.existsSync(target)) {
      throw new ApiError('conflict', `${target} already exists; choose another name (nothing was written).`, 'path');
    }
    if (!destination || makeFolder) fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      await writeWhole(target, (temporary) => this.backup(temporary));
    } catch (error) {
      throw new ApiError('invalid_input', (error as Error).message, 'path');
    }
    return { path: target, bytes: fs.statSync(target).size };
  }

  private defaultBackupPath(at: Date): string {
    const stamp = at.toISOString().slice(0, 19).replace('T', ' ').replaceAll(':', '-');
    const name = path.basename(this.path, path.extname(this.path));
    const extension = path.extname(this.path) || '.sourcebench';
    const folder = path.join(path.dirname(this.path), 'Backups');
    // Two backups within one second get numbers rather than one replacing the other.
    for (let count = 1; ; count++) {
      const candidate = path.join(folder, `${name} ${stamp}${count > 1 ? ` (${count})` : ''}${extension}`);
      if (!fs.existsSync(candidate)) return candidate;
    }
  }

  close(): void {
    closeProjectDatabase(this.opened);
  }
}
