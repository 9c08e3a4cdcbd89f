/**
 * LaTeX escaping: every character of the text is printed as written, so
 * nothing in a resume can act as a TeX command. This is the one place the
 * LaTeX output escapes text; templates reach it through `{{ }}`.
 */

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\u00A0': '~',
  // T1 would set these as guillemets/quotes/dashes when doubled; the `{}` after
  // each keeps the font's ligatures from changing what was written.
  '<': '<{}',
  '>': '>{}',
  '-': '-{}',
  ',': ',{}',
  '"': '\\textquotedbl{}',
  // T1 would set these as curly quotes.
  "'": '\\textquotesingle{}',
  '`': '\\textasciigrave{}',
  '|': '\\textbar{}',
};

/**
 * Dropped before anything else: control characters have no glyph (TeX would
 * read them as errors), and a soft hyphen or zero-width space would only show
 * as a break in the text layer. Dropping them first keeps the ligature check
 * honest: `<`, U+0001, `<` must not become `<<`, a guillemet.
 */
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B]/g;

/** Characters escaped only when doubled, where T1 would make a ligature of them. */
const LIGATURE_STARTS = new Set(['<', '>', '-', ',']);

/**
 * TeX reads its input a line at a time, into a buffer of 200 000 characters: a longer line
 * (a long paragraph, a 200 000-character word) is a fatal error. Text is cut into lines of at
 * most this many characters, each ended by `%`, which ends the line without a space. And TeX
 * cannot set a box wider than 5.7 m (\maxdimen, some 3000 characters): inside a word this
 * long, a cut also allows a line break there (`\allowbreak`), so the word runs into the margin
 * a piece at a time instead of past what TeX can measure.
 */
const LINE_LENGTH = 500;
const SPACES = new Set([' ', '\n', '\t', '\r']);

export function escapeLatex(written: string): string {
  const text = written.replace(DROPPED, '');
  let out = '';
  let lineStart = 0;
  let wordLength = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    // Not before a space (TeX skips the spaces that start a line), nor inside a surrogate pair.
    if (out.length - lineStart >= LINE_LENGTH && !SPACES.has(char) && !/[\uDC00-\uDFFF]/.test(char)) {
      out += wordLength >= LINE_LENGTH ? '\\allowbreak{}%\n' : '%\n';
      lineStart = out.length;
      wordLength = 0;
    }
    wordLength = SPACES.has(char) ? 0 : wordLength + 1;
    if (LIGATURE_STARTS.has(char)) {
      out += next === char ? SPECIALS[char] : char;
    } else if (char in SPECIALS) {
      out += SPECIALS[char];
    } else if (char === '\n' || char === '\t' || char === '\r') {
      out += ' ';
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * A URL for `\href`: characters TeX or hyperref would misread are
 * percent-encoded (or, for `#`, `%` and `~`, escaped the way hyperref reads).
 * The `%` of an encoded byte is written `\%` too: a theme macro may take the
 * URL as an argument, where a bare `%` would start a TeX comment.
 */
export function escapeLatexUrl(url: string): string {
  let out = '';
  for (const char of url) {
    if (/[A-Za-z0-9\-._:/?=@!*'(),;+&$]/.test(char)) out += char;
    else if (char === '#' || char === '%' || char === '~') out += `\\${char}`;
    else
      out += [...new TextEncoder().encode(char)]
        .map((b) => `\\%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
  }
  return out;
}
