/**
 * Annotations are drawn as decorations kept in plugin state and changed one annotation at a time;
 * overlapping and block-crossing highlights keep every annotation's id and colour; the note's
 * Markdown-style rules, the codebook search and the toolbar keys do what the toolbar promises.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Tag } from '../../../shared/annotations';
import { NoteDocument } from '../../../shared/annotations';
import { markRules } from '../../../renderer/src/annotations/note-commands';
import { noteFromJSON, noteSchema, noteToJSON, safeHref } from '../../../renderer/src/annotations/note-schema';
import { toolbarActionOf } from '../../../renderer/src/annotations/keys';
import { findByPath, matchTags, tagPath } from '../../../renderer/src/annotations/tag-paths';
import { undoRedoOf } from '../../../renderer/src/workspace/undo-keys';
import {
  annotationPlugin,
  annotationPluginKey,
  annotationState,
  claimMarkerAttributes,
  diffAnnotations,
  syncMeta,
  type AnnotationMeta,
  type AnnotationPluginState,
} from '../../../renderer/src/prosemirror/annotation-plugin';
import { documentFromText } from '../../../renderer/src/prosemirror/schema';
import { claimMarksOf, type ClaimMark, type ClaimMarks } from '../../../renderer/src/claims/claim-marks';
import { TextPositions } from '../../../renderer/src/prosemirror/text-positions';

// "Chapter I" (0–9), "Stalin was dying. Lying on the floor." (11–48), "Вторая жена Сталина." (50–70)
const text = 'Chapter I\n\nStalin was dying. Lying on the floor.\n\nВторая жена Сталина.';
const blocks = [
  { kind: 'heading' as const, level: 1, start: 0, end: 9 },
  { kind: 'paragraph' as const, start: 11, end: 48 },
  { kind: 'paragraph' as const, start: 50, end: 70 },
];
const VERSION = 'v1';

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: 'd1',
    versionId: VERSION,
    status: 'anchored',
    start,
    end,
    quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
    position: { start, end },
    color: 'yellow',
    tagIds: [],
    note: null,
    noteText: '',
    credibility: null,
    orphanReason: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

function setup(options: { nearScreenOnly?: boolean } = {}) {
  const doc = documentFromText(text, blocks);
  const positions = new TextPositions(blocks);
  let state = EditorState.create({ doc, plugins: [annotationPlugin(positions, options)] });
  const apply = (meta: AnnotationMeta) => {
    state = state.apply(state.tr.setMeta(annotationPluginKey, meta));
    return annotationState(state)!;
  };
  const sync = (annotations: readonly Annotation[], claims?: ReadonlyMap<string, ClaimMarks>) => {
    const meta = syncMeta(state, annotations, VERSION, claims);
    if (meta) apply(meta);
    return { meta, plugin: annotationState(state)! };
  };
  return { positions, apply, sync, get state() { return state; } };
}

/** The drawn inline decorations, as [from, to, id, class]. */
function drawn(set: DecorationSet): [number, number, string, string][] {
  return set
    .find()
    .filter((decoration) => decoration.from < decoration.to)
    .map((decoration) => {
      const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return [decoration.from, decoration.to, attrs['data-annotation-id']!, attrs.class!] as [number, number, string, string];
    })
    .sort((a, b) => a[0] - b[0] || a[2].localeCompare(b[2]));
}

afterEach(() => vi.restoreAllMocks());

describe('annotation decorations', () => {
  it('draws anchored annotations of the pane\'s version only, each with its id and colour class', () => {
    const { sync, positions } = setup();
    const { plugin } = sync([
      annotation('a', 11, 28, { color: 'red' }),
      annotation('other-version', 11, 17, { versionId: 'v0' }),
      annotation('orphan', 11, 17, { status: 'orphan', start: null, end: null }),
    ]);
    expect(drawn(plugin.decorations)).toEqual([
      [positions.toPosition(11), positions.toPosition(28), 'a', 'annotation annotation-red'],
    ]);
    expect([...plugin.drawn.keys()]).toEqual(['a']);
  });

  it('keeps the decorations in plugin state and adds, changes and removes one annotation without rebuilding the set', () => {
    const { sync } = setup();
    const first = annotation('a', 11, 28);
    const second = annotation('b', 50, 56, { color: 'blue' });
    sync([first, second]);
    const create = vi.spyOn(DecorationSet, 'create');
    const add = vi.spyOn(DecorationSet.prototype, 'add');
    const remove = vi.spyOn(DecorationSet.prototype, 'remove');

    // Add one: only its decoration is added; the others are the very same objects as before.
    const third = annotation('c', 29, 34, { color: 'green' });
    const { plugin: afterAdd, meta: addMeta } = sync([first, third, second]);
    expect(addMeta).toEqual({ remove: [], add: [third] });
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]![1]).toHaveLength(1);
    expect(drawn(afterAdd.decorations).map(([, , id]) => id)).toEqual(['a', 'c', 'b']);

    // Change one (a newer updatedAt): it alone is taken off and drawn again.
    const recoloured = { ...third, color: 'purple' as const, updatedAt: '2024-01-02T00:00:00.000Z' };
    const { plugin: afterChange, meta: changeMeta } = sync([first, recoloured, second]);
    expect(changeMeta).toEqual({ remove: ['c'], add: [recoloured] });
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]![0]).toHaveLength(1);
    expect(drawn(afterChange.decorations).find(([, , id]) => id === 'c')![3]).toBe('annotation annotation-purple');

    // Remove one.
    const { plugin: afterRemove, meta: removeMeta } = sync([first, second]);
    expect(removeMeta).toEqual({ remove: ['c'], add: [] });
    expect(drawn(afterRemove.decorations).map(([, , id]) => id)).toEqual(['a', 'b']);

    // Nothing changed: no transaction at all.
    expect(sync([first, second]).meta).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('leaves the other blocks\' decorations untouched (the very same set) when one annotation is added', () => {
    const { sync, state } = setup();
    const many = Array.from({ length: 200 }, (_, index) => annotation(`n${index}`, 11 + (index % 30), 12 + (index % 30) + (index % 5)));
    const { plugin: before } = sync(many);
    const { plugin: after } = sync([...many, annotation('new', 50, 55)]);
    // The view's document is doc → chunks of blocks → blocks (see the schema).
    const chunk = state.doc.child(0);
    const paragraph = chunk.child(1);
    const offset = chunk.child(0).nodeSize;
    const inParagraph = (plugin: AnnotationPluginState) => plugin.decorations.forChild(0, chunk).forChild(offset, paragraph);
    // The paragraph holding the 200 is shared, not rebuilt; only the last paragraph's set is new.
    expect(inParagraph(after)).toBe(inParagraph(before));
    expect(after.drawn.size).toBe(201);
    expect(drawn(after.decorations)).toHaveLength(201);
  });

  it('draws overlapping annotations as nested elements, each keeping its id and colour', () => {
    const { sync, positions } = setup();
    const { plugin } = sync([annotation('a', 11, 28, { color: 'yellow' }), annotation('b', 18, 34, { color: 'blue' })]);
    const [a, b] = drawn(plugin.decorations);
    expect(a).toEqual([positions.toPosition(11), positions.toPosition(28), 'a', 'annotation annotation-yellow']);
    expect(b).toEqual([positions.toPosition(18), positions.toPosition(34), 'b', 'annotation annotation-blue']);
    // Its own element per annotation: ProseMirror nests decorations that name their node.
    for (const decoration of plugin.decorations.find()) {
      expect((decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs.nodeName).toBe('mark');
    }
  });

  it('draws an annotation crossing from the heading into the next paragraph in both blocks', () => {
    const { sync, positions, state } = setup();
    const { plugin } = sync([annotation('x', 4, 17)]);
    // One piece per block, so each block files its own piece.
    expect(drawn(plugin.decorations)).toEqual([
      [positions.toPosition(4), positions.toPosition(9), 'x', 'annotation annotation-yellow'],
      [positions.toPosition(11), positions.toPosition(17), 'x', 'annotation annotation-yellow'],
    ]);
    // What each block is given to draw.
    const pieces: [number, number][] = [];
    state.doc.forEach((node, offset) => {
      plugin.decorations.forChild(offset, node).forEachSet((set) => {
        for (const decoration of set.find()) pieces.push([offset + 1 + decoration.from, offset + 1 + decoration.to]);
      });
    });
    expect(pieces).toEqual([
      [positions.toPosition(4), positions.toPosition(9)],
      [positions.toPosition(11), positions.toPosition(17)],
    ]);
  });

  it('in a pane, shows the highlights (and grades) of the chunks near the screen only; the rest come as the window moves', () => {
    const { sync, apply, positions } = setup({ nearScreenOnly: true });
    // The window as the pane reports it: from the start of the first chunk near the screen to the end of the last.
    const around = (start: number, end: number) => ({ from: positions.toPosition(start) - 1, to: positions.toPosition(end) + 1 });
    const second = around(11, 48);
    const third = around(50, 70);
    const ids = (set: DecorationSet) => drawn(set).map(([, , id]) => id);
    const grades = (set: DecorationSet) => set.find().filter((decoration) => decoration.from === decoration.to).map((decoration) => decoration.spec.annotationId as string);

    let { plugin } = sync([annotation('a', 11, 28, { credibility: 2 }), annotation('b', 50, 56)]);
    // Before the pane has said what is near the screen: nothing drawn, everything kept.
    expect(ids(plugin.shown!)).toEqual([]);
    expect(grades(plugin.shown!)).toEqual([]);
    expect(ids(plugin.decorations)).toEqual(['a', 'b']);

    plugin = apply({ window: second });
    expect(ids(plugin.shown!)).toEqual(['a']);
    expect(grades(plugin.shown!)).toEqual(['a']);
    plugin = apply({ window: third });
    expect(ids(plugin.shown!)).toEqual(['b']);
    expect(grades(plugin.shown!)).toEqual([]);

    // Added and removed where the reader is, or kept for later where not.
    plugin = sync([annotation('a', 11, 28, { credibility: 2 }), annotation('b', 50, 56), annotation('c', 57, 63), annotation('d', 11, 17)]).plugin;
    expect(ids(plugin.shown!)).toEqual(['b', 'c']);
    plugin = sync([annotation('a', 11, 28, { credibility: 2 }), annotation('c', 57, 63), annotation('d', 11, 17)]).plugin;
    expect(ids(plugin.shown!)).toEqual(['c']);
    // Lighting up a highlight out of the window does not draw it there.
    plugin = apply({ hovered: 'd' });
    expect(ids(plugin.shown!)).toEqual(['c']);
    plugin = apply({ window: { from: second.from, to: third.to } });
    expect(ids(plugin.shown!)).toEqual(['a', 'd', 'c']);
    expect(drawn(plugin.shown!).find(([, , id]) => id === 'd')![3]).toBe('annotation annotation-yellow is-hovered');
    expect(drawn(plugin.shown!)).toEqual(drawn(plugin.decorations));
    expect(grades(plugin.shown!)).toEqual(['a']);
  });

  it('shows the credibility grade after the highlight (a widget, not text)', () => {
    const { sync, positions } = setup();
    const { plugin } = sync([annotation('g', 11, 28, { credibility: 2 })]);
    const widgets = plugin.decorations.find().filter((decoration) => decoration.from === decoration.to);
    expect(widgets).toHaveLength(1);
    expect(widgets[0]!.from).toBe(positions.toPosition(28));
    expect(widgets[0]!.spec.annotationId).toBe('g');
    // Taking the grade away takes the widget with it.
    const { plugin: after } = sync([annotation('g', 11, 28, { credibility: null, updatedAt: '2024-02-01T00:00:00.000Z' })]);
    expect(after.decorations.find().filter((decoration) => decoration.from === decoration.to)).toHaveLength(0);
  });

  it('lights up the hovered and the active annotation by redrawing only them', () => {
    const { sync, apply } = setup();
    sync([annotation('a', 11, 28), annotation('b', 50, 56)]);
    const add = vi.spyOn(DecorationSet.prototype, 'add');
    let plugin = apply({ hovered: 'b' });
    expect(add.mock.calls.at(-1)![1]).toHaveLength(1);
    expect(drawn(plugin.decorations).map(([, , id, cls]) => [id, cls])).toEqual([
      ['a', 'annotation annotation-yellow'],
      ['b', 'annotation annotation-yellow is-hovered'],
    ]);
    plugin = apply({ hovered: null, active: 'a' });
    expect(drawn(plugin.decorations).map(([, , id, cls]) => [id, cls])).toEqual([
      ['a', 'annotation annotation-yellow is-active'],
      ['b', 'annotation annotation-yellow'],
    ]);
    expect(plugin.hovered).toBeNull();
    expect(plugin.active).toBe('a');
  });

  it('removes an annotation that is lit up (open or hovered) in the same step as it goes dark', () => {
    const { sync, apply } = setup();
    sync([annotation('a', 11, 28), annotation('b', 50, 56)]);
    apply({ active: 'a', hovered: 'a' });
    const plugin = apply({ remove: ['a'], active: null, hovered: null });
    expect(drawn(plugin.decorations).map(([, , id]) => id)).toEqual(['b']);
    expect([...plugin.drawn.keys()]).toEqual(['b']);
  });

  it('diffs by id and updatedAt: unchanged is left, changed is replaced, gone is removed', () => {
    const a = annotation('a', 11, 28);
    const b = annotation('b', 50, 56);
    // `a` was drawn from an equal copy (a reload hands back new objects): its key says unchanged.
    const drawnNow = new Map([
      ['a', { annotation: { ...a }, key: `${a.updatedAt}|anchored|11|28|yellow|` }],
      ['b', { annotation: { ...b, updatedAt: 'earlier' }, key: 'old' }],
      ['gone', { annotation: annotation('gone', 1, 2), key: 'x' }],
    ]);
    const { remove, add } = diffAnnotations(drawnNow, [a, b, annotation('c', 1, 3, { versionId: 'v0' })], VERSION);
    expect(remove.sort()).toEqual(['b', 'gone']);
    expect(add.map((x) => x.id)).toEqual(['b']);
  });

  it('leaves its state alone on transactions that say nothing to it (selections)', () => {
    const holder = setup();
    holder.sync([annotation('a', 11, 28)]);
    const before = annotationState(holder.state)!;
    const next = holder.state.apply(holder.state.tr.setSelection(TextSelection.create(holder.state.doc, 14, 20)));
    expect(annotationState(next)).toBe(before);
  });
});

describe('claim markers', () => {
  const mark = (claimId: string, stance: ClaimMark['stance'], wording = 'Nadya shot herself'): ClaimMark => ({
    claimId,
    accountId: `acc-${claimId}`,
    wording,
    stance,
  });
  const widgetsOf = (set: DecorationSet) =>
    set
      .find()
      .filter((decoration) => decoration.from === decoration.to)
      .map((decoration) => ({ at: decoration.from, id: decoration.spec.annotationId as string, key: decoration.spec.key as string }));

  /** A claims map that counts its look-ups. */
  class CountingMap extends Map<string, ClaimMarks> {
    lookups = 0;
    override get(key: string) {
      this.lookups++;
      return super.get(key);
    }
  }

  it('draws a marker after a highlight that is an account of a claim, after its grade, with its symbols and label', () => {
    const { sync, positions } = setup();
    const claims = new Map([['a', claimMarksOf([mark('c1', 'supports')])]]);
    const { plugin } = sync([annotation('a', 11, 28, { credibility: 2 }), annotation('b', 50, 56)], claims);
    const widgets = plugin.decorations.find().filter((decoration) => decoration.from === decoration.to);
    expect(widgets.map((w) => [w.from, w.spec.annotationId, (w as unknown as { type: { side: number } }).type.side])).toEqual([
      [positions.toPosition(28), 'a', 1],
      [positions.toPosition(28), 'a', 2],
    ]);
    // The marker's element: symbols drawn from the attribute (no text of its own), named in words, a button.
    expect(claimMarkerAttributes('a', claims.get('a')!)).toEqual({
      class: 'claim-marker',
      'data-claims-of': 'a',
      'data-symbols': '◆✔',
      'data-stances': 'supports',
      contenteditable: 'false',
      role: 'button',
      tabindex: '0',
      'aria-label': 'Account of claim: Nadya shot herself (supports)',
      title: 'Account of claim: Nadya shot herself (supports)',
    });
    expect(claimMarkerAttributes('b', claimMarksOf([mark('c1', 'supports'), mark('c2', 'mentions', 'Other')]))).toMatchObject({
      'data-symbols': '◆✔○',
      'aria-haspopup': 'menu',
      'aria-label': 'Account of 2 claims: Nadya shot herself (supports); Other (mentions)',
    });
    expect(plugin.drawn.get('a')!.claimKey).toBe(claims.get('a')!.key);
  });

  it('redraws just the highlight whose claims changed: attach, change the stance, detach', () => {
    const { sync, apply } = setup();
    const a = annotation('a', 11, 28);
    const b = annotation('b', 50, 56);
    sync([a, b], new Map());
    const add = vi.spyOn(DecorationSet.prototype, 'add');

    // Attach b: b alone is taken off and drawn again, now with its marker.
    const attached = new Map([['b', claimMarksOf([mark('c1', 'supports')])]]);
    const { meta, plugin } = sync([a, b], attached);
    expect(meta).toEqual({ claims: attached, remove: ['b'], add: [b] });
    expect(add).toHaveBeenCalledTimes(1);
    expect(widgetsOf(plugin.decorations).map((w) => w.id)).toEqual(['b']);

    // The same marks, in a map built anew (another claim changed elsewhere): nothing is redrawn.
    const rebuilt = new Map([['b', claimMarksOf([mark('c1', 'supports')])]]);
    const { meta: same, plugin: unchanged } = sync([a, b], rebuilt);
    expect(same).toEqual({ claims: rebuilt });
    expect(unchanged.decorations).toBe(plugin.decorations);
    expect(unchanged.claims).toBe(rebuilt);

    // A new stance: b is redrawn with the new symbol.
    const qualified = new Map([['b', claimMarksOf([mark('c1', 'qualifies')])]]);
    const { meta: restanced, plugin: afterStance } = sync([a, b], qualified);
    expect(afterStance.drawn.get('b')!.claimKey).toBe(qualified.get('b')!.key);
    expect(restanced?.remove).toEqual(['b']);
    expect(widgetsOf(afterStance.decorations)[0]!.key).toContain('qualifies');

    // Lighting it up redraws it with the marks it has now; nothing else to sync.
    const lit = apply({ hovered: 'b' });
    expect(widgetsOf(lit.decorations)[0]!.key).toContain('qualifies');
    expect(sync([a, b], qualified).meta).toBeNull();
    apply({ hovered: null });

    // Detached: the marker goes, the highlight stays.
    const { meta: detached, plugin: afterDetach } = sync([a, b], new Map());
    expect(detached?.remove).toEqual(['b']);
    expect(widgetsOf(afterDetach.decorations)).toEqual([]);
    expect([...afterDetach.drawn.keys()]).toEqual(['a', 'b']);
  });

  it('costs no look-up while the claims are unchanged, and one per annotation when they change (10,000 drawn)', () => {
    const holder = setup();
    const { sync } = holder;
    const many = Array.from({ length: 10_000 }, (_, index) => annotation(`n${index}`, 11 + (index % 30), 12 + (index % 30) + (index % 5)));
    const claims = new CountingMap();
    sync(many, claims);
    claims.lookups = 0;

    // A highlight added, the claims as they were: only the new one's marks are looked up (to draw it).
    const added = annotation('new', 50, 55);
    const { meta } = sync([...many, added], claims);
    expect(meta).toEqual({ remove: [], add: [added] });
    expect(claims.lookups).toBe(1);

    // One account attached: one look-up per drawn annotation, one highlight redrawn, and the
    // block holding the 10,000 keeps its very same decorations.
    const before = annotationState(holder.state)!;
    const next = new CountingMap([['new', claimMarksOf([mark('c1', 'contradicts')])]]);
    const { meta: attach, plugin } = sync([...many, added], next);
    expect(attach?.remove).toEqual(['new']);
    expect(attach?.add).toEqual([added]);
    expect(next.lookups).toBe(10_001 + 1);
    expect(widgetsOf(plugin.decorations).map((w) => w.id)).toEqual(['new']);
    const chunk = holder.state.doc.child(0);
    const paragraph = chunk.child(1);
    const offset = chunk.child(0).nodeSize;
    const inParagraph = (state: AnnotationPluginState) => state.decorations.forChild(0, chunk).forChild(offset, paragraph);
    expect(inParagraph(plugin)).toBe(inParagraph(before));
  });
});

describe('the note', () => {
  const run = (typed: string, rule: (typeof markRules)[number]) => {
    // The rule sees the text before the caret plus the character being typed.
    let state = EditorState.create({ schema: noteSchema });
    state = state.apply(state.tr.insertText(typed.slice(0, -1)));
    const before = state.doc.textBetween(0, state.selection.from, undefined, '\ufffc') + typed.slice(-1);
    const match = rule.match.exec(before);
    if (!match) return null;
    const to = state.selection.from;
    const tr = rule.handler(state, match, to - (match[0].length - 1), to);
    return tr ? state.apply(tr).doc : null;
  };
  const rule = (name: string) => markRules.filter((r) => r.name === name);

  it('turns **bold** into bold text', () => {
    const doc = run('a **strong claim**', rule('bold')[0]!)!;
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a ' }, { type: 'text', text: 'strong claim', marks: [{ type: 'strong' }] }] }],
    });
  });

  it('turns *italic* into italic text but leaves the middle of **bold** alone', () => {
    expect(run('*слабо*', rule('italic')[0]!)!.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual(['em']);
    expect(run('**bold*', rule('italic')[0]!)).toBeNull();
  });

  it('turns [text](url) into a link, and refuses javascript: links', () => {
    const doc = run('see [the memoir](https://example.org/m)', rule('link')[0]!)!;
    const link = doc.firstChild!.lastChild!;
    expect(link.text).toBe('the memoir');
    expect(link.marks[0]!.attrs.href).toBe('https://example.org/m');
    expect(run('[x](javascript:alert(1))', rule('link')[0]!)).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('www.example.org')).toBe('https://www.example.org');
  });

  it('stores the document JSON the backend accepts and reads it back identically', () => {
    const json = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Doubtful', marks: [{ type: 'strong' }] }, { type: 'hard_break' }, { type: 'text', text: 'see' }] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'ordered_list', attrs: { order: 1 }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
      ],
    };
    const doc = noteFromJSON(json)!;
    expect(noteToJSON(doc)).toEqual(json);
    expect(NoteDocument.safeParse(noteToJSON(doc)).success).toBe(true);
    expect(noteToJSON(noteFromJSON(null)!)).toBeNull();
    expect(noteFromJSON({ type: 'doc', content: [{ type: 'table' }] })).toBeNull();
  });
});

describe('the codebook search', () => {
  const tags: Tag[] = [
    { id: 't1', name: 'Causes', parentId: null, color: 'yellow', description: '', count: 0 },
    { id: 't2', name: 'Economic', parentId: 't1', color: 'yellow', description: '', count: 0 },
    { id: 't3', name: 'Террор', parentId: null, color: 'red', description: '', count: 0 },
    { id: 't4', name: 'Illness', parentId: null, color: 'gray', description: '', count: 0 },
  ];

  it('shows full paths and finds by any part of the path, ignoring case', () => {
    expect(tagPath(tags[1]!, tags)).toBe('Causes / Economic');
    expect(matchTags(tags, 'econ').map((o) => o.path)).toEqual(['Causes / Economic']);
    expect(matchTags(tags, 'causes/').map((o) => o.path)).toEqual(['Causes / Economic']);
    expect(matchTags(tags, 'тер').map((o) => o.tag.id)).toEqual(['t3']);
    expect(matchTags(tags, 'ill', ['t4'])).toEqual([]);
    expect(findByPath(tags, 'causes / economic')?.id).toBe('t2');
    expect(findByPath(tags, 'Economic')).toBeUndefined();
  });
});

describe('toolbar and workbench keys', () => {
  const key = (code: string, extra: Partial<KeyboardEvent> = {}) =>
    ({ code, key: extra.key ?? code, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra }) as KeyboardEvent;

  it('maps 1–8 to colours, Shift+1–6 to credibility, T and N by physical key', () => {
    expect(toolbarActionOf(key('Digit1', { key: '1' }))).toEqual({ kind: 'color', color: 'yellow' });
    expect(toolbarActionOf(key('Digit8', { key: '8' }))).toEqual({ kind: 'color', color: 'gray' });
    expect(toolbarActionOf(key('Digit2', { key: '@', shiftKey: true }))).toEqual({ kind: 'credibility', grade: 2 });
    expect(toolbarActionOf(key('Digit7', { key: '&', shiftKey: true }))).toBeNull();
    expect(toolbarActionOf(key('KeyT', { key: 'е' }))).toEqual({ kind: 'tag' }); // Russian layout
    expect(toolbarActionOf(key('KeyN', { key: 'т' }))).toEqual({ kind: 'note' });
    expect(toolbarActionOf(key('Digit1', { key: '1', ctrlKey: true }))).toBeNull();
    expect(toolbarActionOf(key('Escape', { key: 'Escape' }))).toEqual({ kind: 'close' });
  });

  it('maps C to Claim… by physical key, leaving Shift+C and Mod-c (copy) alone', () => {
    expect(toolbarActionOf(key('KeyC', { key: 'c' }))).toEqual({ kind: 'claim' });
    expect(toolbarActionOf(key('KeyC', { key: 'с' }))).toEqual({ kind: 'claim' }); // Russian layout
    expect(toolbarActionOf(key('KeyC', { key: 'C', shiftKey: true }))).toBeNull();
    expect(toolbarActionOf(key('KeyC', { key: 'c', ctrlKey: true }))).toBeNull();
  });

  it('maps Mod-z to undo and Mod-Shift-z, Mod-y to redo', () => {
    expect(undoRedoOf(key('KeyZ', { key: 'z', ctrlKey: true }))).toBe('undo');
    expect(undoRedoOf(key('KeyZ', { key: 'Z', ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoRedoOf(key('KeyY', { key: 'y', metaKey: true }))).toBe('redo');
    expect(undoRedoOf(key('KeyZ', { key: 'я', ctrlKey: true }))).toBe('undo');
    expect(undoRedoOf(key('KeyZ', { key: 'z' }))).toBeNull();
  });
});
