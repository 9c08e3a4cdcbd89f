import { shownUrl } from '../../model/links.js';
import type { Inline } from '../../model/resume.js';

/**
 * Inline Markdown as plain text: markup dropped, a link's target kept in
 * brackets after its text (unless the text already shows it), so a pasted
 * resume loses no address.
 */
export function inlineToText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'break':
          return ' ';
        case 'strong':
        case 'emphasis':
        case 'delete':
          return inlineToText(node.children);
        case 'note':
          return `[${node.number}]`;
        case 'task':
          return node.done ? '\u2611' : '\u2610';
        case 'link':
          return withTarget(inlineToText(node.children), node.url);
      }
    })
    .join('')
    .replace(/\s+/g, ' ');
}

/** A link's text with its target after it in brackets, unless the text shows it already. */
export function withTarget(text: string, url: string): string {
  const bare = shownUrl(url);
  return text.includes(bare) ? text : `${text} (${bare})`;
}
