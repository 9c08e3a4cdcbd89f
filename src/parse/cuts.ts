/**
 * Where a Markdown source may be cut into parts that parse on their own: before a line that
 * starts at column 0 after a blank line, is not a list item, and is not inside a top-level
 * fenced code block or an HTML block (CommonMark's block rules, read a line at a time). Such a
 * line closes every list, quote and indented code block open before it, so the parts' trees are
 * the whole's. And inside four top-level blocks, which markdown.ts joins back: between two
 * items of a tight list (a marker left of the open item's content closes all that item holds,
 * never a lazy line: a new item comes first), between two rows of a table, and between two
 * lines of a paragraph or of an HTML block. The scanner reads containers only as far as it must to tell whether an
 * indented fence or tag is at the top level; markdown.ts checks each cut against the parse and
 * rescans from the block that reached across one (`openedBy`), so a misreading costs time,
 * never a tree.
 */

/** A top-level block whose end a later line decides: a fence, or an HTML block. */
export type OpenBlock = { fence: string; length: number } | { html: (line: string) => boolean };

const BLANK = /^[ \t\r]*$/;
const endsAtBlank = (line: string): boolean => BLANK.test(line);
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|\r?$)/;
export const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}\r?$/;
/** A GFM table's delimiter row (`|---|:-:|`), and a row that opens with a pipe. */
export const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/;
const TABLE_ROW = /^ {0,3}\|/;
/**
 * A paragraph's line after which the next may start a part (markdown.ts checks that nothing
 * inline reaches across): it ends in a letter, digit or stop, not in a hard break; and the
 * line that may start one, which starts with a letter or digit.
 */
const PLAIN_END = /[\p{L}\p{N}.,;:!?)]$/u;
const PLAIN_START = /^[\p{L}\p{N}]/u;
const QUOTE = /^ {0,3}>/;
/** A quote (in quotes) whose first line opens with a list item's marker. */
const QUOTED_ITEM = /^ {0,3}>(?:[ \t]{0,4}>)*[ \t]{0,4}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|\r?$)/;
const INTERRUPTS = /^ {0,3}(#{1,6}([ \t]|\r?$)|([-*_])[ \t]*(\3[ \t]*){2,}\r?$|>|[-+*][ \t]|1[.)][ \t]|`{3}|~{3})/;

/** HTML block starts 1-6 (with their ends) by CommonMark's numbering; 7 cannot interrupt a paragraph. */
const HTML_STARTS: [RegExp, (line: string) => boolean][] = [
  [/^ {0,3}<(pre|script|style|textarea)([ \t>]|\r?$)/i, (l) => /<\/(pre|script|style|textarea)>/i.test(l)],
  [/^ {0,3}<!--/, (l) => l.includes('-->')],
  [/^ {0,3}<\?/, (l) => l.includes('?>')],
  [/^ {0,3}<![A-Za-z]/, (l) => l.includes('>')],
  [/^ {0,3}<!\[CDATA\[/, (l) => l.includes(']]>')],
  [
    new RegExp(
      '^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|' +
        'dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|' +
        'iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|' +
        'table|tbody|td|tfoot|th|thead|title|tr|track|ul)([ \\t>]|/>|\\r?$)',
      'i',
    ),
    endsAtBlank,
  ],
];
const HTML_TAG_LINE = /^ {0,3}(<[A-Za-z][A-Za-z0-9-]*(\s+[^<>]*?)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*\r?$/;

/** The block a line opens at the top level, if one whose end is decided later; `paragraph`: one is open before it. */
export function openedBy(line: string, paragraph = false): OpenBlock | undefined {
  const fence = FENCE.exec(line);
  // A backtick fence's info string has no backtick (else the line is a code span).
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
    return { fence: fence[1]![0]!, length: fence[1]!.length };
  }
  for (const [start, end] of HTML_STARTS) {
    if (start.test(line)) return { html: end };
  }
  if (!paragraph && HTML_TAG_LINE.test(line)) return { html: endsAtBlank };
  return undefined;
}

/** Whether `line`, inside `block`, is its last (a fence's close, an HTML block's end) or past it (a blank line). */
function closes(block: OpenBlock, line: string): boolean {
  if ('html' in block) return block.html(line);
  const close = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(line);
  return close !== null && close[1]![0] === block.fence && close[1]!.length >= block.length;
}

/** Whether the line opens a block that ends a paragraph open before it (a list item only with content, and a `1`). */
export function interrupts(line: string): boolean {
  return INTERRUPTS.test(line) && !/^ {0,3}([-+*]|1[.)])[ \t]*\r?$/.test(line);
}

/** Whether the line opens a list item (or a thematic break, which looks like one). */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line) && !THEMATIC_BREAK.test(line);
}

/** Columns of a line's indentation (a tab to the next multiple of 4). */
export function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The column a list item's content starts at (CommonMark's rule: 1-4 spaces after the marker, else 1). */
export function contentColumn(item: RegExpExecArray): number {
  const marker = item[1]!.length + item[2]!.length;
  const spaces = item[3]!.replace(/\r/, '').length;
  return spaces === 0 || spaces > 4 ? marker + 1 : marker + spaces;
}

/** The cells of a table row, as GFM counts them (a pipe at either end opens or closes no cell). */
function cellCount(line: string): number {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').replace(/\\./g, '').split('|').length;
}

/**
 * What a part cut inside a block is parsed with in front: a table's header and delimiter rows (from `line`), or an
 * HTML block's first line.
 */
export interface Head {
  kind: 'table' | 'html';
  line: number;
}

/** Where a source may be cut: `cuts`, line indexes; `heads`, for a cut inside a table or HTML block, its head. */
export interface Cuts {
  cuts: number[];
  heads: Map<number, Head>;
}

/**
 * The lines (indexes) before which `lines` may be cut, from line `start` on, with `open`
 * the top-level block open before `start` (if any). A top-level table, its header opening a
 * paragraph and with as many cells as its delimiter row, is cut before each row that opens
 * with a pipe: the part after is parsed with the header and delimiter rows in front. A
 * top-level HTML block is cut before each of its lines: the part after is parsed with the
 * block's first line in front, which puts micromark in the state it is in at any line of it.
 */
export function cutLines(lines: readonly string[], start: number, open?: OpenBlock): Cuts {
  const cuts: number[] = [];
  const heads = new Map<number, Head>();
  /** The line a top-level paragraph opened, while it is one line long; then a table's header line. */
  let first: number | undefined;
  let head: number | undefined;
  /** Whether the line before is a top-level paragraph's, which may go on the next line. */
  let text = false;
  /** Whether the line before is a top-level paragraph's, which a quote ends. */
  let prose = false;
  let block = open;
  /** The line the open block opened. */
  let opener = start - 1;
  /** The outermost list item's content column, or 0 for a quote; undefined at the top level. */
  let container: number | undefined;
  let paragraph = false;
  let afterBlank = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const afterProse = prose;
    prose = false;
    if (block) {
      const ends = closes(block, line);
      // An HTML block that a blank line ends does not hold that line.
      if (!(ends && BLANK.test(line))) {
        if ('html' in block) {
          cuts.push(i);
          heads.set(i, { kind: 'html', line: opener });
        }
        if (ends) block = undefined;
        afterBlank = false;
        continue;
      }
      block = undefined;
    }
    if (BLANK.test(line)) {
      afterBlank = true;
      paragraph = text = false;
      first = head = undefined;
      if (container === 0) container = undefined;
      continue;
    }
    const indent = indentOf(line);
    // A list item's marker left of the open item's content starts a sibling, whatever its number.
    const sibling = container !== undefined && container > 0 && indent < container && isListItem(line);
    const lazy = paragraph && !afterBlank && !sibling && !INTERRUPTS.test(line) && !openedBy(line, true);
    if (container !== undefined) {
      const stays = container === 0 ? QUOTE.test(line) : indent >= container;
      if (stays || lazy) {
        paragraph = true;
        afterBlank = false;
        continue;
      }
      container = undefined;
    }
    if (head !== undefined && !TABLE_ROW.test(line)) head = undefined;
    // A part opening with `---` would open with frontmatter.
    if (afterBlank && indent === 0 && !LIST_ITEM.test(line) && !line.startsWith('---')) cuts.push(i);
    // After a blank line, an item at column 0 (never in another item, which the scanner may misread) that could
    // interrupt a paragraph (a `2.` after indented code does not start a list).
    else if ((sibling && !afterBlank) || (afterBlank && indent === 0 && isListItem(line) && interrupts(line))) {
      cuts.push(i);
    } else if (head !== undefined) {
      cuts.push(i);
      heads.set(i, { kind: 'table', line: head });
    } else if (text && container === undefined && PLAIN_START.test(line) && !LIST_ITEM.test(line)) cuts.push(i);
    // A quote interrupts the paragraph before it, whatever is open inline there; but micromark reads a list item
    // opening it as the paragraph would (`> 1.` with nothing after, `> 2. x`: text), which alone it would not.
    else if (afterProse && QUOTE.test(line) && !QUOTED_ITEM.test(line)) cuts.push(i);
    text = false;
    if (head !== undefined) continue;
    const header = first !== undefined && first === i - 1 ? first : undefined;
    const opensTable = !paragraph && indent < 4 && line.includes('|') && !/^ {0,3}#/.test(line) && !openedBy(line);
    first = opensTable && !LIST_ITEM.test(line) && !QUOTE.test(line) ? i : undefined;
    if (header !== undefined && line.includes('|') && DELIMITER_ROW.test(line)) {
      if (cellCount(lines[header]!) === cellCount(line)) {
        head = header;
        paragraph = false;
        continue;
      }
    }
    afterBlank = false;
    if (indent >= 4) continue; // indented code, or a paragraph's continuation
    const item = LIST_ITEM.exec(line);
    if (item) {
      container = contentColumn(item);
      paragraph = true;
      continue;
    }
    if (QUOTE.test(line)) {
      container = 0;
      paragraph = true;
      continue;
    }
    block = openedBy(line, lazy);
    opener = i;
    // An HTML block may end on the line that starts it (`<!-- a note -->`), past its opening.
    const opened = line.replace(/^ {0,3}<(!--|\?|!\[CDATA\[)?/, '');
    if (block && 'html' in block && block.html !== endsAtBlank && block.html(opened)) block = undefined;
    paragraph = !block && !/^ {0,3}(#{1,6}([ \t]|\r?$)|([-*_=])[ \t]*(\3[ \t]*){2,}\r?$)/.test(line);
    text = paragraph && container === undefined && PLAIN_END.test(line);
    prose = paragraph;
  }
  return { cuts, heads };
}

/**
 * What a cut goes on: a table, HTML block or list (between rows, lines or items), a paragraph, or nothing; `quote`: a
 * quote that ends the paragraph before it.
 */
export function cutKind(lines: readonly string[], heads: ReadonlyMap<number, Head>, cut: number): string | undefined {
  const head = heads.get(cut);
  if (head) return head.kind;
  if (isListItem(lines[cut]!)) return 'list';
  if (BLANK.test(lines[cut - 1]!)) return undefined;
  return QUOTE.test(lines[cut]!) ? 'quote' : 'paragraph';
}

/** The text of a head: its lines, each with its line ending. */
export function headText(lines: readonly string[], head: Head): string {
  return lines
    .slice(head.line, head.line + (head.kind === 'table' ? 2 : 1))
    .map((line) => `${line}\n`)
    .join('');
}
