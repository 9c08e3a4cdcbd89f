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
  const marked = (line: LineParts | undefined): boolean =>
    !line?.right && line?.left[0]?.type === 'text' && MARK.test(line.left[0].value);
  if (marked(lines[0]) || !lines.some((line) => marked(line))) return undefined;
  const terms: Term[] = [];
  for (const [i, line] of lines.entries()) {
    const last = terms[terms.length - 1];
    const definition = last?.definitions[last.definitions.length - 1];
    if (marked(line)) {
      const first = line.left[0] as { type: 'text'; value: string };
      last!.definitions.push([{ ...first, value: first.value.replace(MARK, '') }, ...line.left.slice(1)]);
    } else if (definition && !marked(lines[i + 1])) {
      definition.push({ type: 'text', value: ' ' }, ...whole(line));
    } else terms.push({ line, definitions: [] });
  }
  return terms;
}

/** A line with its ` | ` put back. */
export function whole({ left, right }: LineParts): PhrasingContent[] {
  return right ? [...left, { type: 'text', value: ' | ' }, ...right] : left;
}
