import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/resume.js';
import { parseResume } from '../../src/parse/index.js';
import { loadTheme, renderHtml, renderLatex } from '../../src/render/index.js';
import { inlineToHtml } from '../../src/render/html/inline.js';
import { inlineToLatex } from '../../src/render/latex/inline.js';
import { inlineToText } from '../../src/render/text/inline.js';
import { renderText } from '../../src/render/text/render.js';
import { words } from '../support/source.js';

/** The fixture resume with every CommonMark and GFM construct, and the words a reader sees in it, in order. */
const DIR = path.resolve(import.meta.dirname, '../fixtures/constructs');
const FILE = path.join(DIR, 'resume.md');
const VISIBLE = readFileSync(path.join(DIR, 'visible.txt'), 'utf8');
const { resume } = parseResume(readFileSync(FILE, 'utf8'), FILE);
const theme = await loadTheme('classic', DIR);
/** Markdown that must never reach an output as text. */
const SYNTAX = [/\|\s*-{3}/, /^\s*: /m, /\[notes\]|\[navy\]|\[\^navy\]/, /##/, /~~/, /\[[ x]\]/, /\*\*\*/];

const struck: Inline[] = [
  { type: 'text', value: 'was ' },
  { type: 'delete', children: [{ type: 'text', value: 'first one' }] },
];
const marks: Inline[] = [
  { type: 'task', done: true },
  { type: 'task', done: false },
  { type: 'text', value: 'x' },
  { type: 'note', number: 2 },
];

describe('inline constructs', () => {
  it('strike a word at a time in LaTeX, with struck spaces that still break; <del> in HTML; plain words in text', () => {
    expect(inlineToLatex(struck)).toBe('was \\mdcvstrike{first}\\mdcvstrikespace{}\\mdcvstrike{one}');
    expect(inlineToHtml(struck)).toBe('was <del>first one</del>');
    expect(inlineToText(struck)).toBe('was first one');
  });

  it('print task boxes and footnote numbers in every language', () => {
    expect(inlineToLatex(marks)).toBe('\\mdcvtask{done}\\mdcvtask{open}x\\mdcvnote{2}');
    expect(inlineToHtml(marks)).toBe(
      '<span class="task">\u2611</span><span class="task">\u2610</span>x<sup class="note">2</sup>',
    );
    expect(inlineToText(marks)).toBe('\u2611\u2610x[2]');
  });
});

describe('a resume with every construct', () => {
  const text = renderText(resume!);
  const html = renderHtml(resume!, theme);
  const tex = renderLatex(resume!, theme);
  const body = tex.slice(tex.indexOf('\\begin{document}'));

  it('keeps every word a reader sees, in order, in the text output, with no Markdown syntax', () => {
    // The text output adds each link's target after its text, in brackets: not the person's words.
    expect(words(text.replace(/ \((example\.(com|org)\/\w+)\)/g, ''))).toEqual(words(VISIBLE));
    for (const syntax of SYNTAX) expect(text).not.toMatch(syntax);
  });

  it('lays a table out in aligned columns in text, the head underlined', () => {
    expect(text).toContain(
      [
        'Area               Level    Years',
        '----------------  --------  -----',
        'COBOL design       Expert      30',
      ].join('\n'),
    );
  });

  it("sets a table as rows of cells in LaTeX, each cell its column's share of the line and alignment", () => {
    expect(body).toMatch(
      /\\begin\{mdcvtable\}\n\\mdcvtablehead\{\\mdcvcell\{0\.\d+\}\{left\}\{Area\}\\mdcvcell\{0\.\d+\}\{center\}\{Level\}\\mdcvcell\{0\.\d+\}\{right\}\{Years\}\}/,
    );
    expect(body).toMatch(
      /\\mdcvtablerow\{\\mdcvcell\{0\.\d+\}\{left\}\{Nanosecond wires\}\\mdcvcell\{0\.\d+\}\{center\}\{Teaching\}\\mdcvcell\{0\.\d+\}\{right\}\{20\}\}/,
    );
    const shares = [...body.matchAll(/\\mdcvcell\{(0\.\d+)\}/g)].slice(0, 3).map((m) => Number(m[1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
  });

  it('gives HTML a real table, struck text, task boxes, footnote numbers and live reference links', () => {
    expect(html).toMatch(
      /<table>\n<thead><tr><th class="left">Area<\/th><th class="center">Level<\/th><th class="right">Years<\/th><\/tr><\/thead>/,
    );
    expect(html).toContain('<td class="left">COBOL design</td><td class="center">Expert</td><td class="right">30</td>');
    expect(html).toContain('<del>first</del>');
    expect(html).toContain('<a href="https://example.com/notes">my notes</a>');
    expect(html).toContain('<a href="https://example.org/navy">Navy</a>');
    expect(html).toContain('<sup class="note">1</sup> Rear admiral');
    expect(html).toContain('Led the &lt;migration&gt; of payroll');
    expect(html).toContain('<p class="fact"><span class="label">Role:</span> Programmer</p>');
  });

  it('links reference links in LaTeX too', () => {
    expect(body).toContain('\\href{https://example.com/notes}{my notes}');
    expect(body).toContain('\\href{https://example.org/navy}{Navy}');
  });

  it('sets a wrapped paragraph under an entry heading as one paragraph, not as detail lines', () => {
    expect(body).toContain(
      '\\mdcvparagraph{Remington Rand builds the UNIVAC computers for business and government customers across the country.}',
    );
    expect(text).toContain(
      'Remington Rand | 1949 \u2013 1967\nRemington Rand builds the UNIVAC computers for business and government customers across the country.\n',
    );
  });
});

describe('a table in text too wide for columns', () => {
  it('reads as `Head: cell` lines, a row at a time', () => {
    const long =
      'a very long cell of text that goes on and on, past what a column could hold in a form, so the row reads as lines';
    const { resume: wide } = parseResume(
      `---\nname: N\n---\n\n| Project | What |\n|---|---|\n| One | ${long} |\n| Two | short |\n`,
      'x.md',
    );
    expect(renderText(wide!)).toContain(`Project: One\nWhat: ${long}\n\nProject: Two\nWhat: short`);
  });
});
