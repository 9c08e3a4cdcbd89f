import type { Inline } from '../../model/resume.js';
import { escapeHtml } from './escape.js';

/** Inline Markdown as HTML, built node by node from the model's safe tree. */
export function inlineToHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.value);
        case 'strong':
          return `<strong>${inlineToHtml(node.children)}</strong>`;
        case 'emphasis':
          return `<em>${inlineToHtml(node.children)}</em>`;
        case 'code':
          return `<code>${escapeHtml(node.value)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(node.url)}">${inlineToHtml(node.children)}</a>`;
        case 'delete':
          return `<del>${inlineToHtml(node.children)}</del>`;
        case 'note':
          return `<sup class="note">${node.number}</sup>`;
        case 'task':
          return `<span class="task">${node.done ? '\u2611' : '\u2610'}</span>`;
        case 'break':
          return '<br>';
      }
    })
    .join('');
}
