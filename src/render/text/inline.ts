import { inlineText } from '../../model/inline-text.js';
import { shownUrl } from '../../model/links.js';
import type { Inline } from '../../model/resume.js';

/**
 * Inline Markdown as plain text: markup dropped, a link's target kept in
 * brackets after its text (unless the text already shows it), so a pasted
 * resume loses no address.
 */
export function inlineToText(nodes: readonly Inline[]): string {
  return inlineText(nodes, { task: (done) => (done ? '\u2611' : '\u2610'), link: withTarget });
}

/** A link's text with its target after it in brackets, unless the text shows it already. */
export function withTarget(text: string, url: string): string {
  const bare = shownUrl(url);
  return text.includes(bare) ? text : `${text} (${bare})`;
}
