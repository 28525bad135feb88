/**
 * W3C Web Annotation out: the export as one AnnotationCollection (JSON-LD) that passes the MUST
 * assertions of the W3C test suite and that `sourcebench import` reads back exactly.
 *
 * The shape, and why:
 *
 *   {
 *     "@context": ["http://www.w3.org/ns/anno.jsonld", { "sb": "https://sourcebench.org/ns#", ... }],
 *       The W3C context first (the suite's MUST accepts an array that contains it); the second
 *       item declares the `sb:` terms that carry what the W3C model has no word for.
 *     "id": "urn:uuid:…", "type": "AnnotationCollection", "label": "Sourcebench annotations: <project>",
 *     "total": <annotations>, "generated": <exportedAt>, "generator": { Sourcebench },
 *       The ids of the collection and its page are name-based UUIDs of the project, the date of
 *       export and the annotations' ids: the same snapshot gives the same bytes.
 *     "sb:documents": [{ "id": "urn:uuid:<document>", "sb:source": "urn:sha256:<current version>",
 *                        "sb:title", "sb:author", "sb:date", "sb:language", "sb:fileName" }],
 *       For a reader of the file: which source each sha-256 is. The import does not need it.
 *     "sb:codebook": [{ "id": "urn:uuid:<tag>", "sb:path": ["cause of death", "suicide"],
 *                       "sb:color", "sb:description" }],
 *       The whole codebook, so tags come back with their colour, description and place in the
 *       tree, also those no exported highlight carries.
 *     "sb:claims": [{ "id": "urn:uuid:<claim>", "sb:wording", "sb:date" (as written), "sb:people",
 *                     "sb:places", "sb:verdict", "sb:credibility", "sb:accounts": [account ids in order] }],
 *       The claims the exported highlights are accounts of; each highlight's stance is a body of
 *       its own annotation, and the account order of a claim is kept here.
 *     "first": { "id": "urn:uuid:…", "type": "AnnotationPage", "partOf": <collection id>,
 *                "startIndex": 0, "items": [ annotations ] }
 *       One embedded page: the file is complete in itself, nothing to fetch.
 *   }
 *
 *   An annotation (each carries the @context too: the suite checks every annotation on its own):
 *   {
 *     "id": "urn:uuid:<annotation>", "type": "Annotation", "motivation": "highlighting",
 *     "created", "modified", "sb:color": "red",
 *     "body": [
 *       { "type": "TextualBody", "purpose": "tagging", "value": "cause of death/suicide", "sb:tag": "urn:uuid:<tag>" },
 *         One per tag, in the order the user gave them; the value is the codebook path (tag names
 *         cannot contain "/"), which other tools show as a tag and the import matches by path.
 *       { "type": "TextualBody", "purpose": "commenting", "format": "text/html", "value": "<p>…</p>",
 *         "sb:note": "<the note's ProseMirror JSON>" },
 *         HTML for other tools; the JSON, as a string (a JSON-LD 1.0 processor keeps it as it
 *         is), for an exact round trip of a formatted note.
 *       { "type": "TextualBody", "purpose": "assessing", "value": "3 — Possibly true", "sb:credibility": 3 },
 *         The Admiralty credibility of the information (1–6), worded as the app words it.
 *       { "id": "urn:uuid:<account>", "type": "TextualBody", "purpose": "assessing",
 *         "value": "Supports: <claim wording>", "sb:claim": "urn:uuid:<claim>", "sb:stance": "supports",
 *         "sb:accountNote": "…" }
 *         One per claim the highlight is an account of; the account's id is the body's id.
 *     ],
 *       No body at all for a bare highlight: the W3C model makes it optional.
 *     "target": {
 *       "source": "urn:sha256:<hex>", "sb:document": "urn:uuid:<document>", "sb:version": "urn:uuid:<version>",
 *       "selector": [
 *         { "type": "TextQuoteSelector", "exact", "prefix", "suffix" },
 *         { "type": "TextPositionSelector", "start", "end" }
 *       ]
 *     }
 *       The source is the file by its sha-256 (a version is immutable and the same file has the
 *       same hash in any project, where a document id is local to one); the selectors count code
 *       points of that version's reading text (the text Sourcebench shows, not the raw bytes). An
 *       orphan's target is the last version it was anchored on, where its selectors still hold.
 *   }
 */
import { STANCES } from '../../../shared/claims';
import { credibilityLabel } from '../../export/labels';
import type { ExportAnnotation, ExportClaim, ExportSnapshot, ExportTag } from '../../export/model';
import { noteToHtml } from '../../export/note-html';
import { CONTEXT, GENERATOR, nameBasedUuid, sha256Urn, TAG_PATH_SEPARATOR, uuidUrn } from './vocabulary';

/** W3C Web Annotation AnnotationCollection (JSON-LD), the same text for the same snapshot. */
export function exportWebAnnotations(snapshot: ExportSnapshot): string {
  const name = `sourcebench:${snapshot.project}:${snapshot.exportedAt}:${snapshot.annotations.map((annotation) => annotation.id).join(',')}`;
  const collectionId = uuidUrn(nameBasedUuid(name));
  const tags = new Map(snapshot.tags.map((tag) => [tag.id, tag]));
  const collection = {
    '@context': CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Sourcebench annotations: ${snapshot.project}`,
    total: snapshot.annotations.length,
    generated: snapshot.exportedAt,
    generator: GENERATOR,
    'sb:documents': snapshot.documents.map((document) => ({
      id: uuidUrn(document.id),
      'sb:source': sha256Urn(document.sha256),
      'sb:title': document.title,
      ...(document.author !== null ? { 'sb:author': document.author } : {}),
      ...(document.date !== null ? { 'sb:date': document.date } : {}),
      'sb:language': document.language,
      'sb:fileName': document.fileName,
    })),
    'sb:codebook': snapshot.tags.map(codebookEntry),
    'sb:claims': snapshot.claims.map(claimEntry),
    first: {
      id: uuidUrn(nameBasedUuid(`${name}:page:1`)),
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items: snapshot.annotations.map((annotation) => webAnnotation(annotation, tags, snapshot.claims)),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

function codebookEntry(tag: ExportTag) {
  return { id: uuidUrn(tag.id), 'sb:path': tag.path, 'sb:color': tag.color, 'sb:description': tag.description };
}

function claimEntry(claim: ExportClaim) {
  return {
    id: uuidUrn(claim.id),
    'sb:wording': claim.wording,
    ...(claim.date !== null ? { 'sb:date': claim.date } : {}),
    'sb:people': claim.people,
    'sb:places': claim.places,
    'sb:verdict': claim.verdict,
    ...(claim.credibility !== null ? { 'sb:credibility': claim.credibility } : {}),
    'sb:accounts': claim.accounts.map((account) => uuidUrn(account.id)),
  };
}

function webAnnotation(annotation: ExportAnnotation, tags: ReadonlyMap<string, ExportTag>, claims: readonly ExportClaim[]) {
  const body = [
    ...annotation.tagIds.map((tagId) => ({
      type: 'TextualBody',
      purpose: 'tagging',
      value: tags.get(tagId)!.path.join(TAG_PATH_SEPARATOR),
      'sb:tag': uuidUrn(tagId),
    })),
    ...(annotation.note !== null
      ? [
          {
            type: 'TextualBody',
            purpose: 'commenting',
            format: 'text/html',
            value: noteToHtml(annotation.note, annotation.noteText),
            'sb:note': JSON.stringify(annotation.note),
          },
        ]
      : []),
    ...(annotation.credibility !== null
      ? [{ type: 'TextualBody', purpose: 'assessing', value: credibilityLabel(annotation.credibility), 'sb:credibility': annotation.credibility }]
      : []),
    ...annotation.claims.map((account) => {
      const accountId = claims
        .find((claim) => claim.id === account.claimId)!
        .accounts.find((candidate) => candidate.annotationId === annotation.id)!.id;
      return {
        id: uuidUrn(accountId),
        type: 'TextualBody',
        purpose: 'assessing',
        value: `${STANCES[account.stance].label}: ${account.wording}`,
        'sb:claim': uuidUrn(account.claimId),
        'sb:stance': account.stance,
        'sb:accountNote': account.note,
      };
    }),
  ];
  return {
    '@context': CONTEXT,
    id: uuidUrn(annotation.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    'sb:color': annotation.color,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: sha256Urn(annotation.versionSha256),
      'sb:document': uuidUrn(annotation.documentId),
      'sb:version': uuidUrn(annotation.versionId),
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.quote.exact, prefix: annotation.quote.prefix, suffix: annotation.quote.suffix },
        { type: 'TextPositionSelector', start: annotation.position.start, end: annotation.position.end },
      ],
    },
  };
}
