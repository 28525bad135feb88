/**
 * Writing a note by keyboard: Mod-b and Mod-i for bold and italic, Markdown-style input rules
 * (`**bold**`, `*italic*`, `[text](url)`, `- ` and `1. ` at the start of a line for lists), Enter
 * continues a list, Tab and Shift-Tab indent and outdent list items, Shift-Enter breaks a line,
 * and the note keeps its own undo history while it has the focus.
 */
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { InputRule, inputRules, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Attrs, MarkType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, EditorState, Plugin, Transaction } from 'prosemirror-state';
import { noteSchema, safeHref } from './note-schema';

const { strong, em, link } = noteSchema.marks as Record<'strong' | 'em' | 'link', MarkType>;
const { bullet_list: bulletList, ordered_list: orderedList, list_item: listItem, hard_break: hardBreak } = noteSchema.nodes as Record<
  'bullet_list' | 'ordered_list' | 'list_item' | 'hard_break',
  NonNullable<(typeof noteSchema.nodes)[string]>
>;

export type RuleHandler = (state: EditorState, match: RegExpMatchArray, start: number, end: number) => Transaction | null;

/** Replaces the typed Markdown (`**bold**`) by its text with the mark, and stops the mark there. */
function markHandler(type: MarkType, attrsOf?: (match: RegExpMatchArray) => Attrs | null): RuleHandler {
  return (state, match, start, end) => {
    const text = match[1];
    if (!text) return null;
    const attrs = attrsOf ? attrsOf(match) : null;
    if (attrsOf && !attrs) return null;
    const marks = type.create(attrs).addToSet(state.doc.resolve(start).marks());
    const transaction = state.tr.replaceWith(start, end, noteSchema.text(text, marks));
    transaction.removeStoredMark(type);
    return transaction;
  };
}

/** The Markdown-style rules for marks, as plain data so they can be tried without an editor. */
export const markRules: readonly { readonly name: string; readonly match: RegExp; readonly handler: RuleHandler }[] = [
  { name: 'bold', match: /\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, handler: markHandler(strong) },
  { name: 'italic', match: /(?<![*\w])\*([^*\s](?:[^*]*[^*\s])?)\*$/, handler: markHandler(em) },
  { name: 'italic', match: /(?<![_\w])_([^_\s](?:[^_]*[^_\s])?)_$/, handler: markHandler(em) },
  {
    name: 'link',
    match: /\[([^\]]+)\]\(([^()\s]+)\)$/,
    handler: markHandler(link, (match) => {
      const href = safeHref(match[2] ?? '');
      return href ? { href } : null;
    }),
  },
];

function noteInputRules(): Plugin {
  return inputRules({
    rules: [
      ...markRules.map((rule) => new InputRule(rule.match, rule.handler)),
      wrappingInputRule(/^\s*([-+*])\s$/, bulletList),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        orderedList,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs.order) === Number(match[1]),
      ),
    ],
  });
}

const insertHardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(hardBreak.create()).scrollIntoView());
  return true;
};

export interface NoteKeys {
  /** Mod-Enter: save now (and leave the note). */
  readonly onCommit: () => void;
  /** Escape: save and close. */
  readonly onEscape: () => void;
}

/** Every plugin of the note editor, in order of precedence. */
export function notePlugins(keys: NoteKeys): Plugin[] {
  return [
    noteInputRules(),
    history(),
    keymap({
      'Mod-z': undo,
      'Shift-Mod-z': redo,
      'Mod-y': redo,
      Backspace: undoInputRule,
      'Mod-b': toggleMark(strong),
      'Mod-B': toggleMark(strong),
      'Mod-i': toggleMark(em),
      'Mod-I': toggleMark(em),
      Enter: splitListItem(listItem),
      'Shift-Enter': insertHardBreak,
      'Mod-Enter': () => {
        keys.onCommit();
        return true;
      },
      Escape: () => {
        keys.onEscape();
        return true;
      },
      Tab: sinkListItem(listItem),
      'Shift-Tab': liftListItem(listItem),
      'Mod-]': sinkListItem(listItem),
      'Mod-[': liftListItem(listItem),
    }),
    keymap(baseKeymap),
  ];
}
