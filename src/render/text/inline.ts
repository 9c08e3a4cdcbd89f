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
        case 'link': {
          const text = inlineToText(node.children);
          const bare = node.url.replace(/^(https?:\/\/|mailto:|tel:)/, '').replace(/\/$/, '');
          return text.includes(bare) ? text : `${text} (${bare})`;
        }
      }
    })
    .join('')
    .replace(/\s+/g, ' ');
}
