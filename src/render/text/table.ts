import type { Block, RichText } from '../../model/resume.js';
import { displayWidth } from '../../model/scripts.js';
import { inlineToText } from './inline.js';

type Table = Extract<Block, { type: 'table' }>;

/** Widest a table may be and still be laid out in columns: a form's text box, or a terminal. */
const WIDEST = 100;

/**
 * A table as text: in aligned columns, the head underlined, when it fits in
 * 100 characters; else each row as `Head: cell` lines, rows apart by a blank
 * line, which reads as well in a narrow form.
 */
export function tableText(table: Table, indent: string): string {
  const cells = [table.head, ...table.rows].map((row) => row.cells.map((cell) => cellText(cell.text)));
  const widths = table.head.cells.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ''))));
  if (widths.reduce((sum, w) => sum + w + 2, indent.length) > WIDEST) return rowsAsFacts(cells, indent);
  const line = (row: string[]): string =>
    indent +
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        const align = table.head.cells[i]!.align;
        if (align === 'right') return pad + cell;
        if (align === 'center') return pad.slice(0, pad.length >> 1) + cell + pad.slice(pad.length >> 1);
        return cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

function rowsAsFacts([head, ...rows]: string[][], indent: string): string {
  const lines = (row: string[]): string[] => row.map((cell, i) => `${indent}${head![i] ? `${head![i]}: ` : ''}${cell}`);
  return rows.map((row) => lines(row).join('\n')).join('\n\n');
}

function cellText(rich: RichText): string {
  return inlineToText(rich.children).trim();
}
