/**
 * The codebook: tags in a hierarchy, with unique names per level and no cycles; merging and
 * deleting take the annotations that carry a tag along, in one undoable change.
 */
import { describe, expect, it } from 'vitest';
import { tagNameProblem } from '../../../shared/annotations';
import { passageOf, useTestProject } from '../../support/project';

const fixture = useTestProject();

describe('the codebook', () => {
  it('is a hierarchy with unique names per level and no cycles', async () => {
    const causes = await fixture.client.createTag({ name: 'Causes of death', color: 'purple', description: 'How Alliluyeva died' });
    const suicide = await fixture.client.createTag({ name: 'Suicide', parentId: causes.id });
    await expect(fixture.client.createTag({ name: 'suicide', parentId: causes.id })).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    await expect(fixture.client.createTag({ name: 'a/b' })).rejects.toMatchObject({ field: 'name' });
    await expect(fixture.client.updateTag({ id: causes.id, parentId: suicide.id })).rejects.toMatchObject({ field: 'parentId' });
    const renamed = await fixture.client.updateTag({ id: suicide.id, name: 'Suicide (official version)' });
    expect(renamed).toMatchObject({ name: 'Suicide (official version)', parentId: causes.id, count: 0 });
    expect(await fixture.client.getHistory({})).toMatchObject({ undoLabel: 'rename tag “Suicide”' });
  });

  it('merges a tag into another: annotations and sub-tags move, and undo restores all of it', async () => {
    const death = await fixture.client.createTag({ name: 'Death' });
    const murder = await fixture.client.createTag({ name: 'Murder' });
    const kirov = await fixture.client.createTag({ name: 'Kirov', parentId: murder.id });
    const one = await fixture.client.createAnnotation({ ...(await passageOf(fixture.client, fixture.russian, 'Киров был убит')), tagIds: [murder.id] });
    const two = await fixture.client.createAnnotation({ ...(await passageOf(fixture.client, fixture.russian, 'Надежда Аллилуева')), tagIds: [murder.id, death.id] });
    const merged = await fixture.client.mergeTags({ fromId: murder.id, intoId: death.id });
    expect(merged.count).toBe(2);
    const after = await fixture.client.listAnnotations({ documentId: fixture.russian.id });
    expect(after.find((a) => a.id === one.id)!.tagIds).toEqual([death.id]);
    expect(after.find((a) => a.id === two.id)!.tagIds).toEqual([death.id]);
    expect((await fixture.client.listTags({})).find((t) => t.id === kirov.id)!.parentId).toBe(death.id);
    expect((await fixture.client.listTags({})).some((t) => t.id === murder.id)).toBe(false);

    await fixture.client.undo({});
    const restored = await fixture.client.listAnnotations({ documentId: fixture.russian.id });
    expect(restored.find((a) => a.id === one.id)!.tagIds).toEqual([murder.id]);
    expect(restored.find((a) => a.id === two.id)!.tagIds).toEqual([murder.id, death.id]);
    expect((await fixture.client.listTags({})).find((t) => t.id === kirov.id)!.parentId).toBe(murder.id);
  });

  it('deletes a tag: it leaves its annotations, its sub-tags move up, and the count is reported', async () => {
    const top = await fixture.client.createTag({ name: 'Repression' });
    const middle = await fixture.client.createTag({ name: 'Purges', parentId: top.id });
    const leaf = await fixture.client.createTag({ name: '1937', parentId: middle.id });
    await fixture.client.createAnnotation({ ...(await passageOf(fixture.client, fixture.russian, 'Киров был убит')), tagIds: [middle.id] });
    expect(await fixture.client.deleteTag({ id: middle.id })).toEqual({ id: middle.id, annotationsAffected: 1 });
    expect((await fixture.client.listTags({})).find((t) => t.id === leaf.id)!.parentId).toBe(top.id);
    expect((await fixture.client.listAnnotations({}))[0]!.tagIds).toEqual([]);
    await fixture.client.undo({});
    expect((await fixture.client.listAnnotations({}))[0]!.tagIds).toEqual([middle.id]);
    expect((await fixture.client.listTags({})).find((t) => t.id === leaf.id)!.parentId).toBe(middle.id);
  });

  it('refuses a tag name exactly where the codebook panel does, in the same words', async () => {
    const names = ['', '   ', 'Causes/Suicide', 'x'.repeat(201), '  Самоубийство  ', 'x'.repeat(200)];
    for (const name of names) {
      const problem = tagNameProblem(name);
      const created = fixture.client.createTag({ name });
      if (problem) await expect(created).rejects.toMatchObject({ code: 'invalid_input', field: 'name', message: expect.stringContaining(problem) });
      else expect((await created).name).toBe(name.trim());
    }
  });
});
