import type { PhrasingContent, Text } from 'mdast';

/**
 * Splitting phrasing content into the format's lines and ` | ` parts.
 * The split works on mdast nodes, not on markup strings; the source is read
 * only to tell an escaped `\|` (a literal pipe) from the separator.
 */

export interface LineParts {
  left: PhrasingContent[];
  /** The right-hand part after the first unescaped ` | `, if any. */
  right?: PhrasingContent[];
  line: number;
  column: number;
}

const SEPARATOR = Symbol('separator');
const LINE_END = Symbol('line end');
type Token = PhrasingContent | typeof SEPARATOR | typeof LINE_END;

export function splitLines(nodes: readonly PhrasingContent[], source: string): LineParts[] {
  const lines: LineParts[] = [];
  let current: Token[] = [];
  let start = nodes[0]?.position?.start;
  const flush = (): void => {
    if (current.some((t) => typeof t !== 'symbol' && !(t.type === 'text' && t.value.trim() === ''))) {
      lines.push({ ...splitAtSeparator(current), line: start?.line ?? 1, column: start?.column ?? 1 });
    }
    current = [];
  };
  for (const token of tokenize(nodes, source)) {
    if (token === LINE_END) {
      flush();
      start = undefined;
      continue;
    }
    if (!start && typeof token !== 'symbol') start = token.position?.start;
    current.push(token);
  }
  flush();
  return lines;
}

/** Splits one line (a heading's content) at its ` | `. */
export function splitAside(nodes: readonly PhrasingContent[], source: string): Omit<LineParts, 'line' | 'column'> {
  return splitAtSeparator(tokenize(nodes, source).filter((t) => t !== LINE_END));
}

function splitAtSeparator(tokens: Token[]): Omit<LineParts, 'line' | 'column'> {
  const at = tokens.indexOf(SEPARATOR);
  const plain = (part: Token[]): PhrasingContent[] =>
    trim(part.map((t) => (t === SEPARATOR ? text(' | ') : t)).filter((t): t is PhrasingContent => t !== LINE_END));
  if (at < 0) return { left: plain(tokens) };
  return { left: plain(tokens.slice(0, at)), right: plain(tokens.slice(at + 1)) };
}

function tokenize(nodes: readonly PhrasingContent[], source: string): Token[] {
  const tokens: Token[] = [];
  for (const node of nodes) {
    if (node.type === 'break') tokens.push(LINE_END);
    // One by one: spread as arguments, a paragraph's hundred thousand lines would overflow the stack.
    else if (node.type === 'text') for (const token of tokenizeText(node, source)) tokens.push(token);
    else tokens.push(node);
  }
  return tokens;
}

/** Cuts a text node at line ends and at unescaped ` | ` separators. */
function tokenizeText(node: Text, source: string): Token[] {
  const escaped = escapedPipes(node, source);
  const tokens: Token[] = [];
  let buffer = '';
  let pipeIndex = 0;
  let linesSeen = 0;
  /** Where the source line of the text's current line starts: found from the last, so a long text costs its length. */
  let offset = node.position?.start.offset;
  const value = node.value;
  const piece = (v: string): Text => text(v, shifted(node, linesSeen, offset));
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\n') {
      tokens.push(piece(buffer), LINE_END);
      buffer = '';
      linesSeen++;
      const end = offset === undefined ? -1 : source.indexOf('\n', offset);
      offset = end < 0 ? undefined : end + 1;
    } else if (char === '|') {
      const isSeparator = !escaped[pipeIndex] && value[i - 1] === ' ' && value[i + 1] === ' ';
      pipeIndex++;
      if (isSeparator) {
        tokens.push(piece(buffer.slice(0, -1)), SEPARATOR);
        buffer = '';
        i++; // the space after the pipe belongs to the separator
      } else buffer += char;
    } else buffer += char;
  }
  tokens.push(piece(buffer));
  return tokens.filter((t) => typeof t === 'symbol' || t.type !== 'text' || t.value !== '');
}

/**
 * For each `|` in the node's value, whether the source wrote it escaped (`\|`).
 * When the counts disagree (a pipe written as an entity), every pipe counts as
 * literal: a separator is never invented.
 */
function escapedPipes(node: Text, source: string): boolean[] {
  const inValue = [...node.value].filter((c) => c === '|').length;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return Array<boolean>(inValue).fill(true);
  const raw = source.slice(start, end);
  const flags: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1]!)) {
      if (raw[i + 1] === '|') flags.push(true);
      i++;
    } else if (raw[i] === '|') flags.push(false);
  }
  return flags.length === inValue ? flags : Array<boolean>(inValue).fill(true);
}

function text(value: string, position?: Text['position']): Text {
  return position ? { type: 'text', value, position } : { type: 'text', value };
}

/** A position for the part of a text node that starts `lines` lines below it, at `offset` (that line's start). */
function shifted(node: Text, lines: number, offset: number | undefined): Text['position'] {
  const start = node.position?.start;
  if (!start) return undefined;
  if (lines === 0) return { start, end: start };
  const point = { line: start.line + lines, column: 1, ...(offset === undefined ? {} : { offset }) };
  return { start: point, end: point };
}

/**
 * Whether the source wrote the node's first character with a backslash (`\:`):
 * read from its offset, past a continuation line's indent and quote markers.
 */
export function startsEscaped(node: Text, source: string): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && /^[ \t>]*\\/.test(source.slice(offset, offset + 200));
}

function trim(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = text(first.value.trimStart(), first.position);
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = text(last.value.trimEnd(), last.position);
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}
