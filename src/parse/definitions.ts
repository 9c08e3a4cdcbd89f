import type { PhrasingContent } from 'mdast';
import { splitLines } from './lines.js';

/** A term of a definition list and what defines it. */
export interface Term {
  term: PhrasingContent[];
  definitions: PhrasingContent[][];
}

const MARK = /^:[ \t]+/;

/**
 * A paragraph written as a definition list, pandoc's and kramdown's way: a
 * `Term` line, then one or more `: definition` lines (and again). CommonMark
 * reads it as one paragraph; undefined when the paragraph is not one.
 */
export function definitionList(nodes: readonly PhrasingContent[], source: string): Term[] | undefined {
  const lines = splitLines(nodes, source).map(({ left, right }) => (right ? [...left, { type: 'text' as const, value: ' | ' }, ...right] : left));
  const marked = (line: PhrasingContent[]): boolean => line[0]?.type === 'text' && MARK.test(line[0].value);
  if (lines.length < 2 || marked(lines[0]!) || !lines.some(marked)) return undefined;
  const terms: Term[] = [];
  for (const [i, line] of lines.entries()) {
    const last = terms[terms.length - 1];
    const space = { type: 'text' as const, value: ' ' };
    if (!marked(line)) {
      // An unmarked line goes on with what is before it (a term or a definition that wraps),
      // unless a definition follows it: then it is the next term.
      const definition = last?.definitions[last.definitions.length - 1];
      if (last && last.definitions.length === 0) last.term.push(space, ...line);
      else if (definition && !marked(lines[i + 1] ?? [])) definition.push(space, ...line);
      else terms.push({ term: [...line], definitions: [] });
      continue;
    }
    const first = line[0] as { type: 'text'; value: string };
    last!.definitions.push([{ ...first, value: first.value.replace(MARK, '') }, ...line.slice(1)]);
  }
  return terms;
}
