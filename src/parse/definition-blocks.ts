import type { Code, Node, Parent, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { definitionList, looseDefinitions } from './definitions.js';
import { parseMarkdown } from './markdown.js';
import { lineStarts } from './source-lines.js';

/**
 * A definition's further blocks, pandoc's way: after `: definition` and a blank
 * line, paragraphs and lists indented four spaces go on with the definition.
 * CommonMark reads them as an indented code block, which would print the
 * person's bullets and emphasis as code; they are read again as Markdown, with
 * their places in the whole source, and take the code block's place.
 */
export function definitionBlocks(tree: Root, source: string): void {
  const starts = lineStarts(source.split('\n'));
  const visit = (parent: Parent): void => {
    let continues = false;
    let changed = false;
    const children: RootContent[] = [];
    for (const node of parent.children as RootContent[]) {
      if (continues && isIndentedCode(node, source)) {
        children.push(...reread(node, source, starts));
        changed = true;
        continue;
      }
      continues = node.type === 'paragraph' ? defines(node.children, source) : false;
      if ('children' in node) visit(node);
      children.push(node);
    }
    // Only when a block was read again: an array filled by push keeps room for more (a 1 MB table's cells: 14 MB).
    if (changed) parent.children = children;
  };
  visit(tree);
}

function defines(nodes: Parameters<typeof definitionList>[0], source: string): boolean {
  return definitionList(nodes, source) !== undefined || looseDefinitions(nodes, source) !== undefined;
}

/** Code indented, not fenced: its first line starts with blanks (or a container's prefix), not a fence. */
function isIndentedCode(node: RootContent, source: string): node is Code {
  if (node.type !== 'code' || node.lang != null) return false;
  const { offset } = node.position!.start;
  const line = source.slice(offset, source.indexOf('\n', offset) >>> 0);
  return !/^[ \t>]*(?:```|~~~)/.test(line);
}

/** The code's text (its indentation already taken off) parsed as Markdown, each node placed where it stands. */
function reread(code: Code, source: string, starts: readonly number[]): RootContent[] {
  const first = code.position!.start.line;
  const lines = code.value.split('\n');
  // A blank first line keeps a leading `---` from being read as a frontmatter.
  const tree = parseMarkdown(`\n${code.value}`);
  const place = (point: Point): Point => {
    const index = point.line - 2;
    const line = first + index;
    const whole = source.slice(starts[line - 1], (starts[line] ?? source.length + 1) - 1).replace(/\r$/, '');
    const own = lines[index] ?? '';
    const column = point.column + (whole.endsWith(own) ? whole.length - own.length : 0);
    return { line, column, offset: starts[line - 1]! + column - 1 };
  };
  const move = (node: Node): void => {
    if (node.position) node.position = { start: place(node.position.start), end: place(node.position.end) };
    for (const child of (node as Partial<Parent>).children ?? []) move(child);
  };
  for (const node of tree.children) move(node);
  return tree.children;
}
