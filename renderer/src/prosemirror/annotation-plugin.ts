/**
 * Annotations drawn over a read-only source. They are stand-off data (offsets into the reading
 * text), shown as decorations that live in the plugin's state and change one annotation at a
 * time: adding, changing or removing an annotation touches only its own decorations, never the
 * whole set (rebuilding thousands of decorations at once costs most of a second).
 *
 * Each annotation is one inline decoration with its own element (`nodeName: 'mark'`), so
 * overlapping annotations nest instead of merging: every piece of text keeps the
 * `data-annotation-id` and colour class of each annotation over it, and the semi-transparent
 * backgrounds mix where they overlap. A range that crosses paragraphs and headings is drawn in
 * each block it touches.
 *
 * A highlight that is an account of a claim gets a small marker after it (a widget with the
 * stance symbols). The claims reach the plugin as a map by annotation id (`ClaimMarks`, built once
 * per change of the claims); an annotation is redrawn when its entry's key changes, so attaching
 * one account redraws one highlight.
 *
 * In a pane, highlights (with their grades and claim markers) are drawn only in the chunks on
 * screen or near it (`visible-chunks`): the plugin keeps every annotation's decorations
 * (`decorations`) and shows those of the window (`shown`), moving them in and out as the reader
 * scrolls.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { CREDIBILITY_WORDING, type Annotation } from '../../../shared/annotations';
import type { ClaimMarks } from '../claims/claim-marks';
import type { TextPositions } from './text-positions';
import { watchVisibleChunks, type PositionWindow } from './visible-chunks';

/** What one drawn annotation is remembered by: enough to redraw it and to tell when it changed. */
interface Drawn {
  readonly annotation: Annotation;
  readonly from: number;
  readonly to: number;
  readonly key: string;
  /** The key of the claim marks it was drawn with ('' for none). */
  readonly claimKey: string;
}

/** Claim marks by annotation id. */
export type ClaimMarksMap = ReadonlyMap<string, ClaimMarks>;
const NO_CLAIMS: ClaimMarksMap = new Map();

export interface AnnotationPluginState {
  /** Every drawn annotation's decorations. */
  readonly decorations: DecorationSet;
  /**
   * What the view shows when drawing is limited to the chunks near the screen: the decorations in
   * `window` (null: not limited, the view shows `decorations`).
   */
  readonly shown: DecorationSet | null;
  /** The chunks near the screen (null: none known yet, no highlight is shown). */
  readonly window: PositionWindow | null;
  /** The annotations drawn now, by id. */
  readonly drawn: ReadonlyMap<string, Drawn>;
  /** Lit up because the pointer is over it, here or in the sidebar. */
  readonly hovered: string | null;
  /** The annotation whose toolbar is open. */
  readonly active: string | null;
  /** The claims each highlight is an account of, as last given. */
  readonly claims: ClaimMarksMap;
}

/** What a transaction tells the plugin (all optional; applied in this order). */
export interface AnnotationMeta {
  /** The claim marks from now on (those drawn from now on use them; redrawing is by `remove`/`add`). */
  readonly claims?: ClaimMarksMap;
  readonly remove?: readonly string[];
  readonly add?: readonly Annotation[];
  readonly hovered?: string | null;
  readonly active?: string | null;
  /** The chunks near the screen changed (drawing is limited to them). */
  readonly window?: PositionWindow | null;
}

export interface AnnotationPluginOptions {
  /**
   * Draw highlights only in the chunks on screen or near it (a pane in a browser). Off, every
   * highlight is drawn (where nothing scrolls, or no layout is to be observed).
   */
  readonly nearScreenOnly?: boolean;
}

export const annotationPluginKey = new PluginKey<AnnotationPluginState>('annotations');

/** Only anchored annotations of the version the pane shows are drawn. */
function isDrawable(annotation: Annotation, versionId: string): boolean {
  return (
    annotation.status === 'anchored' &&
    annotation.versionId === versionId &&
    annotation.start !== null &&
    annotation.end !== null &&
    annotation.end > annotation.start
  );
}

/** Everything that changes how an annotation is drawn; a new `updatedAt` always counts as a change. */
function drawKey(annotation: Annotation): string {
  return [annotation.updatedAt, annotation.status, annotation.start, annotation.end, annotation.color, annotation.credibility].join('|');
}

/**
 * Which annotations to take away and which to (re)draw so the pane shows `next`: compares by id
 * and by what is drawn (updatedAt, place, colour, grade). A changed annotation is removed and
 * added again; an unchanged one is left alone. With `claims` (given only when the claims changed
 * since the annotations were drawn), an annotation whose claim marks changed is redrawn too.
 */
export function diffAnnotations(
  drawn: ReadonlyMap<string, { readonly annotation: Annotation; readonly key: string; readonly claimKey?: string }>,
  next: readonly Annotation[],
  versionId: string,
  claims: ClaimMarksMap | null = null,
): { remove: string[]; add: Annotation[] } {
  const remove: string[] = [];
  const add: Annotation[] = [];
  // The store hands back the same object for an annotation that did not change, so with
  // thousands drawn the comparison is mostly one identity check each, and nothing is allocated
  // per annotation unless something was taken away (this runs on every change in the pane).
  let kept = 0;
  for (const annotation of next) {
    if (!isDrawable(annotation, versionId)) continue;
    const current = drawn.get(annotation.id);
    if (!current) add.push(annotation);
    else if (
      (current.annotation !== annotation && drawKey(annotation) !== current.key) ||
      // One look-up and one string comparison, and only when the claims changed at all.
      (claims !== null && (claims.get(annotation.id)?.key ?? '') !== (current.claimKey ?? ''))
    ) {
      add.push(annotation);
      remove.push(annotation.id);
    } else kept++;
  }
  if (kept + remove.length < drawn.size) {
    const wanted = new Set<string>();
    for (const annotation of next) if (isDrawable(annotation, versionId)) wanted.add(annotation.id);
    for (const id of drawn.keys()) if (!wanted.has(id)) remove.push(id);
  }
  return { remove, add };
}

export function annotationPlugin(positions: TextPositions, options: AnnotationPluginOptions = {}): Plugin<AnnotationPluginState> {
  const limited = options.nearScreenOnly === true;
  return new Plugin<AnnotationPluginState>({
    key: annotationPluginKey,
    state: {
      init: () => ({
        decorations: DecorationSet.empty,
        shown: limited ? DecorationSet.empty : null,
        window: null,
        drawn: new Map(),
        hovered: null,
        active: null,
        claims: NO_CLAIMS,
      }),
      apply: (transaction, state) => applyMeta(transaction, state, positions),
    },
    props: {
      decorations: (state: EditorState) => {
        const plugin = annotationPluginKey.getState(state);
        return plugin?.shown ?? plugin?.decorations;
      },
    },
    view: limited
      ? (editorView) =>
          watchVisibleChunks(editorView, (window) => {
            if (!editorView.isDestroyed) editorView.dispatch(editorView.state.tr.setMeta(annotationPluginKey, { window }));
          })
      : undefined,
  });
}

const within = (decoration: Decoration, window: PositionWindow | null) =>
  window !== null && decoration.from >= window.from && decoration.to <= window.to;

/** Brings `shown` to a new window: the decorations leaving it taken out, those entering taken from `all`. */
function moveWindow(all: DecorationSet, shown: DecorationSet, from: PositionWindow | null, to: PositionWindow | null, doc: ProseMirrorNode): DecorationSet {
  const leaving = from ? shown.find(from.from, from.to).filter((decoration) => !within(decoration, to)) : [];
  const entering = to ? all.find(to.from, to.to).filter((decoration) => within(decoration, to) && !within(decoration, from)) : [];
  let next = leaving.length > 0 ? shown.remove(leaving) : shown;
  if (entering.length > 0) next = next.add(doc, entering);
  return next;
}

/** The annotation state of an editor state (empty if the plugin is not installed). */
export function annotationState(state: EditorState): AnnotationPluginState | undefined {
  return annotationPluginKey.getState(state);
}

function applyMeta(transaction: Transaction, state: AnnotationPluginState, positions: TextPositions): AnnotationPluginState {
  const meta = transaction.getMeta(annotationPluginKey) as AnnotationMeta | undefined;
  // The source never changes, but mapping keeps the set right should a transaction ever touch it.
  let decorations = transaction.docChanged ? state.decorations.map(transaction.mapping, transaction.doc) : state.decorations;
  let shown = state.shown && transaction.docChanged ? state.shown.map(transaction.mapping, transaction.doc) : state.shown;
  if (!meta) return decorations === state.decorations ? state : { ...state, decorations, shown };
  const doc = transaction.doc;
  let window = state.window;
  if (meta.window !== undefined) {
    if (shown) shown = moveWindow(decorations, shown, window, meta.window, doc);
    window = meta.window;
  }
  // Only new claim marks or a new window, none of the drawn annotations changed: nothing to redraw.
  if (!meta.add && !meta.remove && meta.hovered === undefined && meta.active === undefined) {
    return { ...state, decorations, shown, window, claims: meta.claims ?? state.claims };
  }

  const drawn = new Map(state.drawn);
  const hovered = meta.hovered !== undefined ? meta.hovered : state.hovered;
  const active = meta.active !== undefined ? meta.active : state.active;
  const claims = meta.claims ?? state.claims;
  const removedByMeta = new Set(meta.remove ?? []);
  const toRemove = new Set(removedByMeta);
  const toAdd = new Map<string, Annotation>();
  for (const annotation of meta.add ?? []) {
    toRemove.add(annotation.id); // replaces what is drawn for it, if anything
    toAdd.set(annotation.id, annotation);
  }
  // Lighting up or down redraws just the annotations whose state changed.
  for (const id of new Set([state.hovered, hovered, state.active, active])) {
    if (id === null) continue;
    const changed = (id === state.hovered) !== (id === hovered) || (id === state.active) !== (id === active);
    const current = drawn.get(id);
    // (An annotation being removed stays removed, lit or not.)
    if (changed && current && !toAdd.has(id) && !removedByMeta.has(id)) {
      toRemove.add(id);
      toAdd.set(id, current.annotation);
    }
  }

  const removed: Decoration[] = [];
  for (const id of toRemove) {
    const current = drawn.get(id);
    if (!current) continue;
    removed.push(...decorations.find(current.from, current.to, (spec) => spec.annotationId === id));
    drawn.delete(id);
  }
  // (A set's `remove` and `add` empty the array they are given: each set gets its own copy.)
  if (removed.length > 0) {
    if (shown) shown = shown.remove(removed.slice());
    decorations = decorations.remove(removed);
  }

  const added: Decoration[] = [];
  for (const annotation of toAdd.values()) {
    const marks = claims.get(annotation.id) ?? null;
    const made = decorationsFor(annotation, positions, doc, { hovered: annotation.id === hovered, active: annotation.id === active, marks });
    if (!made) continue;
    added.push(...made.decorations);
    drawn.set(annotation.id, { annotation, from: made.from, to: made.to, key: drawKey(annotation), claimKey: marks?.key ?? '' });
  }
  if (added.length > 0) {
    const showing = shown ? added.filter((decoration) => within(decoration, window)) : [];
    if (shown && showing.length > 0) shown = shown.add(doc, showing);
    decorations = decorations.add(doc, added);
  }

  return { decorations, shown, window, drawn, hovered, active, claims };
}

function decorationsFor(
  annotation: Annotation,
  positions: TextPositions,
  doc: ProseMirrorNode,
  state: { hovered: boolean; active: boolean; marks: ClaimMarks | null },
): { decorations: Decoration[]; from: number; to: number } | null {
  if (annotation.start === null || annotation.end === null) return null;
  const size = doc.content.size;
  const from = Math.min(positions.toPosition(annotation.start), size);
  const to = Math.min(positions.toPosition(annotation.end), size);
  if (to <= from) return null;
  const classes = ['annotation', `annotation-${annotation.color}`];
  if (state.hovered) classes.push('is-hovered');
  if (state.active) classes.push('is-active');
  const spec = { annotationId: annotation.id };
  const attrs = {
    // Its own element per annotation: overlapping annotations nest rather than merge.
    nodeName: 'mark',
    class: classes.join(' '),
    'data-annotation-id': annotation.id,
    'data-color': annotation.color,
  };
  // One piece per block it touches: a decoration inside one block is filed under that block, so
  // the view only looks at it when that block changes. (A decoration spanning blocks is checked
  // against every block of the document on every update: with thousands, that costs a frame.)
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, position) => {
    if (!node.isTextblock) return true;
    const pieceFrom = Math.max(from, position + 1);
    const pieceTo = Math.min(to, position + 1 + node.content.size);
    if (pieceTo > pieceFrom) decorations.push(Decoration.inline(pieceFrom, pieceTo, attrs, spec));
    return false;
  });
  if (decorations.length === 0) return null;
  if (annotation.credibility !== null) {
    // The grade is shown as a number too (meaning never rests on colour alone). Its text is drawn
    // by CSS from the attribute, so it never enters the text, selections or copies.
    const credibility = annotation.credibility;
    decorations.push(
      Decoration.widget(to, () => gradeElement(annotation.id, credibility), {
        side: 1,
        ignoreSelection: true,
        key: `grade-${annotation.id}-${credibility}`,
        ...spec,
      }),
    );
  }
  const marks = state.marks;
  if (marks && marks.marks.length > 0) {
    // After the grade (a larger side), so the number stays next to the text it grades.
    decorations.push(
      Decoration.widget(to, () => claimMarkerElement(annotation.id, marks), {
        side: 2,
        ignoreSelection: true,
        key: `claims-${annotation.id}-${marks.key}`,
        ...spec,
      }),
    );
  }
  return { decorations, from, to };
}

/**
 * The marker of a highlight that is an account of claims: the claim sign and each stance's symbol
 * (drawn by CSS from the attribute, so never part of the text), named in words for screen readers
 * and in the tooltip. A click (or Enter) on it shows the claim's accounts compared.
 */
export function claimMarkerAttributes(annotationId: string, marks: ClaimMarks): Record<string, string> {
  const attributes: Record<string, string> = {
    class: 'claim-marker',
    'data-claims-of': annotationId,
    'data-symbols': marks.symbols,
    'data-stances': marks.marks.map((mark) => mark.stance).join(' '),
    contenteditable: 'false',
    role: 'button',
    tabindex: '0',
    'aria-label': marks.label,
    title: marks.label,
  };
  if (marks.marks.length > 1) attributes['aria-haspopup'] = 'menu';
  return attributes;
}

function claimMarkerElement(annotationId: string, marks: ClaimMarks): HTMLElement {
  const element = document.createElement('span');
  for (const [name, value] of Object.entries(claimMarkerAttributes(annotationId, marks))) element.setAttribute(name, value);
  return element;
}

function gradeElement(annotationId: string, credibility: number): HTMLElement {
  const element = document.createElement('span');
  element.className = 'annotation-grade';
  element.dataset.grade = String(credibility);
  element.dataset.gradeOf = annotationId;
  element.setAttribute('contenteditable', 'false');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `Credibility ${credibility}: ${CREDIBILITY_WORDING[credibility] ?? ''}`);
  element.title = `Credibility ${credibility}: ${CREDIBILITY_WORDING[credibility] ?? ''}`;
  return element;
}

/**
 * The transaction meta that brings the drawn annotations in line with `annotations` (and, when
 * given, their claim marks with `claims`). While the claims map is the one already drawn with,
 * the claims cost nothing; when it is new, one look-up per annotation.
 */
export function syncMeta(
  state: EditorState,
  annotations: readonly Annotation[],
  versionId: string,
  claims?: ClaimMarksMap,
): AnnotationMeta | null {
  const current = annotationState(state);
  if (!current) return null;
  const claimsChanged = claims !== undefined && claims !== current.claims;
  const { remove, add } = diffAnnotations(current.drawn, annotations, versionId, claimsChanged ? claims : null);
  if (remove.length > 0 || add.length > 0) return claimsChanged ? { claims, remove, add } : { remove, add };
  // Nothing to redraw, but later redraws (lighting up) use the new marks.
  return claimsChanged ? { claims } : null;
}
