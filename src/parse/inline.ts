import type { PhrasingContent } from 'mdast';
import { inlineText } from '../model/inline-text.js';
import type { Inline, RichText } from '../model/resume.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { HtmlReader } from './html.js';

/** Link targets that may reach the outputs; anything else could run code or read files. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const RAW_LATEX = /\\[A-Za-z@]+|\\[\\[\]()]/;

/** Turns mdast phrasing nodes into the model's inline tree, reporting what is not passed through. */
export function toInlines(nodes: readonly PhrasingContent[], ctx: ParseContext): Inline[] {
  // flatMap's array keeps room for 17 (~130 bytes unused): sliced, a 1 MB table's model is a quarter smaller.
  if (!nodes.some((node) => node.type === 'html')) return nodes.flatMap((node) => inlineOf(node, ctx)).slice();
  // Inline tags are nodes of their own (`<b>`, text, `</b>`): one reader pairs them up.
  const reader = new HtmlReader(ctx);
  for (const node of withoutComments(nodes)) {
    if (node.type === 'html') reader.html(node.value, node.position?.start);
    else reader.inlines(inlineOf(node, ctx));
  }
  return reader.inline();
}

/**
 * The nodes without their HTML comments, and without the space before one where what follows closes up to it:
 * `paper <!-- draft -->, then` reads "paper, then", not "paper , then".
 */
function withoutComments(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const kept: PhrasingContent[] = [];
  for (const [i, node] of nodes.entries()) {
    if (node.type !== 'html' || !isComment(node.value)) {
      kept.push(node);
      continue;
    }
    const before = kept.at(-1);
    const after = nodes[i + 1];
    const closesUp = after === undefined || (after.type === 'text' && /^[\s,.;:!?)\]]/.test(after.value));
    if (before?.type === 'text' && /\s$/.test(before.value) && closesUp)
      kept[kept.length - 1] = { ...before, value: before.value.trimEnd() };
  }
  return kept;
}

function inlineOf(node: PhrasingContent, ctx: ParseContext): Inline[] {
  const place = node.position?.start;
  switch (node.type) {
    case 'text': {
      const match = RAW_LATEX.exec(node.value);
      if (match) ctx.warn(place, messages.rawLatex(match[0]));
      return [{ type: 'text', value: node.value }];
    }
    case 'strong':
    case 'emphasis':
    case 'delete':
      return [{ type: node.type, children: toInlines(node.children, ctx) }];
    case 'inlineCode':
      return [{ type: 'code', value: node.value }];
    case 'break':
      return [{ type: 'break' }];
    case 'link':
      return linked(node.url, toInlines(node.children, ctx), place, ctx);
    case 'linkReference': {
      const url = ctx.definitions.get(node.identifier);
      // Markdown makes a reference only of a defined label; a cut source could still miss it: print it as written.
      if (url === undefined) return [{ type: 'text', value: written(node, ctx) }];
      return linked(url, toInlines(node.children, ctx), place, ctx);
    }
    case 'image':
    case 'imageReference':
      ctx.warn(place, messages.inlineImage, messages.inlineImageHint);
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'footnoteReference':
      return [{ type: 'note', number: noteNumber(node.identifier, ctx) }];
    case 'html':
      return isComment(node.value) ? [] : toInlines([node], ctx);
  }
}

type Place = { line: number; column: number } | undefined;

function linked(url: string, children: Inline[], place: Place, ctx: ParseContext): Inline[] {
  if (isSafeUrl(url)) return [{ type: 'link', url, children }];
  ctx.warn(place, messages.linkDropped(url));
  return children;
}

/** A footnote's number: the order in which the footnotes are first referred to (or defined, if never). */
export function noteNumber(label: string, ctx: ParseContext): number {
  if (!ctx.notes.has(label)) ctx.notes.set(label, ctx.notes.size + 1);
  return ctx.notes.get(label)!;
}

function written(node: PhrasingContent, ctx: ParseContext): string {
  const { start, end } = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined ? ctx.source.slice(start.offset, end.offset) : '';
}

export function isSafeUrl(url: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->\s*$/.test(html.trim());
}

/** The words of inline Markdown, white space folded (a RichText's `plain`). */
function plainText(inlines: readonly Inline[]): string {
  // A task's box as Markdown writes it: the plain text chooses the engine, and the boxes need none beyond pdflatex.
  return inlineText(inlines, { task: (done) => (done ? '[x]' : '[ ]') });
}

/** Parts one after another, `separator` between each two. */
export function joined(parts: readonly Inline[][], separator: Inline): Inline[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}

export function richText(children: Inline[]): RichText {
  return { type: 'rich', children, plain: plainText(children).trim() };
}

/** Plain text as a RichText, for text that carries no markup (e.g. frontmatter values). */
export function richFromString(value: string): RichText {
  return richText([{ type: 'text', value }]);
}
