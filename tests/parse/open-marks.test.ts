import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { closersAlong, closersFrom, leavesNoMarkOpen, leavesNothingOpen } from '../../src/parse/open-marks.js';

/** Whether a cut before `next` (the paragraph's later lines) may follow the paragraph `before`. */
const mayCut = (before: string, next: string): boolean => {
  const paragraph = parseMarkdown(before).children[0] as Paragraph;
  return leavesNothingOpen(paragraph, closersFrom(next.split('\n'))(0));
};

describe('closersFrom', () => {
  it("gathers a line's closers and those of the lines after it, up to a blank line", () => {
    const closers = closersFrom('a *b\nc_d ``e`` `\n\nf~~g'.split('\n'));
    expect([0, 1, 2, 3].map((line) => closers(line))).toEqual([
      { kinds: 0b11, backticks: 1 },
      { kinds: 0b10, backticks: 1 },
      { kinds: 0, backticks: Infinity },
      { kinds: 0b100, backticks: Infinity },
    ]);
  });
});

describe('closersAlong', () => {
  it("gathers, past each space of a line, the closers of the rest of it and of the paragraph's later lines", () => {
    const closers = closersAlong('a *b c_d ``e`` f', { kinds: 0b100, backticks: 3 });
    expect([2, 5, 9, 15].map((at) => closers(at))).toEqual([
      { kinds: 0b111, backticks: 2 },
      { kinds: 0b110, backticks: 2 },
      { kinds: 0b100, backticks: 2 },
      { kinds: 0b100, backticks: 3 },
    ]);
  });
});

describe('leavesNothingOpen', () => {
  it.each([
    ['a paragraph with every mark paired', 'A *b* `c` [d](e) <span>f</span> ~~g~~ end', 'h * _ ] ) > ` ~~'],
    ['an emphasis left open that no later `*` closes', 'An *open mark', 'words _ ] ) >'],
    ['a backtick run left open that no later run as short closes', 'Two ``ticks', 'three ``` only'],
    ['a link left open with no later `]` or `)`', 'A [link', 'words'],
  ])('lets a cut follow %s', (_, before, next) => {
    expect(mayCut(before, next)).toBe(true);
  });

  it.each([
    ['an emphasis a later `*` may close', 'An *open mark', 'closed* here'],
    ['an underscore a later one may close', 'An _open one', 'closed_ here'],
    ['a strikethrough a later `~~` may close', 'A ~~struck', 'word~~ here'],
    ['a backtick run a later run of its length may close', 'Two ``ticks', 'closed `` here'],
    ['a `[` before a URL written out (micromark links none while a `[` is open)', 'A [link', 'www.example.com'],
    ['a `[` before an address written out', 'A [link', 'me@example.com'],
    ['a link whose title a later line ends', 'See [a](https://example.com "a title', 'goes on") here'],
    ['an HTML comment a later `>` may end', 'An <!-- open', 'comment --> done'],
    ['a backslash', 'A \\\\ backslash', 'words'],
    ['a paragraph opening with `[` (a definition may take its destination from the next line)', '[label]:', 'dest'],
    ['a paragraph ending in a tag', 'A <span>x</span>', 'words'],
  ])('refuses a cut after %s', (_, before, next) => {
    expect(mayCut(before, next)).toBe(false);
  });
});

describe('leavesNoMarkOpen', () => {
  /** Whether a piece of a line, its brackets as written, may be followed by `rest`. */
  const mayCutPlain = (before: string, rest: string): boolean => {
    const paragraph = parseMarkdown(before).children[0] as Paragraph;
    return leavesNoMarkOpen(paragraph, closersFrom([rest])(0), undefined, true);
  };

  it.each([
    ['brackets closed as text', 'See [1] and [a [b] c]', 'then ] and )'],
    ['a reference defined nowhere', 'Uses [ref] and [^n]', 'more [ref]'],
  ])('lets a cut follow %s', (_, before, rest) => {
    expect(mayCutPlain(before, rest)).toBe(true);
  });

  it.each([
    ['a bracket left open', 'A [link', 'text](u)'],
    ['a link whose title the rest ends', 'See [a](u "t', 't") here'],
    ['a full reference whose label the rest ends', 'See [a][b', 'c]'],
    ['an emphasis inside closed brackets', 'A [b *c]', 'd* e'],
  ])('refuses a cut after %s', (_, before, rest) => {
    expect(mayCutPlain(before, rest)).toBe(false);
  });
});
