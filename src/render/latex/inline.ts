import type { Inline } from '../../model/resume.js';
import { escapeLatex, escapeLatexUrl } from './escape.js';

/** Inline Markdown as LaTeX, built node by node from the model's safe tree. */
export function inlineToLatex(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeLatex(node.value);
        case 'strong':
          return `\\textbf{${inlineToLatex(node.children)}}`;
        case 'emphasis':
          return `\\emph{${inlineToLatex(node.children)}}`;
        case 'code':
          return `\\texttt{${escapeLatex(node.value)}}`;
        case 'link':
          return `\\href{${escapeLatexUrl(node.url)}}{${inlineToLatex(node.children)}}`;
        case 'break':
          return '\\newline{}';
      }
    })
    .join('');
}
