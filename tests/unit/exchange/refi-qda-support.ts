/**
 * What the REFI-QDA tests share: reading an archive with tools that are not ours (Python's
 * zipfile and ElementTree, xmllint), packing a fixture folder as another tool would, and a
 * count of what a project holds, to show a refused import changed nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Project } from '../../../electron/app/project';
import { repoRoot } from '../../support/temp';

export const SCHEMA = path.resolve(repoRoot, '..', 'shared', 'schemas', 'refi-qda', 'Project-mrt2019.xsd');
export const OTHER_TOOL_FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'refi-qda', 'other-tool');

/** xmllint's verdict on a project.qde against the REFI-QDA schema; CI installs libxml2-utils, so a missing xmllint fails. */
export function xmllint(qdeFile: string): { code: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, qdeFile], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint is needed for these tests (Debian: libxml2-utils): ${result.error.message}`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface InspectedSelection {
  readonly guid: string;
  /** The source file's text at the selection's code points, cut by Python. */
  readonly text: string;
  readonly codeRefs: readonly string[];
  readonly noteRefs: readonly string[];
}

export interface InspectedArchive {
  readonly names: readonly string[];
  readonly qdeStartsWithBom: boolean;
  readonly sourcesWithBom: readonly string[];
  readonly guids: readonly string[];
  /** Every GUID the file refers to (targetGUID, originGUID, creatingUser, …), with what refers to it. */
  readonly references: readonly { readonly from: string; readonly guid: string }[];
  readonly sources: readonly { readonly guid: string; readonly name: string; readonly path: string; readonly hasContent: boolean; readonly selections: readonly InspectedSelection[] }[];
  readonly projectDescription: string;
}

const INSPECT = String.raw`
import json, sys, zipfile, xml.etree.ElementTree as ET
Q = '{urn:QDA-XML:project:1.0}'
archive = zipfile.ZipFile(sys.argv[1])
names = archive.namelist()
raw = archive.read('project.qde')
root = ET.fromstring(raw)
local = lambda element: element.tag.split('}')[-1]
guids = [e.get('guid') for e in root.iter() if e.get('guid') is not None]
references = []
for e in root.iter():
    for attribute in ('targetGUID', 'originGUID', 'creatingUser', 'modifyingUser', 'creatingUserGUID'):
        if e.get(attribute):
            references.append({'from': local(e) + '@' + attribute, 'guid': e.get(attribute)})
sources, with_bom = [], []
for source in root.iter(Q + 'TextSource'):
    path = source.get('plainTextPath') or ''
    entry = 'sources/' + path[len('internal://'):] if path.startswith('internal://') else None
    data = archive.read(entry) if entry in names else b''
    if data.startswith(b'\xef\xbb\xbf'):
        with_bom.append(entry)
    text = data.decode('utf-8')
    selections = []
    for selection in source.findall(Q + 'PlainTextSelection'):
        selections.append({
            'guid': selection.get('guid'),
            'text': text[int(selection.get('startPosition')):int(selection.get('endPosition'))],
            'codeRefs': [c.get('targetGUID') for c in selection.iter(Q + 'CodeRef')],
            'noteRefs': [n.get('targetGUID') for n in selection.findall(Q + 'NoteRef')],
        })
    sources.append({'guid': source.get('guid'), 'name': source.get('name'), 'path': path,
                    'hasContent': source.find(Q + 'PlainTextContent') is not None, 'selections': selections})
description = root.find(Q + 'Description')
print(json.dumps({'names': names, 'qdeStartsWithBom': raw.startswith(b'\xef\xbb\xbf'), 'sourcesWithBom': with_bom,
                  'guids': guids, 'references': references, 'sources': sources,
                  'projectDescription': description.text if description is not None else ''}))
`;

export function inspectArchive(qdpxFile: string): InspectedArchive {
  const result = spawnSync('python3', ['-c', INSPECT, qdpxFile], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read ${qdpxFile}: ${result.stderr}`);
  return JSON.parse(result.stdout) as InspectedArchive;
}

/** A folder as a .qdpx, its files in name order, as another tool would pack it. */
export function zipFolder(folder: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files[name] = fs.readFileSync(path.join(folder, name));
    }
  };
  walk('');
  return zipSync(files);
}

/** What a project holds, to compare before and after an import. */
export function contentsOf(project: Project): { documents: number; annotations: number; tags: number } {
  return { documents: project.documents.list().length, annotations: project.annotations.list().length, tags: project.codebook.tags().length };
}
