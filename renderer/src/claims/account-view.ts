/**
 * One account of a claim as the claims views show it, in a module of its own so that the claim
 * facts and the figure differences both read it without importing each other.
 */
import type { Annotation } from '../../../shared/annotations';
import type { Account } from '../../../shared/claims';
import type { DocumentSummary } from '../../../shared/domain';

/** The highlights by id (`useAnnotationIndex`): built once per change of the highlights, read for every account of every claim. */
export type AnnotationIndex = ReadonlyMap<string, Annotation>;

export interface AccountView {
  readonly account: Account;
  /** Null if the highlight is gone (it should take its accounts with it). */
  readonly annotation: Annotation | null;
  /** Null if the document is gone. */
  readonly document: DocumentSummary | null;
  /** Short title of the source (or a stand-in), for labels. */
  readonly label: string;
  readonly title: string;
}
