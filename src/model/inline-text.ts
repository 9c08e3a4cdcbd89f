import type { Inline } from './resume.js';

/** Where readers of a resume's text differ: how a task's box reads, and whether a link's target is shown. */
export interface TextForm {
  task(done: boolean): string;
  /** The link as text, from its text and target; without, its text alone. */
  link?(text: string, url: string): string;
}

/** Inline Markdown as text: markup dropped, white space folded to single spaces. */
export function inlineText(nodes: readonly Inline[], form: TextForm): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'break':
          return ' ';
        case 'note':
          return `[${node.number}]`;
        case 'task':
          return form.task(node.done);
        case 'link':
          return form.link ? form.link(inlineText(node.children, form), node.url) : inlineText(node.children, form);
        default:
          return inlineText(node.children, form);
      }
    })
    .join('')
    .replace(/\s+/g, ' ');
}
