import type { Heading, Paragraph, RootContent } from 'mdast';
import type { Block, DetailLine, Entry, Role, Section } from '../model/resume.js';
import { messages } from '../model/messages.js';
import { labelled, toBlocks } from './blocks.js';
import type { ParseContext } from './context.js';
import { aside, detailLines } from './details.js';
import { looseDefinitions } from './definitions.js';
import { richText, toInlines } from './inline.js';
import { splitAside } from './lines.js';
import { takeTags } from './tags.js';

export interface Body {
  summary: Block[];
  sections: Section[];
}

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

  let previous: RootContent | undefined;
  for (const node of nodes) {
    const detailsHere = expectDetails;
    const after = previous;
    previous = node;
    expectDetails = false;
    switch (node.type) {
      case 'heading': {
        if (node.depth === 1) {
          // The name's heading is taken before the body (header.ts): any other is late.
          ctx.warn(node.position?.start, messages.nameHeadingLate);
          target().push(...toBlocks(node, ctx));
        } else if (node.depth === 2) {
          section = { title: richText(toInlines(node.children, ctx)), blocks: [], entries: [], line: lineOf(node) };
          body.sections.push(section);
          entry = role = undefined;
        } else if (node.depth === 3 || (node.depth === 4 && !entry)) {
          if (!section) {
            ctx.warn(node.position?.start, messages.entryBeforeSection);
            target().push(...toBlocks(node, ctx));
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
          target().push(...toBlocks(node, ctx));
        }
        continue;
      }
      case 'paragraph': {
        const owner = role ?? entry;
        if (after?.type === 'paragraph' && defineLast(node, owner?.details ?? [], target(), ctx)) continue;
        const details = detailsHere && owner ? detailLines(node, ctx) : undefined;
        if (details) owner!.details = details;
        else target().push(...toBlocks(node, ctx));
        continue;
      }
      default:
        target().push(...toBlocks(node, ctx));
    }
  }
  return body;
}

function headed(node: Heading, ctx: ParseContext): Role {
  const { nodes, tags } = takeTags(node.children, ctx.source);
  const { left, right } = splitAside(nodes, ctx.source);
  return {
    title: richText(toInlines(left, ctx)),
    aside: aside(right, ctx),
    details: [],
    blocks: [],
    line: node.position?.start.line ?? 1,
    ...(tags && { tags }),
  };
}

/**
 * `: definition` lines a blank line after their term (kramdown's loose
 * definition list): the paragraph or detail line just before is the term.
 * False when the paragraph is not such lines, or nothing before can be a term.
 */
function defineLast(node: Paragraph, details: DetailLine[], blocks: Block[], ctx: ParseContext): boolean {
  const definitions = looseDefinitions(node.children, ctx.source)?.map((d) => richText(toInlines(d, ctx)));
  if (!definitions) return false;
  const term = details[details.length - 1];
  const last = blocks[blocks.length - 1];
  if (term?.type === 'subtitle' && !term.aside && last === undefined) {
    const facts = definitions.map((value): DetailLine => ({
      type: 'fact',
      label: term.text.plain,
      value,
      line: term.line,
    }));
    details.splice(-1, 1, ...facts);
    return true;
  }
  if (last?.type !== 'paragraph') return false;
  const text = richText(
    labelled(
      last.text.children,
      definitions.map((d) => d.children),
    ),
  );
  blocks.splice(-1, 1, { ...last, text });
  return true;
}
