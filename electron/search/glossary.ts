/**
 * Russian–English glosses by stem (made by build/glossary.ts from enru-dict): a Russian word's
 * English stems and an English word's Russian stems. Two accounts of one event in two languages
 * often share no name or date in the sentence that tells it ("покончила с собой", "shot herself"),
 * but their content words translate ("ночь"/"night", "убийство"/"murder", "преемник"/"successor").
 *
 * The file (1.2 MB, one string) is read and its tables built on first use, not with the module: a
 * command or a window that suggests nothing does not pay for parsing it and splitting 42,000 lines.
 * It is read from beside this module, so build/build.ts copies it beside each bundle that holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldForm, stemOf } from './words';

const GLOSSARY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'glossary-data.json');

const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Glossary {
  readonly ruEn: Map<string, readonly string[]>;
  readonly enRu: Map<string, readonly string[]>;
}

let glossary: Glossary | null = null;

function loaded(): Glossary {
  if (glossary) return glossary;
  const ruEn = new Map<string, readonly string[]>();
  const enRu = new Map<string, string[]>();
  const data = JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')) as { ruEn: string };
  for (const line of data.ruEn.split('\n')) {
    const tab = line.indexOf('\t');
    const russian = line.slice(0, tab);
    const english = line.slice(tab + 1).split(' ');
    ruEn.set(russian, english);
    for (const stem of english) {
      const back = enRu.get(stem);
      if (back) back.push(russian);
      else enRu.set(stem, [russian]);
    }
  }
  return (glossary = { ruEn, enRu });
}

/** The stems of a word's translations into the other language (Russian ↔ English), or none. */
export function glossesOf(word: string): readonly string[] {
  const form = foldForm(word);
  const { ruEn, enRu } = loaded();
  return (CYRILLIC.test(form) ? ruEn : enRu).get(stemOf(form)) ?? [];
}
