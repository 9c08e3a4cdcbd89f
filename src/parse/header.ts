import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { readContactLine, phrasingText, type FoundContacts } from './contacts.js';
import { isComment, richText, toInlines } from './inline.js';

/**
 * The top of the body: `# Name`, and the line of contacts right under it.
 * Only a photo, badges or rules may come before the name (READMEs put them
 * there). Badges (images, linked or not, with no words beside them) are left
 * out with a warning naming them; the rest stays in the body, which keeps its text.
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
  const before = nodes.slice(0, at).filter((node) => !isBadges(node));
  const badges = nodes
    .slice(0, at)
    .filter(isBadges)
    .flatMap((node) => badgeNames(node.children));
  if (badges.length > 0) {
    ctx.warn(nodes.find(isBadges)!.position?.start, messages.badgesLeftOut(badges), messages.badgesLeftOutHint);
  }
  return { name, contacts, rest: [...before, ...nodes.slice(at + 1, next), ...nodes.slice(next + taken)] };
}

/** A paragraph of images and linked images only: a README's badges. */
function isBadges(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && node.children.every(isDecoration) && badgeNames(node.children).length > 0;
}

/** The images' alt texts (or addresses, when they have none), in order. */
function badgeNames(nodes: readonly PhrasingContent[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'image') return [node.alt || node.url];
    if (node.type === 'imageReference') return [node.alt || node.label || node.identifier];
    return 'children' in node ? badgeNames(node.children as PhrasingContent[]) : [];
  });
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
