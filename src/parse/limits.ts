import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';

/**
 * Limits that keep a pathological file from hanging the parser: the Markdown
 * parser slows down steeply with nesting (a few thousand nested list levels
 * take minutes) and with emphasis marks in one paragraph (it pairs them in
 * time that grows with their square: 40 000 `a*` take two minutes), and a
 * resume never needs more than a few of either.
 */
export const MAX_BYTES = 1024 * 1024;
const MAX_NESTING = 32;
const MAX_EMPHASIS_MARKS = 1000;

/** The container prefix of a line: indentation, `>` quotes and list markers. */
const PREFIX = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

/** Reports the first line nested deeper than the parser should be asked to read; true when all is well. */
export function checkNesting(ctx: ParseContext): boolean {
  for (const [index, line] of ctx.lines.entries()) {
    const prefix = PREFIX.exec(line)![0];
    const indent = [...prefix].reduce((width, c) => width + (c === '\t' ? 4 : c === ' ' ? 1 : 0), 0);
    const markers = prefix.replace(/[ \t]/g, '').replace(/\d+(?=[.)])/g, '').length;
    const depth = Math.max(markers, Math.floor(indent / 2));
    if (depth > MAX_NESTING) {
      ctx.error({ line: index + 1, column: 1 }, messages.nestedTooDeep(depth, MAX_NESTING), messages.nestedTooDeepHint);
      return false;
    }
  }
  return true;
}

/**
 * Reports the first paragraph (lines between blank lines) with more emphasis marks (runs of `*` or `_`) than the parser
 * should be asked to pair; true when all is well.
 */
export function checkEmphasis(ctx: ParseContext): boolean {
  let marks = 0;
  let start = -1;
  for (const [index, line] of ctx.lines.entries()) {
    if (line.trim() === '') {
      marks = 0;
      start = -1;
      continue;
    }
    if (start < 0) start = index;
    marks += line.match(/[*_]+/g)?.length ?? 0;
    if (marks > MAX_EMPHASIS_MARKS) {
      ctx.error(
        { line: start + 1, column: 1 },
        messages.emphasisTooMany(MAX_EMPHASIS_MARKS),
        messages.emphasisTooManyHint,
      );
      return false;
    }
  }
  return true;
}
