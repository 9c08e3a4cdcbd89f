import type { Inline } from '../../model/resume.js';
import { escapeLatex, escapeLatexUrl } from './escape.js';

/**
 * Inline Markdown as LaTeX, built node by node from the model's safe tree.
 * Struck text is struck a word at a time (`\mdcvstrike`), with struck spaces
 * between (`\mdcvstrikespace`), so that it still breaks across lines.
 */
export function inlineToLatex(nodes: readonly Inline[]): string {
  return latex(nodes, false);
}

function latex(nodes: readonly Inline[], struck: boolean): string {
  const word = (part: string, i: number): string =>
    i % 2 ? '\\mdcvstrikespace{}' : part && `\\mdcvstrike{${escapeLatex(part)}}`;
  const text = (value: string): string => (struck ? value.split(/(\s+)/).map(word).join('') : escapeLatex(value));
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return text(node.value);
        case 'strong':
          return `\\textbf{${latex(node.children, struck)}}`;
        case 'emphasis':
          return `\\emph{${latex(node.children, struck)}}`;
        case 'delete':
          return latex(node.children, true);
        case 'code':
          return `\\texttt{${text(node.value)}}`;
        case 'link':
          return `\\href{${escapeLatexUrl(node.url)}}{${latex(node.children, struck)}}`;
        case 'note':
          return `\\mdcvnote{${node.number}}`;
        case 'task':
          return `\\mdcvtask{${node.done ? 'done' : 'open'}}`;
        case 'break':
          return '\\newline{}';
      }
    })
    .join('');
}
