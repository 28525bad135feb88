/**
 * A real project for the exporter tests: the bundled corpus on a temporary file, with real
 * highlights on real passages (Alliluyeva's death in the Russian text, in Volkogonov and in the
 * Wikipedia article), a nested tag, notes with bold and a list, source grades, a claim with its
 * accounts, and one imported source whose title, tag, note and text are hostile on purpose.
 */
import path from 'node:path';
import type { ApiClient } from '../../../shared/api';
import type { Annotation, NoteDocument, Tag } from '../../../shared/annotations';
import type { Claim } from '../../../shared/claims';
import { createApiClient } from '../../../shared/client';
import { createDispatch } from '../../../shared/dispatch';
import type { DocumentSummary } from '../../../shared/domain';
import { createHandlers } from '../../../electron/app/project-session';
import { Project } from '../../../electron/app/project';
import { corpusDir, tempDir } from '../../support/temp';

export const RUSSIAN_QUOTE = 'Она вышла и в ту же ночь покончила с собой.';
export const VOLKOGONOV_QUOTE = 'In the night of 8-9 November 1932 Alliluyeva-Stalina ended her life by suicide.';
export const WIKIPEDIA_QUOTE =
  'In November 1931, after a group dinner in the Kremlin in which Stalin flirted with other women, Nadya shot herself.';
export const CLAIM_WORDING = 'Nadezhda Alliluyeva took her own life after a quarrel with Stalin';
export const SCRIPT = '<script>alert("pwned")</script>';
export const ONERROR = '<img src=x onerror=alert(1)>';
export const HOSTILE_TITLE = `Leaflet ${SCRIPT}`;
export const FORMULA_QUOTE = '=HYPERLINK("http://evil.example","Click")';
export const AT_QUOTE = '@SUM(1+1)';

export interface AnnotatedProject {
  readonly project: Project;
  readonly client: ApiClient;
  readonly documents: { russian: DocumentSummary; wikipedia: DocumentSummary; volkogonov: DocumentSummary; leaflet: DocumentSummary };
  readonly tags: { causeOfDeath: Tag; suicide: Tag; hostile: Tag };
  readonly annotations: { russian: Annotation; volkogonov: Annotation; wikipedia: Annotation; formula: Annotation; at: Annotation };
  readonly claim: Claim;
  close(): void;
}

const text = (value: string, marks?: { type: string }[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const item = (value: string) => ({ type: 'list_item', content: [paragraph(text(value))] });

export const RUSSIAN_NOTE: NoteDocument = {
  type: 'doc',
  content: [
    paragraph(text('No date, but '), text('the same night', [{ type: 'strong' }]), text(' as the quarrel.')),
    { type: 'bullet_list', content: [item('quarrel at Voroshilov’s house'), item('compare Volkogonov, ch. III')] },
  ],
};

const HOSTILE_LEAFLET = `${HOSTILE_TITLE}\n\n${FORMULA_QUOTE}\n\n${AT_QUOTE}\n`;

export async function openAnnotatedProject(): Promise<AnnotatedProject> {
  const { dir, cleanup } = tempDir('sourcebench-export-');
  const project = Project.open(path.join(dir, 'stalin.sourcebench'), { corpusDir });
  const client = createApiClient(createDispatch(createHandlers(project, 'cli')));
  try {
    const [russian, wikipedia, volkogonov] = (await client.listDocuments({})) as [DocumentSummary, DocumentSummary, DocumentSummary];
    const leaflet = await importText(client, 'leaflet.txt', HOSTILE_LEAFLET, HOSTILE_TITLE);

    const highlight = async (document: DocumentSummary, words: string, extra: Partial<Parameters<ApiClient['createAnnotation']>[0]> = {}) => {
      const { text: reading } = await client.getVersionContent({ versionId: document.currentVersionId });
      const start = reading.indexOf(words);
      if (start < 0) throw new Error(`"${words}" is not in ${document.title}`);
      return client.createAnnotation({ versionId: document.currentVersionId, start, end: start + words.length, ...extra });
    };

    const causeOfDeath = await client.createTag({ name: 'cause of death' });
    const suicide = await client.createTag({ name: 'suicide', parentId: causeOfDeath.id });
    const hostile = await client.createTag({ name: ONERROR });

    const annotations = {
      russian: await highlight(russian, RUSSIAN_QUOTE, { color: 'red', tagIds: [suicide.id], credibility: 3, note: RUSSIAN_NOTE }),
      volkogonov: await highlight(volkogonov, VOLKOGONOV_QUOTE, {
        tagIds: [suicide.id],
        credibility: 2,
        note: { type: 'doc', content: [paragraph(text('Gives the exact night; Volkogonov had the archives.'))] },
      }),
      wikipedia: await highlight(wikipedia, WIKIPEDIA_QUOTE, { color: 'blue', tagIds: [causeOfDeath.id], credibility: 3 }),
      formula: await highlight(leaflet, FORMULA_QUOTE, {
        color: 'gray',
        tagIds: [hostile.id],
        note: { type: 'doc', content: [paragraph(text(`${SCRIPT} and ${ONERROR}`))] },
      }),
      at: await highlight(leaflet, AT_QUOTE, { color: 'gray', credibility: 6 }),
    };

    await client.saveAssessment({ documentId: volkogonov.id, reliability: 'B', proximity: 'Had access to the party archives.' });
    await client.saveAssessment({ documentId: russian.id, reliability: 'C', tendency: 'Reads like a translation of a Western account.' });
    await client.saveAssessment({ documentId: leaflet.id, reliability: 'E', provenance: ONERROR });

    await client.createClaim({
      wording: CLAIM_WORDING,
      date: '8–9 November 1932',
      people: ['Nadezhda Alliluyeva', 'Joseph Stalin'],
      places: ['Moscow'],
      verdict: 'Probably true; the date is | disputed.',
      credibility: 2,
      account: { annotationId: annotations.russian.id, stance: 'supports', note: 'no date given' },
    });
    let claim = (await client.listClaims({}))[0]!;
    claim = await client.attachAccount({ claimId: claim.id, annotationId: annotations.volkogonov.id, stance: 'supports', note: 'date: 8–9 November 1932' });
    claim = await client.attachAccount({ claimId: claim.id, annotationId: annotations.wikipedia.id, stance: 'qualifies', note: 'year: 1931 | not 1932' });

    return {
      project,
      client,
      documents: { russian, wikipedia, volkogonov, leaflet },
      tags: { causeOfDeath, suicide, hostile },
      annotations,
      claim,
      close: () => {
        project.close();
        cleanup();
      },
    };
  } catch (error) {
    project.close();
    cleanup();
    throw error;
  }
}

async function importText(client: ApiClient, fileName: string, body: string, title: string): Promise<DocumentSummary> {
  const { jobId } = await client.startImport({
    fileName,
    data: Buffer.from(body, 'utf8').toString('base64'),
    record: { title, language: 'en', sourceKind: 'primary' },
  });
  for (;;) {
    const job = await client.getImportJob({ jobId });
    if (job.state === 'failed') throw new Error(`import failed: ${job.error?.message}`);
    if (job.state === 'done') return (await client.listDocuments({})).find((document) => document.id === job.documentId)!;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
