import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';
import { opensLongLine, piecewiseTree } from '../../src/parse/line-cuts.js';

const processor = unified().use(remarkParse).use(remarkGfmSyntax);
let parses = 0;
const parse = (text: string): Root => {
  parses++;
  return processor.parse(text) as Root;
};
/** The part read in pieces of about `pieceChars`, and how many parses that took. */
const pieces = (text: string, pieceChars = 0, lead = '') => {
  parses = 0;
  const tree = piecewiseTree(lead, text, { pieceChars, frontmatter: false, parse, onTime: () => undefined });
  return { tree, parses };
};

describe('piecewiseTree', () => {
  it.each([
    ['words', 'Did one thing and then another, twice.'],
    ['links', '[a](https://a.example) [b](https://b.example "b") ![c](c.png) [d]'],
    ['marks closed within a piece', 'Some **strong words** and `code spans` and <https://a.b> or www.example.com.'],
    ['a mark left open that nothing after closes', 'Two *open marks and `ticks with nothing after'],
    ['entities, escapes and a hard break in the line after', 'A &amp; b \\* c a\\b  \nnext line\n\n- an item'],
    ['brackets that read as text', 'See [1] and [site 2] then [x [y] z] and [a] more'],
    ['a CRLF line and a paragraph going on', 'Words on a line\r\nand the next\r\n'],
  ])('reads %s as the whole does, in pieces', (_, text) => {
    const { tree, parses: count } = pieces(text);
    expect(count).toBeGreaterThan(1);
    expect(tree).toEqual(parse(text));
  });

  it('reads a piece again longer where a mark is left open that the line closes later', () => {
    const text = 'one *two three four* five six seven';
    expect(pieces(text).tree).toEqual(parse(text));
    // `one`, then `*two` (open), `*two three` (open), `*two three four* five` (at least twice as long), `six`, `seven`.
    expect(pieces(text).parses).toBe(6);
  });

  it('cuts about every `pieceChars`, at a single space', () => {
    const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(pieces(text, 50).parses).toBe(Math.ceil(text.length / 52));
    expect(pieces(text, 50).tree).toEqual(parse(text));
  });

  it('asks before each piece whether it is on time, and stops when it is not', () => {
    let asked = 0;
    const onTime = () => {
      if (++asked > 2) throw new Error('overdue');
    };
    const reading = { pieceChars: 0, frontmatter: false, parse, onTime };
    expect(() => piecewiseTree('', 'one two three four', reading)).toThrow('overdue');
    expect(asked).toBe(3);
  });

  it('puts the stub definitions in front of each piece', () => {
    const lead = '[ref]: #\n\n';
    const { tree } = pieces('Uses [ref] and [ref] again', 0, lead);
    expect(tree).toEqual(parse(`${lead}Uses [ref] and [ref] again`));
  });

  it.each([
    ['a heading', '# A heading of words'],
    ['a definition', '[label]: https://example.com "a title"'],
    ['a table header', 'a | b c\n|---|---|'],
    ['a line with no single space', 'one  two\tthree'],
  ])('leaves %s to be parsed at once', (_, text) => {
    expect(pieces(text).tree).toBeUndefined();
  });

  it.each([
    ['an HTML tag line', '<span class="x">'],
    ['a thematic break', '_ _ _'],
  ])('reads %s at once, a mark being left open to its end', (_, text) => {
    const { tree, parses: count } = pieces(text);
    expect(tree).toEqual(parse(text));
    // The last parse was of the whole line: each piece before it left a `<` or `_` open that the rest could close.
    expect(count).toBeLessThanOrEqual(3);
  });
});

describe('opensLongLine', () => {
  it('is a first line longer than four parts', () => {
    expect(opensLongLine(`${'x'.repeat(17)}\nshort`, 4)).toBe(true);
    expect(opensLongLine(`${'x'.repeat(16)}\n${'y'.repeat(40)}`, 4)).toBe(false);
  });
});
