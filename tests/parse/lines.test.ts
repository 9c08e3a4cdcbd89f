import { describe, expect, it } from 'vitest';
import type { Blockquote, Heading, Paragraph, PhrasingContent } from 'mdast';
import { splitAside, splitLines, startsEscaped } from '../../src/parse/lines.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

const plain = (nodes: PhrasingContent[] | undefined): string | undefined =>
  nodes?.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('');

describe('lines and their ` | ` parts', () => {
  it('split a heading whose left part is a link (a bare URL) at its ` | `', () => {
    const source = '### https://x.example | 2020 - 2022';
    const heading = parseMarkdown(source).children[0] as Heading;
    const { left, right } = splitAside(heading.children, source);
    expect([left.map((n) => n.type), plain(left), plain(right)]).toEqual([
      ['link'],
      'https://x.example',
      '2020 - 2022',
    ]);
  });

  it('keep an escaped `\\|` in the text', () => {
    const source = 'A \\| B | 2020';
    const node = parseMarkdown(source).children[0] as Paragraph;
    expect(splitLines(node.children, source).map((l) => [plain(l.left), plain(l.right)])).toEqual([['A | B', '2020']]);
  });

  it("tell a line start written with a backslash, on the paragraph's first line or a later one", () => {
    const source = '> \\: one\n> : two';
    const quote = parseMarkdown(source).children[0] as { children: Paragraph[] };
    const lines = splitLines(quote.children[0]!.children, source);
    expect(lines.map((l) => startsEscaped(l.left[0] as never, source))).toEqual([true, false]);
  });

  it("place each line of a paragraph at its own line's start in the source", () => {
    const source = 'One *a*\ntwo\n  three\nfour';
    const node = parseMarkdown(source).children[0] as Paragraph;
    const lines = splitLines(node.children, source);
    expect(lines.map((l) => [l.line, l.left[0]!.position!.start.offset])).toEqual([
      [1, 0],
      [2, 8],
      [3, 12],
      [4, 20],
    ]);
  });

  // Each line's start was found again from the paragraph's first: 100 000 lines took two minutes, now 2 s.
  it('split a paragraph of 100 000 lines in time in proportion to it', { timeout: 30_000 }, () => {
    const source = Array.from({ length: 100_000 }, (_, i) => `Line ${i}`).join('\n');
    const end = { line: 100_000, column: source.length - source.lastIndexOf('\n'), offset: source.length };
    const text: PhrasingContent = {
      type: 'text',
      value: source,
      position: { start: { line: 1, column: 1, offset: 0 }, end },
    };
    const started = performance.now();
    const lines = splitLines([text], source);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(lines[99_999]!.left[0]!.position!.start).toEqual({
      line: 100_000,
      column: 1,
      offset: source.lastIndexOf('\n') + 1,
    });
  });
});

describe('a long paragraph', () => {
  const paragraph = (lines: number) => Array.from({ length: lines }, (_, i) => `> Line ${i} of a quote.`).join('\n');
  /** CPU time (ms) of splitting a quote's paragraph into lines; the last line's place, as a check. */
  const split = (lines: number): { ms: number; last: number | undefined } => {
    const source = paragraph(lines);
    const node = (parseMarkdown(source).children[0] as Blockquote).children[0] as Paragraph;
    const before = process.cpuUsage();
    const found = splitLines(node.children, source);
    const { user, system } = process.cpuUsage(before);
    return { ms: (user + system) / 1000, last: found[found.length - 1]?.line };
  };

  it('is split in time in proportion to its lines (each line once found from the first: minutes at 1 MB)', () => {
    const small = split(4_000);
    const large = split(16_000);
    expect([small.last, large.last]).toEqual([4_000, 16_000]);
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(8);
  });
});
