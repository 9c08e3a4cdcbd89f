import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { smartQuotesIn } from './quotes.js';

/**
 * pandoc's resumes name the person in the metadata (`author:`) and head their
 * sections with `#`. When the frontmatter names the person and the body has two
 * or more `#` headings, none of them that name, each top-level heading moves
 * down a level (`#` a section, `##` an entry), as such a file means: else the
 * first section would be read as the name and the others as late names. A single
 * `#` heading under another tool's key (`author:`, not mdcv's `name:`, which a
 * `# Name` must agree with) is a section when it is a section's usual title
 * (`# Summary` over `## Experience`): one that is not may be the name written
 * another way (`# G. Hopper`), and stays the name.
 */
export function lowerTopHeadings(nodes: readonly RootContent[], name: string | undefined, foreign = false): void {
  if (!name) return;
  const tops = nodes.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const names = new Set([name, smartQuotesIn(name)]);
  if (tops.some((heading) => names.has(toString(heading)))) return;
  if (tops.length === 1 && foreign && SECTION_TITLES.has(toString(tops[0]!).trim().toLowerCase())) tops[0]!.depth = 2;
  if (tops.length < 2) return;
  for (const node of nodes) if (node.type === 'heading') node.depth = Math.min(6, node.depth + 1) as Heading['depth'];
}

/** Titles resumes give their sections (English: pandoc's resumes, as found, are written in it). */
const SECTION_TITLES = new Set([
  'summary',
  'profile',
  'about',
  'about me',
  'objective',
  'overview',
  'experience',
  'work experience',
  'professional experience',
  'employment',
  'education',
  'skills',
  'technical skills',
  'projects',
  'publications',
  'awards',
  'certifications',
  'languages',
  'interests',
  'references',
  'volunteering',
]);
