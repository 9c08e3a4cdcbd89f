import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ParseContext } from './context.js';
import { readContactLine, phrasingText, type FoundContacts } from './contacts.js';
import { isComment, richText, toInlines } from './inline.js';

/**
 * The top of the body: `# Name`, and the line of contacts right under it.
 * Only a photo, badges or rules may come before the name (READMEs put them
 * there); they stay in the body, which keeps their text.
 */
export interface Header {
  name?: { text: string; line: number };
  contacts?: FoundContacts;
  /** The nodes left for the body, in order. */
  rest: RootContent[];
}

/** A headline over a separate paragraph of contacts is one line of a few words. */
const HEADLINE_WORDS = 8;

export function takeHeader(nodes: readonly RootContent[], ctx: ParseContext): Header {
  let at = 0;
  while (at < nodes.length && isBeforeName(nodes[at]!)) at++;
  const heading = nodes[at];
  if (heading?.type !== 'heading' || heading.depth !== 1) return { rest: [...nodes] };
  const name = { text: richText(toInlines(heading.children, ctx)).plain, line: heading.position?.start.line ?? 1 };

  let next = at + 1;
  while (nodes[next]?.type === 'thematicBreak') next++;
  const first = nodes[next];
  let contacts = first?.type === 'paragraph' ? readContactLine(first, ctx.definitions) : undefined;
  let taken = contacts ? 1 : 0;
  const second = nodes[next + 1];
  if (!contacts && isHeadline(first) && second?.type === 'paragraph') {
    const below = readContactLine(second, ctx.definitions);
    if (below && !below.headline) {
      contacts = { ...below, headline: phrasingText(first.children).trim() };
      taken = 2;
    }
  }
  return { name, contacts, rest: [...nodes.slice(0, at), ...nodes.slice(at + 1, next), ...nodes.slice(next + taken)] };
}

/** What may stand above `# Name`: the frontmatter, rules, comments, and images or badges without words of their own. */
function isBeforeName(node: RootContent): boolean {
  switch (node.type) {
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return true;
    case 'html':
      return isComment(node.value) || tagsOnly(node.value);
    case 'paragraph':
      return node.children.every(isDecoration);
    default:
      return false;
  }
}

function isDecoration(node: PhrasingContent): boolean {
  switch (node.type) {
    case 'image':
    case 'imageReference':
    case 'break':
      return true;
    case 'html':
      return tagsOnly(node.value);
    case 'text':
      return node.value.trim() === '';
    case 'link':
    case 'linkReference':
      return node.children.length > 0 && node.children.every(isDecoration);
    default:
      return false;
  }
}

/** HTML with no text outside its tags, such as `<p align="center"><img src="me.png"></p>`. */
function tagsOnly(html: string): boolean {
  return html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '').trim() === '';
}

function isHeadline(node: RootContent | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false;
  const text = phrasingText(node.children).trim();
  const plain = node.children.every((n) => n.type === 'text' || n.type === 'strong' || n.type === 'emphasis');
  return plain && !text.includes('\n') && text.split(/\s+/).length <= HEADLINE_WORDS;
}
