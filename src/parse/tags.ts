import type { PhrasingContent } from 'mdast';

/** `{.tag}` or `{.tag1 .tag2}` closing a line; `\{.tag}` is text. */
const TAGS = /\s*\{(\.[\p{L}\p{N}_-]+(?:[ \t]+\.[\p{L}\p{N}_-]+)*)\}\s*$/u;
const ESCAPED = /\\\{\.[^{}]*\}\s*$/;

/**
 * Takes the variant tags off the end of a heading's, bullet's or list item's
 * content: the content without them, and the tag names (without dots).
 */
export function takeTags(
  nodes: readonly PhrasingContent[],
  source: string,
): { nodes: PhrasingContent[]; tags?: string[] } {
  const last = nodes[nodes.length - 1];
  const match = last?.type === 'text' ? TAGS.exec(last.value) : null;
  if (!last || last.type !== 'text' || !match) return { nodes: [...nodes] };
  const start = last.position?.start.offset;
  const end = last.position?.end.offset;
  if (start !== undefined && end !== undefined && ESCAPED.test(source.slice(start, end))) return { nodes: [...nodes] };
  const rest = last.value.slice(0, match.index);
  const tags = match[1]!.split(/\s+/).map((tag) => tag.slice(1));
  return { nodes: [...nodes.slice(0, -1), ...(rest === '' ? [] : [{ ...last, value: rest }])], tags };
}
