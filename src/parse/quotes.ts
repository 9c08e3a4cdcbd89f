import type { Link, Root, RootContent } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/**
 * Typewriter quotes made typographic (`unit's` → unit’s, `"a"` → “a”), by
 * SmartyPants over the whole tree, so a quote pairs across emphasis and links.
 * Only quotes: dashes and dots stay as written (a date's `--` is the parser's).
 * Code spans are left alone by the plugin; a link that shows its own URL is
 * code-like too, and is hidden from it the same way.
 */
const processor = unified().use(remarkSmartypants, { dashes: false, ellipses: false, backticks: false });
const smarten = (tree: Root): void => void processor.runSync(tree);

export function smartQuotes(tree: Root): void {
  const hidden = urlLinks(tree).map((link) => {
    const children = link.children;
    link.children = children.map((child) => (child.type === 'text' ? { ...child, type: 'inlineCode' as const } : child));
    return { link, children };
  });
  smarten(tree);
  for (const { link, children } of hidden) link.children = children;
}

/** Plain text (a frontmatter value) with its quotes made typographic. */
export function smartQuotesIn(text: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  smarten(tree);
  const paragraph = tree.children[0] as { children: { value: string }[] };
  return paragraph.children[0]!.value;
}

/** Links whose text is their URL (autolinks, `<https://…>`): a quote in them is part of an address. */
function urlLinks(node: Root | RootContent, found: Link[] = []): Link[] {
  if (node.type === 'link' && node.children.every((c) => c.type === 'text') && isAddress(node)) found.push(node);
  else for (const child of (node as { children?: RootContent[] }).children ?? []) urlLinks(child, found);
  return found;
}

function isAddress(link: Link): boolean {
  const text = link.children.map((c) => (c as { value: string }).value).join('');
  return text === link.url || `mailto:${text}` === link.url || `http://${text}` === link.url || `https://${text}` === link.url;
}
