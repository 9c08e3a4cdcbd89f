import type { Link, Root, RootContent, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/**
 * Typewriter quotes made typographic (`unit's` → unit’s, `"a"` → “a”), by
 * SmartyPants over the whole tree, so a quote pairs across emphasis and links.
 * Only quotes: dashes and dots stay as written (a date's `--` is the parser's).
 * Code spans are left alone by the plugin; a link that shows its own URL is
 * code-like too, and a quote escaped with a backslash (`\'`) means the character
 * itself: both are hidden from it. The plugin runs over a run of top-level blocks at a time
 * (it joins all their text into one string and parses that into words: over a 1 MB resume at
 * once, that took 100 MB): it pairs quotes by their neighbours within a block, and each block
 * starts its text afresh, so the runs give what the whole would.
 */
const processor = unified().use(remarkSmartypants, { dashes: false, ellipses: false, backticks: false });
/** Stand-ins for escaped quotes while the plugin runs: private-use characters no resume holds. */
const KEPT: Record<string, string> = { "'": '\uE000', '"': '\uE001' };
const RESTORED: Record<string, string> = { '\uE000': "'", '\uE001': '"' };
const RUN_CHARS = 16 * 1024;

export function smartQuotes(tree: Root, source: string): void {
  const hidden = urlLinks(tree).map((link) => {
    const children = link.children;
    link.children = children.map((child) => (child.type === 'text' ? { ...child, type: 'inlineCode' as const } : child));
    return { link, children };
  });
  const escaped = textNodes(tree).filter((node) => keepEscapedQuotes(node, source));
  let before: RootContent[] = [];
  for (const run of runs(tree.children)) {
    const root: Root = { type: 'root', children: [...before.map((block) => structuredClone(block)), ...run] };
    processor.runSync(root);
    before = context(run);
  }
  for (const { link, children } of hidden) link.children = children;
  for (const node of escaped) node.value = node.value.replace(/[\uE000\uE001]/g, (c) => RESTORED[c]!);
}

/** Top-level blocks in runs of about 16 KB of source. */
function runs(blocks: RootContent[]): RootContent[][] {
  const found: RootContent[][] = [];
  let run: RootContent[] = [];
  let start = 0;
  for (const block of blocks) {
    run.push(block);
    const end = block.position?.end.offset ?? start;
    if (end - start >= RUN_CHARS) {
      found.push(run);
      run = [];
      start = end;
    }
  }
  if (run.length > 0) found.push(run);
  return found;
}

/** The run's blocks from its last with text on: what the next run's first sentence may begin with. */
function context(run: RootContent[]): RootContent[] {
  let from = run.length - 1;
  while (from > 0 && textNodes(run[from]!).length === 0) from--;
  return run.slice(from);
}

/** Marks the quotes of a text node that its source escapes; true when it had any. */
function keepEscapedQuotes(node: Text, source: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !/\\['"]/.test(source.slice(start, end))) return false;
  const written = source.slice(start, end);
  let out = '';
  // The value is the source less its escapes and a line's indent (entities aside): walk both, and give up where they part.
  for (let i = 0, j = 0; j < node.value.length; ) {
    const char = node.value[j]!;
    if (written[i] === '\\' && written[i + 1] === char && /[!-/:-@[-`{-~]/.test(char)) {
      out += KEPT[char] ?? char;
      i += 2;
      j++;
    } else if (written[i] === char) {
      out += char;
      i++;
      j++;
    } else if (written[i] === ' ' || written[i] === '\t') i++;
    else return false;
  }
  node.value = out;
  return true;
}

function textNodes(node: Root | RootContent, found: Text[] = []): Text[] {
  if (node.type === 'text') found.push(node);
  for (const child of (node as { children?: RootContent[] }).children ?? []) textNodes(child, found);
  return found;
}

/** Links whose text is their URL (autolinks, `<https://…>`): a quote in them is part of an address. */
function urlLinks(node: Root | RootContent, found: Link[] = []): Link[] {
  if (node.type === 'link' && node.children.every((c) => c.type === 'text') && isAddress(node)) found.push(node);
  else for (const child of (node as { children?: RootContent[] }).children ?? []) urlLinks(child, found);
  return found;
}

function isAddress(link: Link): boolean {
  const text = link.children.map((c) => (c as { value: string }).value).join('');
  return [text, `mailto:${text}`, `http://${text}`, `https://${text}`].includes(link.url);
}

/** Plain text with its quotes made typographic, as the body's are. */
export function smartQuotesIn(text: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  processor.runSync(tree);
  return ((tree.children[0] as { children: Text[] }).children[0]!).value;
}
