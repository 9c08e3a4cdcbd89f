import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/resume.js';
import { richFromString } from '../../../src/parse/inline.js';
import { tableText } from '../../../src/render/text/table.js';

type Table = Extract<Block, { type: 'table' }>;

function table(align: ('left' | 'center' | 'right')[], ...rows: string[][]): Table {
  const row = (cells: string[], line: number) => ({
    cells: cells.map((c, i) => ({ text: richFromString(c), align: align[i]!, width: 0.3 })),
    line,
  });
  return { type: 'table', head: row(rows[0]!, 1), rows: rows.slice(1).map((r, i) => row(r, i + 3)), line: 1 };
}

describe('tables as text', () => {
  it('aligns columns as the table says, the head underlined', () => {
    expect(
      tableText(
        table(
          ['left', 'center', 'right'],
          ['Skill', 'Level', 'Years'],
          ['Go', 'Expert', '8'],
          ['TypeScript', 'Good', '12'],
        ),
        '  ',
      ),
    ).toBe(
      [
        '  Skill       Level   Years',
        '  ----------  ------  -----',
        '  Go          Expert      8',
        '  TypeScript   Good      12',
      ].join('\n'),
    );
  });

  it('writes each row as `Head: cell` lines when columns would be too wide', () => {
    const long = 'x'.repeat(120);
    expect(tableText(table(['left', 'left'], ['Name', 'Note'], ['A', long], ['B', '']), '')).toBe(
      `Name: A\nNote: ${long}\n\nName: B\nNote: `,
    );
  });
});
