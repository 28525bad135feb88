/**
 * Re-anchoring after a realistic revision of real data: the normalized Volkogonov text (1.3 MB),
 * revised in code with scattered OCR-style corrections, moved whitespace, a deleted passage of
 * three paragraphs, deleted sentences, an inserted paragraph and inserted remarks (see
 * tests/fixtures/anchoring/revision.ts). The revision records where every old character went, so
 * each annotation is judged against the truth.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorAll, type AnchorResult } from '../../../shared/anchoring';
import {
  insertionParagraph,
  judge,
  makeAnnotations,
  readingText,
  reviseText,
  truthOf,
  type Revision,
  type TestAnnotation,
  type Truth,
  type Verdict,
} from '../../fixtures/anchoring/revision';

const SEED = 1;
const COUNT = 400;

let revision: Revision;
let annotations: TestAnnotation[];
let truths: Truth[];

beforeAll(() => {
  revision = reviseText(readingText('002'), SEED, insertionParagraph(SEED + 1));
  annotations = makeAnnotations(revision, COUNT, SEED + 2);
  truths = annotations.map((annotation) => truthOf(revision, annotation.start, annotation.end));
});

/** Each annotation with its truth, result and verdict; and a readable line for failures. */
function verdicts(results: AnchorResult[]) {
  return results.map((result, index) => {
    const annotation = annotations[index]!;
    const truth = truths[index]!;
    const verdict: Verdict = judge(truth, result);
    const describe = () =>
      `${annotation.kind} [${annotation.start}, ${annotation.end}) "${annotation.target.quote.exact.slice(0, 60)}" ` +
      `truth ${JSON.stringify(truth)} → ${JSON.stringify(result)}`;
    return { annotation, truth, result, verdict, describe };
  });
}

describe('a realistic revision of the Volkogonov text', () => {
  it('has the edits it claims, and annotations of every kind over them', () => {
    const kinds = new Map<string, number>();
    for (const edit of revision.edits) kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
    expect(kinds.get('ocr')).toBeGreaterThanOrEqual(300);
    expect(kinds.get('whitespace')).toBeGreaterThanOrEqual(15);
    expect(kinds.get('deleted-passage')).toBe(1);
    expect(kinds.get('deleted-sentence')).toBeGreaterThanOrEqual(3);
    expect(kinds.get('inserted-passage')).toBe(1);
    expect(kinds.get('inserted-sentence')).toBeGreaterThanOrEqual(3);
    const [from, to] = revision.deletedPassage;
    expect(revision.oldText.slice(from, to).split('\n\n').filter(Boolean)).toHaveLength(3);
    expect(revision.newText.length).not.toBe(revision.oldText.length);

    // The offset map really describes the new text.
    for (let index = 0; index < revision.oldText.length; index += 997) {
      const to = revision.oldToNew[index]!;
      if (to >= 0) expect(revision.newText[to]).toBe(revision.oldText[index]);
    }

    const count = (predicate: (index: number) => boolean) => annotations.filter((_, index) => predicate(index)).length;
    expect(count((index) => truths[index]!.kind === 'intact')).toBeGreaterThan(200);
    expect(count((index) => truths[index]!.kind === 'deleted')).toBeGreaterThan(30);
    expect(count((index) => truths[index]!.kind === 'partial')).toBeGreaterThan(40);
    expect(count((index) => annotations[index]!.end - annotations[index]!.start <= 3)).toBeGreaterThan(3);
    expect(count((index) => annotations[index]!.kind === 'name')).toBeGreaterThan(30);
    expect(count((index) => annotations[index]!.target.quote.exact.includes('\n\n'))).toBeGreaterThan(40);
    expect(count((index) => annotations[index]!.kind === 'in-deleted-passage')).toBeGreaterThan(30);
  });

  describe('with the previous text (anchorAll with previousText)', () => {
    let checked: ReturnType<typeof verdicts>;
    beforeAll(() => {
      checked = verdicts(anchorAll(revision.newText, annotations.map((annotation) => annotation.target), { previousText: revision.oldText }));
    });

    it('lands every annotation whose text survives exactly where its text went', () => {
      const intact = checked.filter((entry) => entry.truth.kind === 'intact');
      const wrong = intact.filter((entry) => entry.verdict !== 'correct').map((entry) => entry.describe());
      expect(wrong).toEqual([]);
      expect(intact.every((entry) => entry.result.status === 'anchored' && entry.result.confidence === 1)).toBe(true);
    });

    it('makes every annotation inside the deleted passage an orphan, saying why', () => {
      const inside = checked.filter((entry) => entry.annotation.kind === 'in-deleted-passage');
      expect(inside.length).toBeGreaterThan(30);
      for (const entry of inside) {
        expect(entry.result, entry.describe()).toMatchObject({ status: 'orphan', reason: expect.stringMatching(/deleted/) });
      }
      const deleted = checked.filter((entry) => entry.truth.kind === 'deleted');
      expect(deleted.filter((entry) => entry.result.status !== 'orphan').map((entry) => entry.describe())).toEqual([]);
    });

    it('lands annotations touched by an edit on the edited text, or makes them orphans', () => {
      const partial = checked.filter((entry) => entry.truth.kind === 'partial');
      expect(partial.filter((entry) => entry.verdict === 'misplaced').map((entry) => entry.describe())).toEqual([]);
      // Most of them are still placed: a corrected letter does not lose an annotation.
      const placed = partial.filter((entry) => entry.verdict === 'correct').length;
      expect(placed / partial.length).toBeGreaterThan(0.75);
      for (const entry of partial) {
        if (entry.result.status === 'anchored') expect(entry.result.method === 'fuzzy' || entry.result.confidence === 1).toBe(true);
        else expect(entry.result.reason.length).toBeGreaterThan(20);
      }
    });

    it('places nothing where its text is not', () => {
      expect(checked.filter((entry) => entry.verdict === 'misplaced').map((entry) => entry.describe())).toEqual([]);
    });

    it('places single names and paragraph-crossing ranges whose text survives', () => {
      for (const kind of ['name', 'cross-paragraph'] as const) {
        const surviving = checked.filter((entry) => entry.annotation.kind === kind && entry.truth.kind === 'intact');
        expect(surviving.length).toBeGreaterThan(10);
        expect(surviving.every((entry) => entry.verdict === 'correct')).toBe(true);
      }
    });

    it('gives an orphan whose text partly survives its best candidate, on the edited text', () => {
      const orphans = checked.filter((entry) => entry.truth.kind === 'partial' && entry.result.status === 'orphan');
      for (const entry of orphans) {
        const { result, truth } = entry;
        if (result.status !== 'orphan' || truth.kind !== 'partial' || !result.best) continue;
        expect(result.best.start, entry.describe()).toBeGreaterThanOrEqual(truth.startRange[0]);
        expect(result.best.end, entry.describe()).toBeLessThanOrEqual(truth.endRange[1]);
      }
    });
  });

  it('holds on other seeds of the revision too', () => {
    for (const seed of [7, 11]) {
      const other = reviseText(readingText('002'), seed, insertionParagraph(seed + 1));
      const sample = makeAnnotations(other, 300, seed + 2);
      const results = anchorAll(other.newText, sample.map((annotation) => annotation.target), { previousText: other.oldText });
      const misplaced = results.filter((result, index) => judge(truthOf(other, sample[index]!.start, sample[index]!.end), result) === 'misplaced');
      expect(misplaced, `seed ${seed}`).toEqual([]);
      const lost = results.filter(
        (result, index) => truthOf(other, sample[index]!.start, sample[index]!.end).kind === 'intact' && result.status !== 'anchored',
      );
      expect(lost, `seed ${seed}`).toEqual([]);
    }
  });

  describe('with the quote and context only (no previous text)', () => {
    let checked: ReturnType<typeof verdicts>;
    beforeAll(() => {
      checked = verdicts(anchorAll(revision.newText, annotations.map((annotation) => annotation.target)));
    });

    it('never moves an annotation whose text survives to another place', () => {
      const intact = checked.filter((entry) => entry.truth.kind === 'intact');
      expect(intact.filter((entry) => entry.verdict === 'misplaced').map((entry) => entry.describe())).toEqual([]);
      // It may lose a few (a short quote whose context was edited on both sides), not more.
      expect(intact.filter((entry) => entry.verdict === 'orphaned').length / intact.length).toBeLessThan(0.02);
    });

    it('places nothing where its text is not, on this revision', () => {
      // Without the previous version a passage repeated word for word (with its context) cannot be
      // told from the deleted one; there is none such among these annotations.
      expect(checked.filter((entry) => entry.verdict === 'misplaced').map((entry) => entry.describe())).toEqual([]);
      const deleted = checked.filter((entry) => entry.annotation.kind === 'in-deleted-passage');
      expect(deleted.every((entry) => entry.result.status === 'orphan')).toBe(true);
    });
  });
});
