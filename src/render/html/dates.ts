import { textToIso } from '../../model/dates.js';
import type { Inline } from '../../model/resume.js';
import { escapeHtml } from './escape.js';
import { inlineToHtml } from './inline.js';

/** A date as written in a right-hand part: `Sep 2025`, `2022`, `2021-03`, `03/2021`. */
const DATE =
  /(?<![\p{L}\p{N}])(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?\d{4}(?:-\d{2})?(?![\p{L}\p{N}])|(?<!\d)\d{1,2}\/\d{4}(?!\d)/giu;

/**
 * Inline Markdown as HTML, with each date it holds in a `<time>` whose
 * `datetime` a machine can read (`Sep 2025` → `2025-09`).
 */
export function datesToHtml(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.type === 'text' ? timeTagged(node.value) : inlineToHtml([node]))).join('');
}

function timeTagged(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(DATE)) {
    const iso = textToIso(match[0]);
    if (!iso) continue;
    out += `${escapeHtml(text.slice(last, match.index))}<time datetime="${iso}">${escapeHtml(match[0])}</time>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
