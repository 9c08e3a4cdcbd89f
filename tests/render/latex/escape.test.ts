import { describe, expect, test } from 'vitest';
import { escapeLatex, escapeLatexUrl } from '../../../src/render/latex/escape.js';

describe('escapeLatex', () => {
  test.each([
    // A dropped character between two halves of a ligature must not let them join (found by the property test).
    ['<\u0001<', '<{}<'],
    ['-\u00AD-', '-{}-'],
    ['#', '\\#'],
    ['$', '\\$'],
    ['%', '\\%'],
    ['&', '\\&'],
    ['_', '\\_'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['\\', '\\textbackslash{}'],
    ['\\input{x}', '\\textbackslash{}input\\{x\\}'],
    ['^^41', '\\textasciicircum{}\\textasciicircum{}41'],
    ["'", '\\textquotesingle{}'],
    ['`', '\\textasciigrave{}'],
  ])('%s → %s', (input, output) => {
    expect(escapeLatex(input)).toBe(output);
  });

  test('doubled characters that T1 would turn into ligatures stay as written', () => {
    expect(escapeLatex('--')).toBe('-{}-');
    expect(escapeLatex('a---b')).toBe('a-{}-{}-b');
    expect(escapeLatex('<<>>')).toBe('<{}<>{}>');
    expect(escapeLatex(',,')).toBe(',{},');
    expect(escapeLatex('!`?`')).toBe('!\\textasciigrave{}?\\textasciigrave{}');
    expect(escapeLatex('A-Tune, x-y')).toBe('A-Tune, x-y');
  });

  test('typographic characters pass through for LaTeX’s UTF-8 input to set', () => {
    expect(escapeLatex('“quoted” ‘single’ – — … € © é')).toBe('“quoted” ‘single’ – — … € © é');
  });

  test('control characters vanish and line ends become spaces', () => {
    expect(escapeLatex('a\u0000b\u0007c\u007f')).toBe('abc');
    expect(escapeLatex('a\nb\tc')).toBe('a b c');
    expect(escapeLatex('no\u00a0break')).toBe('no~break');
  });
});

describe('escapeLatex on long text', () => {
  // TeX reads a line at a time into a 200 000-character buffer: a longer one is fatal.
  const lines = (latex: string) => latex.split('\n');

  test('cuts it into lines that each end in `%` (no space), never before a space', () => {
    const latex = escapeLatex(`${'a'.repeat(5000)} and ${'{x} '.repeat(2000)}`);
    expect(Math.max(...lines(latex).map((line) => line.length))).toBeLessThanOrEqual(520);
    for (const line of lines(latex).slice(0, -1)) expect(line).toMatch(/%$/);
    for (const line of lines(latex).slice(1)) expect(line).not.toMatch(/^\s/);
    // Without the cuts (and the breaks allowed in the long word), it is the text escaped as ever.
    expect(latex.replaceAll('\\allowbreak{}', '').replaceAll('%\n', '')).toBe(
      `${'a'.repeat(5000)} and ${'\\{x\\} '.repeat(2000)}`,
    );
  });

  test('never inside an escape or a character written as two UTF-16 units', () => {
    const latex = escapeLatex('\\😀'.repeat(3000));
    for (const line of lines(latex))
      expect(line.replace(/(\\allowbreak\{\})?%$/, '')).toMatch(/^(\\textbackslash\{\}|😀)+$/);
  });

  test('allows a line break only inside a word longer than TeX can set on any page', () => {
    expect(escapeLatex('word '.repeat(2000))).not.toContain('\\allowbreak');
    expect(escapeLatex('a'.repeat(2000)).match(/\\allowbreak\{\}%\n/g)).toHaveLength(3);
  });
});

describe('escapeLatexUrl', () => {
  test('keeps ordinary URLs and encodes what TeX would misread', () => {
    expect(escapeLatexUrl('https://example.com/a_b?x=1&y=2')).toBe('https://example.com/a_b?x=1&y=2');
    expect(escapeLatexUrl('https://e.com/#frag')).toBe('https://e.com/\\#frag');
    expect(escapeLatexUrl('https://e.com/50%')).toBe('https://e.com/50\\%');
    expect(escapeLatexUrl('https://e.com/~me')).toBe('https://e.com/\\~me');
    expect(escapeLatexUrl('https://e.com/{a}\\b c^')).toBe('https://e.com/\\%7Ba\\%7D\\%5Cb\\%20c\\%5E');
    expect(escapeLatexUrl('https://e.com/ü')).toBe('https://e.com/\\%C3\\%BC');
  });
});
