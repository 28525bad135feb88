/**
 * Reading a W3C Web Annotation file into what the import needs, checking all of it before the
 * project is touched. A file that does not hold together (not JSON, a selector whose start is
 * after its end, a grade of 9, a note that is not a note) is refused whole with a message that
 * names the place in the file; parts that are well formed but mean nothing to Sourcebench (a
 * body that is a link, an image target) are only reported, by the importer, as left out.
 *
 * Read: an AnnotationCollection with its first page embedded (what Sourcebench writes), an
 * AnnotationPage, a single Annotation, or an array of annotations (what other tools write).
 */
import { decodeHTML } from 'entities';
import { z } from 'zod';
import { Credibility, HighlightColor, NoteDocument, tagNameProblem, TagName } from '../../../shared/annotations';
import { AccountNote, ClaimDateText, ClaimName, ClaimVerdict, ClaimWording, Stance, type HistoricalDate } from '../../../shared/claims';
import { ApiError } from '../../../shared/errors';
import { parseHistoricalDate } from '../../../shared/historical-date';
import { ANNO_CONTEXT, ANNO_CONTEXTS, nameBasedUuid, TAG_PATH_SEPARATOR, uuidOfUrn } from './vocabulary';

export interface FileTarget {
  /** The `source` IRI: for Sourcebench, urn:sha256: of the version's file. */
  readonly source: string;
  readonly documentIri: string | null;
  readonly versionIri: string | null;
  readonly quote: { readonly exact: string; readonly prefix: string; readonly suffix: string } | null;
  /** Code points, end exclusive. */
  readonly position: { readonly start: number; readonly end: number } | null;
}

export type FileBody =
  | { readonly kind: 'tag'; readonly path: readonly string[]; readonly iri: string | null }
  | { readonly kind: 'note'; readonly note: NoteDocument }
  | { readonly kind: 'credibility'; readonly grade: number }
  | { readonly kind: 'stance'; readonly iri: string | null; readonly claimIri: string; readonly stance: Stance; readonly note: string }
  /** Well formed, but nothing Sourcebench keeps: why, in words. */
  | { readonly kind: 'left out'; readonly why: string };

export interface FileAnnotation {
  /** As written in the file, for messages. */
  readonly iri: string;
  /** The id in the project: the UUID of an urn:uuid: IRI, or one derived from any other IRI. */
  readonly id: string;
  readonly created: string | null;
  readonly modified: string | null;
  readonly color: HighlightColor | null;
  readonly bodies: readonly FileBody[];
  readonly targets: readonly FileTarget[];
}

export interface FileTag {
  readonly id: string;
  readonly path: readonly string[];
  readonly color: HighlightColor;
  readonly description: string;
}

export interface FileClaim {
  readonly id: string;
  readonly wording: string;
  readonly date: HistoricalDate | null;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly verdict: string;
  readonly credibility: number | null;
  /** Ids of the claim's accounts in the claim's order. */
  readonly accountIds: readonly string[];
}

export interface WebAnnotationFile {
  readonly annotations: readonly FileAnnotation[];
  readonly codebook: readonly FileTag[];
  readonly claims: readonly FileClaim[];
  /** What the file says it does not hold (pages after the first). */
  readonly notes: readonly string[];
}

/** The id a thing gets in the project: its own UUID where the IRI is one, else one derived from the IRI. */
export function localId(iri: string): string {
  return uuidOfUrn(iri) ?? nameBasedUuid(iri);
}

const MAX_ISSUES_SHOWN = 5;

export function readWebAnnotationFile(bytes: Buffer, fileName: string): WebAnnotationFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('invalid_input', `${fileName} is not UTF-8 text, so not a W3C Web Annotation file; nothing was imported`, 'data');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `${fileName} is not JSON (${(error as Error).message}); nothing was imported`, 'data');
  }
  const parsed = topLevelSchema(json).safeParse(json);
  if (!parsed.success) throw malformed(fileName, json, parsed.error);
  return parsed.data;
}

function malformed(fileName: string, json: unknown, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => {
    const where = pathInFile(json, issue.path);
    return `${where.length > 0 ? where.join('.') : '(the file)'}: ${issue.message}`;
  });
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).join('; ');
  const more = issues.length > MAX_ISSUES_SHOWN ? `; and ${issues.length - MAX_ISSUES_SHOWN} more` : '';
  return new ApiError('invalid_input', `${fileName} is not a W3C Web Annotation file Sourcebench can import (nothing was imported): ${shown}${more}`, 'data');
}

/** An issue's path as the file has it: without the index of a single value that was read as a list of one. */
function pathInFile(json: unknown, path: readonly PropertyKey[]): string[] {
  const names: string[] = [];
  let value = json;
  for (const key of path) {
    if (typeof key === 'number' && !Array.isArray(value)) continue;
    names.push(String(key));
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return names;
}

// -- the schemas -----------------------------------------------------------------------------------

/** W3C properties may hold one value or an array of them; read both as an array (messages name the place as written: pathInFile). */
const oneOrMany = <T extends z.ZodType>(item: T, missing = 'is missing') =>
  z.preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item, { error: (issue) => (issue.input === undefined ? missing : undefined) }),
  );

const Iri = z.string().trim().min(1, 'must not be empty').max(2048);

const Offset = z.number().int({ error: 'must be a whole number of characters, and not a huge one' }).nonnegative();

/** An ISO 8601 date-time with a time zone (as the W3C model asks), kept as the project writes them. */
const Timestamp = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be a date and time such as 2025-03-01T09:00:00Z',
  })
  .transform((value) => new Date(value).toISOString());

const Context = z.unknown().refine((context) => (Array.isArray(context) ? context : [context]).some((item) => ANNO_CONTEXTS.includes(item as string)), {
  message: `must name the W3C context ${ANNO_CONTEXT}`,
});

const Selector = z
  .looseObject({
    type: z.string(),
    exact: z.string().optional(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
    start: Offset.optional(),
    end: Offset.optional(),
  })
  .superRefine((selector, context) => {
    // An empty exact is well formed (W3C allows it: a point between characters); the importer
    // leaves such an annotation out with why, rather than refusing the whole file.
    if (selector.type === 'TextQuoteSelector' && selector.exact === undefined) {
      context.addIssue({ code: 'custom', message: 'a TextQuoteSelector needs exact', path: ['exact'] });
    }
    if (selector.type === 'TextPositionSelector') {
      if (selector.start === undefined || selector.end === undefined) {
        context.addIssue({ code: 'custom', message: 'a TextPositionSelector needs start and end', path: ['start'] });
      } else if (selector.start > selector.end) {
        context.addIssue({ code: 'custom', message: `start (${selector.start}) must not be after end (${selector.end})`, path: ['start'] });
      }
    }
  });

/** A target may be an IRI, a Specific Resource, or an External Web Resource (a whole source, by its id). */
const Target = z.preprocess(
  (value) => (typeof value === 'string' ? { source: value } : value),
  z.preprocess(
    (value) => (value && typeof value === 'object' && !('source' in value) && 'id' in value ? { ...value, source: value.id } : value),
    z
      .looseObject({
        source: z.preprocess((value) => (value && typeof value === 'object' && 'id' in value ? value.id : value), Iri),
        selector: oneOrMany(Selector).optional(),
        'sb:document': Iri.optional(),
        'sb:version': Iri.optional(),
      })
      .transform(
        (target): FileTarget => {
          const selectors = target.selector ?? [];
          const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
          const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
          return {
            source: target.source,
            documentIri: target['sb:document'] ?? null,
            versionIri: target['sb:version'] ?? null,
            quote: quote ? { exact: quote.exact!, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } : null,
            position: position ? { start: position.start!, end: position.end! } : null,
          };
        },
      ),
  ),
);

/** The note Sourcebench wrote: its ProseMirror JSON, as a string. */
const NoteJson = z.string().transform((text, context) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const note = NoteDocument.safeParse(json);
  if (!note.success) {
    context.addIssue({ code: 'custom', message: 'is not a note (the JSON of a ProseMirror document)' });
    return z.NEVER;
  }
  return note.data;
});

const BodyObject = z
  .looseObject({
    id: Iri.optional(),
    type: oneOrMany(z.string()).optional(),
    value: z.string().optional(),
    purpose: oneOrMany(z.string()).optional(),
    format: oneOrMany(z.string()).optional(),
    'sb:tag': Iri.optional(),
    'sb:note': NoteJson.optional(),
    'sb:credibility': Credibility.optional(),
    'sb:claim': Iri.optional(),
    'sb:stance': Stance.optional(),
    'sb:accountNote': AccountNote.optional(),
  })
  .superRefine((body, context) => {
    if (body['sb:stance'] !== undefined && body['sb:claim'] === undefined) {
      context.addIssue({ code: 'custom', message: 'a stance needs the claim it is toward (sb:claim)', path: ['sb:claim'] });
    }
  });

/** A body may be an IRI (a link to a resource) or an object. */
const Body = z.preprocess((value) => (typeof value === 'string' ? { id: value } : value), BodyObject.transform(interpretBody));

/** What a body means to Sourcebench: the `sb:` terms it wrote first, then the W3C purposes. */
function interpretBody(body: z.output<typeof BodyObject>): FileBody {
  const purposes = body.purpose ?? [];
  if (body['sb:stance'] !== undefined) {
    return { kind: 'stance', iri: body.id ?? null, claimIri: body['sb:claim']!, stance: body['sb:stance'], note: body['sb:accountNote'] ?? '' };
  }
  if (body['sb:credibility'] !== undefined) return { kind: 'credibility', grade: body['sb:credibility'] };
  if (body['sb:note'] !== undefined) return { kind: 'note', note: body['sb:note'] };
  if (body.value === undefined) {
    return { kind: 'left out', why: `a body that is ${body.id ? `a link (${body.id})` : 'not text'}` };
  }
  if (purposes.includes('tagging')) {
    const path = body.value.split(TAG_PATH_SEPARATOR).map((name) => name.trim());
    const problem = path.map(tagNameProblem).find((found) => found !== null);
    if (problem) return { kind: 'left out', why: `the tag “${body.value}” (${problem})` };
    return { kind: 'tag', path, iri: body['sb:tag'] ?? null };
  }
  if (purposes.length === 0 || purposes.includes('commenting')) {
    const html = body.format?.includes('text/html') ?? false;
    const note = plainNote(html ? htmlToText(body.value) : body.value);
    return note ? { kind: 'note', note } : { kind: 'left out', why: 'an empty comment' };
  }
  return { kind: 'left out', why: `a body for ${purposes.join(', ')} (“${shorten(body.value)}”)` };
}

/** A note written by another tool: one paragraph a line, as a user would have typed it. */
function plainNote(text: string): NoteDocument | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

/** The words of a comment written as HTML: block ends and breaks become line ends, tags go, entities are read. */
function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

/** A text cut to fit a message line. */
export function shorten(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : characters.join('');
}

const AnnotationFields = {
  id: Iri,
  type: oneOrMany(z.string()).refine((types) => types.includes('Annotation'), { message: 'must be (or include) "Annotation"' }),
  created: Timestamp.optional(),
  modified: Timestamp.optional(),
  'sb:color': HighlightColor.optional(),
  body: oneOrMany(Body).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(Target, 'is missing: an annotation needs a target').refine((targets) => targets.length > 0, { message: 'an annotation needs a target' }),
};

const AnnotationObject = z.looseObject(AnnotationFields);

function toFileAnnotation(annotation: z.output<typeof AnnotationObject>): FileAnnotation {
  const note = annotation.bodyValue !== undefined ? plainNote(annotation.bodyValue) : null;
  const bodies = annotation.body ?? [];
  return {
    iri: annotation.id,
    id: localId(annotation.id),
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
    color: annotation['sb:color'] ?? null,
    bodies: note ? [...bodies, { kind: 'note', note }] : bodies,
    targets: annotation.target,
  };
}

const notBodyAndBodyValue = [
  (annotation: z.output<typeof AnnotationObject>) => annotation.body === undefined || annotation.bodyValue === undefined,
  { message: 'an annotation has either body or bodyValue, never both' },
] as const;

/** An annotation inside a page: the page's context holds for it. */
const Annotation = AnnotationObject.refine(...notBodyAndBodyValue).transform(toFileAnnotation);
const StandaloneAnnotation = AnnotationObject.extend({ '@context': Context })
  .refine(...notBodyAndBodyValue)
  .transform(toFileAnnotation);

const Page = z.looseObject(
  { items: z.array(Annotation), next: z.unknown().optional() },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be the page itself (an AnnotationPage with its items), not a link to it' : undefined) },
);

const CodebookEntry = z
  .looseObject({
    id: Iri,
    'sb:path': z.array(TagName).min(1, 'a tag needs a name'),
    'sb:color': HighlightColor.default('yellow'),
    'sb:description': z.string().max(2000).default(''),
  })
  .transform((tag): FileTag => ({ id: localId(tag.id), path: tag['sb:path'], color: tag['sb:color'], description: tag['sb:description'] }));

const ClaimDate = ClaimDateText.transform((text, context): HistoricalDate | null => {
  if (text === '') return null;
  const parsed = parseHistoricalDate(text);
  if (!parsed.ok) {
    context.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.date;
});

const ClaimEntry = z
  .looseObject({
    id: Iri,
    'sb:wording': ClaimWording,
    'sb:date': ClaimDate.optional(),
    'sb:people': z.array(ClaimName).max(100).default([]),
    'sb:places': z.array(ClaimName).max(100).default([]),
    'sb:verdict': ClaimVerdict.default(''),
    'sb:credibility': Credibility.optional(),
    'sb:accounts': z.array(Iri).default([]),
  })
  .transform(
    (claim): FileClaim => ({
      id: localId(claim.id),
      wording: claim['sb:wording'],
      date: claim['sb:date'] ?? null,
      people: claim['sb:people'],
      places: claim['sb:places'],
      verdict: claim['sb:verdict'],
      credibility: claim['sb:credibility'] ?? null,
      accountIds: claim['sb:accounts'].map(localId),
    }),
  );

const Collection = z
  .looseObject({
    '@context': Context,
    'sb:codebook': z.array(CodebookEntry).default([]),
    'sb:claims': z.array(ClaimEntry).default([]),
    first: Page.optional(),
    total: z.number().int().nonnegative().optional(),
  })
  .refine((collection) => collection.first !== undefined || collection.total === 0, {
    message: 'the collection has annotations but no embedded first page (an AnnotationPage with its items) to read them from',
    path: ['first'],
  })
  .transform(
    (collection): WebAnnotationFile => ({
      annotations: collection.first?.items ?? [],
      codebook: collection['sb:codebook'],
      claims: collection['sb:claims'],
      notes: pagesLeftOut(collection.first?.next),
    }),
  );

const StandalonePage = Page.extend({ '@context': Context }).transform(
  (page): WebAnnotationFile => ({ annotations: page.items, codebook: [], claims: [], notes: pagesLeftOut(page.next) }),
);

const AnnotationList = z
  .array(StandaloneAnnotation)
  .transform((annotations): WebAnnotationFile => ({ annotations, codebook: [], claims: [], notes: [] }));

const SingleAnnotation = StandaloneAnnotation.transform(
  (annotation): WebAnnotationFile => ({ annotations: [annotation], codebook: [], claims: [], notes: [] }),
);

function pagesLeftOut(next: unknown): string[] {
  return next === undefined ? [] : [`the pages after the first (from ${typeof next === 'string' ? next : 'the next page'}) are not in the file and were not read`];
}

const NotAnnotations = z.custom<never>(() => false, {
  message: 'expected an AnnotationCollection, an AnnotationPage, an Annotation or an array of annotations (by their "type")',
});

/** Which kind of W3C document the file is, by its type. */
function topLevelSchema(json: unknown): z.ZodType<WebAnnotationFile> {
  if (Array.isArray(json)) return AnnotationList;
  const type = json && typeof json === 'object' && 'type' in json ? json.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('AnnotationCollection')) return Collection;
  if (types.includes('AnnotationPage')) return StandalonePage;
  if (types.includes('Annotation')) return SingleAnnotation;
  return NotAnnotations;
}
