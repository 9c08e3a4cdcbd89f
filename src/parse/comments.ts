import type { Nodes, Root } from 'mdast';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';

/**
 * HTML comments (`<!-- a note -->`): no output prints them, in a block, in a
 * line or inside other HTML. Those that hold words are told in one warning per
 * file, at the first, so nothing is lost unsaid; an empty one (`<!-- -->`,
 * which ends a list) loses nothing.
 */

/** A comment as CommonMark reads one (`<!-->` too), or one left open to the end of its HTML. */
const COMMENT = /<!--(?:-?>|([\s\S]*?)(?:-->|$))/g;

export function reportComments(tree: Root, ctx: ParseContext): void {
  let count = 0;
  let first: { line: number; column: number } | undefined;
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(COMMENT)) {
        if (!match[1]?.trim()) continue;
        count++;
        first ??= placeIn(node, match.index);
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  if (first) ctx.warn(first, messages.htmlCommentsLeftOut(count), messages.htmlCommentsLeftOutHint);
}

/** Where the character at `index` of an HTML node's value is in the source. */
function placeIn(node: Nodes & { value: string }, index: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, index).split('\n');
  const line = start.line + before.length - 1;
  return { line, column: before.length === 1 ? start.column + index : before.at(-1)!.length + 1 };
}
