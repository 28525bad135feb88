/**
 * The words both sides of the W3C Web Annotation exchange agree on: the JSON-LD context, the
 * Sourcebench terms beside the W3C ones, and the IRIs that name projects' things. The writer
 * (export.ts) documents the shape of the file; the reader (import.ts) takes it back.
 */
import { createHash } from 'node:crypto';

/** The W3C context; the test suite's MUST assertion accepts it alone or as one item of an array. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Some tools write the context with https; it is the same document. */
export const ANNO_CONTEXTS: readonly string[] = [ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld'];

export const SOURCEBENCH_NAMESPACE = 'https://sourcebench.org/ns#';

/**
 * The W3C context plus the `sb:` prefix. Terms that hold IRIs are typed @id so a JSON-LD
 * processor links them instead of reading strings; ordered arrays are @list (JSON-LD arrays are
 * unordered sets otherwise, and a codebook path or an account order means nothing reshuffled).
 */
export const CONTEXT = [
  ANNO_CONTEXT,
  {
    sb: SOURCEBENCH_NAMESPACE,
    'sb:document': { '@type': '@id' },
    'sb:version': { '@type': '@id' },
    'sb:source': { '@type': '@id' },
    'sb:tag': { '@type': '@id' },
    'sb:claim': { '@type': '@id' },
    'sb:path': { '@container': '@list' },
    'sb:accounts': { '@type': '@id', '@container': '@list' },
  },
] as const;

/** Where the exporting program says who it is. */
export const GENERATOR = { id: 'https://sourcebench.org/', type: 'Software', name: 'Sourcebench' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id in a project is a random UUID; as a URN it is an IRI of plain ASCII that format `uri` accepts. */
export function uuidUrn(id: string): string {
  return `urn:uuid:${id}`;
}

/** The UUID an `urn:uuid:` IRI names (lower case), or null for any other IRI. */
export function uuidOfUrn(iri: string): string | null {
  const match = /^urn:uuid:(.+)$/i.exec(iri);
  return match && UUID.test(match[1]!) ? match[1]!.toLowerCase() : null;
}

/** A file by its content: the sha-256 of the raw bytes of a version, as the project stores it. */
export function sha256Urn(hex: string): string {
  return `urn:sha256:${hex}`;
}

export function sha256OfUrn(iri: string): string | null {
  const match = /^urn:sha256:([0-9a-f]{64})$/i.exec(iri);
  return match ? match[1]!.toLowerCase() : null;
}

/** RFC 4122 namespace for names that are URLs. */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * A name-based (version 5) UUID: the same name always gives the same id. It names what has no
 * id of its own in the project (an export's collection and page) so that the same export gives
 * the same bytes, and a foreign annotation whose IRI is not a UUID so that importing it twice
 * finds it the second time.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A codebook path as a tagging body's value: tag names cannot contain "/", so the path reads back whole. */
export const TAG_PATH_SEPARATOR = '/';
