import { describe, expect, it } from 'vitest';
import type { Paragraph, PhrasingContent } from 'mdast';
import { parseMarkdown } from '../../src/parse/markdown.js';

/** The paragraph's inline nodes, a link as `<url|text>`. */
function inline(source: string): string {
  const show = (n: PhrasingContent): string =>
    n.type === 'link' ? `<${n.url}|${n.children.map(show).join('')}>` : 'value' in n ? n.value : n.type;
  return (parseMarkdown(source).children[0] as Paragraph).children.map(show).join('');
}

describe("GitHub's autolinks", () => {
  it('link a bare URL, `www.` address and e-mail address', () => {
    expect(inline('See https://x.org, www.x.org or jo@x.org.')).toBe(
      'See <https://x.org|https://x.org>, <http://www.x.org|www.x.org> or <mailto:jo@x.org|jo@x.org>.',
    );
  });

  it('leave an escaped one as text, as GitHub does', () => {
    expect(inline('See https\\://x.org, www\\.x.org or jo\\@x.org.')).toBe('See https://x.org, www.x.org or jo@x.org.');
  });

  it('keep the rest of GitHub Markdown: strikethrough needs two tildes', () => {
    expect(inline('~~gone~~ and ~5 years')).toBe('delete and ~5 years');
  });
});
