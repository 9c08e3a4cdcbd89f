import type { Node, Paragraph, RootContent, Text } from 'mdast';

/**
 * Whether a paragraph may be cut between two of its lines (markdown.ts): a mark the part before leaves open (it
 * reads as text there) could pair, in the whole, with one in the paragraph's later lines. It cannot when nothing
 * that would close it occurs there, so only the closers of the later lines are looked at, found once per source.
 */

/** What a paragraph's later lines hold that could close a mark: a bit per kind, and the shortest backtick run. */
export interface Closers {
  kinds: number;
  backticks: number;
}

/** Each kind of mark: what opens it (as it reads when left open), and what in a later line could close it. */
const MARKS: { opens: RegExp; closes: RegExp }[] = [
  { opens: /\*/, closes: /\*/ },
  { opens: /_/, closes: /_/ },
  { opens: /~~/, closes: /~~/ },
  // A link's text may end on a later line, or its destination or title (`[a](` then `url)`); and while a `[` is
  // open, micromark links no URL or address written out (`www.x.org`, `https://x.org`, `a@x.org`) after it.
  { opens: /\[/, closes: /[\])@]|www\.|:\/\//i },
  // An HTML tag, comment, instruction or declaration; an autolink holds no line ending.
  { opens: /</, closes: />/ },
];
const NONE: Closers = { kinds: 0, backticks: Infinity };
const BLANK = /^[ \t\r]*$/;

/**
 * For each line (an index into `lines`), the closers on it and the lines after it up to a blank line, which ends
 * any paragraph (one that ends sooner only makes the answer more careful). Linear in the source, and computed only
 * when a paragraph's cut is first checked; kept in two typed arrays, as an object a line took 64 bytes (20 MB for
 * a 1 MB paragraph of short lines).
 */
export function closersFrom(lines: readonly string[]): (line: number) => Closers {
  let kinds: Uint8Array | undefined;
  let backticks: Float64Array | undefined;
  return (line) => {
    if (!kinds || !backticks) {
      kinds = new Uint8Array(lines.length);
      backticks = new Float64Array(lines.length);
      let after = NONE;
      for (let i = lines.length - 1; i >= 0; i--) {
        const text = lines[i]!;
        after = BLANK.test(text) ? NONE : merged(after, closersOn(text));
        kinds[i] = after.kinds;
        backticks[i] = after.backticks;
      }
    }
    return line < lines.length ? { kinds: kinds[line]!, backticks: backticks[line]! } : NONE;
  };
}

function closersOn(line: string): Closers {
  let kinds = 0;
  MARKS.forEach(({ closes }, bit) => {
    if (closes.test(line)) kinds |= 1 << bit;
  });
  const backticks = (line.match(/`+/g) ?? []).reduce((least, run) => Math.min(least, run.length), Infinity);
  return { kinds, backticks };
}

function merged(a: Closers, b: Closers): Closers {
  return { kinds: a.kinds | b.kinds, backticks: Math.min(a.backticks, b.backticks) };
}

/**
 * Whether a paragraph ends where its next line may go on in another part: in text, with no mark left open that
 * `after` (the closers of the lines that would go on it) could close (`leavesNoMarkOpen`). A backslash is refused
 * whatever follows (at a line's end it is a hard break), and so is a paragraph that `opensLikeDefinition`.
 */
export function leavesNothingOpen(paragraph: RootContent, after: Closers): boolean {
  const children = (paragraph as Paragraph).children;
  if (children[children.length - 1]?.type !== 'text' || opensLikeDefinition(paragraph)) return false;
  const text = textsOf(paragraph).join('\n');
  return !text.includes('\\') && leavesNoMarkOpen(paragraph, after, text);
}

/** Whether a paragraph opens with `[` as text or a reference: in the whole, what follows may make it a definition. */
export function opensLikeDefinition(paragraph: RootContent): boolean {
  const first = (paragraph as Paragraph).children[0];
  return first?.type === 'linkReference' || (first?.type === 'text' && first.value.startsWith('['));
}

/**
 * Whether no mark the paragraph leaves open (it reads as text there) could pair with one `after` holds. A backtick
 * run left open is closed only by a run of its length: the text's longest run is at least that long. With
 * `plainBrackets` (its source has no escape or character reference, so each bracket of the text is one as written),
 * a `[` that a later `]` closes, not followed by `(` or `[`, is closed: micromark pairs a `]` with the last `[`
 * before it, and takes that `[` out whether or not they make a link.
 */
export function leavesNoMarkOpen(
  paragraph: RootContent,
  after: Closers,
  text = textsOf(paragraph).join('\n'),
  plainBrackets = false,
): boolean {
  const unpaired = plainBrackets ? withoutPairs(text) : text;
  const open = MARKS.some(({ opens }, bit) => (after.kinds & (1 << bit)) !== 0 && opens.test(unpaired));
  const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  return !open && after.backticks > longest;
}

/** The text less the brackets of each pair that reads as closed text (`[1]`, `[a [b] c]`), innermost first. */
function withoutPairs(text: string): string {
  let left = text;
  for (let before = ''; before !== left;) [before, left] = [left, left.replace(/\[([^[\]]*)\](?![([])/g, '$1')];
  return left;
}

/**
 * For a long line read in pieces cut at its spaces (line-cuts.ts): at the index past each space, the closers of the
 * rest of the line and `later`'s (those of the paragraph's later lines). Found in one pass from the line's end, a
 * word at a time, as no mark holds a space; a byte and a float a character.
 */
export function closersAlong(line: string, later: Closers): (at: number) => Closers {
  const kinds = new Uint8Array(line.length + 1);
  const backticks = new Float32Array(line.length + 1);
  let after = later;
  let end = line.length;
  for (let at = line.lastIndexOf(' '); at >= 0; at = at === 0 ? -1 : line.lastIndexOf(' ', at - 1)) {
    after = merged(after, closersOn(line.slice(at + 1, end)));
    kinds[at + 1] = after.kinds;
    backticks[at + 1] = after.backticks;
    end = at;
  }
  return (at) => ({ kinds: kinds[at]!, backticks: backticks[at]! });
}

function textsOf(node: Node, found: string[] = []): string[] {
  if (node.type === 'text') found.push((node as Text).value);
  for (const child of (node as { children?: Node[] }).children ?? []) textsOf(child, found);
  return found;
}
