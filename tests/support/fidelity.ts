import { Parser } from 'htmlparser2';
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/**
 * Word fidelity: the words a reference renderer shows for a Markdown file,
 * compared in order with the words of one of mdcv's outputs.
 *
 * The reference is remark (CommonMark + GFM) read as a browser shows its
 * rendering: mdast's `toString` of each block, raw HTML by its text (tags
 * and comments are not shown), image alt text, and no link definitions. The
 * frontmatter is shown as pandoc and Jekyll templates show it: the values of
 * the keys for the person (name or title, contacts, profiles), not of
 * settings (`layout:`, `geometry:`, `theme:`). kramdown's attribute lines
 * (`{: .class}`) are markup kramdown never shows.
 */

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Frontmatter keys whose values a resume template prints. */
const SHOWN_KEYS = new Set([
  ...['name', 'headline', 'email', 'phone', 'location', 'website', 'links'],
  ...[
    'title',
    'subtitle',
    'author',
    'date',
    'address',
    'city',
    'url',
    'homepage',
    'mobile',
    'telephone',
    'tel',
    'mail',
    'e-mail',
  ],
  ...['linkedin', 'github', 'gitlab', 'twitter', 'orcid'],
]);

const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);
const ATTRIBUTE_LINE = /^\{:[^}\n]*\}[ \t]*$/gm;

export interface ReferenceText {
  /**
   * The frontmatter's shown values, each its own list of words: a template places them, so only their presence counts.
   */
  frontmatter: string[][];
  /** The body's words, in reading order. */
  body: string[];
}

export function referenceText(source: string): ReferenceText {
  const tree = reference.parse(source) as Root;
  const yaml = tree.children.find((n) => n.type === 'yaml');
  const data = yaml ? ((parseYaml(yaml.value) ?? {}) as Record<string, unknown>) : {};
  const frontmatter = Object.entries(data)
    .filter(([key]) => SHOWN_KEYS.has(key.toLowerCase()))
    .flatMap(([, value]) => shownValues(value))
    .map(words)
    .filter((list) => list.length > 0);
  const blocks: string[] = [];
  collect(tree, blocks);
  return { frontmatter, body: words(blocks.join('\n')) };
}

function shownValues(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value))
    return value.flatMap((item) =>
      typeof item === 'object' && item && 'label' in item ? [String(item.label)] : shownValues(item),
    );
  return [];
}

/** Each leaf block's text, by mdast's toString over a copy with HTML as its text and attribute lines gone. */
function collect(node: Nodes, out: string[]): void {
  if (node.type === 'yaml' || node.type === 'definition') return;
  if (node.type === 'html') {
    out.push(htmlText(node.value));
    return;
  }
  if (LEAF_BLOCKS.has(node.type)) {
    out.push(toString(shown(node), { includeImageAlt: false }).replace(ATTRIBUTE_LINE, ''));
    return;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) collect(child, out);
}

/** A phrasing tree as it shows: inline HTML by its text, a line break as one. */
function shown(node: Nodes): Nodes {
  if (node.type === 'html') return { type: 'text', value: ` ${htmlText(node.value)} ` };
  if (node.type === 'break') return { type: 'text', value: '\n' };
  if (!('children' in node)) return node;
  return { ...node, children: (node.children as Nodes[]).map(shown) } as Nodes;
}

/** HTML's text as a browser shows it: tags and comments gone, entities decoded. */
export function htmlText(html: string): string {
  let out = '';
  const parser = new Parser({
    ontext: (text) => void (out += text),
    onopentag: () => void (out += ' '),
    onclosetag: () => void (out += ' '),
  });
  parser.write(html);
  parser.end();
  return out;
}

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
/**
 * A CJK character is a word of its own (the scripts put no spaces between words); elsewhere a run of letters and
 * digits.
 */
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');

/**
 * Words compared as a reader compares them: case, ligatures, width and leading
 * zeros (03 and 3) aside, and a URL's scheme is no word (mdcv shows an address
 * as `example.com/x`, as its link labels say).
 */
export function words(text: string): string[] {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\b(https?:\/\/|mailto:|tel:)/g, ' ');
  return (plain.match(WORD) ?? []).map((word) => word.replace(/^0+(?=\d)/, ''));
}

export interface Fidelity {
  /** Share of the reference's words found, in order, in the output (0 to 1). */
  ratio: number;
  total: number;
  missing: string[];
}

/**
 * How many of the reference's words the output keeps: each frontmatter value
 * counts when its words appear in order anywhere; the body's words count as
 * far as they appear in the output in the same order (the longest common
 * subsequence).
 */
export function fidelity(ref: ReferenceText, output: string): Fidelity {
  const got = words(output);
  const missing: string[] = [];
  let kept = 0;
  for (const value of ref.frontmatter) {
    if (isSubsequence(value, got)) kept += value.length;
    else missing.push(value.join(' '));
  }
  const common = commonSubsequence(ref.body, got);
  kept += common.size;
  missing.push(...ref.body.filter((_, i) => !common.has(i)));
  const total = ref.frontmatter.reduce((n, value) => n + value.length, 0) + ref.body.length;
  return { ratio: total === 0 ? 1 : kept / total, total, missing };
}

function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let at = 0;
  for (const word of haystack) if (word === needle[at]) at++;
  return at === needle.length;
}

/** The indexes of `a` in a longest common subsequence of `a` and `b`. */
function commonSubsequence(a: readonly string[], b: readonly string[]): Set<number> {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const kept = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(i);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** Markdown (or HTML) syntax printed as text: what no output may show. */
const SYNTAX = [
  { name: 'table rule', pattern: /\|\s*:?-{3,}/ },
  { name: 'definition marker', pattern: /(^|\s):\s/m },
  { name: 'reference link', pattern: /\[[^\]\n]+\]\[[^\]\n]*\]|^\[[^\]\n]+\]:/m },
  { name: 'heading marker', pattern: /(^|\s)#{1,6}\s/m },
  { name: 'strikethrough marker', pattern: /~~/ },
  { name: 'task box', pattern: /\[[ xX]\]/ },
  { name: 'image', pattern: /!\[/ },
  { name: 'HTML tag', pattern: /<\/?(div|p|b|i|a|br|img|table|tr|td|th|ul|li|details|summary|span)\b[^>]*>/i },
  { name: 'attribute list', pattern: /\{:\s*[.#]/ },
];

/** The syntax the output shows, with the text around it. */
export function syntaxShown(output: string): string[] {
  return SYNTAX.flatMap(({ name, pattern }) => {
    const match = pattern.exec(output);
    return match
      ? [`${name}: …${output.slice(Math.max(0, match.index - 30), match.index + 30).replace(/\s+/g, ' ')}…`]
      : [];
  });
}

/** A reference label (`[GitHub][gh]`, `[Kotlin][]`, `[Kotlin]`) printed with its brackets. */
export function referenceLabelsShown(source: string, output: string): string[] {
  const tree = reference.parse(source) as Root;
  const labels: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'linkReference') labels.push(`[${toString(node)}]`);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return labels.filter((label) => output.includes(label));
}
