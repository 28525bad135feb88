/**
 * Seeded highlights and claims over a text, shared by the benchmarks that need a project the
 * size of a real study (the reader component's, the app's): every run measures the same ones.
 */
import type { Annotation } from '../../shared/annotations';
import { STANCE_ORDER, type Claim } from '../../shared/claims';
import { CodePointIndex, describeRange } from '../../shared/anchoring';

/** A seeded generator, so every run measures the same highlights. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function annotationsOver(text: string, documentId: string, versionId: string, count: number, seed: number, prefix: string): Annotation[] {
  const next = random(seed);
  const stamp = new Date(0).toISOString();
  // Indexed once: a scan of the whole text per offset made 10,000 highlights take a minute.
  const points = new CodePointIndex(text);
  return Array.from({ length: count }, (_, index) => {
    const start = Math.floor(next() * (text.length - 400));
    const end = start + 5 + Math.floor(next() * 200);
    return {
      id: `${prefix}${index}`,
      documentId,
      versionId,
      status: 'anchored',
      start,
      end,
      quote: describeRange(text, start, end).quote,
      position: { start: points.toCodePoint(start), end: points.toCodePoint(end) },
      color: (['yellow', 'red', 'green', 'blue'] as const)[index % 4]!,
      tagIds: [],
      note: null,
      noteText: '',
      credibility: null,
      orphanReason: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}

/** Claims whose accounts are the first annotations, two each, with every stance in turn. */
export function claimsOver(annotations: readonly Annotation[], count: number): Claim[] {
  const stamp = new Date(0).toISOString();
  return Array.from({ length: count }, (_, index) => ({
    id: `claim-${index}`,
    wording: `Claim ${index}`,
    date: null,
    people: [],
    places: [],
    verdict: '',
    credibility: null,
    accounts: [0, 1].map((which) => ({
      id: `account-${index}-${which}`,
      claimId: `claim-${index}`,
      annotationId: annotations[index * 2 + which]!.id,
      stance: STANCE_ORDER[(index + which) % STANCE_ORDER.length]!,
      note: '',
      createdAt: stamp,
      updatedAt: stamp,
    })),
    createdAt: stamp,
    updatedAt: stamp,
  }));
}
