import type { PhrasingContent } from 'mdast';
import type { Inline, RichText } from '../model/resume.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';

/** Link targets that may reach the outputs; anything else could run code or read files. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const RAW_LATEX = /\\[A-Za-z@]+|\\[\\[\]()]/;

/** Turns mdast phrasing nodes into the model's inline tree, reporting what is not passed through. */
export function toInlines(nodes: readonly PhrasingContent[], ctx: ParseContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const place = node.position?.start;
    switch (node.type) {
      case 'text': {
        const match = RAW_LATEX.exec(node.value);
        if (match) ctx.warn(place, messages.rawLatex(match[0]));
        out.push({ type: 'text', value: node.value });
        break;
      }
      case 'strong':
      case 'emphasis':
        out.push({ type: node.type, children: toInlines(node.children, ctx) });
        break;
      case 'inlineCode':
        out.push({ type: 'code', value: node.value });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'link': {
        const children = toInlines(node.children, ctx);
        if (isSafeUrl(node.url)) out.push({ type: 'link', url: node.url, children });
        else {
          ctx.warn(place, messages.linkDropped(node.url));
          out.push(...children);
        }
        break;
      }
      case 'image':
        ctx.warn(place, messages.inlineImage, messages.inlineImageHint);
        if (node.alt) out.push({ type: 'text', value: node.alt });
        break;
      case 'html':
        if (!isComment(node.value)) ctx.warn(place, messages.rawHtml);
        break;
      default:
        // Reference-style nodes only appear with extensions we do not enable.
        ctx.warn(place, messages.unsupportedInline(node.type));
    }
  }
  return out;
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

export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'break':
          return '\n';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}

export function richText(children: Inline[]): RichText {
  return { type: 'rich', children, plain: plainText(children).replace(/\s+/g, ' ').trim() };
}

/** Plain text as a RichText, for text that carries no markup (e.g. frontmatter values). */
export function richFromString(value: string): RichText {
  return richText([{ type: 'text', value }]);
}
