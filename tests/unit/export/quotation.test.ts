/**
 * "Copy as quotation": a historian pastes a highlighted passage into a draft and must be able to
 * find it again in the original, so the quote carries the same citation the exports print.
 */
import { parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_QUOTE, HOSTILE_TITLE, openAnnotatedProject, VOLKOGONOV_QUOTE, type AnnotatedProject } from './annotated-project';

let fixture: AnnotatedProject;
beforeAll(async () => {
  fixture = await openAnnotatedProject();
});
afterAll(() => fixture.close());

describe('quoteAnnotation', () => {
  it('gives the quote with author, title, page and raw line, as plain text', async () => {
    const { text } = await fixture.client.quoteAnnotation({ annotationId: fixture.annotations.volkogonov.id });
    const [quote, citation] = text.split('\n');
    expect(quote).toBe(`“${VOLKOGONOV_QUOTE}”`);
    expect(citation).toMatch(/^— Dmitri Volkogonov, .*Stalin.*, near p\. \d+, raw line \d+$/);
  });

  it('gives the same as HTML: the quote as a block quote in its language, a title of its own as a <cite>', async () => {
    const russian = await fixture.client.quoteAnnotation({ annotationId: fixture.annotations.russian.id });
    expect(russian.html).toMatch(/^<blockquote lang="ru"><p>Она вышла/);
    // An editor's title is cited in brackets, not set as a title.
    expect(russian.html).toMatch(/<p>— \[Alliluyeva&apos;s death[^<]*\], raw line \d+<\/p>$/);
    const volkogonov = await fixture.client.quoteAnnotation({ annotationId: fixture.annotations.volkogonov.id });
    expect(volkogonov.html).toMatch(/<p>— Dmitri Volkogonov, <cite>[^<]*Stalin[^<]*<\/cite>, .*near p\. \d+/);
  });

  it('escapes what the source and the user wrote: a hostile title stays text', async () => {
    const { html } = await fixture.client.quoteAnnotation({ annotationId: fixture.annotations.formula.id });
    const elements: string[] = [];
    const walk = (node: { nodeName: string; childNodes?: unknown[] }) => {
      elements.push(node.nodeName);
      for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
    };
    walk(parseFragment(html) as never);
    expect(elements).not.toContain('script');
    expect(elements).not.toContain('img');
    expect(html).toContain('Leaflet &lt;script&gt;');
    expect(html).toContain(FORMULA_QUOTE.replaceAll('"', '&quot;'));
    expect(HOSTILE_TITLE).toContain('<script>');
  });

  it('names a missing highlight', async () => {
    await expect(fixture.client.quoteAnnotation({ annotationId: 'no-such-annotation' })).rejects.toThrow(/No annotation with id "no-such-annotation"/);
  });
});
