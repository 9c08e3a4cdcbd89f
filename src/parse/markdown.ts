import type { Definition, Node, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGfmSyntax } from './gfm.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmSyntax);

/**
 * The Markdown's syntax tree, as remark parses it. remark holds every event of what it
 * parses at once, some 1 KB per byte of source (a 230 KB file took 250 MB); so the source is
 * cut before each heading (`#` to `######`) that follows a blank line, and each part is parsed
 * on its own. The trees are put together with the positions they have in the whole: the same
 * tree as parsing the whole at once. A source with what could reach across such a cut (fenced
 * code, raw HTML, link reference or footnote definitions, anywhere: in a quote or a list too) is
 * parsed whole. (A cache of the parts' trees, on disk, saved 2-4 % of a warm rebuild and cost
 * quadratic time: see BENCHMARKS.md.)
 */
export function parseMarkdown(source: string): Root {
  const parts = sections(source);
  if (parts.length === 1) return processor.parse(source) as Root;
  const children: RootContent[] = [];
  let end = { line: 1, column: 1, offset: 0 };
  for (const part of parts) {
    const tree = processor.parse(part.text) as Root;
    for (const node of tree.children) children.push(shifted(node, part.line, part.offset));
    const last = tree.position!.end;
    end = { line: last.line + part.line, column: last.column, offset: last.offset! + part.offset };
  }
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  };
}

interface Section {
  text: string;
  /** Lines before it in the whole source. */
  line: number;
  offset: number;
}

/** The source cut before every heading line that follows a blank one, past the frontmatter; whole when a cut could change the parse. */
export function sections(source: string): Section[] {
  if (/^ {0,3}(```|~~~|<)|\]:/m.test(source)) return [{ text: source, line: 0, offset: 0 }];
  const lines = source.split('\n');
  // The frontmatter (`---` to `---`) is YAML: a `# ` comment there is no heading.
  let first = 1;
  if (/^---/.test(lines[0]!)) {
    const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
    if (close < 0) return [{ text: source, line: 0, offset: 0 }];
    first = close + 1;
  }
  const cuts = [0];
  for (let i = Math.max(first, 1); i < lines.length; i++) {
    if (/^#{1,6} /.test(lines[i]!) && lines[i - 1]!.trim() === '') cuts.push(i);
  }
  let offset = 0;
  const starts = lines.map((l) => {
    const at = offset;
    offset += l.length + 1;
    return at;
  });
  return cuts.map((line, i) => {
    const end = i + 1 < cuts.length ? starts[cuts[i + 1]!]! : source.length;
    return { text: source.slice(starts[line]!, end), line, offset: starts[line]! };
  });
}

/** A node of a section's tree with the positions it has in the whole source (columns stay: sections start lines). */
function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, line: position.start.line + lines, offset: position.start.offset! + offset };
    position.end = { ...position.end, line: position.end.line + lines, offset: position.end.offset! + offset };
  }
  for (const child of (node as { children?: Node[] }).children ?? []) shifted(child, lines, offset);
  return node;
}

/** The link reference definitions (`[label]: url`) anywhere in the tree, by normalized label; the first wins. */
export function definitionsOf(tree: Node): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Node): void => {
    if (node.type === 'definition') {
      const { identifier, url } = node as Definition;
      if (!found.has(identifier)) found.set(identifier, url);
    }
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
