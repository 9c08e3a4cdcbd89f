import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { THEMATIC_BREAK } from './cuts.js';

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

/** A list item's marker and content: a bullet, or a number and its delimiter. */
const ITEM = /^ {0,3}(?:[-+*]|(\d{1,9})([.)]))[ \t]+(?=\S)/;
/** A line of a paragraph's text: no block of its own can start with it (a thematic break's `***` aside). */
const PLAIN = /^[ \t]*[\p{L}\p{N}*_]/u;

/**
 * Reports the first paragraph, as the parser reads them, with more emphasis marks (runs of `*` or `_`) than the
 * parser should be asked to pair; true when all is well. A blank line ends a paragraph, and so does a list item
 * that can interrupt one (a bullet, or a number 1); a later number (`2.`) only after an item of the same delimiter
 * whose lines were all text (after anything else, such as a fence, `2.` goes on a paragraph rather than start an
 * item). Counting too much is safe, counting too little is not.
 */
export function checkEmphasis(ctx: ParseContext): boolean {
  let marks = 0;
  let start = -1;
  /** The delimiter of the ordered item the count began at, while every line since is text. */
  let ordered: string | undefined;
  for (const [index, line] of ctx.lines.entries()) {
    if (line.trim() === '') {
      marks = 0;
      start = -1;
      ordered = undefined;
      continue;
    }
    const item = ITEM.exec(line);
    const content = item ? line.slice(item[0].length) : line;
    const startsItem = item && (!item[1] || item[1] === '1' || item[2] === ordered);
    const plain = PLAIN.test(content) && !THEMATIC_BREAK.test(content);
    if (startsItem) {
      marks = 0;
      start = -1;
      ordered = item[2] && plain ? item[2] : undefined;
    } else if (!plain || THEMATIC_BREAK.test(line)) ordered = undefined;
    if (start < 0) start = index;
    marks += content.match(/[*_]+/g)?.length ?? 0;
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
