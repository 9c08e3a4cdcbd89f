import type { Definition, FootnoteDefinition, Node } from 'mdast';

/**
 * What a part of the source needs from the others to parse as it does in the whole: the
 * link reference and footnote definitions it names. micromark makes `[label]` a link (and
 * `[^label]` a footnote call) only when the document defines that label, wherever.
 */

/** A label as micromark compares them: whitespace runs as one space, case folded. */
function normalized(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

/** The labels a tree defines: `label` for a link reference definition, `^label` for a footnote's. */
export function referenceKeys(tree: Node): string[] {
  const keys: string[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'definition') keys.push(normalized((node as Definition).identifier));
    if (node.type === 'footnoteDefinition') keys.push(`^${normalized((node as FootnoteDefinition).identifier)}`);
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
  return keys;
}

/**
 * Every bracketed text of `text` (innermost brackets, as a label has none unescaped), as a
 * label: more than the references in it, never fewer. A label that wraps inside a quote or a
 * list is read both with and without the line's `>` and indent.
 */
export function labelsIn(text: string): Set<string> {
  const labels = new Set<string>();
  for (const [, label] of text.matchAll(/\[((?:[^[\]\\]|\\.)*)\]/g)) {
    labels.add(normalized(label!));
    if (label!.includes('\n')) labels.add(normalized(label!.replace(/\n[ \t>]*/g, ' ')));
  }
  return labels;
}

/**
 * Definitions of the labels (from `referenceKeys`) to put before a part, each a block of its own; '' for none. A
 * footnote's definition goes on with the indented lines after it, blank lines between (a part opening with indented
 * code would be read into it): a comment at the margin ends it, taken out with the definitions.
 */
export function stubDefinitions(keys: readonly string[]): string {
  const stubs = keys.map((key) => (key.startsWith('^') ? `[${key}]: a note\n\n` : `[${key}]: #\n\n`)).join('');
  return keys.some((key) => key.startsWith('^')) ? `${stubs}<!-- -->\n\n` : stubs;
}

/** The link reference definitions (`[label]: url`) anywhere in the tree, by normalized label; the first wins. */
export function definitionsOf(tree: Node): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Node): void => {
    if (node.type === 'definition') {
      const { identifier, url } = node as Definition;
      if (!found.has(identifier)) found.set(identifier, url);
    }
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
