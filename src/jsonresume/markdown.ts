/** Writing the Markdown format from data: text that prints as written, and the format's line shapes. */

/**
 * C0 and C1 control characters other than white space: no resume text needs them, and Markdown turns NUL into U+FFFD.
 */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the format keeps it: control characters dropped (a broken surrogate pair is U+FFFD, as Markdown has it). */
export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '');
}

/** A value as one line of the format: white space runs as one space, trimmed. */
export function oneLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/**
 * Where GitHub's Markdown would link a bare `http://`, `www.` or e-mail address: escaping the `:`, `.` or `@` keeps it
 * text.
 */
const AUTOLINK = /(?<=https?):(?=\/\/)|(?<=(?<![\p{L}\p{N}])www)\.|(?<=[\w+.-])@(?=[\w-])/giu;

/**
 * Escapes what Markdown (or the format's ` | ` and `{.tag}`) would read as
 * markup, and only that, so the Markdown stays readable: `C#`, `R&D` and
 * `snake_case` are left as they are. A line start that could open a block
 * (`-`, `#`, `>`, `:`, `=`, `1.`...) is escaped too, so a value lands as text
 * wherever it is put: a heading, a detail line, a bullet or a paragraph.
 * A bare URL or e-mail address stays text too, as it is in the JSON.
 */
export function mdText(value: string): string {
  return oneLine(value)
    .replace(/[\\`*[\]<|~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\{(?=[.:])/g, '\\{')
    .replace(AUTOLINK, '\\$&')
    .replace(/(^|\s)(#+)$/, '$1\\$2')
    .replace(/^(?:[-+:](?=\s|$)|[-=]+$|#+(?=\s|$)|>)/, (start) => `\\${start}`)
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Text of a comma list or list line, whose double quotes delimit values: they are
 * escaped too, so nothing (typographic quotes, say) reads them as anything but themselves.
 */
export function mdListText(value: string): string {
  return mdText(value).replace(/"/g, '\\"');
}

/** `[text](url)`, or the text alone without a URL. */
export function mdLink(text: string, url: string | undefined): string {
  if (!url) return mdText(text);
  // Angle brackets only when the URL needs them (parentheses); the rest is percent-encoded, as Markdown would.
  // An entity (`&amp;`) in a link target is decoded, so its `&` is escaped.
  const target = linkTarget(url).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return `[${mdText(text)}](${/[()]/.test(target) ? `<${target}>` : target})`;
}

/**
 * The URL as a Markdown link gives it back: what a link target may not hold percent-encoded (micromark's
 * `normalizeUri`).
 */
export function linkTarget(url: string): string {
  return oneLine(url).replace(/%(?![0-9A-Za-z]{2})|[^!#$%&-;=?-Z_a-z~]/gu, (c) => encodeURIComponent(c));
}

/** A line with its right-hand part: `left | right`. */
export function withAside(left: string, right: string | undefined): string {
  return right ? `${left} | ${right}` : left;
}

/** A long text as paragraphs: blank lines in it start a new one. */
export function mdParagraphs(value: string): string[] {
  return cleanText(value)
    .split(/\n\s*\n/)
    .map(mdText)
    .filter((p) => p !== '');
}
