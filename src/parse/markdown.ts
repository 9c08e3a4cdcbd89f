import type { Definition, Node, Root, RootContent } from 'mdast';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readCacheEntry, writeCacheEntry } from '../cache.js';
import { sha256Of } from '../files.js';
import { CODE_STAMP } from '../package.js';

// GitHub's Markdown: tables, ~~strikethrough~~ (two tildes: `~5 years` stays text), autolinks, task lists, footnotes.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false });

/** Sections are a few KB each; a rebuild after an edit writes one or two. */
const KEEP = 512;

/** Parsed sections of this process, by key: a watch session or a build of many files parses each once. */
const parsed = new Map<string, string>();

/**
 * The Markdown's syntax tree, as remark parses it. A resume is mostly
 * sections that stay as they were from one build to the next, and parsing is
 * most of what a rebuild does before the engine starts; so the source is cut
 * before each heading (`#` to `######`) that follows a blank line, each part's tree kept
 * (in memory, and in `cacheDir` when given) by its text, and only the parts
 * that changed are parsed. The trees are put together with the positions they
 * have in the whole: the same tree as parsing the whole at once. A source with
 * what could reach across such a cut (fenced code, raw HTML, link reference
 * or footnote definitions, anywhere: in a quote or a list too) is parsed whole.
 */
export function parseMarkdown(source: string, cacheDir?: string | false): Root {
  const parts = sections(source);
  if (parts.length === 1) return processor.parse(source) as Root;
  const children: RootContent[] = [];
  let end = { line: 1, column: 1, offset: 0 };
  for (const part of parts) {
    const tree = sectionTree(part.text, cacheDir);
    for (const node of tree.children) children.push(shifted(node, part.line, part.offset));
    const last = tree.position!.end;
    end = { line: last.line + part.line, column: last.column, offset: last.offset! + part.offset };
  }
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  };
}

interface Section {
  text: string;
  /** Lines before it in the whole source. */
  line: number;
  offset: number;
}

/** The source cut before every heading line that follows a blank one, past the frontmatter; whole when a cut could change the parse. */
export function sections(source: string): Section[] {
  if (/^ {0,3}(```|~~~|<)|\]:/m.test(source)) return [{ text: source, line: 0, offset: 0 }];
  const lines = source.split('\n');
  // The frontmatter (`---` to `---`) is YAML: a `# ` comment there is no heading.
  let first = 1;
  if (/^---/.test(lines[0]!)) {
    const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
    if (close < 0) return [{ text: source, line: 0, offset: 0 }];
    first = close + 1;
  }
  const cuts = [0];
  for (let i = Math.max(first, 1); i < lines.length; i++) {
    if (/^#{1,6} /.test(lines[i]!) && lines[i - 1]!.trim() === '') cuts.push(i);
  }
  let offset = 0;
  const starts = lines.map((l) => {
    const at = offset;
    offset += l.length + 1;
    return at;
  });
  return cuts.map((line, i) => {
    const end = i + 1 < cuts.length ? starts[cuts[i + 1]!]! : source.length;
    return { text: source.slice(starts[line]!, end), line, offset: starts[line]! };
  });
}

function sectionTree(text: string, cacheDir: string | false | undefined): Root {
  const key = sha256Of(`${CODE_STAMP}\0${text}`).slice(0, 32);
  const file = cacheDir ? path.join(cacheDir, 'markdown', `${key}.json`) : undefined;
  let json = parsed.get(key) ?? (file ? readCacheEntry(file) : undefined);
  if (json === undefined) {
    json = JSON.stringify(processor.parse(text));
    // Kept for the next process; an unwritable cache is no reason to fail (nor to wait for).
    if (file) void writeCacheEntry(file, json, KEEP).catch(() => undefined);
  }
  parsed.set(key, json);
  if (parsed.size > KEEP) parsed.delete(parsed.keys().next().value!);
  // A copy each time: the caller's tree is its own.
  return JSON.parse(json) as Root;
}

/** A node of a section's tree with the positions it has in the whole source (columns stay: sections start lines). */
function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  const position = node.position;
  if (position) {
    position.start = { ...position.start, line: position.start.line + lines, offset: position.start.offset! + offset };
    position.end = { ...position.end, line: position.end.line + lines, offset: position.end.offset! + offset };
  }
  for (const child of (node as { children?: Node[] }).children ?? []) shifted(child, lines, offset);
  return node;
}

/** The link reference definitions (`[label]: url`) anywhere in the tree, by normalized label; the first wins. */
export function definitionsOf(tree: Node): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Node): void => {
    if (node.type === 'definition') {
      const { identifier, url } = node as Definition;
      if (!found.has(identifier)) found.set(identifier, url);
    }
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
