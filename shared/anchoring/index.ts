/**
 * Stand-off anchoring of annotations to a version's reading text: the selectors an annotation
 * keeps, and re-anchoring them onto a new version. Pure TypeScript (no Node or DOM): it runs in
 * the renderer and in the main process.
 */
export {
  CONTEXT_LENGTH,
  CodePointIndex,
  codePointLength,
  describeRange,
  selectorsOf,
  toCodePointOffset,
  toUtf16Offset,
  type AnchorTarget,
  type PositionSelector,
  type QuoteSelector,
  type Utf16Range,
} from './selectors';
export { anchor, anchorAll, type AnchorOptions, type AnchorResult } from './anchor';
export { RevisionMap, type EqualRun, type MappedRange } from './revision-map';
export { editDistance, similarity } from './edit-distance';
