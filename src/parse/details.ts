import type { Paragraph, PhrasingContent } from 'mdast';
import type { DetailLine, RichText } from '../model/resume.js';
import type { ParseContext } from './context.js';
import { messages } from '../model/messages.js';
import { badMonths, dashDateRanges, localizeDates } from './dates.js';
import { definitionList, whole } from './definitions.js';
import { richText, toInlines } from './inline.js';
import { splitLines, type LineParts } from './lines.js';

/** A label of one to three words, a colon and a space: `Technologies: C#, Azure`. */
const LABEL = /^([\p{L}\p{N}][\p{L}\p{N}&/+.#'’-]*(?: [\p{L}\p{N}&/+.#'’-]+){0,2}): (?=\S|$)/u;
/** More words than a subtitle (an organisation, a place, a degree) has. */
const MOST_WORDS = 20;
/** A sentence's end: `.`, `!` or `?` after a word in lower case (`clinics.`; not `Inc.`, `Ph.D.`, `e.g.`, `2019.`). */
const SENTENCE_END = /(?:^|\s)[\p{Ll}\p{N}'’-]*\p{Ll}[.!?]["'’”)]*$/u;

/**
 * The first paragraph right under an entry or role heading, as its detail
 * lines; undefined when it is prose. It is detail lines when every line is
 * one: a `Label: value` fact, a line with a ` | ` right-hand part, or a short
 * line (at most 20 words, not ending a sentence). A line that ends a sentence
 * or runs longer makes the paragraph prose, which reflows as text.
 * `Term` / `: definition` lines are facts.
 */
export function detailLines(node: Paragraph, ctx: ParseContext): DetailLine[] | undefined {
  const terms = definitionList(node.children, ctx.source);
  if (terms) {
    return terms.flatMap(({ line, definitions }) => {
      if (definitions.length === 0) return [detailLine(line, ctx)];
      const label = richText(toInlines(whole(line), ctx)).plain;
      return definitions.map((d): DetailLine => {
        const at = d[0]?.position?.start.line ?? line.line;
        return { type: 'fact', label, value: richText(toInlines(d, ctx)), line: at };
      });
    });
  }
  const lines = splitLines(node.children, ctx.source);
  return lines.every(isDetail) ? lines.map((line) => detailLine(line, ctx)) : undefined;
}

function detailLine({ left, right, line }: LineParts, ctx: ParseContext): DetailLine {
  const first = left[0];
  const label = right ? null : labelOf(left);
  if (label && first?.type === 'text') {
    const rest = [{ ...first, value: first.value.slice(label[0].length) }, ...left.slice(1)];
    return { type: 'fact', label: label[1]!, value: richText(toInlines(rest, ctx)), line };
  }
  return { type: 'subtitle', text: richText(toInlines(left, ctx)), aside: aside(right, ctx), line };
}

function isDetail({ left, right }: LineParts): boolean {
  if (right || labelOf(left)) return true;
  const text = plain(left).trim();
  return text.split(/\s+/).length <= MOST_WORDS && !SENTENCE_END.test(text);
}

/** The `Label: ` opening the line; its value may start with a link (`Website: https://x.org`), a node of its own. */
function labelOf(left: readonly PhrasingContent[]): RegExpExecArray | null {
  const first = left[0];
  if (first?.type !== 'text') return null;
  const label = LABEL.exec(first.value);
  return label && (label[0].length < first.value.length || left.length > 1) ? label : null;
}

function plain(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : ' ')).join('');
}

/** A right-hand part: its date ranges get an en dash, its `YYYY-MM` dates the locale's month names. */
export function aside(nodes: PhrasingContent[] | undefined, ctx: ParseContext): RichText | undefined {
  if (!nodes || nodes.length === 0) return undefined;
  for (const node of nodes) {
    const line = node.type === 'text' ? node.position?.start.line : undefined;
    if (node.type !== 'text' || line === undefined) continue;
    // The node's place is its line's (the aside is cut out of a longer text); the date is found on it.
    const column = (date: string): number => (ctx.lines[line - 1] ?? '').indexOf(date) + 1 || 1;
    for (const { date } of badMonths(node.value))
      ctx.error({ line, column: column(date) }, messages.dateBadMonth(date), messages.dateBadMonthHint);
  }
  const dated = nodes.map((n) =>
    n.type === 'text' ? { ...n, value: localizeDates(dashDateRanges(n.value), ctx.locale) } : n,
  );
  return richText(toInlines(dated, ctx));
}
