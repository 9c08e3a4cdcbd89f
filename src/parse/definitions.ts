import type { PhrasingContent } from 'mdast';
import { splitLines, type LineParts } from './lines.js';

/** A line of a definition list's paragraph, and what defines it if it is a term (nothing before the first term). */
export interface Term {
  line: LineParts;
  definitions: PhrasingContent[][];
}

const MARK = /^:[ \t]+/;

/**
 * A paragraph written as a definition list, pandoc's and kramdown's way: a
 * `Term` line, then one or more `: definition` lines (and again). CommonMark
 * reads it as one paragraph; undefined when the paragraph has no
 * `: definition` line after a term. A line after a definition that no
 * definition follows goes on with it (a definition that wraps); lines before
 * the first term are kept as lines, without definitions.
 */
export function definitionList(nodes: readonly PhrasingContent[], source: string): Term[] | undefined {
  const lines = splitLines(nodes, source);
  if (marked(lines[0]) || !lines.some((line) => marked(line))) return undefined;
  const terms: Term[] = [];
  for (const [i, line] of lines.entries()) {
    const last = terms[terms.length - 1];
    const definition = last?.definitions[last.definitions.length - 1];
    if (marked(line)) last!.definitions.push(unmarked(line));
    else if (definition && !marked(lines[i + 1])) {
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
  const lines = splitLines(nodes, source);
  if (!marked(lines[0])) return undefined;
  const definitions: PhrasingContent[][] = [];
  for (const line of lines) {
    if (marked(line)) definitions.push(unmarked(line));
    else definitions[definitions.length - 1]!.push({ type: 'text', value: ' ' }, ...whole(line));
  }
  return definitions;
}

function marked(line: LineParts | undefined): boolean {
  return !line?.right && line?.left[0]?.type === 'text' && MARK.test(line.left[0].value);
}

function unmarked(line: LineParts): PhrasingContent[] {
  const first = line.left[0] as { type: 'text'; value: string };
  return [{ ...first, value: first.value.replace(MARK, '') }, ...line.left.slice(1)];
}

/** A line with its ` | ` put back. */
export function whole({ left, right }: LineParts): PhrasingContent[] {
  return right ? [...left, { type: 'text', value: ' | ' }, ...right] : left;
}
