import type { Blockquote, List, Node, Parent, Root } from 'mdast';
import type { Point } from 'unist';
import { contentColumn, DELIMITER_ROW, indentOf, interrupts, isListItem, openedBy } from './cuts.js';

/**
 * A top-level blockquote or list item, read from its lines with the `>` or the item's indent
 * taken off: what is inside is parsed in parts as a document of its own (remark would hold
 * the events of all of it at once), then put back in its quote or item with the positions it
 * has in the source. A line that is not the container's (a lazy line) is kept as written, and
 * must go on a paragraph inside, as it does in the whole.
 */
export interface Container {
  /** The opening line and the line past the last (blank lines at the end included for an item). */
  from: number;
  to: number;
  /** The inside, and how many characters were taken off each of its lines (-1: a lazy line, kept whole). */
  inside: string;
  taken: number[];
  /** The opening line's prefix (`> `, `- `, `1. `), parsed to build the quote or the list around the inside. */
  prefix: string;
}

const QUOTE_PREFIX = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|\r?$)/;
const BLANK = /^[ \t\r]*$/;
/** A line the whole reads as a lazy line but the inside may read as a setext heading's underline (or a table's). */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*\r?$/;
/** A tab among a line's leading markers and spaces: its width depends on the column, which taking off moves. */
const LEADING_TAB = /^[ >\-+*.)\d]*\t/;
/** A footnote's definition, a container of its own in micromark. */
const FOOTNOTE = /^ {0,3}\[\^/;
/** A task item's box: GFM reads it from the item's first line, which the inside would not have. */
const TASK = /^\[[ xX]\]/;

/**
 * The container opened at line `from`, if one; its lines run to the first blank line (a quote) or the first line left
 * of the item's content after a blank line or opening a sibling (an item). undefined when it cannot be read this way:
 * a tab in a line's indent, a task box, or a line that opens an item of another kind (which may be a lazy line).
 */
export function containerAt(lines: readonly string[], from: number): Container | undefined {
  const first = lines[from]!;
  const item = isListItem(first) ? ITEM.exec(first) : null;
  const quote = item ? null : QUOTE_PREFIX.exec(first);
  if (!item && !quote) return undefined;
  const width = item ? contentColumn(item) : quote![0].length;
  const prefix = first.slice(0, width);
  // An item opening with a blank line takes its content's column from the next line.
  if (item && (TASK.test(first.slice(width)) || BLANK.test(first.slice(width)))) return undefined;
  const inside: string[] = [];
  const taken: number[] = [];
  let to = from;
  for (; to < lines.length; to++) {
    const line = lines[to]!;
    if (LEADING_TAB.test(line)) return undefined;
    const blank = BLANK.test(line);
    if (quote && blank) break;
    const take = to === from ? width : quote ? QUOTE_PREFIX.exec(line)?.[0].length : ownLine(line, blank, width);
    if (take === undefined) {
      // Not the container's own line: a sibling item, a line after a blank one or a block that interrupts a
      // paragraph ends it; a line that may be lazy goes in as written.
      if (item && BLANK.test(lines[to - 1]!)) break;
      // An item (of any number) ends a quote's lazy lines; in an item, one of its kind is a sibling.
      if (isListItem(line)) {
        if (BLANK.test(line.replace(ITEM, '')) || (item && markerKind(line) !== markerKind(first))) return undefined;
        break;
      }
      if (indentOf(line) < 4 && (interrupts(line) || openedBy(line, true))) break;
      // micromark reads a lazy tag line (`<span>`) as an HTML block in the container; a note's definition too.
      if (SETEXT_UNDERLINE.test(line) || DELIMITER_ROW.test(line) || openedBy(line) || FOOTNOTE.test(line)) {
        return undefined;
      }
    }
    inside.push(take === undefined ? line : line.slice(take));
    taken.push(take ?? -1);
  }
  return { from, to, inside: inside.join('\n'), taken, prefix };
}

/** How much of an item's line is its indent (all of a blank line), or undefined for a line left of its content. */
function ownLine(line: string, blank: boolean, width: number): number | undefined {
  if (blank) return Math.min(width, line.replace(/\r$/, '').length);
  return indentOf(line) >= width ? width : undefined;
}

/** A list item's kind of marker: `-`, `*` or `+`, or an ordered one's delimiter. */
function markerKind(line: string): string {
  const item = ITEM.exec(line)!;
  return item[2]!.replace(/\d+/, '');
}

/**
 * The container `opened` with its inside's tree, as `read` parses it, when the inside reads as the whole does: a lazy
 * line that ends the container ends it there (read again without what follows). undefined: it must be parsed with its
 * lines as they are.
 */
export function readContainer(
  opened: Container,
  read: (inside: string) => Root,
): { container: Container; tree: Root } | undefined {
  let container = opened;
  let tree = read(container.inside);
  const lazy = lazyEnd(container, tree);
  if (lazy === -1) return undefined;
  if (lazy !== undefined) {
    container = endedAt(container, lazy);
    tree = read(container.inside);
  }
  return endsInOpenFence(container, tree) || quotesList(container, tree) ? undefined : { container, tree };
}

/**
 * Where the container ends early, as the whole reads it: the first lazy line (0-based, in the inside) that does not
 * go on a paragraph begun before it. With no paragraph open before it, or opening a block that interrupts one, it
 * ends the container; else (a setext underline, a table's delimiter row, a line the inside reads from another column)
 * the whole would have read it as a lazy line: -1, the container cannot be cut. undefined: it runs to its end.
 */
function lazyEnd(container: Container, tree: Root): number | undefined {
  const lazy = container.taken.flatMap((take, i) => (take < 0 ? [i + 1] : []));
  if (lazy.length === 0) return undefined;
  const opens = new Set<number>();
  const goesOn = new Set<number>();
  const defined = new Set<number>();
  const visit = (node: Node): void => {
    // A setext heading is a paragraph with an underline; definitions are read from a paragraph's text.
    if (node.type === 'definition')
      for (let l = node.position!.start.line; l <= node.position!.end.line; l++) defined.add(l);
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'definition') {
      for (const child of (node as Partial<Parent>).children ?? []) visit(child);
      return;
    }
    const { start, end } = node.position!;
    for (let line = start.line; line <= end.line; line++) (line > start.line ? goesOn : opens).add(line);
  };
  visit(tree);
  // A paragraph after definitions goes on their text.
  const first = lazy.find((line) => !goesOn.has(line) && !(opens.has(line) && defined.has(line - 1)));
  if (first === undefined) return undefined;
  const text = container.inside.split('\n')[first - 1]!;
  const ends = indentOf(text) < 4 && (interrupts(text) || openedBy(text, true) !== undefined);
  // The whole reads a line indented 4 after a quote as code of its own, apart from the next line's.
  if (indentOf(text) >= 4) return -1;
  return !(opens.has(first - 1) || goesOn.has(first - 1)) || ends ? first - 1 : -1;
}

/**
 * Whether the inside ends in a fenced code block left open, nested or not: where a sibling item ends it, the whole
 * gives its end a position the inside cannot (the next line's start).
 */
function endsInOpenFence(container: Container, tree: Root): boolean {
  const lines = container.inside.split('\n');
  for (let node: Node | undefined = tree; node;) {
    const children: Node[] = (node as Partial<Parent>).children ?? [];
    node = children[children.length - 1];
    if (node?.type !== 'code') continue;
    const { start, end } = node.position!;
    if (!openedBy(lines[start.line - 1]!.slice(start.column - 1))) return false;
    const close = (lines[end.line - 1] ?? '').slice(start.column - 1, end.column - 1).trim();
    return end.line === start.line || !/^(`{3,}|~{3,})$/.test(close);
  }
  return false;
}

/**
 * Whether a quote's inside holds a list: the whole ends such a list past the `>` of the line after it (and spreads it
 * over two `>` blank lines), which the inside alone does not.
 */
function quotesList(container: Container, tree: Root): boolean {
  const visit = (node: Node): boolean => node.type === 'list' || ((node as Partial<Parent>).children ?? []).some(visit);
  return QUOTE_PREFIX.test(container.prefix) && visit(tree);
}

/** The same container, ended before its inside's line `line`. */
function endedAt(container: Container, line: number): Container {
  const inside = container.inside.split('\n').slice(0, line).join('\n');
  return { ...container, to: container.from + line, inside, taken: container.taken.slice(0, line) };
}

/**
 * The quote or list (of one item) around `tree`, the inside's tree, with the positions of a part that opens at the
 * container's first line: `starts` are the offsets of the source's lines, `parse` reads the opening prefix.
 */
export function wrapped(
  container: Container,
  tree: Root,
  starts: readonly number[],
  parse: (text: string) => Root,
): Blockquote | List {
  const { from, taken } = container;
  // An end at a line's first column is where the line starts in the whole too, before the container's prefix.
  const move = (point: Point, end = false): Point => {
    const take = end && point.column === 1 ? 0 : Math.max(taken[point.line - 1] ?? 0, 0);
    const offset = starts[from + point.line - 1]! - starts[from]! + take + point.column - 1;
    return { line: point.line, column: point.column + take, offset };
  };
  const moved = (node: Node): void => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end, true) };
    for (const child of (node as Partial<Parent>).children ?? []) moved(child);
  };
  for (const node of tree.children) moved(node);
  const outer = parse(`${container.prefix}x`).children[0] as Blockquote | List;
  const inner = (outer.type === 'list' ? outer.children[0]! : outer) as Parent;
  inner.children = tree.children;
  const last = tree.children[tree.children.length - 1];
  // A quote's blank last lines (`>`) are its own.
  const lastLine = container.inside.slice(container.inside.lastIndexOf('\n') + 1).replace(/\r$/, '');
  const trailing =
    outer.type === 'blockquote' && BLANK.test(lastLine) && taken.length > (last?.position!.end.line ?? 0);
  const end = trailing || !last ? move({ line: taken.length, column: lastLine.length + 1 }) : last.position!.end;
  for (const node of new Set([outer, inner])) node.position!.end = { ...end };
  if (outer.type === 'list') {
    // An item is spread when a blank line parts two of its blocks.
    outer.children[0]!.spread = tree.children.some((node, i) => {
      const next = tree.children[i + 1];
      return next !== undefined && next.position!.start.line > node.position!.end.line + 1;
    });
  }
  return outer;
}
