/**
 * What an export is made from: a plain, self-contained picture of the project as filtered, with
 * everything a writer prints already resolved (tag paths, citations, claim wordings), so the
 * writers are pure functions of it and the same snapshot always gives the same bytes.
 */
import type { HighlightColor, NoteDocument, QuoteSelector, SourceAssessment } from '../../shared/annotations';
import type { Stance } from '../../shared/claims';
import type { SourceKind } from '../../shared/domain';
import type { ExportFilter } from '../../shared/export';

export type { ExportFilter };

export interface ExportDocument {
  readonly id: string;
  /** 1-based place in the project's list of documents. */
  readonly position: number;
  readonly title: string;
  /** True where the title was written by an editor: it is then cited in [brackets]. */
  readonly titleSupplied: boolean;
  readonly author: string | null;
  readonly translator: string | null;
  readonly date: string | null;
  readonly kind: SourceKind;
  readonly language: string;
  readonly description: string | null;
  readonly fileName: string;
  /** The current version, whose reading text the annotations' places refer to. */
  readonly versionId: string;
  /** Fingerprint of the raw file of the current version, so a reader can tell which file was cited. */
  readonly sha256: string;
  /** The current version's reading text, for the exchange formats that carry the sources with them. */
  readonly text: string;
  readonly assessment: SourceAssessment;
}

export interface ExportTag {
  readonly id: string;
  /** Names from the top of the codebook down ("cause of death", "suicide"). */
  readonly path: readonly string[];
  readonly color: HighlightColor;
  readonly description: string;
}

/** Where a quote stands, as precisely as the source allows. */
export interface ExportLocation {
  /** Top-level heading ("Chapter III. His Struggle"). */
  readonly chapter: string | null;
  /** The nearest lower heading within that chapter. */
  readonly section: string | null;
  /** The printed page the passage is near, where the source has pages. */
  readonly page: string | null;
  /** Line and column in the raw file (or in the extracted text layer of a .docx or .pdf). */
  readonly line: number;
  readonly column: number;
  readonly inTextLayer: boolean;
}

export interface ExportAccountOf {
  readonly claimId: string;
  readonly wording: string;
  readonly stance: Stance;
  readonly note: string;
}

export interface ExportAnnotation {
  readonly id: string;
  readonly documentId: string;
  /** The version it is anchored on (an orphan's: the last one it was anchored on) and that version's fingerprint. */
  readonly versionId: string;
  readonly versionSha256: string;
  readonly status: 'anchored' | 'orphan';
  readonly quote: QuoteSelector;
  /** UTF-16 offsets into the current version's reading text; null for an orphan. */
  readonly start: number | null;
  readonly end: number | null;
  /** W3C TextPositionSelector: code points into the reading text of `versionId`. */
  readonly position: { readonly start: number; readonly end: number };
  /** Null for an orphan, which has no place in the current text. */
  readonly location: ExportLocation | null;
  readonly tagIds: readonly string[];
  readonly color: HighlightColor;
  readonly credibility: number | null;
  readonly note: NoteDocument | null;
  readonly noteText: string;
  /** The claims this highlight is an account of, in claim order. */
  readonly claims: readonly ExportAccountOf[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ExportAccount {
  readonly id: string;
  readonly annotationId: string;
  readonly stance: Stance;
  readonly note: string;
}

export interface ExportClaim {
  readonly id: string;
  readonly wording: string;
  /** As the historian wrote it ("8–9 November 1932"). */
  readonly date: string | null;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly verdict: string;
  readonly credibility: number | null;
  /** Only the accounts whose highlights are in the export, in the order they were attached. */
  readonly accounts: readonly ExportAccount[];
}

export interface ExportSnapshot {
  readonly project: string;
  /** ISO 8601; given by the caller, never read from the clock, so an export can be repeated exactly. */
  readonly exportedAt: string;
  readonly filter: ExportFilter;
  /** The documents in scope, in project order. */
  readonly documents: readonly ExportDocument[];
  /** The whole codebook, by path. */
  readonly tags: readonly ExportTag[];
  /** In document order, then by place in the text. */
  readonly annotations: readonly ExportAnnotation[];
  /** Claims with at least one account in the export, in the app's claim order. */
  readonly claims: readonly ExportClaim[];
}
