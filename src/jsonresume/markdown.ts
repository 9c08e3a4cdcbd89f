/** Writing the Markdown format from data: text that prints as written, and the format's line shapes. */

/**
 * Escapes what Markdown (or the format's ` | ` and `{.tag}`) would read as
 * markup, and only that, so the Markdown stays readable: `C#`, `R&D` and
 * `snake_case` are left as they are.
 */
export function mdText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*[\]<|]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\{(?=\.)/g, '\\{')
    .replace(/(^|\s)(#+)$/, '$1\\$2')
    .replace(/^[-+=>#](?=\s|$)/, '\\$&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** `[text](url)`, or the text alone without a URL. */
export function mdLink(text: string, url: string | undefined): string {
  if (!url) return mdText(text);
  // Angle brackets only when the URL needs them (spaces or parentheses).
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
  return `[${mdText(text)}](${target})`;
}

/** A line with its right-hand part: `left | right`. */
export function withAside(left: string, right: string | undefined): string {
  return right ? `${left} | ${right}` : left;
}

/** A long text as paragraphs: blank lines in it start a new one. */
export function mdParagraphs(value: string): string[] {
  return value
    .split(/\n\s*\n/)
    .map(mdText)
    .filter((p) => p !== '');
}
