/**
 * The repositories over one open project database. A project makes them once and hands them to
 * its services, so every service reads and writes through the same objects (and caches).
 */
import type Database from 'better-sqlite3';
import { AnnotationRows } from './annotations';
import { ClaimRows } from './claims';
import { DocumentRepository } from './documents';

export interface Repositories {
  readonly documents: DocumentRepository;
  /** Annotations, tags, source assessments and settings. */
  readonly annotations: AnnotationRows;
  /** Claims and their accounts. */
  readonly claims: ClaimRows;
}

export function openRepositories(db: Database.Database): Repositories {
  return { documents: new DocumentRepository(db), annotations: new AnnotationRows(db), claims: new ClaimRows(db) };
}
