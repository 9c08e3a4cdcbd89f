import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../src/parse/context.js';
import { takeHeader } from '../../src/parse/header.js';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';

const processor = unified().use(remarkParse).use(remarkGfmSyntax).use(remarkFrontmatter, ['yaml']);
function header(markdown: string) {
  const tree = processor.parse(markdown) as Root;
  return { ...takeHeader(tree.children, new ParseContext('resume.md', markdown)), tree };
}

describe('takeHeader', () => {
  it.each([
    ['a frontmatter', '---\nemail: a@example.com\n---\n\n# Jane Doe'],
    ['a photo in HTML', '<p align="center"><img src="me.png" width="100"></p>\n\n# Jane Doe'],
    ['a photo in Markdown', '![Jane](me.png)\n\n# Jane Doe'],
    [
      'badges that are links',
      '[![CI](https://img.shields.io/b.svg)](https://ci.example) ![Stars](https://img.shields.io/s.svg)\n\n# Jane Doe',
    ],
    ['rules and comments', '---\n\n<!-- my resume -->\n\n***\n\n# Jane Doe'],
    ['a setext heading', 'Jane Doe\n========'],
  ])('takes `# Name` after %s', (_, markdown) => {
    expect(header(markdown).name?.text).toBe('Jane Doe');
  });

  it('keeps what stood above the name for the body, and takes the name out', () => {
    const { rest, tree } = header('<!-- me -->\n\n# Jane Doe\n\nSummary.');
    expect(rest).toEqual([tree.children[0], tree.children[2]]);
  });

  it('leaves out the badges and photo above the name, naming each in a warning', () => {
    const markdown =
      '[![CI](https://img.shields.io/b.svg)](https://ci.example) ![](https://img.shields.io/s.svg)\n\n![Jane](me.png)\n\n# Jane Doe\n\nSummary.';
    const tree = processor.parse(markdown) as Root;
    const ctx = new ParseContext('resume.md', markdown);
    expect(takeHeader(tree.children, ctx).rest).toEqual([tree.children[3]]);
    expect(ctx.diagnostics).toMatchObject([
      {
        severity: 'warning',
        line: 1,
        message:
          "the images above the name (a README's badges or photo) are left out: CI, https://img.shields.io/s.svg, Jane",
      },
    ]);
  });

  it.each([
    ['a paragraph of words', 'Hello there.\n\n# Jane Doe'],
    ['an image with words beside it', '![Jane](me.png) Hello\n\n# Jane Doe'],
    ['HTML with text', '<div>Hello</div>\n\n# Jane Doe'],
    ['a section', '## Skills\n\n# Jane Doe'],
    ['a second-level heading only', '## Jane Doe'],
  ])('takes no name after %s', (_, markdown) => {
    const { name, rest, tree } = header(markdown);
    expect(name).toBeUndefined();
    expect(rest).toEqual(tree.children);
  });

  it('reads the contacts right under the name, past a rule, and leaves the rest', () => {
    const { name, contacts, rest, tree } = header('# Jane Doe\n\n---\n\njane@example.com | Berlin\n\nSummary.');
    expect(name).toEqual({ text: 'Jane Doe', line: 1 });
    expect(contacts?.items).toEqual([
      { kind: 'email', text: 'jane@example.com' },
      { kind: 'place', text: 'Berlin' },
    ]);
    expect(rest).toEqual([tree.children[1], tree.children[3]]);
  });

  it('reads a short line over a paragraph of contacts as the headline', () => {
    expect(header('# Jane Doe\n\n**Data Engineer**\n\njane@example.com').contacts).toEqual({
      headline: 'Data Engineer',
      items: [{ kind: 'email', text: 'jane@example.com' }],
    });
    // Without contacts below it, a short line is the summary's.
    const { contacts, rest } = header('# Jane Doe\n\n**Data Engineer**\n\nSummary.');
    expect(contacts).toBeUndefined();
    expect(rest).toHaveLength(2);
  });
});
