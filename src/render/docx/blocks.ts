import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, ListItem, TableRow as ModelRow } from '../../model/resume.js';
import { inlineRuns } from './inline.js';
import type { Look } from './look.js';

type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * Paragraphs, lists and tables as Word paragraphs and tables: a resume's
 * free text, and a letter's body (its paragraphs in `style`). `lists` numbers each ordered list apart.
 */
export function blockElements(
  blocks: readonly Block[],
  look: Look,
  lists: ListCounter,
  style = 'BodyText',
): FileChild[] {
  return blocks.flatMap((block): FileChild[] => {
    if (block.type === 'paragraph') return [textParagraph(style, inlineRuns(block.text.children, {}, look.mono))];
    if (block.type === 'table') return [wordTable(block, look)];
    const instance = lists.next();
    return block.items.flatMap((item) => listItem(item, block.ordered, instance, look));
  });
}

/** Hands out a new instance for each ordered list, so each counts from 1. */
export class ListCounter {
  private count = 0;
  next(): number {
    return ++this.count;
  }
}

function listItem(item: ListItem, ordered: boolean, instance: number, look: Look): Paragraph[] {
  const reference = ordered ? 'numbers' : 'bullets';
  const at = (level: number) => ({ reference, level, instance, custom: true });
  const style = ordered ? 'ListNumber' : 'ListBullet';
  return [
    textParagraph(style, inlineRuns(item.text.children, {}, look.mono), at(0)),
    ...item.items.map((sub) => textParagraph(style, inlineRuns(sub.text.children, {}, look.mono), at(1))),
  ];
}

/**
 * A paragraph of running text in a style of the look (a letter's recipient lines
 * are `BodyText` too); no first or last line of it stands alone at a page break.
 */
export function textParagraph(style: string, children: ParagraphChild[], numbering?: INumbering): Paragraph {
  return new Paragraph({ style, children, widowControl: true, ...(numbering && { numbering }) });
}

type INumbering = Exclude<IParagraphOptions['numbering'], false | undefined>;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** A GFM table as the PDF sets it: columns by their shares of the line, rules above, under the head and below. */
function wordTable(table: TableBlock, look: Look): Table {
  const widths = table.head.cells.map((cell) => Math.round(cell.width * look.textWidth));
  const rule = (eighths: number): IBorderOptions => ({
    style: BorderStyle.SINGLE,
    size: eighths,
    color: look.colours.text,
  });
  const row = (model: ModelRow, head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: model.cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            ...(head && { borders: { bottom: rule(3), top: NONE, left: NONE, right: NONE } }),
            children: [
              new Paragraph({
                style: 'BodyText',
                alignment: ALIGN[cell.align],
                // Rows sit close, as the PDF's do: the cells' own margins part them.
                spacing: { before: 0 },
                children: inlineRuns(cell.text.children, head ? { bold: true } : {}, look.mono),
              }),
            ],
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    // As wide as its columns: a table of short rows is narrower than the line, as in the PDF.
    width: { size: widths.reduce((sum, w) => sum + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: rule(6), bottom: rule(6), left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [row(table.head, true), ...table.rows.map((r) => row(r, false))],
  });
}
