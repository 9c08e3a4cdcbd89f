import { expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { smartQuotes, smartQuotesIn } from '../../src/parse/quotes.js';

/** The Markdown's tree after the quotes step, as JSON without positions. */
function smartened(markdown: string): string {
  const tree = parseMarkdown(markdown);
  smartQuotes(tree, markdown);
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

it('curls apostrophes and double quotes, pairing them across emphasis', () => {
  const json = smartened(`The unit's "big **move**" and 'single' quotes.`);
  expect(json).toContain('The unit\u2019s \u201cbig ');
  expect(json).toContain('move');
  expect(json).toContain('\u201d and \u2018single\u2019 quotes.');
  expect(json).not.toContain("'");
  expect(json).not.toContain('\\"');
});

it('leaves code spans and addresses shown as links as written', () => {
  const json = smartened("Use `it's \"raw\"` at <https://example.com/it's> or <mailto:o'neil@example.com>.");
  expect(json).toContain('"value":"it\'s \\"raw\\""');
  expect(json).toContain(
    '"url":"https://example.com/it\'s","children":[{"type":"text","value":"https://example.com/it\'s"}]',
  );
  expect(json).toContain('"value":"mailto:o\'neil@example.com"');
  // A link with words of its own is prose: its quotes are curled.
  expect(smartened(`[the team's page](https://example.com/t's)`)).toContain(
    '"url":"https://example.com/t\'s","children":[{"type":"text","value":"the team\u2019s page"}]',
  );
});

it("keeps dashes and dots as written (a date range is the parser's to read)", () => {
  expect(smartened('Sep 2025 -- Present... --- done')).toContain('Sep 2025 -- Present... --- done');
});

it('leaves a quote escaped with a backslash as written: the character itself', () => {
  const json = smartened(`Say \\"hi\\" and \\'yo\\', but "this".\n  Then it\\'s 'that'.`);
  expect(json).toContain('"value":"Say \\"hi\\" and \'yo\', but \u201cthis\u201d.\\nThen it\'s \u2018that\u2019."');
});

it("curls plain text (a name to compare with a heading's) the same way", () => {
  expect(smartQuotesIn(`Sam O'Neil, "Sam"`)).toBe('Sam O\u2019Neil, \u201cSam\u201d');
});

it('curls a long resume, a run of blocks at a time, as it would curl it whole', () => {
  // A quote's reading depends on the sentence before it, which may end in the block before.
  const pieces = [
    `"Quoted" text`,
    `it's 'single' and "double"`,
    `> "a quote"\n> 'b'`,
    `- "item" one\n- 'two's'`,
    `## "Heading"`,
  ];
  const more = [
    `'80s and "x"`,
    `"`,
    `' start`,
    `end "`,
    `'s`,
    `*"em"* and **'strong'**`,
    '```\n"code"\n```',
    `| "a" | 'b' |\n|---|---|\n| "c" | d' |`,
  ];
  const all = [...pieces, ...more];
  let seed = 1;
  const next = (n: number): number => (seed = (seed * 16807) % 2147483647) % n;
  let markdown = '';
  // Half the blocks open with `'s`, which reads as an apostrophe only after a word of the same sentence.
  while (markdown.length < 150_000)
    markdown += `${next(2) ? `'s tale of ${all[next(all.length)]}` : all[next(all.length)]}\n\n`;
  const whole = parseMarkdown(markdown);
  smartQuotes(whole, markdown, Infinity);
  expect(smartened(markdown)).toBe(
    JSON.stringify(whole, (key, value: unknown) => (key === 'position' ? undefined : value)),
  );
});

it('puts an escaped quote back by its place: a private-use character in the text stays itself', () => {
  const json = smartened(`Say \\"hi\\" \uE000 and \uE000 'this'.`);
  expect(json).toContain('"value":"Say \\"hi\\" \uE000 and \uE000 \u2018this\u2019."');
});
