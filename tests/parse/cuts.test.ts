import { describe, expect, it } from 'vitest';
import { cutKind, cutLines, headText, openedBy } from '../../src/parse/cuts.js';

/** The lines a source may be cut before, as their text. */
const cutsOf = (source: string): string[] => {
  const lines = source.split('\n');
  return cutLines(lines, 0).cuts.map((i) => lines[i]!);
};

describe('cutLines', () => {
  it('cuts before a line at column 0 after a blank line', () => {
    expect(cutsOf('# Name\n\nSummary.\n\n## Work\n\n### Job\nDetails\n\nMore.')).toEqual([
      'Summary.',
      '## Work',
      '### Job',
      'More.',
    ]);
  });

  it('cuts before a quote that ends a paragraph, whatever the paragraph leaves open, but not inside a quote or item', () => {
    expect(cutsOf('An *open\n> quoted\n> more')).toEqual(['> quoted']);
    expect(cutsOf('> a\n> b\nlazy\n> c')).toEqual([]);
    expect(cutsOf('- item\n  > quoted')).toEqual([]);
    expect(cutKind(['text', '> quoted'], new Map(), 1)).toBe('quote');
    expect(cutKind(['text', 'more'], new Map(), 1)).toBe('paragraph');
  });

  it.each([
    // micromark starts no list with it after indented code and a blank line.
    ['a `2.` item after a blank line', '    code\n\n2. b'],
    ['an indented line', 'a\n\n  b'],
    ['a line after a hard break', 'a  \nb'],
    ['a paragraph line that opens with a mark', 'a\n*b*'],
    ['a line in a list item', '- a\n  b'],
    ['a `---` line (a part opening with it would open with frontmatter)', 'a\n\n---'],
  ])('does not cut before %s', (_, source) => {
    expect(cutsOf(source)).toEqual([]);
  });

  it.each([
    ['a backtick fence', '```\n\n## in\n```\n\n## out'],
    ['a longer tilde fence past a shorter close', '~~~~\n\n## in\n~~~\n\n## in\n~~~~\n\n## out'],
    ['an indented fence', '  ```\n\n## in\n   ```\n\n## out'],
    ['an HTML comment', '<!--\n\n## in\n-->\n\n## out'],
    ['a `<pre>` block', '<pre>\n\n## in\n</pre>\n\n## out'],
    ['a `<div>` block (to its blank line)', '<div>\n```\n</div>\n\n## out'],
  ])('cuts at the top level only outside %s', (_, source) => {
    const lines = source.split('\n');
    const { cuts, heads } = cutLines(lines, 0);
    expect(cuts.filter((i) => !heads.has(i)).map((i) => lines[i])).toEqual(['## out']);
  });

  // The part after such a cut is parsed with the block's first line in front (markdown.ts).
  it.each([
    ['an HTML comment, to the line that ends it', '<!--\n\n## in\n-->\n\n## out', ['', '## in', '-->']],
    ['a `<pre>` block, to the line that ends it', 'a\n\n  <pre>\nx\n</pre>\n\n## out', ['x', '</pre>']],
    ['a `<div>` block, to its blank line', '<div>\n```\n</div>\n\n## out', ['```', '</div>']],
    ['a tag line, to its blank line', '<custom-tag>\ntext\n\n## out', ['text']],
  ])('cuts before each line of %s, naming its first line', (_, source, inside) => {
    const lines = source.split('\n');
    const { cuts, heads } = cutLines(lines, 0);
    const opener = lines.findIndex((line) => line.includes('<'));
    expect(cuts.filter((i) => heads.has(i)).map((i) => lines[i])).toEqual(inside);
    expect([...new Set(heads.values())]).toEqual(inside.map(() => ({ kind: 'html', line: opener })));
  });

  it('does not cut inside an HTML block that its first line ends, nor inside one in a list item', () => {
    expect(cutLines('<!-- a note -->\ntext\n- <div>\n  in'.split('\n'), 0).heads).toEqual(new Map());
  });

  it('cuts between two items of a tight top-level list, whatever their numbers, never inside an item', () => {
    expect(cutsOf('- a\n  - nested\n  lazy\n- b\n* other marker\n\n  in it\n- c')).toEqual([
      '- b',
      '* other marker',
      '- c',
    ]);
    expect(cutsOf('1. a\n2. b\n   3. inside\n10) c')).toEqual(['2. b', '10) c']);
  });

  // The parts' lists are joined back, spread over the blank line (markdown.ts).
  it('cuts before an item after a blank line, of a list going on or a new one', () => {
    expect(cutsOf('- a\n\n- loose\n\nText\n\n1. new\n\n  2. inside')).toEqual(['- loose', 'Text', '1. new']);
  });

  it('does not cut before a thematic break or a list item inside a quote', () => {
    expect(cutsOf('- a\n- - -\n> - b\n> - c')).toEqual([]);
  });

  it('cuts between two rows of a top-level table that open with a pipe, and names its header', () => {
    const lines = 'text\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\nlazy row\n| 5 | 6 |'.split('\n');
    const { cuts, heads } = cutLines(lines, 0);
    expect(cuts.map((i) => lines[i])).toEqual(['| a | b |', '| 1 | 2 |', '| 3 | 4 |']);
    expect([...heads]).toEqual([
      [4, { kind: 'table', line: 2 }],
      [5, { kind: 'table', line: 2 }],
    ]);
  });

  it.each([
    ['a header after a paragraph line', 'text\n| a | b |\n|---|---|\n| 1 | 2 |'],
    ['a delimiter row of another cell count', '| a | b |\n|---|\n| 1 | 2 |'],
    ['a table in a list item', '- | a | b |\n  |---|---|\n  | 1 | 2 |'],
  ])('does not cut a table row after %s', (_, source) => {
    expect(cutsOf(source)).toEqual([]);
  });

  it('cuts between two lines of a top-level paragraph (markdown.ts checks that nothing spans them)', () => {
    expect(cutsOf('# Name\nWords on a line,\nand more words.\n2. not a list')).toEqual(['and more words.']);
  });

  it("reads a fence in a list item as the item's, which the next line at column 0 closes", () => {
    expect(cutsOf('- a\n\n  ```\n  code\n\n## out\n\n```\n\n## in\n```')).toEqual(['## out', '```']);
  });

  it('goes on from inside a block a parse found open', () => {
    const lines = 'code\n\n## in\n```\n\n## out'.split('\n');
    expect(cutLines(lines, 0, openedBy('```')).cuts.map((i) => lines[i])).toEqual(['## out']);
  });
});

describe('openedBy', () => {
  it.each([
    ['```js', true],
    ['~~~', true],
    ['``` a`b', false],
    ['    ```', false],
    ['<!-- note', true],
    ['<div class="x">', true],
    ['<span>', true],
    ['text', false],
  ])('%s opens a block whose end comes later: %s', (line, opens) => {
    expect(openedBy(line) !== undefined).toBe(opens);
  });

  it('takes a lone tag for text when a paragraph is open (HTML block 7 cannot interrupt one)', () => {
    expect(openedBy('<span>', true)).toBeUndefined();
  });
});

describe('kindOf and headText', () => {
  const lines = '| a |\n|---|\n| 1 |\n\n<div>\nin\n\n- item\ntext\nmore\n\nafter'.split('\n');
  const { heads } = cutLines(lines, 0);

  it('name what a cut goes on: a table, an HTML block, a list, a paragraph, or nothing', () => {
    expect([2, 5, 7, 9, 11].map((cut) => cutKind(lines, heads, cut))).toEqual([
      'table',
      'html',
      'list',
      'paragraph',
      undefined,
    ]);
  });

  it("give a head's lines, each with its line ending", () => {
    expect([headText(lines, heads.get(2)!), headText(lines, heads.get(5)!)]).toEqual(['| a |\n|---|\n', '<div>\n']);
  });
});
