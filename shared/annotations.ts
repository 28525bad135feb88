/**
 * Annotations and what a historian records with them: highlight colour, tags from a codebook, a
 * note, the credibility of the information (1–6), and per source the reliability of the source
 * (A–F) with the questions of source criticism. All stand-off: nothing here touches a text.
 */
import { z } from 'zod';
import type { PositionSelector as AnchoringPosition, QuoteSelector as AnchoringQuote } from './anchoring';
import { utf8ByteLength } from './anchoring/selectors';

/** The colours Zotero users know; meaning never rests on colour alone. */
export const HighlightColor = z.enum(['yellow', 'red', 'green', 'blue', 'purple', 'magenta', 'orange', 'gray']);
export type HighlightColor = z.infer<typeof HighlightColor>;

/** Admiralty (NATO) source reliability, judged on the source. */
export const SourceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type SourceReliability = z.infer<typeof SourceReliability>;
export const SOURCE_RELIABILITY_WORDING: Record<SourceReliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Admiralty information credibility, judged on each piece of information, independently of the source. */
export const Credibility = z.number().int().min(1).max(6);
export const CREDIBILITY_WORDING: Record<number, string> = {
  1: 'Confirmed by other independent sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** A note is a small ProseMirror document, stored as its JSON and shown back exactly. */
export const NoteDocument = z.object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() }).passthrough();
export type NoteDocument = z.infer<typeof NoteDocument>;

/**
 * The most a note may take, as the UTF-8 bytes of its JSON. A megabyte is several hundred pages
 * of commentary, far beyond any note on a passage; the bound exists so that a runaway paste cannot
 * grow a project until listing its notes no longer fits in memory and the project will not open.
 * The note's plain text is derived from the JSON, so it is bounded with it.
 */
export const MAX_NOTE_BYTES = 1_000_000;

/** A note as the API accepts it: bounded in size (stored notes are read back whatever their size). */
export const NoteInput = NoteDocument.superRefine((note, context) => {
  const bytes = utf8ByteLength(JSON.stringify(note));
  if (bytes > MAX_NOTE_BYTES) {
    context.addIssue({
      code: 'custom',
      message: `A note may take at most ${MAX_NOTE_BYTES.toLocaleString('en')} bytes (1 MB); this one takes ${bytes.toLocaleString('en')}. Shorten it or split it over several highlights.`,
    });
  }
});

/**
 * W3C TextQuoteSelector: the quote with (up to) 32 characters of context on each side. The
 * selectors are those of shared/anchoring (one vocabulary): these schemas check them at the API.
 */
export const QuoteSelector = z.object({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }) satisfies z.ZodType<AnchoringQuote>;
export type QuoteSelector = z.infer<typeof QuoteSelector>;

/** W3C TextPositionSelector: code points (not UTF-16 units) into a version's reading text. */
export const PositionSelector = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }) satisfies z.ZodType<AnchoringPosition>;
export type PositionSelector = z.infer<typeof PositionSelector>;

export const Annotation = z.object({
  id: z.string(),
  documentId: z.string(),
  /** The version the annotation is anchored on (for an orphan: the last one it was anchored on). */
  versionId: z.string(),
  status: z.enum(['anchored', 'orphan']),
  /** UTF-16 offsets into the version's reading text; null for an orphan. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  quote: QuoteSelector,
  /** W3C TextPositionSelector: code points, where the annotation was made or last anchored. */
  position: PositionSelector,
  color: HighlightColor,
  tagIds: z.array(z.string()),
  note: NoteDocument.nullable(),
  /** The note as plain text, for previews and search. */
  noteText: z.string(),
  credibility: Credibility.nullable(),
  /** Why an orphan could not be placed on the current version. */
  orphanReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

const TAG_NAME_MAX_LENGTH = 200;

/**
 * What is wrong with a tag name, in a sentence a user reads, or null: once trimmed, a name is not
 * empty, has no "/" (which separates the levels of the codebook in a tag's path) and is at most
 * 200 characters long. The codebook panel asks this before sending; the API checks it again.
 */
export function tagNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A tag needs a name.';
  if (trimmed.includes('/')) return 'A tag name cannot contain “/” (it separates the levels of the codebook).';
  if (trimmed.length > TAG_NAME_MAX_LENGTH) return `A tag name can be at most ${TAG_NAME_MAX_LENGTH} characters long.`;
  return null;
}

/** A tag name as the API takes it: trimmed, and without a tagNameProblem. */
export const TagName = z
  .string()
  .trim()
  .superRefine((name, context) => {
    const problem = tagNameProblem(name);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const Tag = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  color: HighlightColor,
  description: z.string(),
  /** Annotations carrying this tag (not counting sub-tags). */
  count: z.number().int().nonnegative(),
});
export type Tag = z.infer<typeof Tag>;

/** Historians' external and internal criticism of one source, with its Admiralty grade. */
export const SourceAssessment = z.object({
  documentId: z.string(),
  reliability: SourceReliability.nullable(),
  authorship: z.string(),
  dateOfWriting: z.string(),
  placeOfWriting: z.string(),
  /** Was the author a witness? How close in time and place to the events? */
  proximity: z.string(),
  /** Tendency or motive for bias. */
  tendency: z.string(),
  /** From what earlier material, in what original form, how it reached us. */
  provenance: z.string(),
  updatedAt: z.string().nullable(),
});
export type SourceAssessment = z.infer<typeof SourceAssessment>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** What undo would take back ("add highlight"), for the menu and the tooltip. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  /**
   * Which run of the project's change history this is (a new one each time the project is opened)
   * and how many changes it has made, undone or redone: a renderer that has seen revision N asks
   * for what changed since, instead of reloading every annotation.
   */
  epoch: z.string(),
  revision: z.number().int().nonnegative(),
});
export type HistoryState = z.infer<typeof HistoryState>;

/**
 * What changed in the project since a revision of its change history, merged over every change,
 * undo and redo in between: the annotations as they now are, those that are gone, and which
 * other kinds of data a store must read again (tags, claims, one document's assessment).
 */
export const ChangesSince = z.object({
  history: HistoryState,
  /** False when the history no longer reaches back that far (or the project was reopened): read everything again. */
  complete: z.boolean(),
  annotations: z.array(Annotation),
  removedAnnotations: z.array(z.string()),
  /** The codebook changed: tags, or the annotations counted under them. */
  tags: z.boolean(),
  claims: z.boolean(),
  /** Documents whose source assessment changed. */
  assessments: z.array(z.string()),
});
export type ChangesSince = z.infer<typeof ChangesSince>;

/** Reading text size, in pixels, of a new workbench. */
export const DEFAULT_FONT_SIZE = 17;

/** What the workbench remembers between sessions: which documents are open and where. */
export const Workspace = z.object({
  panes: z
    .array(
      z.object({
        documentId: z.string(),
        /** Reading-text offset at the top of the pane, so a restart returns to the same passage. */
        scrollOffset: z.number().int().nonnegative(),
        /** Share of the width, 0–1. */
        width: z.number().min(0).max(1).nullable(),
      }),
    )
    .max(4),
  theme: z.enum(['light', 'dark', 'system']),
  fontSize: z.number().min(10).max(32),
  firstRunDismissed: z.boolean(),
  /** The claims panel under the panes: open or not, which view, which claim (absent: closed). */
  claimsPanel: z
    .object({ open: z.boolean(), view: z.enum(['compare', 'matrix', 'timeline']), claimId: z.string().nullable() })
    .optional(),
});
export type Workspace = z.infer<typeof Workspace>;
