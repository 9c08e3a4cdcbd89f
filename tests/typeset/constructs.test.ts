import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listThemes } from '../../src/render/index.js';
import { mdcv, tempDir } from '../support/cli.js';
import { pdfFonts, pdfInfo, pdfText, pdfUrls } from '../support/pdf.js';
import { words } from '../support/source.js';
import { typesetIn, type Typeset } from '../support/typeset.js';

/**
 * The fixture resume with every CommonMark and GFM construct, typeset by the
 * real pdflatex in every theme and read back with poppler: every word a
 * reader sees (visible.txt, written by hand) is in the PDF, in order.
 */
const DIR = path.resolve(import.meta.dirname, '../fixtures/constructs');
const VISIBLE = readFileSync(path.join(DIR, 'visible.txt'), 'utf8');
const themes = (await listThemes()).map((t) => t.name);

describe.each(themes)('every construct in the %s theme, through pdflatex', (theme) => {
  let run: Typeset;
  beforeAll(async () => {
    run = await typesetIn(path.join(DIR, 'resume.md'), theme);
  });

  it('prints every word a reader sees, in order, and no Markdown syntax', () => {
    const layout = pdfText(run.pdf, 'layout');
    expect(words(layout)).toEqual(words(VISIBLE));
    // Every mode reads every word (the default one reads a table a column at a time).
    expect(words(pdfText(run.pdf)).sort()).toEqual(words(VISIBLE).sort());
    for (const syntax of [/\|\s*-{3}/, /^\s*: /m, /\[notes\]|\[navy\]|\[\^navy\]/, /##/, /~~/, /\[[ x]\]/, /\*\*\*/])
      expect(layout).not.toMatch(syntax);
  });

  it('sets the table as a table: its rows on lines of their own, the cells in columns', () => {
    const lines = pdfText(run.pdf, 'layout').split('\n');
    const row = (first: string): string => lines.find((l) => l.includes(first)) ?? '';
    expect(row('Area')).toMatch(/Area\s{2,}Level\s{2,}Years/);
    expect(row('COBOL design')).toMatch(/COBOL design\s{2,}Expert\s{2,}30/);
    expect(row('Nanosecond wires')).toMatch(/Nanosecond wires\s{2,}Teaching\s{2,}20/);
    // Right-aligned numbers end in one column.
    expect(row('COBOL design').trimEnd().length).toBe(row('FLOW-MATIC').trimEnd().length);
  });

  it('makes reference links and autolinks live links', () => {
    expect(pdfUrls(run.pdf)).toEqual(
      expect.arrayContaining(['https://example.com/notes', 'https://example.org/navy', 'http://www.example.com']),
    );
  });

  it("prints task boxes as ballot boxes a reader can copy, with pdflatex's Type 1 fonts and no overfull line", () => {
    const text = pdfText(run.pdf);
    expect(text).toMatch(/\u2611\s*Wrote the first A-0 compiler/);
    expect(text).toMatch(/\u2610\s*Retire quietly/);
    expect(run.log).not.toMatch(/Overfull \\hbox/);
    for (const font of pdfFonts(run.pdf)) expect(font, font.name).toMatchObject({ type: 'Type 1', embedded: true });
  });
});

it('runs a table longer than a page on to the next, a whole row at a time', async () => {
  const rows = Array.from(
    { length: 90 },
    (_, i) =>
      `| Row ${i + 1} | Cell text ${i + 1} that wraps onto a second line in its narrow column of the table | ${i + 1} |`,
  );
  const file = path.join(tempDir('long-table'), 'resume.md');
  writeFileSync(
    file,
    ['---', 'name: N', '---', '', '## Table', '', '| Name | Text | N |', '|---|:---|---:|', ...rows, ''].join('\n'),
  );
  const run = await typesetIn(file, 'classic');
  expect(Number(pdfInfo(run.pdf)['Pages'])).toBeGreaterThan(1);
  const lines = pdfText(run.pdf, 'layout').split('\n');
  for (let i = 1; i <= 90; i++)
    expect(
      lines.some((l) => new RegExp(`Row ${i}\\s{2,}Cell text ${i} that\\s.*\\s${i}$`).test(l.trimEnd())),
      `row ${i}`,
    ).toBe(true);
  expect(run.log).not.toMatch(/Overfull \\hbox/);
});

it('sets tables, task boxes, struck text and notes in XeLaTeX too, CJK columns as wide as their characters', async () => {
  const file = path.join(tempDir('cjk-constructs'), 'resume.md');
  const table = ['| 领域 | 水平 |', '|---|--:|', '| 分布式系统 | 专家 |'];
  writeFileSync(
    file,
    [
      '---',
      'name: 李小龙',
      '---',
      '',
      '## 技能',
      '',
      ...table,
      '',
      '- [x] 完成 ~~旧的~~ 新的[^1]',
      '- [ ] 未完成',
      '',
      '[^1]: 注释。',
      '',
    ].join('\n'),
  );
  // As a build does: the CJK text chooses XeLaTeX.
  const out = path.dirname(file);
  const run = await mdcv(['build', file, '--out', out, '--format', 'pdf,tex']);
  expect(run.exitCode, run.stderr).toBe(0);
  expect(readFileSync(path.join(out, 'resume.tex'), 'utf8')).toContain('\\usepackage{fontspec}');
  const layout = pdfText(path.join(out, 'resume.pdf'), 'layout');
  expect(layout).toMatch(/分布式系统\s{2,}专家/);
  expect(layout).toMatch(/\u2611\s*完成 旧的 新的\s*1/);
  expect(layout).toMatch(/\u2610\s*未完成/);
  expect(layout).toMatch(/1\s+注释。/);
});
