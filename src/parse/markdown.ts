import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compacted } from './compact.js';
import { type Container, containerAt, readContainer, wrapped } from './containers.js';
import { cutKind, cutLines, headText, openedBy } from './cuts.js';
import { continuesHtml, joinedList, joinedParagraph, joinedPastHead, opensWithText, shifted } from './joins.js';
import { type Closers, closersFrom, leavesNothingOpen } from './open-marks.js';
import { opensLongLine, piecewiseTree } from './line-cuts.js';
import { remarkGfmSyntax } from './gfm.js';
import { insideOf, onTime, type Reading } from './reading.js';
import { labelsIn, referenceKeys, stubDefinitions } from './references.js';
import { frontmatterEnd, lineAt, lineCount, lineStarts } from './source-lines.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmSyntax);
/** For all but a file's opening (and what is inside a quote or list item): a `---` line there is no frontmatter. */
const inner = unified().use(remarkParse).use(remarkGfmSyntax);

/**
 * A part is parsed once it holds this much: small enough that remark's memory stays a few
 * MB (its events die young), large enough that setting up a parse (a millisecond) is not most of the time.
 */
const PART_CHARS = 4 * 1024;

/** A run of whole lines of the source, parsed on its own. */
interface Part {
  /** Its first line (0-based) in the whole source, and that line's offset. */
  line: number;
  offset: number;
  text: string;
  /** Where stub definitions go: past the frontmatter, which must open the text. */
  insertAt: number;
  /** For a part cut inside a table or HTML block: its head (cuts.ts), parsed in front of the text. */
  head: string;
  tree?: Root;
  /** For a quote or list item read from its inside: that inside. */
  container?: Container;
  /** What the lines after its first could close of a mark left open there (line-cuts.ts), found when asked. */
  after?: () => Closers;
}

/**
 * The Markdown's syntax tree, as remark parses it. remark holds every event of what it
 * parses at once, some 1 KB per character of source (a 1 MB file would take a GB); so the
 * source is cut into parts of about 4 KB where a cut changes nothing (cuts.ts), each part is
 * parsed on its own, and the trees are put together with the positions they have in the
 * whole: the same tree as parsing it at once (`partChars` 0 cuts wherever it can, as tests
 * do); a list, table or paragraph cut inside goes on the one before. A link reference or
 * footnote refers across parts: a part that names a label another part defines is parsed
 * again with a stand-in definition of it in front, then taken out. Past `deadline` (`performance.now()`), it stops
 * between two parts: `ParseOverdue`; `reached` is told where each part starts.
 */
export function parseMarkdown(
  source: string,
  partChars = PART_CHARS,
  deadline?: number,
  reached?: (line: number) => void,
): Root {
  return parsedInParts(source, { partChars, frontmatter: true, outside: [], deadline, reached });
}

function parsedInParts(source: string, reading: Reading): Root {
  const lines = source.split('\n');
  const starts = lineStarts(lines);
  const parts = partsOf(source, lines, starts, reading);
  if (parts.length === 1 && !parts[0]!.container && reading.outside.length === 0) return parts[0]!.tree!;
  // A label defined outside a container's inside is defined in none of its parts.
  const definedIn = new Map(reading.outside.map((key) => [key, -1]));
  parts.forEach((part, i) => {
    for (const key of referenceKeys(part.tree!)) if (!definedIn.has(key)) definedIn.set(key, i);
  });
  const children: RootContent[] = [];
  parts.forEach((part, i) => {
    const named = definedIn.size === 0 ? [] : [...labelsIn(part.text)];
    const elsewhere = named.filter((key) => (definedIn.get(key) ?? i) !== i);
    const stubs = stubDefinitions(elsewhere);
    if (stubs) onTime(reading, part.line);
    // Each part's first tree is let go as its last is taken: never two trees of the whole at once.
    let tree = part.tree!;
    if (stubs && part.container) tree = containerTree(part.container, starts, { ...reading, outside: elsewhere });
    else if (stubs) tree = partTree(part, reading, stubs);
    part.tree = undefined;
    const lead = stubs + part.head;
    const joinsAt = children.length;
    for (const node of tree.children) {
      const at = node.position!.start.offset!;
      let whole: RootContent | undefined;
      if (at < part.insertAt) whole = shifted(node, part.line, part.offset);
      else if (part.head && at === part.insertAt + stubs.length && (node.type === 'table' || node.type === 'html')) {
        const [past, lines] = [part.insertAt + lead.length, part.line - lineCount(lead)];
        joinedPastHead(children[children.length - 1]!, node, past, lines, part.offset - lead.length, source);
      } else if (at >= part.insertAt + lead.length) {
        whole = shifted(node, part.line - lineCount(lead), part.offset - lead.length);
      }
      // Only a part's first block may go on the block before it.
      const before = children[children.length - 1];
      const joined =
        children.length === joinsAt && (joinedList(before, whole, source) || joinedParagraph(before, whole));
      if (whole && !joined) children.push(whole);
    }
  });
  const last = parts[parts.length - 1]!;
  const end = {
    line: last.line + lineCount(last.text) + 1,
    column: last.text.length - last.text.lastIndexOf('\n'),
    offset: source.length,
  };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** A part's text to parse: stub definitions past its frontmatter, then its head (cuts.ts), then the text. */
function withLead(part: Part, stubs = ''): string {
  return part.text.slice(0, part.insertAt) + stubs + part.head + part.text.slice(part.insertAt);
}

/** A part's tree, `stubs` in front; one that opens with a line of more than four parts is read in pieces. */
function partTree(part: Part, reading: Reading, stubs = ''): Root {
  const frontmatter = reading.frontmatter && part.line === 0;
  const pieceChars = reading.partChars;
  if (part.head === '' && part.insertAt === 0 && opensLongLine(part.text, pieceChars)) {
    const after = part.after?.();
    const onTimeHere = (): void => onTime(reading, part.line);
    const pieces = piecewiseTree(stubs, part.text, { pieceChars, frontmatter, after, parse, onTime: onTimeHere });
    if (pieces) return pieces;
  }
  return parse(withLead(part, stubs), frontmatter);
}

function parse(text: string, frontmatter = true): Root {
  return compacted((frontmatter ? processor : inner).parse(text) as Root);
}

/** A container's quote or list, `inside` its inside's tree, with the positions of a part that opens with it. */
function containerTree(container: Container, starts: readonly number[], reading: Reading, inside?: Root): Root {
  const tree = inside ?? parsedInParts(container.inside, insideOf(container, reading));
  return { type: 'root', children: [wrapped(container, tree, starts, (text) => parse(text, false))] };
}

/**
 * The part of the container opening at line `from`, its inside parsed in parts, when it is long enough to be worth
 * it and reads as in the whole: a lazy line that ends it ends it there (parsed again without what follows).
 */
function containerPart(
  source: string,
  lines: readonly string[],
  starts: readonly number[],
  opened: Container,
  reading: Reading,
): { part: Part; to: number } | undefined {
  const read = readContainer(opened, (text) => parsedInParts(text, insideOf(opened, reading)));
  if (!read) return undefined;
  const { container } = read;
  const from = container.from;
  // The blank lines after it go with it: the next part opens with a block.
  let to = container.to;
  while (to < lines.length && /^[ \t\r]*$/.test(lines[to]!)) to++;
  const text = source.slice(starts[from], starts[to] ?? source.length);
  const part = {
    line: from,
    offset: starts[from]!,
    text,
    insertAt: text.length + 1,
    head: '',
    container,
    tree: containerTree(container, starts, reading, read.tree),
  };
  return { part, to };
}

/**
 * The source in parts, each parsed. A cut that a block of the part before reaches across (a
 * fence or HTML block the scanner misread) is taken back, and the lines after that block
 * scanned again knowing it is open. After a cut is taken back, the part is tried again at least twice as long: a
 * block no cut can end (a paragraph with a mark open from its first line) is parsed a few times, not once per line.
 */
function partsOf(source: string, lines: readonly string[], starts: readonly number[], reading: Reading): Part[] {
  const { partChars } = reading;
  const body = reading.frontmatter ? frontmatterEnd(lines) : 0;
  let { cuts, heads } = cutLines(lines, body);
  const closers = closersFrom(lines);
  const refused = new Set<number>();
  /** Lines a part opened at, each looked at once for a container. */
  const plain = new Set<number>();
  /** Each line looked at for a container (a byte a line: a map's entry took 50 per line of a long paragraph). */
  const looked = new Uint8Array(lines.length);
  const found = new Map<number, Container>();
  /** The container opening at a cut when it is long enough to be read from its inside (it ends the part before). */
  const longContainer = (cut: number): Container | undefined => {
    if (!looked[cut]) {
      looked[cut] = 1;
      // A line inside a table or HTML block opens no container.
      const container = heads.has(cut) ? undefined : containerAt(lines, cut);
      const length = (starts[container?.to ?? 0] ?? source.length) - starts[cut]!;
      if (container && length >= 4 * partChars) found.set(cut, container);
    }
    return found.get(cut);
  };
  const parts: Part[] = [];
  let from = 0;
  let least = partChars;
  while (from < lines.length) {
    // A container's inside is read in parts of its own, each checked.
    const opened = plain.has(from) ? undefined : longContainer(from);
    const container = opened && containerPart(source, lines, starts, opened, reading);
    plain.add(from);
    if (container) {
      parts.push(container.part);
      from = container.to;
      least = partChars;
      continue;
    }
    onTime(reading, from);
    const fits = (cut: number): boolean =>
      cut > from &&
      (starts[cut]! - starts[from]! >= least ||
        longContainer(cut) !== undefined ||
        opensLongLine(lines[cut]!, partChars)) &&
      !refused.has(cut);
    const to = cuts.find(fits) ?? lines.length;
    const header = heads.get(from);
    const head = header ? headText(lines, header) : '';
    const text = source.slice(starts[from], starts[to] ?? source.length);
    const insertAt = from === 0 ? (starts[body] ?? source.length) : 0;
    // The line after, as it is now: `from` moves on before a later pass (stub definitions) may ask.
    const next = from + 1;
    const part: Part = { line: from, offset: starts[from]!, text, insertAt, head, after: () => closers(next) };
    const tree = partTree(part, reading);
    const last = tree.children[tree.children.length - 1];
    // A cut follows a blank line, where only a block still open at the end of the part reaches it; or opens a list
    // item, a table row or a paragraph's line, where the part's last block is the one it goes on, closed on the line
    // before (a fence or HTML block open in a list's last item would run on to the end of the part), and for a
    // paragraph with nothing inline left open; or opens a quote, which ends a paragraph whatever is left open in it.
    // An HTML block's line goes on the block the part ends in, opened on the head's line, and only on that.
    const [start, end] = [last?.position!.start.offset, last?.position!.end.offset].map(
      (at) => (at ?? 0) - head.length,
    );
    const kind = to < lines.length ? cutKind(lines, heads, to) : undefined;
    const opener = heads.get(to)?.line;
    const reaches = end! >= starts[to - 1]! - starts[from]!;
    // An HTML block left open at the end of a part holds the line ending, as one closed by a later line would.
    const closed = end! < starts[to]! - starts[from]! + (kind === 'html' ? 1 : 0);
    const html =
      opener !== undefined && reaches && (start! < 0 ? header?.line : lineAt(starts, starts[from]! + start!));
    const goesOn =
      kind === 'quote'
        ? last?.type === 'paragraph' && closed
        : last?.type === kind &&
          closed &&
          (kind === 'paragraph' ? leavesNothingOpen(last!, closers(to)) : kind !== 'html' || html === opener);
    if (to < lines.length && last && (reaches || kind === 'html') && !goesOn) {
      refused.add(to);
      least = 2 * (starts[to]! - starts[from]!);
      // A table or HTML block misread: none of its rows or lines is a cut.
      if (opener !== undefined) cuts = cuts.filter((cut) => heads.get(cut)?.line !== opener);
      const opened = Math.max(from, from + last.position!.start.line - 1 - lineCount(head));
      const block = openedBy(lines[opened]!);
      if (block) {
        const after = cutLines(lines, opened + 1, block);
        cuts = [...cuts.filter((cut) => cut <= opened), ...after.cuts];
        heads = new Map([...heads, ...after.heads]);
      }
      continue;
    }
    // A part that goes on a paragraph must open with that paragraph's text, one that goes on an HTML block with that
    // block going on past its head; else the cut before it is taken back.
    const opening = tree.children[0];
    const afterContainer = parts[parts.length - 1]?.container !== undefined;
    const goesOnKind = from > 0 ? cutKind(lines, heads, from) : undefined;
    const opensRight =
      goesOnKind === 'paragraph'
        ? afterContainer || opensWithText(opening)
        : goesOnKind !== 'html' || (!afterContainer && continuesHtml(opening, head));
    if (!opensRight) {
      refused.add(from);
      const before = parts.pop()!;
      least = 2 * (starts[from]! - before.offset);
      from = before.line;
      continue;
    }
    part.tree = tree;
    parts.push(part);
    from = to;
    least = partChars;
  }
  return parts;
}
