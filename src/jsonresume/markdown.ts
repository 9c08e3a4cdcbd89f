/** Writing the Markdown format from data: text that prints as written, and the format's line shapes. */

/** Escapes what Markdown (or the format's ` | ` and `{.tag}`) would read as markup. */
export function mdText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|{}&]/g, '\\$&')
    .replace(/^[-+=>](?=\s|$)/, '\\$&')
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
