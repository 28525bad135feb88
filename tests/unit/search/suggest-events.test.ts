/**
 * The events test set of the suggestion bench is sound: every quote is in its source's reading
 * text (the project's normalized text, not the raw file), every event has two or three sources,
 * and every event the Russian text tells is in it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../../electron/app/project';
import { EVENTS, RU } from '../../fixtures/events/events';
import { corpusDir, tempDir } from '../../support/temp';

let project: Project;
let cleanup: () => void;
const texts = new Map<string, string>();

beforeAll(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  project = Project.open(path.join(temp.dir, 'events.sourcebench'), { corpusDir });
  for (const document of project.documents.list()) {
    const content = project.documents.getVersionContent(document.currentVersionId);
    texts.set(content.fileName, content.text);
  }
});
afterAll(() => {
  project.close();
  cleanup();
});

describe('the events test set', () => {
  it('has at least 25 events, each in two or three sources, with unique ids', () => {
    expect(EVENTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(EVENTS.map((event) => event.id)).size).toBe(EVENTS.length);
    for (const event of EVENTS) {
      const sources = new Set(event.quotes.map((quote) => quote.file));
      expect(sources.size, event.id).toBeGreaterThanOrEqual(2);
      expect(sources.size, event.id).toBeLessThanOrEqual(3);
    }
  });

  it('asks from one account per source: a further place where the source tells the event is marked `also`', () => {
    for (const event of EVENTS) {
      const asked = event.quotes.filter((quote) => !quote.also).map((quote) => quote.file);
      expect(new Set(asked).size, event.id).toBe(asked.length);
      for (const quote of event.quotes.filter((candidate) => candidate.also)) expect(asked, `${event.id}: also in ${quote.file}`).toContain(quote.file);
    }
  });

  it('quotes exactly, once, the reading text of each source', () => {
    for (const event of EVENTS) {
      for (const quote of event.quotes) {
        const text = texts.get(quote.file);
        expect(text, quote.file).toBeDefined();
        expect(text!.split(quote.quote).length - 1, `${event.id} in ${quote.file}`).toBe(1);
      }
    }
  });

  it('covers every event of the Russian text', () => {
    const russian = EVENTS.filter((event) => event.quotes.some((quote) => quote.file === RU)).map((event) => event.id);
    expect(russian).toEqual([
      'alliluyeva-marriage',
      'alliluyeva-children',
      'alliluyeva-death',
      'alliluyeva-death-cause',
      'alliluyeva-burial',
      'remarriage-rumour',
      'crisis-1932-33',
      'ryutin-platform',
      'ryutin-death-sentence',
      'kirov-hopes',
      'congress-of-victors',
      'congress-against-stalin',
      'kirov-murder',
      'kirov-murder-suspicion',
      'kirov-murder-aftermath',
    ]);
    // The sentences no quote takes tell no event of their own: a character sketch, the source of
    // the rumour already quoted, and a comment on the crisis already quoted.
    let rest = texts.get(RU)!;
    for (const event of EVENTS) for (const quote of event.quotes) if (quote.file === RU) rest = rest.replace(quote.quote, '');
    const sentences = rest.split(/(?<=[.;)])\s+/).map((sentence) => sentence.trim()).filter((sentence) => /\p{L}/u.test(sentence));
    expect(sentences).toEqual([
      'Надежда Аллилуева была женщиной тихой и скромной, никак не проявлявшей себя внешне.',
      'слухи же противоположного содержания были основаны на сведениях, исходящих от нацистских органов, которые в рамках своей антиеврейской и антибольшевистской пропаганды распространяли подобную информацию.',
      'К этому времени положение Сталина несколько пошатнулось.',
    ]);
  });
});
