import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/resume.js';
import { ParseContext } from '../../src/parse/context.js';
import { HtmlReader, reportStrippedTags } from '../../src/parse/html.js';

const at = { line: 3, column: 1 };

function read(...parts: (string | Inline[])[]): { paragraphs: Inline[][]; ctx: ParseContext } {
  const ctx = new ParseContext('x.md', '');
  const reader = new HtmlReader(ctx);
  for (const part of parts) {
    if (typeof part === 'string') reader.html(part, at);
    else reader.inlines(part);
  }
  return { paragraphs: reader.paragraphs(), ctx };
}

const text = (value: string): Inline => ({ type: 'text', value });

describe('HtmlReader', () => {
  it("keeps the text of a block, its formats as the model's, and breaks paragraphs at block tags", () => {
    const { paragraphs, ctx } = read(
      '<div>\n  <p>A <b>bold</b> <i>move</i>,<br>then <s>old</s> <a href="https://example.com">news</a></p>\n  <p>Next &amp; last</p>\n</div>',
    );
    expect(paragraphs).toEqual([
      [
        text('A '),
        { type: 'strong', children: [text('bold')] },
        text(' '),
        { type: 'emphasis', children: [text('move')] },
        text(','),
        { type: 'break' },
        text('then '),
        { type: 'delete', children: [text('old')] },
        text(' '),
        { type: 'link', url: 'https://example.com', children: [text('news')] },
      ],
      [text('Next '), text('&'), text(' last')],
    ]);
    expect(ctx.strippedTags.count).toBe(15);
  });

  it('pairs inline tags that Markdown gives apart, around the Markdown between them', () => {
    const { paragraphs } = read(
      '<strong>',
      [text('very '), { type: 'emphasis', children: [text('much')] }],
      '</strong>',
      [text(' so')],
    );
    expect(paragraphs).toEqual([
      [{ type: 'strong', children: [text('very '), { type: 'emphasis', children: [text('much')] }] }, text(' so')],
    ]);
  });

  it('prints a tag no browser knows as written, and leaves out what scripts and styles hold (with a warning each)', () => {
    const { paragraphs, ctx } = read(
      'Led the <migration> of <Billing/> and <script>alert("x")</script><style>p{}</style>more',
    );
    expect(paragraphs).toEqual([
      [text('Led the '), text('<migration>'), text(' of '), text('<Billing/>'), text(' and '), text('more')],
    ]);
    expect(ctx.diagnostics.map((d) => d.message)).toEqual([
      'the content of this <script> element is code, not text: it is left out',
      'the content of this <style> element is code, not text: it is left out',
    ]);
  });

  it("keeps an unsafe link's text only, with a warning, and an image's alt text", () => {
    const { paragraphs, ctx } = read('<a href="javascript:alert(1)">click</a> <img src="x.png" alt="Logo">');
    expect(paragraphs).toEqual([[text('click'), text(' '), text('Logo')]]);
    expect(ctx.diagnostics[0]!.message).toContain('`javascript:alert(1)` is dropped');
  });

  it('sets a heading in bold, on a paragraph of its own', () => {
    expect(read('<h2>Skills</h2>text').paragraphs).toEqual([
      [{ type: 'strong', children: [text('Skills')] }],
      [text('text')],
    ]);
  });

  it('says how many tags it took out in one warning, at the first', () => {
    const { ctx } = read('<p>a</p>', '<br>');
    reportStrippedTags(ctx);
    expect(ctx.diagnostics).toMatchObject([
      {
        line: 3,
        column: 1,
        severity: 'warning',
        message: '3 HTML tags were taken out (the first is here); the text is kept',
      },
    ]);
  });
});

it("keeps a folded block's summary apart from what it folds, as a browser shows them", () => {
  const { paragraphs } = read('<details><summary>Older work</summary>Wrote compilers.</details>');
  expect(paragraphs).toEqual([[text('Older work')], [text('Wrote compilers.')]]);
});

it('keeps the cells of an HTML table apart', () => {
  const { paragraphs } = read('<table><tr><td>Go</td><td>Expert</td></tr><tr><th>Rust</th><td>Good</td></tr></table>');
  expect(paragraphs.map((p) => p.map((n) => (n.type === 'text' ? n.value : '')).join(''))).toEqual([
    'Go Expert',
    'Rust Good',
  ]);
});
