import type { Html, List, Node, RootContent, Table, Text } from 'mdast';
import type { Point } from 'unist';

/** Putting the trees of a source's parts together into the whole's (markdown.ts), and whether a part may go on. */

/**
 * Puts `next`'s items at the end of `list` when they are one list in the whole: a part cut
 * between two items of a tight list (cuts.ts) opens with the rest of its list. A marker of
 * another kind (`-` then `*`, `1.` then `1)`) starts a new list in the whole too.
 */
export function joinedList(list: RootContent | undefined, next: RootContent | undefined, source: string): boolean {
  if (list?.type !== 'list' || next?.type !== 'list' || list.ordered !== next.ordered) return false;
  const end = list.position!.end;
  const start = next.position!.start;
  // The next list opens the line after the list's last, or after blank lines (then the list is spread).
  const between = source.slice(list.position!.end.offset, next.position!.start.offset);
  const gap = start.line > end.line + 1;
  if (!/^[ \t\r\n]*$/.test(between) || markerOf(source, list) !== markerOf(source, next)) return false;
  list.children.push(...next.children);
  list.spread = (list.spread ?? false) || (next.spread ?? false) || gap;
  list.position!.end = next.position!.end;
  return true;
}

/** Puts `next`'s text at the end of `paragraph`'s, a line ending between, when a cut between its lines parted them. */
export function joinedParagraph(paragraph: RootContent | undefined, next: RootContent | undefined): boolean {
  if (paragraph?.type !== 'paragraph' || next?.type !== 'paragraph') return false;
  if (next.position!.start.line !== paragraph.position!.end.line + 1) return false;
  const [first, ...rest] = next.children;
  const last = paragraph.children[paragraph.children.length - 1] as Text;
  last.value += `\n${(first as Text).value}`;
  last.position!.end = first!.position!.end;
  paragraph.children.push(...rest);
  paragraph.position!.end = next.position!.end;
  return true;
}

/** A list's kind of marker as its first item writes it: `-`, `*`, `+`, or an ordered one's `.` or `)`. */
function markerOf(source: string, list: List): string {
  const at = list.position!.start.offset!;
  const marker = /^[ \t]*(?:([-+*])|\d+([.)]))/.exec(source.slice(at, at + 16));
  return marker?.[1] ?? marker?.[2] ?? '';
}

/**
 * A node of a part's tree with the positions it has in the whole source (columns stay: parts start lines). Its points
 * at one place are one object, as a table row's start and its first cell's are: a 1 MB table holds 40% fewer.
 */
export function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  const points = new Map<number, Point>();
  const moved = (point: Point): Point => {
    const at = point.offset! + offset;
    const found = points.get(at);
    if (found?.column === point.column) return found;
    const made = { ...point, line: point.line + lines, offset: at };
    points.set(at, made);
    return made;
  };
  const visit = (each: Node): void => {
    const position = each.position;
    if (position) {
      position.start = moved(position.start);
      position.end = moved(position.end);
    }
    for (const child of (each as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(node);
  return node;
}

/** Whether a part opens with a paragraph's text, as a part cut between that paragraph's lines must. */
export function opensWithText(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.position!.start.offset === 0 && node.children[0]?.type === 'text';
}

/**
 * Puts what a part parsed with a head in front (cuts.ts) holds past it on the block the part before ends in, which
 * the cut's check saw reach the cut: a table's rows after its header, an HTML block's lines after its first. `past`
 * is where the part's own text starts in what was parsed; `lines` and `offset` move positions into the whole.
 */
export function joinedPastHead(
  before: RootContent,
  node: Table | Html,
  past: number,
  lines: number,
  offset: number,
  source: string,
): void {
  if (node.type === 'table') {
    const table = before as Table;
    const rows = node.children.slice(1).map((row) => shifted(row, lines, offset));
    table.children.push(...rows);
    table.position!.end = rows[rows.length - 1]?.position!.end ?? table.position!.end;
    return;
  }
  // An HTML block's value is its text as written: the line ending before the part, then the part's lines of it.
  const html = before as Html;
  const between = source.slice(html.position!.end.offset, past + offset);
  html.value += between + node.value.slice(past - node.position!.start.offset!);
  html.position!.end = shifted(node, lines, offset).position!.end;
}

/** Whether a part parsed with an HTML block's first line in front (`head`) opens with that block going on past it. */
export function continuesHtml(node: RootContent | undefined, head: string): boolean {
  return (
    node?.type === 'html' && node.position!.start.offset! < head.length && node.position!.end.offset! >= head.length
  );
}
