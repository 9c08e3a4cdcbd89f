import type { Link, Root, RootContent, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

/**
 * Typewriter quotes made typographic (`unit's` → unit’s, `"a"` → “a”), by
 * SmartyPants over the tree's text, so a quote pairs across
 * emphasis and links. Only quotes: dashes and dots stay as written (a date's
 * `--` is the parser's). Code spans are left alone; a link that shows its own
 * URL is code-like too, and a quote escaped with a backslash (`\'`) means the
 * character itself: both are hidden from it.
 * SmartyPants runs over a run of top-level blocks of about 16 KB at a time (it parses
 * its text into words: over a 1 MB resume at once, that took 100 MB), each run after
 * a copy of the block before it, so the runs give what the whole would.
 */
const processor = retext()
  .use(retextSmartypants, { quotes: true, dashes: false, ellipses: false, backticks: false })
  .freeze();
/** What stands for an escaped quote while SmartyPants runs: no quote, and one character, so places hold. */
const STAND_IN = '\uE000';
/** Blocks whose text starts afresh: a quote at their start opens (a space stands between them in the text run). */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const RUN_CHARS = 16 * 1024;

/** `runChars`: how much source each run of SmartyPants takes (a test compares the runs with the whole). */
export function smartQuotes(tree: Root, source: string, runChars = RUN_CHARS): void {
  const hidden = urlLinks(tree).map((link) => {
    const children = link.children;
    link.children = children.map((child) =>
      child.type === 'text' ? { ...child, type: 'inlineCode' as const } : child,
    );
    return { link, children };
  });
  // Only the nodes that hide one: a Map for each text node of a 1 MB table took 20 MB.
  const escaped = textNodes(tree).flatMap((node) => {
    const kept = keepEscapedQuotes(node, source);
    return kept.size > 0 ? [{ node, kept }] : [];
  });
  let before: RootContent[] = [];
  for (const run of runs(tree.children, runChars)) {
    educate([...before.map((block) => structuredClone(block)), ...run]);
    before = context(run);
  }
  for (const { link, children } of hidden) link.children = children;
  // Put back by place, not by character: the text may hold the stand-in itself.
  for (const { node, kept } of escaped) {
    for (const [at, quote] of kept) node.value = node.value.slice(0, at) + quote + node.value.slice(at + 1);
  }
}

/**
 * SmartyPants over the text of these blocks as one run (code spans as letters), its
 * quotes written back into the text nodes: a quote becomes one character, so each node's
 * text keeps its place in the run. (remark-smartypants does the same, then parses every
 * text node again to change nothing else: ten times the work.)
 */
function educate(blocks: readonly RootContent[]): void {
  // Most runs hold no quote: then nothing is gathered (for a 1 MB table, a record of each text node, some 8 MB).
  if (!blocks.some((block) => textNodes(block).some((node) => /['"]/.test(node.value)))) return;
  const texts: { node: Text; at: number }[] = [];
  let run = '';
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'text') {
      texts.push({ node, at: run.length });
      run += node.value;
    } else if (node.type === 'inlineCode') run += 'A'.repeat(node.value.length);
    else if (BLOCKS.has(node.type)) run += ' ';
    for (const child of (node as { children?: RootContent[] }).children ?? []) visit(child);
  };
  for (const block of blocks) visit(block);
  const educated = String(processor.processSync(run));
  for (const { node, at } of texts) node.value = educated.slice(at, at + node.value.length);
}

/** Top-level blocks in runs of about `size` characters of source. */
function runs(blocks: RootContent[], size: number): RootContent[][] {
  const found: RootContent[][] = [];
  let run: RootContent[] = [];
  let start = 0;
  for (const block of blocks) {
    run.push(block);
    const end = block.position?.end.offset ?? start;
    if (end - start >= size) {
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

/** Hides the quotes of a text node that its source escapes; gives back where they were and which. */
function keepEscapedQuotes(node: Text, source: string): Map<number, string> {
  const kept = new Map<number, string>();
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !/\\['"]/.test(source.slice(start, end))) return kept;
  const written = source.slice(start, end);
  let out = '';
  // The value is the source less its escapes and a line's indent (entities aside): walk both, and give up where they
  // part.
  for (let i = 0, j = 0; j < node.value.length;) {
    const char = node.value[j]!;
    if (written[i] === '\\' && written[i + 1] === char && /[!-/:-@[-`{-~]/.test(char)) {
      if (char === "'" || char === '"') kept.set(out.length, char);
      out += kept.has(out.length) ? STAND_IN : char;
      i += 2;
      j++;
    } else if (written[i] === char) {
      out += char;
      i++;
      j++;
    } else if (written[i] === ' ' || written[i] === '\t') i++;
    else return new Map();
  }
  node.value = out;
  return kept;
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
  educate(tree.children);
  return (tree.children[0] as { children: Text[] }).children[0]!.value;
}
