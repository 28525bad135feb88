/**
 * The lines of a raw text with their content trimmed of white space, as offsets into the raw
 * text: what every layout rule starts from. A blank line has start === end.
 */
export interface RawLine {
  /** Offset of the first non-blank character (or of the line's end, for a blank line). */
  readonly start: number;
  /** Offset after the last non-blank character. */
  readonly end: number;
  /** The whole line, without its newline. */
  readonly lineStart: number;
  readonly lineEnd: number;
}

export function* rawLines(raw: string): Generator<RawLine> {
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = raw.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isBlank(raw.charCodeAt(start))) start++;
    while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
    yield start === end ? { start: lineEnd, end: lineEnd, lineStart, lineEnd } : { start, end, lineStart, lineEnd };
    lineStart = lineEnd + 1;
  }
}

/** White space as JavaScript's \s knows it, without a regular expression per character. */
function isBlank(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
