/** Where things are in a Markdown source: its lines' starts, the line at an offset, its frontmatter. */

/** A file that opens with frontmatter: its `---` lines, and its text between them less the last line's ending. */
const FRONTMATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:([^]*?)(?:\r\n|\r|\n))??---[ \t]*(?:\r\n|\r|\n|$)/;

/** The frontmatter's text as remark-frontmatter gives it, read before the Markdown is; none unless closed. */
export function frontmatterText(source: string): string | undefined {
  const match = FRONTMATTER.exec(source);
  return match ? (match[1] ?? '') : undefined;
}

/** The first line past the frontmatter (`---` to `---`, as remark-frontmatter reads it: unclosed, to the end), or 0. */
export function frontmatterEnd(lines: readonly string[]): number {
  const fence = /^---[ \t]*\r?$/;
  if (!fence.test(lines[0]!)) return 0;
  const close = lines.findIndex((line, i) => i > 0 && fence.test(line));
  return close < 0 ? lines.length : close + 1;
}

/** The line (0-based) holding `offset`, by the lines' starts. */
export function lineAt(starts: readonly number[], offset: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where each line (the source split at `\n`) starts in the source. */
export function lineStarts(lines: readonly string[]): number[] {
  let offset = 0;
  return lines.map((line) => {
    const at = offset;
    offset += line.length + 1;
    return at;
  });
}

export function lineCount(text: string): number {
  return text.split('\n').length - 1;
}
