import type { Heading, List, ListItem as MdListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Block, DetailLine, Entry, ListItem, RichText, Role, Section } from '../model/resume.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { dashDateRanges, localizeDates } from './dates.js';
import { isComment, richText, toInlines } from './inline.js';
import { splitAside, splitLines } from './lines.js';
import { takeTags } from './tags.js';

export interface Body {
  summary: Block[];
  sections: Section[];
}

/** A label of one to three words, a colon and a space: `Technologies: C#, Azure`. */
const LABEL = /^([\p{L}\p{N}][\p{L}\p{N}&/+.#'’-]*(?: [\p{L}\p{N}&/+.#'’-]+){0,2}): (?=\S)/u;

/** Walks the top-level mdast nodes (less the header) into the summary, sections, entries and roles. */
export function parseBody(nodes: readonly RootContent[], ctx: ParseContext): Body {
  const body: Body = { summary: [], sections: [] };
  let section: Section | undefined;
  let entry: Entry | undefined;
  let role: Role | undefined;
  /** The node right after an entry or role heading may hold its detail lines. */
  let expectDetails = false;

  const target = (): Block[] => role?.blocks ?? entry?.blocks ?? section?.blocks ?? body.summary;
  const lineOf = (node: RootContent): number => node.position?.start.line ?? 1;

  for (const node of nodes) {
    const detailsHere = expectDetails;
    expectDetails = false;
    switch (node.type) {
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        continue;
      case 'heading': {
        if (node.depth === 1) {
          // The name's heading is taken before the body (header.ts): any other is late.
          ctx.warn(node.position?.start, messages.nameHeadingLate);
          target().push(paragraph(node.children, lineOf(node), ctx));
        } else if (node.depth === 2) {
          section = { title: richText(toInlines(node.children, ctx)), blocks: [], entries: [], line: lineOf(node) };
          body.sections.push(section);
          entry = role = undefined;
        } else if (node.depth === 3 || (node.depth === 4 && !entry)) {
          if (!section) {
            ctx.warn(node.position?.start, messages.entryBeforeSection);
            target().push(paragraph(node.children, lineOf(node), ctx));
            continue;
          }
          if (node.depth === 4) ctx.warn(node.position?.start, messages.roleOutsideEntry);
          entry = { ...headed(node, ctx), roles: [] };
          section.entries.push(entry);
          role = undefined;
          expectDetails = true;
        } else if (node.depth === 4) {
          role = headed(node, ctx);
          entry!.roles.push(role);
          expectDetails = true;
        } else {
          ctx.warn(node.position?.start, messages.headingTooDeep(node.depth));
          target().push(paragraph(node.children, lineOf(node), ctx));
        }
        continue;
      }
      case 'paragraph': {
        const owner = role ?? entry;
        if (detailsHere && owner) owner.details = detailLines(node, ctx);
        else target().push(paragraph(node.children, lineOf(node), ctx));
        continue;
      }
      case 'list':
        target().push({ type: 'list', ordered: node.ordered ?? false, items: listItems(node, ctx, 1), line: lineOf(node) });
        continue;
      case 'html':
        if (!isComment(node.value)) ctx.warn(node.position?.start, messages.rawHtml);
        continue;
      case 'code':
        ctx.warn(node.position?.start, messages.codeBlock);
        target().push({
          type: 'paragraph',
          text: richText(node.value.split('\n').flatMap((value, i) => (i === 0 ? [{ type: 'code' as const, value }] : [{ type: 'break' as const }, { type: 'code' as const, value }]))),
          line: lineOf(node),
        });
        continue;
      case 'blockquote':
        for (const child of node.children) {
          if (child.type === 'paragraph') target().push(paragraph(child.children, lineOf(child), ctx));
          else if (child.type === 'list') target().push({ type: 'list', ordered: child.ordered ?? false, items: listItems(child, ctx, 1), line: lineOf(child) });
        }
        continue;
      default:
        ctx.warn(node.position?.start, messages.unsupportedBlock(node.type));
    }
  }
  return body;
}

function headed(node: Heading, ctx: ParseContext): Role {
  const { nodes, tags } = takeTags(node.children, ctx.source);
  const { left, right } = splitAside(nodes, ctx.source);
  return { title: richText(toInlines(left, ctx)), aside: aside(right, ctx), details: [], blocks: [], line: node.position?.start.line ?? 1, ...(tags && { tags }) };
}

function aside(nodes: PhrasingContent[] | undefined, ctx: ParseContext): RichText | undefined {
  if (!nodes || nodes.length === 0) return undefined;
  const dated = nodes.map((n) => (n.type === 'text' ? { ...n, value: localizeDates(dashDateRanges(n.value), ctx.locale) } : n));
  return richText(toInlines(dated, ctx));
}

function detailLines(node: Paragraph, ctx: ParseContext): DetailLine[] {
  return splitLines(node.children, ctx.source).map(({ left, right, line }): DetailLine => {
    const first = left[0];
    const label = first?.type === 'text' && !right ? LABEL.exec(first.value) : null;
    if (label && first?.type === 'text') {
      const rest = [{ ...first, value: first.value.slice(label[0].length) }, ...left.slice(1)];
      return { type: 'fact', label: label[1]!, value: richText(toInlines(rest, ctx)), line };
    }
    return { type: 'subtitle', text: richText(toInlines(left, ctx)), aside: aside(right, ctx), line };
  });
}

function paragraph(children: PhrasingContent[], line: number, ctx: ParseContext): Block {
  return { type: 'paragraph', text: richText(toInlines(children, ctx)), line };
}

function listItems(list: List, ctx: ParseContext, depth: number): ListItem[] {
  const items: ListItem[] = [];
  for (const item of list.children) {
    const own: PhrasingContent[] = [];
    const nested: ListItem[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        if (own.length > 0) own.push({ type: 'break' });
        own.push(...child.children);
      } else if (child.type === 'list') {
        if (depth >= 2) {
          ctx.warn(child.position?.start, messages.listTooDeep);
          nested.push(...listItems(child, ctx, depth));
        } else nested.push(...listItems(child, ctx, depth + 1));
      } else if (child.type === 'html') {
        if (!isComment(child.value)) ctx.warn(child.position?.start, messages.rawHtml);
      } else ctx.warn(child.position?.start, messages.unsupportedInListItem(child.type));
    }
    const { nodes, tags } = takeTags(own, ctx.source);
    const text = richText(toInlines(nodes, ctx));
    const line = lineOfItem(item);
    // Below the first level, deeper items are lifted to sit beside their parent.
    if (depth === 1) items.push({ text, items: nested, line, ...(tags && { tags }) });
    else items.push({ text, items: [], line, ...(tags && { tags }) }, ...nested);
  }
  return items;
}

function lineOfItem(item: MdListItem): number {
  return item.position?.start.line ?? 1;
}
