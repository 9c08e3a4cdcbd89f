import type { List, Node, RootContent, Text } from 'mdast';

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

/** A node of a part's tree with the positions it has in the whole source (columns stay: parts start lines). */
export function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, line: position.start.line + lines, offset: position.start.offset! + offset };
    position.end = { ...position.end, line: position.end.line + lines, offset: position.end.offset! + offset };
  }
  for (const child of (node as { children?: Node[] }).children ?? []) shifted(child, lines, offset);
  return node;
}

/** Whether a part opens with a paragraph's text, as a part cut between that paragraph's lines must. */
export function opensWithText(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.position!.start.offset === 0 && node.children[0]?.type === 'text';
}
