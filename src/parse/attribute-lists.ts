import type { Nodes, Root } from 'mdast';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';

/**
 * kramdown's block attribute lists: a line `{: .class}` or `{:#id}` under a
 * heading or paragraph gives it a class for a stylesheet. kramdown never
 * shows them; neither does mdcv. They are taken out of the tree before it is
 * read, with one warning per file (they style nothing here).
 */

const ATTRIBUTE_LINE = /(^|\n)[ \t]*\{:[^}\n]*\}[ \t]*(?=\n|$)/g;
const SOURCE_ATTRIBUTE_LINE = /^[\s>]*\{:[^}]*\}\s*$/;

export function dropAttributeLists(tree: Root, ctx: ParseContext): void {
  let first: { line: number; column: number } | undefined;
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    for (const child of node.children as Nodes[]) {
      if (child.type !== 'text') {
        visit(child);
        continue;
      }
      const startLine = child.position?.start.line ?? 1;
      child.value = child.value.replace(ATTRIBUTE_LINE, (match: string, _lead: string, at: number) => {
        // The match may begin with the line end before it: the list is on the line after.
        const line = startLine + [...child.value.slice(0, at + 1)].filter((c) => c === '\n').length;
        // Only a list as written: `\{: x}` (escaped, as an import writes text) reads as the same text.
        if (!SOURCE_ATTRIBUTE_LINE.test(ctx.lines[line - 1] ?? '')) return match;
        first ??= { line, column: 1 };
        return '';
      });
    }
    // A paragraph that held nothing but attribute lists is gone with them.
    const empty = (child: Nodes): boolean =>
      child.type === 'paragraph' && child.children.every((c) => c.type === 'text' && c.value.trim() === '');
    // Only then: a filtered array keeps room for more (a 1 MB table's cells: 14 MB).
    if ((node.children as Nodes[]).some(empty)) {
      (node as { children: Nodes[] }).children = (node.children as Nodes[]).filter((child) => !empty(child));
    }
  };
  visit(tree);
  if (first) ctx.warn(first, messages.attributeListLeftOut);
}
