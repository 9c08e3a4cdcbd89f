import type { PhrasingContent } from 'mdast';
import { splitLines, startsEscaped, type LineParts } from './lines.js';

/** A line of a definition list's paragraph, and what defines it if it is a term (nothing before the first term). */
export interface Term {
  line: LineParts;
  definitions: PhrasingContent[][];
}

/** `: ` opening a line, or pandoc's other mark `~ `; `\: ` is text. */
const MARK = /^[:~][ \t]+/;

/**
 * A paragraph written as a definition list, pandoc's and kramdown's way: a
 * `Term` line, then one or more `: definition` lines (and again). CommonMark
 * reads it as one paragraph; undefined when the paragraph has no
 * `: definition` line after a term. A line after a definition that no
 * definition follows goes on with it (a definition that wraps); lines before
 * the first term are kept as lines, without definitions.
 */
export function definitionList(nodes: readonly PhrasingContent[], source: string): Term[] | undefined {
  if (!mayBeMarked(nodes)) return undefined;
  const lines = splitLines(nodes, source);
  if (marked(lines[0], source) || !lines.some((line) => marked(line, source))) return undefined;
  const terms: Term[] = [];
  for (const [i, line] of lines.entries()) {
    const last = terms[terms.length - 1];
    const definition = last?.definitions[last.definitions.length - 1];
    if (marked(line, source)) last!.definitions.push(unmarked(line));
    else if (definition && !marked(lines[i + 1], source)) {
      definition.push({ type: 'text', value: ' ' }, ...whole(line));
    } else terms.push({ line, definitions: [] });
  }
  return terms;
}

/**
 * The definitions of a paragraph that is only `: definition` lines: kramdown's
 * loose list, a blank line after its term (undefined for any other paragraph).
 */
export function looseDefinitions(nodes: readonly PhrasingContent[], source: string): PhrasingContent[][] | undefined {
  if (!mayBeMarked(nodes)) return undefined;
  const lines = splitLines(nodes, source);
  if (!marked(lines[0], source)) return undefined;
  const definitions: PhrasingContent[][] = [];
  for (const line of lines) {
    if (marked(line, source)) definitions.push(unmarked(line));
    else definitions[definitions.length - 1]!.push({ type: 'text', value: ' ' }, ...whole(line));
  }
  return definitions;
}

/**
 * Whether any line might open with `: `, read from the text alone: cutting a paragraph into its lines costs some
 * hundreds of bytes a line (a 1 MB paragraph of short lines: 200 MB), for what most paragraphs show at a glance.
 */
function mayBeMarked(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'text' && /(?:^|\n)\s*[:~][ \t]/.test(node.value));
}

function marked(line: LineParts | undefined, source: string): boolean {
  const first = line?.left[0];
  return !line?.right && first?.type === 'text' && MARK.test(first.value) && !startsEscaped(first, source);
}

function unmarked(line: LineParts): PhrasingContent[] {
  const first = line.left[0] as { type: 'text'; value: string };
  return [{ ...first, value: first.value.replace(MARK, '') }, ...line.left.slice(1)];
}

/** A line with its ` | ` put back. */
export function whole({ left, right }: LineParts): PhrasingContent[] {
  return right ? [...left, { type: 'text', value: ' | ' }, ...right] : left;
}
