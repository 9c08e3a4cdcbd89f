import type { List, ListItem as MdListItem, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, Inline, ListItem, TableRow } from '../model/resume.js';
import { messages } from '../model/messages.js';
import { displayWidth } from '../model/scripts.js';
import type { ParseContext } from './context.js';
import { definitionList, looseDefinitions, whole } from './definitions.js';
import { HtmlReader } from './html.js';
import { isComment, joined, noteNumber, richText, toInlines } from './inline.js';
import { takeTags } from './tags.js';

/**
 * Any Markdown block, wherever it sits (a quote, a list item, a footnote), as
 * the model's paragraphs, lists and tables: its words are never left out.
 */
export function toBlocks(node: RootContent, ctx: ParseContext): Block[] {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return [];
    case 'paragraph': {
      const loose = looseDefinitions(node.children, ctx.source);
      if (loose)
        return [
          paragraph(
            joined(
              loose.map((d) => toInlines(d, ctx)),
              { type: 'break' },
            ),
            line,
          ),
        ];
      const terms = definitionList(node.children, ctx.source);
      if (!terms) return [paragraph(toInlines(node.children, ctx), line)];
      // `Term` / `: definition` outside an entry: `**Term:** definition`, a line each.
      const lines = terms.map(({ line, definitions }): Inline[] => {
        const term = toInlines(whole(line), ctx);
        if (definitions.length === 0) return term;
        return labelled(
          term,
          definitions.map((d) => toInlines(d, ctx)),
        );
      });
      return [paragraph(joined(lines, { type: 'break' }), line)];
    }
    case 'heading':
      return [paragraph([{ type: 'strong', children: toInlines(node.children, ctx) }], line)];
    case 'list':
      return [{ type: 'list', ordered: node.ordered ?? false, items: listItems(node, ctx, 1), line }];
    case 'blockquote':
      return node.children.flatMap((child) => toBlocks(child, ctx));
    case 'code':
      ctx.warn(node.position?.start, messages.codeBlock);
      return [paragraph(codeLines(node.value), line)];
    case 'html': {
      if (isComment(node.value)) return [];
      const reader = new HtmlReader(ctx);
      reader.html(node.value, node.position?.start);
      return reader.paragraphs().map((inlines) => paragraph(inlines, line));
    }
    case 'table':
      return [table(node, ctx)];
    case 'footnoteDefinition': {
      const [first, ...rest] = node.children.flatMap((child) => toBlocks(child, ctx));
      const note: Inline = { type: 'note', number: noteNumber(node.identifier, ctx) };
      // The note's number leads its first paragraph (or stands alone before a list or table).
      if (first?.type === 'paragraph') {
        return [paragraph([note, { type: 'text', value: ' ' }, ...first.text.children], first.line), ...rest];
      }
      return [paragraph([note], line), ...(first ? [first] : []), ...rest];
    }
    default: {
      // Nothing else reaches here from CommonMark and GFM; should it, its text is kept.
      const text = toString(node);
      return text.trim() ? [paragraph([{ type: 'text', value: text }], line)] : [];
    }
  }
}

/** A term and its definitions as a line: `**Term:** one; two`. */
export function labelled(term: Inline[], definitions: Inline[][]): Inline[] {
  const label: Inline = { type: 'strong', children: [...term, { type: 'text', value: ':' }] };
  return [label, { type: 'text', value: ' ' }, ...joined(definitions, { type: 'text', value: '; ' })];
}

export function paragraph(inlines: Inline[], line: number): Block {
  return { type: 'paragraph', text: richText(inlines), line };
}

/** A code block's lines, in code type, one line each. */
function codeLines(value: string): Inline[] {
  return joined(
    value.split('\n').map((code) => [{ type: 'code', value: code }]),
    { type: 'break' },
  );
}

export function listItems(list: List, ctx: ParseContext, depth: number): ListItem[] {
  const items: ListItem[] = [];
  for (const item of list.children) {
    const own: Inline[] = [];
    const nested: ListItem[] = [];
    const { nodes, tags } = takeTags(firstParagraph(item), ctx.source);
    if (typeof item.checked === 'boolean') own.push({ type: 'task', done: item.checked }, { type: 'text', value: ' ' });
    own.push(...toInlines(nodes, ctx));
    for (const child of item.children.slice(item.children[0]?.type === 'paragraph' ? 1 : 0)) {
      if (child.type === 'list') {
        if (depth >= 2) ctx.warn(child.position?.start, messages.listTooDeep);
        nested.push(...listItems(child, ctx, Math.min(depth + 1, 2)));
        continue;
      }
      // Anything else in an item (a second paragraph, code, a quote, a heading, a table) goes on as its lines;
      // after a nested list it is a nested item of its own, so that it still reads after that list.
      for (const block of toBlocks(child, ctx)) {
        if (block.type === 'list') nested.push(...block.items);
        else if (nested.length > 0) nested.push({ text: richText(blockLines(block)), items: [], line: block.line });
        else own.push(...(own.length > 0 ? [{ type: 'break' as const }] : []), ...blockLines(block));
      }
    }
    const text = richText(own);
    const line = item.position?.start.line ?? 1;
    // Below the first level, deeper items are lifted to sit beside their parent.
    if (depth === 1) items.push({ text, items: nested, line, ...(tags && { tags }) });
    else items.push({ text, items: [], line, ...(tags && { tags }) }, ...nested);
  }
  return items;
}

function firstParagraph(item: MdListItem): PhrasingContent[] {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first.children : [];
}

/** A paragraph or table as lines of one list item: a table's row a line, its cells apart by ` · `. */
function blockLines(block: Block): Inline[] {
  if (block.type === 'paragraph') return block.text.children;
  if (block.type === 'list') return [];
  const cells = (row: TableRow): Inline[] =>
    joined(
      row.cells.map((cell) => cell.text.children),
      { type: 'text', value: ' \u00b7 ' },
    );
  const rows = [block.head, ...block.rows].map(cells);
  return joined(rows, { type: 'break' });
}

/** Longest cell text that still widens its column: beyond it, a column wraps rather than crowd the others. */
const WIDEST = 40;
/** About the characters a line holds: a table of shorter rows is narrower than the line. */
const LINE = 100;

function table(node: Table, ctx: ParseContext): Block {
  const rows = node.children.map((row) => row.children.map((cell) => richText(toInlines(cell.children, ctx))));
  const columns = Math.max(...rows.map((r) => r.length));
  const longest = Array.from({ length: columns }, (_, i) =>
    Math.min(WIDEST, Math.max(3, ...rows.map((r) => displayWidth(r[i]?.plain ?? '')))),
  );
  const total = Math.max(
    LINE,
    longest.reduce((a, b) => a + b + 4, 0),
  );
  const toRow = (cells: (typeof rows)[number], line: number): TableRow => ({
    cells: Array.from({ length: columns }, (_, i) => ({
      text: cells[i] ?? richText([]),
      align: node.align?.[i] ?? 'left',
      // Rounded down, so the shares never add up to more than the line.
      width: Math.floor(((longest[i]! + 4) / total) * 1000) / 1000,
    })),
    line,
  });
  const lineOf = (i: number): number => node.children[i]?.position?.start.line ?? 1;
  const [head = [], ...body] = rows;
  const line = lineOf(0);
  return { type: 'table', head: toRow(head, line), rows: body.map((r, i) => toRow(r, lineOf(i + 1))), line };
}
