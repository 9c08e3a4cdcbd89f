import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { smartQuotesIn } from './quotes.js';

/**
 * pandoc's resumes name the person in the metadata (`author:`) and head their
 * sections with `#`. When the frontmatter names the person and the body has two
 * or more `#` headings, none of them that name, each top-level heading moves
 * down a level (`#` a section, `##` an entry), as such a file means: else the
 * first section would be read as the name and the others as late names.
 */
export function lowerTopHeadings(nodes: readonly RootContent[], name: string | undefined): void {
  if (!name) return;
  const tops = nodes.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const names = new Set([name, smartQuotesIn(name)]);
  if (tops.length < 2 || tops.some((heading) => names.has(toString(heading)))) return;
  for (const node of nodes) if (node.type === 'heading') node.depth = Math.min(6, node.depth + 1) as Heading['depth'];
}
