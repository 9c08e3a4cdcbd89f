import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * GitHub's Markdown for remark: tables, ~~strikethrough~~ (two tildes: `~5 years`
 * stays text), autolinks, task lists, footnotes. As remark-gfm, less its pass that
 * links every URL or e-mail address in the merged text after parsing: that pass
 * cannot see a backslash escape, so `http\://x.org`, `www\.x.org` and `a\@b.org`
 * would be links. Autolinks are found while parsing, as GitHub does, and an escape
 * keeps the text as text.
 */
export function remarkGfmSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm({ singleTilde: false }));
  const fromMarkdown = gfmFromMarkdown().map(({ transforms: _, ...extension }) => extension);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}
