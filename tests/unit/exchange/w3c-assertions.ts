/**
 * The MUST assertions of the W3C Web Annotation test suite (web-platform-tests, annotation-model)
 * for an AnnotationCollection, its page, each annotation and each body and target, built as the
 * suite builds them: small draft-04 schemas that $ref the suite's definition files, compiled by
 * Ajv after the definitions are added (annotation-model/scripts/JSONtest.js). The suite's own
 * assertion files are not bundled; each assertion here names the file it stands for, and the
 * "…With…" ones are the suite's negative assertions (expected invalid).
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from '../../support/temp';

export const definitionsDir = path.resolve(repoRoot, '..', 'shared', 'schemas', 'w3c-annotation');

/** The live definitions (README.md of the folder): the annotation files and the collection file. */
const DEFINITIONS = ['specificResource', 'choiceSet', 'bodyTarget', 'annotations', 'otherProperties', 'id', 'collections'];

interface Assertion {
  readonly name: string;
  readonly schema: object;
  readonly expected: 'valid' | 'invalid';
}

const ref = (file: string, definition: string) => ({ $ref: `${file}.json#/definitions/${definition}` });
const valid = (name: string, schema: object): Assertion => ({ name, schema, expected: 'valid' });
const invalid = (name: string, schema: object): Assertion => ({ name, schema, expected: 'invalid' });
const eachOf = (key: string, item: object) => ({
  type: 'object',
  properties: { [key]: { oneOf: [item, { type: ['array'], items: item }] } },
});

/** annotations/annotationMusts.test */
const ANNOTATION_MUSTS: readonly Assertion[] = [
  valid('3.1-annotationContextValidated', {
    type: 'object',
    required: ['@context'],
    properties: { '@context': { oneOf: [ref('annotations', 'contextValueFound'), ref('annotations', 'contextValueInArrayFound')] } },
  }),
  valid('3.1-annotationIdValidated', ref('id', 'idValueFound')),
  valid('3.1-annotationTypeValidated', { allOf: [ref('annotations', 'annotationTypeValueFound')] }),
  valid('3.1-targetKeyFound', { type: 'object', required: ['target'] }),
  valid('3.2-targetObjectsRecognized', eachOf('target', ref('bodyTarget', 'targetResourcesFound'))),
  valid('3.2.5-notBodyBodyValue', { type: 'object', not: { required: ['body', 'bodyValue'] } }),
  valid('3.2-bodyObjectsRecognized', eachOf('body', ref('bodyTarget', 'bodyResourcesFound'))),
  valid('3.2.5-bodyValueValidated', { allOf: [ref('annotations', 'bodyValueValidIfPresent')] }),
  valid('3.3.1-annotationCreatedValidated', { type: 'object', allOf: [ref('otherProperties', 'createdValidIfPresent')] }),
  valid('3.3.1-annotationModifiedValidated', { type: 'object', allOf: [ref('otherProperties', 'modifiedValidIfPresent')] }),
  valid('3.3.1-annotationGeneratedValidated', { type: 'object', allOf: [ref('otherProperties', 'generatedValidIfPresent')] }),
  valid('3.3.6-annotationRightsValidated', { type: 'object', allOf: [ref('otherProperties', 'rightsValidIfPresent')] }),
  valid('3.3.7-annotationCanonicalValidated', { type: 'object', allOf: [ref('otherProperties', 'canonicalValidIfPresent')] }),
  valid('3.3.7-annotationViaValidated', { type: 'object', allOf: [ref('otherProperties', 'viaValidIfPresent')] }),
];

/** What bodyMusts.test and targetMusts.test ask of every body and every target alike. */
const RESOURCE_MUSTS: readonly Assertion[] = [
  valid('textDirectionValidated', ref('bodyTarget', 'textDirectionValidIfPresent')),
  valid('createdValidated', ref('otherProperties', 'createdValidIfPresent')),
  valid('modifiedValidated', ref('otherProperties', 'modifiedValidIfPresent')),
  valid('rightsValidated', ref('otherProperties', 'rightsValidIfPresent')),
  valid('canonicalValidated', ref('otherProperties', 'canonicalValidIfPresent')),
  valid('viaValidated', ref('otherProperties', 'viaValidIfPresent')),
  invalid('EWRNoItems (ewrWithItems)', ref('bodyTarget', 'ewrWithItems')),
  invalid('EWRNoPurpose (ewrWithPurpose)', ref('bodyTarget', 'ewrWithPurpose')),
  invalid('ChoiceSetNoValue (choiceSetWithValue)', ref('choiceSet', 'choiceSetWithValue')),
  invalid('ChoiceSetNoSource (choiceSetWithSource)', ref('choiceSet', 'choiceSetWithSource')),
  invalid('ChoiceSetNoPurpose (choiceSetWithPurpose)', ref('choiceSet', 'choiceSetWithPurpose')),
  invalid('SpecificResourceNoItems (specificResourceWithItems)', ref('specificResource', 'specificResourceWithItems')),
  invalid('SpecificResourceNoValue (specificResourceWithValue)', ref('specificResource', 'specificResourceWithValue')),
];

/** bodiesTargets/bodyMusts.test, per body. */
const BODY_MUSTS: readonly Assertion[] = [
  valid('3.2-bodyObjectsRecognized (item)', ref('bodyTarget', 'bodyResourcesFound')),
  ...RESOURCE_MUSTS,
  invalid('3.2.7-bodyEmbeddedTextualNoItems (embeddedTextualBodyWithItems)', ref('bodyTarget', 'embeddedTextualBodyWithItems')),
  invalid('4-bodyEmbeddedTextualNoSource (embeddedTextualBodyWithSource)', ref('bodyTarget', 'embeddedTextualBodyWithSource')),
];

/** bodiesTargets/targetMusts.test, per target. */
const TARGET_MUSTS: readonly Assertion[] = [
  valid('3.2-targetObjectsRecognized (item)', ref('bodyTarget', 'targetResourcesFound')),
  ...RESOURCE_MUSTS,
  invalid('3.2.4-targNoTypeTextualBody (textualBodyFound)', ref('bodyTarget', 'textualBodyFound')),
];

/** collections/collectionMusts.test */
const COLLECTION_MUSTS: readonly Assertion[] = [
  valid('5.1-collectionContextValidated', {
    type: 'object',
    required: ['@context'],
    properties: { '@context': { oneOf: [ref('collections', 'contextValueFound'), ref('collections', 'contextValueInArrayFound')] } },
  }),
  valid('5.1-collectionIdValidated', ref('id', 'idValueFound')),
  valid('5.1-collectionTypeValidated', ref('collections', 'annotationCollectionTypeValueFound')),
  valid('5.1-collectionLabelValidated', ref('collections', 'labelDefinition')),
  valid('5.1-collectionTotalValidated', ref('collections', 'totalDefinition')),
  valid('5.1-collectionFirstValidated', { allOf: [ref('collections', 'firstRequiredIfTotalMoreThanZero'), ref('collections', 'firstValidIfPresent')] }),
  valid('5.1-collectionLastValidated', ref('collections', 'lastValidIfPresent')),
  valid('3.3.1-collectionCreatedValidated', ref('otherProperties', 'createdValidIfPresent')),
  valid('3.3.1-collectionModifiedValidated', ref('otherProperties', 'modifiedValidIfPresent')),
  valid('3.3.6-collectionRightsValidated', ref('otherProperties', 'rightsValidIfPresent')),
];

/**
 * collections/pages/pageMusts.test: as the suite writes them, each holds for a page on its own
 * or for the page embedded as a collection's `first` (5.2-pageIdValidated.json and the others).
 */
const page = (name: string, definition: object, onItsOwn = true): Assertion =>
  valid(name, {
    oneOf: [
      onItsOwn ? { allOf: [definition, ref('collections', 'annotationPageTypeValueFound')] } : definition,
      { type: 'object', properties: { first: definition }, required: ['first'] },
    ],
  });
const PAGE_MUSTS: readonly Assertion[] = [
  page('5.2-pageIdValidated', ref('id', 'idValueFound')),
  valid('5.2-pageTypeValidated', {
    oneOf: [ref('collections', 'annotationPageTypeValueFound'), { type: 'object', properties: { first: ref('collections', 'annotationPageTypeValueFound') }, required: ['first'] }],
  }),
  page('5.2-pageItemsValidated', ref('collections', 'itemsFound'), false),
  page('5.2-pageStartIndexValidated', ref('collections', 'startIndexDefinition')),
  page('5.2-pagePartOfValidated', ref('collections', 'partOfValidIfPresent')),
  page('5.2-pageNextValidated', ref('collections', 'nextValidIfPresent')),
  page('5.2-pagePrevValidated', ref('collections', 'prevValidIfPresent')),
  page('5.2-pageTotalValidated', ref('collections', 'totalDefinition')),
  page('5.2-pageLabelValidated', ref('collections', 'labelDefinition')),
  page('3.3.1-pageCreatedValidated', ref('otherProperties', 'createdValidIfPresent')),
  page('3.3.1-pageModifiedValidated', ref('otherProperties', 'modifiedValidIfPresent')),
  page('3.3.6-pageRightsValidated', ref('otherProperties', 'rightsValidIfPresent')),
];

function compiler() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  for (const name of DEFINITIONS) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(definitionsDir, `${name}.json`), 'utf8')) as object);
  const compiled = new Map<Assertion, (data: unknown) => boolean>();
  return (assertion: Assertion) => {
    let validate = compiled.get(assertion);
    if (!validate) {
      const compiledSchema = ajv.compile(assertion.schema);
      validate = (data) => compiledSchema(data) as boolean;
      compiled.set(assertion, validate);
    }
    return validate;
  };
}

const validator = compiler();

/** The assertions that fail for one value, as "where: assertion". */
function failures(where: string, data: unknown, assertions: readonly Assertion[]): string[] {
  return assertions
    .filter((assertion) => validator(assertion)(data) !== (assertion.expected === 'valid'))
    .map((assertion) => `${where}: ${assertion.name} (expected ${assertion.expected})`);
}

const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every MUST assertion one annotation fails, with those of its bodies and targets. */
export function annotationFailures(annotation: unknown, where = 'annotation'): string[] {
  const { body, target } = (annotation ?? {}) as { body?: unknown; target?: unknown };
  return [
    ...failures(where, annotation, ANNOTATION_MUSTS),
    ...asArray(body).flatMap((item, index) => failures(`${where}.body.${index}`, item, BODY_MUSTS)),
    ...asArray(target).flatMap((item, index) => failures(`${where}.target.${index}`, item, TARGET_MUSTS)),
  ];
}

/** Every MUST assertion an AnnotationCollection fails: its own, its embedded page's, and each annotation's. */
export function collectionFailures(collection: unknown): string[] {
  const first = (collection as { first?: { items?: unknown[] } }).first;
  return [
    ...failures('collection', collection, COLLECTION_MUSTS),
    ...failures('collection', collection, PAGE_MUSTS),
    ...failures('collection.first', first, PAGE_MUSTS),
    ...(first?.items ?? []).flatMap((item, index) => annotationFailures(item, `collection.first.items.${index}`)),
  ];
}
