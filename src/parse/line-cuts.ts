import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import { DELIMITER_ROW } from './cuts.js';
import { referenceKeys } from './references.js';
import { type Closers, closersAlong, leavesNoMarkOpen, opensLikeDefinition } from './open-marks.js';

/**
 * One long line of a paragraph, read a piece at a time. Parts are cut only between lines (cuts.ts), and remark holds
 * some 0.5-1 KB per character of a line it reads at once; so a part that opens with a long line is cut at single
 * spaces (a non-space either side: a paragraph drops the whitespace at its ends, and two spaces make a hard break),
 * each piece parsed on its own, and the pieces' paragraphs joined into one with the space between them. The pieces
 * hold only when each is one paragraph (a line that opens a heading, list, quote, fence, HTML block or definition is
 * read whole), and no mark a piece leaves open (a `*`, a `[`, a backtick, a `<`) could be closed later in its line or
 * paragraph; a space and a line's end read alike on either side of a mark, so the tree is the whole's.
 */

/** How a part is read: pieces of about `pieceChars`, what each is parsed with, and the closers past the line. */
export interface LineReading {
  pieceChars: number;
  /** Whether the part opens the file, where frontmatter may open it. */
  frontmatter: boolean;
  /** The closers of the paragraph's lines after the first (open-marks.ts); none when undefined. */
  after?: Closers;
  parse: (text: string, frontmatter: boolean) => Root;
  /** Called before each piece is parsed: stops a parse past its deadline. */
  onTime: () => void;
}

/** Whether a text's first line is long enough to be read in pieces: more than four parts. */
export function opensLongLine(text: string, partChars: number): boolean {
  const end = text.indexOf('\n');
  return (end < 0 ? text.length : end) > 4 * partChars;
}

/** A single space after a non-space and before a non-space. */
const CUT = /(?<=[^ \t]) (?=[^ \t\r\n])/g;

/**
 * The tree of `lead` (stub definitions, or '') then `text`, a part whose first line is read in pieces; undefined
 * when the pieces would not give the whole's tree (the part is then parsed at once). A piece that leaves a mark open
 * is read again at least twice as long, so a mark that no cut can pass costs a few parses, not one per cut.
 */
export function piecewiseTree(lead: string, text: string, reading: LineReading): Root | undefined {
  const lineEnd = text.includes('\n') ? text.indexOf('\n') : text.length;
  const line = text.slice(0, lineEnd);
  // A table's header row is read with the row after it: the whole line's cells, not the last piece's.
  const next = text.slice(lineEnd + 1).split('\n', 1)[0]!;
  if (cutAfter(line, reading.pieceChars) === undefined || (line.includes('|') && DELIMITER_ROW.test(next))) {
    return undefined;
  }
  const closersAt = closersAlong(line, reading.after ?? { kinds: 0, backticks: Infinity });
  const lineNumber = lead.split('\n').length;
  let tree: Root | undefined;
  let paragraph: Paragraph | undefined;
  for (let [start, least] = [0, reading.pieceChars]; ;) {
    reading.onTime();
    const cut = cutAfter(line, start + least);
    const parsed = reading.parse(lead + text.slice(start, cut ?? text.length), reading.frontmatter && start === 0);
    // No cut held: the part was read at once.
    if (start === 0 && cut === undefined) return parsed;
    const own = parsed.children.filter((node) => node.position!.start.offset! >= lead.length);
    const [first, ...others] = own;
    if (first?.type !== 'paragraph' || (cut !== undefined && others.length > 0)) return undefined;
    if (start === 0 ? opensLikeDefinition(first) : first.position!.start.offset !== lead.length) return undefined;
    // Brackets as written: no escape or character reference makes one that is text.
    const plainBrackets = cut !== undefined && !/[\\&]/.test(text.slice(start, cut));
    if (cut !== undefined && !leavesNoMarkOpen(first, closersAt(cut + 1), undefined, plainBrackets)) {
      least = 2 * (cut - start) + 1;
      continue;
    }
    for (const node of own) movedAlong(node, lineNumber, start);
    if (!tree || !paragraph) [tree, paragraph] = [parsed, first];
    else joined(paragraph, first);
    if (cut === undefined) {
      // A note or link defined after the line, in the part, was not there for the pieces before.
      if (others.some((node) => referenceKeys(node).length > 0)) return undefined;
      tree.children.push(...others);
      tree.position!.end = movedPoint(parsed.position!.end, lineNumber, start);
      paragraph.children = paragraph.children.slice();
      return tree;
    }
    [start, least] = [cut + 1, reading.pieceChars];
  }
}

/** The first single space (its index) of `line` at or past `from`, if any. */
function cutAfter(line: string, from: number): number | undefined {
  CUT.lastIndex = from;
  return CUT.exec(line)?.index;
}

/** Puts `next`'s children at the end of `paragraph`'s, with the one space between them that the cut took out. */
function joined(paragraph: Paragraph, next: Paragraph): void {
  const before = paragraph.children[paragraph.children.length - 1]!;
  const [first, ...rest] = next.children as [PhrasingContent, ...PhrasingContent[]];
  const [end, start] = [before.position!.end, first.position!.start];
  if (before.type === 'text' && first.type === 'text') {
    before.value += ` ${first.value}`;
    before.position!.end = first.position!.end;
  } else if (before.type === 'text') {
    before.value += ' ';
    before.position!.end = { ...end, column: end.column + 1, offset: end.offset! + 1 };
    rest.unshift(first);
  } else if (first.type === 'text') {
    first.value = ` ${first.value}`;
    first.position!.start = { ...start, column: start.column - 1, offset: start.offset! - 1 };
    rest.unshift(first);
  } else {
    const space: Text = { type: 'text', value: ' ', position: { start: { ...end }, end: { ...start } } };
    rest.unshift(space, first);
  }
  for (const child of rest) paragraph.children.push(child);
  paragraph.position!.end = next.position!.end;
}

/** A node of a piece's tree with the positions it has in the part: `by` characters on along line `line`. */
function movedAlong(node: RootContent | PhrasingContent, line: number, by: number): void {
  if (by === 0) return;
  const position = node.position!;
  node.position = { start: movedPoint(position.start, line, by), end: movedPoint(position.end, line, by) };
  for (const child of (node as { children?: (RootContent | PhrasingContent)[] }).children ?? []) {
    movedAlong(child, line, by);
  }
}

/** A point `by` characters on: its column too when it is on `line`, where the piece starts. */
function movedPoint(point: Point, line: number, by: number): Point {
  const column = point.line === line ? point.column + by : point.column;
  return { line: point.line, column, offset: point.offset! + by };
}
