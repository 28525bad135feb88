/**
 * The one declaration of the API between the renderer and the main process. Every host
 * (Electron IPC, the browser host over HTTP, the command line) serves exactly this table, and the
 * renderer's client is typed from it, so a method is never described twice.
 */
import { z } from 'zod';
import {
  Annotation,
  ChangesSince,
  Credibility,
  HighlightColor,
  HistoryState,
  NoteInput,
  SourceAssessment,
  SourceReliability,
  Tag,
  TagName,
  Workspace,
} from './annotations';
import { AccountNote, Claim, ClaimDateText, ClaimName, ClaimVerdict, ClaimWording, Stance } from './claims';
import { AppInfo, DocumentRecord, DocumentSummary, ImportFormat, RawLocation, VersionContent } from './domain';
import type { ApiEnvelope } from './errors';
import { ExchangeImportResult } from './exchange';
import { ExportedFile, ExportJob, ExportRequest, Quotation } from './export';
import { projectApi } from './projects';
import { SearchRequest, SearchResult, SuggestRequest, Suggestion } from './search';
import { MAX_TAGS_PER_HIGHLIGHT, MAX_TITLE_LENGTH, withinHighlightLength } from './limits';

const NoInput = z.object({}).strict();
const Id = z.string().min(1, 'must not be empty').max(200);

const FileName = z.string().min(1, 'must not be empty').max(1000);
/** File contents travel as base64, so one JSON body carries them over IPC and HTTP alike. */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64-encoded file contents');
const EncodingLabel = z.string().min(1).max(40);
const AssessmentText = z.string().max(20_000);
/**
 * A new document's record, bounded where it is given (stored records are read back whatever their
 * size): a title or a name longer than a thousand characters, or a description longer than an
 * article, is a pasted text in the wrong field.
 */
const NewDocumentRecord = DocumentRecord.extend({
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  author: z.string().max(1_000).nullable(),
  translator: z.string().max(1_000).nullable(),
  date: z.string().max(200).nullable(),
  description: z.string().max(20_000).nullable(),
});

const EncodingGuess = z.object({ encoding: z.string(), confidence: z.number().min(0).max(1) });

export const ImportInspection = z.object({
  format: ImportFormat,
  encoding: EncodingGuess.nullable(),
  alternatives: z.array(EncodingGuess),
  preview: z.string(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  size: z.number().int().nonnegative(),
  maxSize: z.number().int().positive(),
});
export type ImportInspection = z.infer<typeof ImportInspection>;

export const ImportJob = z.object({
  jobId: z.string(),
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** What is being done now, in words ("reading page 12 of 40"). */
  stage: z.string(),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  documentId: z.string().nullable(),
  versionId: z.string().nullable(),
  encoding: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

interface MethodSpec {
  readonly summary: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const apiTable = {
  ...projectApi,
  getAppInfo: {
    summary: 'Version of the workbench, the host serving it and the open project file.',
    input: NoInput,
    output: AppInfo,
  },
  listDocuments: {
    summary: 'The documents of the project, in the order they were added.',
    input: NoInput,
    output: z.array(DocumentSummary),
  },
  getVersionContent: {
    summary: 'The reading text of one document version, block by block, with raw-file offsets.',
    input: z.object({ versionId: Id }).strict(),
    output: VersionContent,
  },
  locateText: {
    summary: 'Where an offset of a version\'s reading text stands in the raw file: line, column and printed page.',
    input: z.object({ versionId: Id, offset: z.number().int().nonnegative() }).strict(),
    output: RawLocation,
  },
  inspectImport: {
    summary: 'Detects the format and encoding of a file to import and shows its first lines, before importing.',
    input: z.object({ fileName: FileName, data: Base64, encoding: EncodingLabel.optional() }).strict(),
    output: ImportInspection,
  },
  startImport: {
    summary: 'Starts importing a file as a new document, or as a new version of a document; returns a job to follow.',
    input: z
      .object({
        fileName: FileName,
        data: Base64,
        encoding: EncodingLabel.optional(),
        /** A new document gets this record (title and language are taken from the file where not given). */
        record: NewDocumentRecord.partial().optional(),
        /** Import as a new version of this document instead of a new document. */
        versionOf: Id.optional(),
      })
      .strict(),
    output: z.object({ jobId: Id }),
  },
  getImportJob: {
    summary: 'State and progress of an import job.',
    input: z.object({ jobId: Id }).strict(),
    output: ImportJob,
  },
  listAnnotations: {
    summary:
      'The annotations of one document (all versions), or those with the given ids (those that exist), or of all documents; optionally only anchored ones or orphans; in document order.',
    input: z
      .object({
        documentId: Id.optional(),
        /** A renderer reads the highlights its claims and search hits point to, in documents it has not opened. */
        ids: z.array(Id).max(10_000).optional(),
        /** Only the anchored ones, or only the orphans (of every document, for the Orphans tab, when no document is given). */
        status: z.enum(['anchored', 'orphan']).optional(),
      })
      .strict(),
    output: z.array(Annotation),
  },
  createAnnotation: {
    summary: 'Highlights a passage of a version\'s reading text, optionally with colour, tags, note and credibility.',
    input: withinHighlightLength(
      z
        .object({
          versionId: Id,
          start: z.number().int().nonnegative(),
          end: z.number().int().positive(),
          color: HighlightColor.optional(),
          tagIds: z.array(Id).max(MAX_TAGS_PER_HIGHLIGHT).optional(),
          note: NoteInput.nullable().optional(),
          credibility: Credibility.nullable().optional(),
        })
        .strict()
        .refine((input) => input.end > input.start, { message: 'end must be after start', path: ['end'] }),
    ),
    output: Annotation,
  },
  updateAnnotation: {
    summary: 'Changes the colour, tags, note or credibility of an annotation.',
    input: z
      .object({
        id: Id,
        color: HighlightColor.optional(),
        tagIds: z.array(Id).max(MAX_TAGS_PER_HIGHLIGHT).optional(),
        note: NoteInput.nullable().optional(),
        credibility: Credibility.nullable().optional(),
      })
      .strict(),
    output: Annotation,
  },
  reattachAnnotation: {
    summary: 'Places an orphaned annotation on a passage the user selected.',
    input: withinHighlightLength(
      z
        .object({ id: Id, versionId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
        .strict()
        .refine((input) => input.end > input.start, { message: 'end must be after start', path: ['end'] }),
    ),
    output: Annotation,
  },
  deleteAnnotation: {
    summary: 'Deletes an annotation (undoable).',
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: z.string() }),
  },
  listTags: {
    summary: 'The codebook: every tag with its parent, colour, description and number of annotations.',
    input: NoInput,
    output: z.array(Tag),
  },
  createTag: {
    summary: 'Adds a tag to the codebook.',
    input: z
      .object({
        name: TagName,
        parentId: Id.nullable().optional(),
        color: HighlightColor.optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    output: Tag,
  },
  updateTag: {
    summary: 'Renames, moves (new parent), recolours or redescribes a tag.',
    input: z
      .object({
        id: Id,
        name: TagName.optional(),
        parentId: Id.nullable().optional(),
        color: HighlightColor.optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    output: Tag,
  },
  mergeTags: {
    summary: 'Merges one tag into another: its annotations and sub-tags move over, then it is removed.',
    input: z.object({ fromId: Id, intoId: Id }).strict(),
    output: Tag,
  },
  deleteTag: {
    summary: 'Deletes a tag and takes it off its annotations; its sub-tags move up to its parent.',
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: z.string(), annotationsAffected: z.number().int().nonnegative() }),
  },
  getAssessment: {
    summary: 'The source assessment of a document: Admiralty reliability grade and the questions of source criticism.',
    input: z.object({ documentId: Id }).strict(),
    output: SourceAssessment,
  },
  saveAssessment: {
    summary: 'Saves (part of) the source assessment of a document.',
    input: z
      .object({
        documentId: Id,
        reliability: SourceReliability.nullable().optional(),
        authorship: AssessmentText.optional(),
        dateOfWriting: AssessmentText.optional(),
        placeOfWriting: AssessmentText.optional(),
        proximity: AssessmentText.optional(),
        tendency: AssessmentText.optional(),
        provenance: AssessmentText.optional(),
      })
      .strict(),
    output: SourceAssessment,
  },
  listClaims: {
    summary: 'Every claim with its accounts, ordered by historical date (undated last), then wording.',
    input: NoInput,
    output: z.array(Claim),
  },
  createClaim: {
    summary:
      'Records a claim: wording, optional historical date ("8 November 1932", "1932–33", "c. 1932"), people, places, verdict, credibility; optionally with its first account.',
    input: z
      .object({
        wording: ClaimWording,
        date: ClaimDateText.nullable().optional(),
        people: z.array(ClaimName).max(100).optional(),
        places: z.array(ClaimName).max(100).optional(),
        verdict: ClaimVerdict.optional(),
        credibility: Credibility.nullable().optional(),
        account: z.object({ annotationId: Id, stance: Stance, note: AccountNote.optional() }).strict().optional(),
      })
      .strict(),
    output: Claim,
  },
  updateClaim: {
    summary: 'Changes the wording, date, people, places, verdict or credibility of a claim.',
    input: z
      .object({
        id: Id,
        wording: ClaimWording.optional(),
        date: ClaimDateText.nullable().optional(),
        people: z.array(ClaimName).max(100).optional(),
        places: z.array(ClaimName).max(100).optional(),
        verdict: ClaimVerdict.optional(),
        credibility: Credibility.nullable().optional(),
      })
      .strict(),
    output: Claim,
  },
  deleteClaim: {
    summary: 'Deletes a claim and its accounts (the highlights stay; undoable).',
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: z.string() }),
  },
  attachAccount: {
    summary: 'Attaches a highlight to a claim as an account, with its stance and a note on what differs.',
    input: z.object({ claimId: Id, annotationId: Id, stance: Stance, note: AccountNote.optional() }).strict(),
    output: Claim,
  },
  updateAccount: {
    summary: 'Changes the stance or the note of an account.',
    input: z.object({ id: Id, stance: Stance.optional(), note: AccountNote.optional() }).strict(),
    output: Claim,
  },
  detachAccount: {
    summary: 'Takes a highlight out of a claim (the highlight stays; undoable).',
    input: z.object({ id: Id }).strict(),
    output: Claim,
  },
  getHistory: {
    summary: 'Whether there is an annotation change to undo or redo, and which.',
    input: NoInput,
    output: HistoryState,
  },
  changesSince: {
    summary: 'What changed (annotations, tags, claims, assessments) since a revision of the change history, with the history state.',
    input: z.object({ epoch: z.string().max(100), revision: z.number().int().nonnegative() }).strict(),
    output: ChangesSince,
  },
  undo: {
    summary: 'Takes back the last annotation, tag, assessment or claim change, in any pane.',
    input: NoInput,
    output: HistoryState,
  },
  redo: {
    summary: 'Does again the last change that was undone.',
    input: NoInput,
    output: HistoryState,
  },
  getWorkspace: {
    summary: 'The open panes, their scroll positions and widths, theme and font size.',
    input: NoInput,
    output: Workspace,
  },
  saveWorkspace: {
    summary: 'Remembers the open panes, scroll positions, theme and font size.',
    input: Workspace,
    output: Workspace,
  },
  importExchange: {
    summary: 'Imports annotations, codes, notes and claims from an exchange file (W3C Web Annotation .jsonld, REFI-QDA .qdpx), all or nothing.',
    input: z.object({ fileName: FileName, data: Base64 }).strict(),
    output: ExchangeImportResult,
  },
  search: {
    summary:
      'Searches the current texts of the sources, notes, tag names and claims: word forms in Russian and English, Latin letters finding Cyrillic and the reverse, "phrases", prefix*, OR and -exclusion.',
    input: SearchRequest,
    output: SearchResult,
  },
  suggestPassages: {
    summary: 'The passages of the other sources that most likely tell the same event as a passage, a highlight or a claim, best first, with why.',
    input: SuggestRequest,
    output: z.array(Suggestion),
  },
  startExport: {
    summary: 'Starts an export in the background (as exportNotes), for a progress bar; poll getExportJob for the file.',
    input: ExportRequest,
    output: z.object({ jobId: z.string() }),
  },
  getExportJob: {
    summary: 'State and progress of an export job, and its file once done.',
    input: z.object({ jobId: Id }).strict(),
    output: ExportJob,
  },
  quoteAnnotation: {
    summary: 'A highlight as a quotation: its quote with a precise citation, as plain text and as HTML, for the clipboard.',
    input: z.object({ annotationId: Id }).strict(),
    output: Quotation,
  },
  backupProject: {
    summary:
      "Copies the project file with SQLite's online backup (safe while it is open) to the path given, or to a new file in the Backups folder beside the project.",
    input: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  exportNotes: {
    summary: 'The annotated notes as Markdown, HTML, CSV, W3C Web Annotation JSON-LD or a REFI-QDA project, grouped by document, tag or claim, filtered as the sidebar filters.',
    input: ExportRequest,
    output: ExportedFile,
  },
} as const satisfies Record<string, MethodSpec>;

export type ApiTable = typeof apiTable;
export type ApiMethod = keyof ApiTable;
export const apiMethods = Object.keys(apiTable) as ApiMethod[];

/** The methods of the session (which project is open), as opposed to those of the open project. */
export type SessionMethod = keyof typeof projectApi;
export type ProjectMethod = Exclude<ApiMethod, SessionMethod>;
export function isSessionMethod(method: ApiMethod): method is SessionMethod {
  return Object.prototype.hasOwnProperty.call(projectApi, method);
}

/** What a caller may send (before defaults are applied). */
export type ApiInput<M extends ApiMethod> = z.input<ApiTable[M]['input']>;
/** What a handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiTable[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiTable[M]['output']>;

/** Implemented once, on the Node side, and served by every host. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/** What the renderer calls: one async function per method, throwing ApiError on failure. */
export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>>;
};

/** What a transport carries: the same functions, but failures come back as data. */
export type ApiBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiEnvelope<ApiOutput<M>>>;
};

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiTable, name);
}

/** A prefix keeps our IPC channels apart from Electron's own. */
export const IPC_PREFIX = 'sourcebench:';

export function ipcChannel(method: ApiMethod): string {
  return `${IPC_PREFIX}${method}`;
}
