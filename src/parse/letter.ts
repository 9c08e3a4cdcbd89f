import type { Diagnostic } from '../model/diagnostic.js';
import type { LetterContent } from '../model/letter.js';
import { messages } from '../model/messages.js';
import { knownLetterKeys, letterFrontmatterSchema, type LetterFrontmatter } from '../model/schema.js';
import { dropAttributeLists } from './attribute-lists.js';
import { toBlocks } from './blocks.js';
import { ParseContext } from './context.js';
import { parseFrontmatter, type FrontmatterKind } from './frontmatter.js';
import { reportComments } from './comments.js';
import { reportStrippedTags } from './html.js';
import { checkEmphasis, checkNesting } from './limits.js';
import { definitionBlocks } from './definition-blocks.js';
import { definitionsOf } from './references.js';
import { parseOnTime, type ParseBudget } from './on-time.js';
import { smartQuotes, smartQuotesIn } from './quotes.js';

const LETTER: FrontmatterKind<LetterFrontmatter> = {
  schema: letterFrontmatterSchema,
  known: knownLetterKeys,
  foreignKeys: false,
};

/**
 * Whether a Markdown file is a cover letter: its frontmatter names the
 * resume it goes with (`resume:`). Read from the raw lines, before any parsing.
 */
export function isLetter(source: string): boolean {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return false;
  for (const line of lines.slice(1)) {
    if (/^(---|\.\.\.)\s*$/.test(line)) return false;
    if (/^resume\s*:/.test(line)) return true;
  }
  return false;
}

/**
 * Parses a cover letter: its frontmatter (checked against the letter's
 * schema) and its body, every block of which is kept, as in a resume's summary.
 */
export function parseLetter(
  source: string,
  file: string,
  budget?: ParseBudget,
): { letter?: LetterContent; diagnostics: Diagnostic[] } {
  const ctx = new ParseContext(file, source.replace(/^\uFEFF/, ''));
  if (!checkNesting(ctx) || !checkEmphasis(ctx)) return { diagnostics: ctx.diagnostics };
  // A letter's `timeout:` is its resume's, read later: the command line's or the default bounds this parse.
  const tree = parseOnTime(ctx, budget);
  if (!tree) return { diagnostics: ctx.diagnostics };
  definitionBlocks(tree, ctx.source);
  smartQuotes(tree, ctx.source);
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode) {
    ctx.error({ line: 1, column: 1 }, messages.frontmatterUnclosed, messages.frontmatterUnclosedHint);
    return { diagnostics: ctx.diagnostics };
  }
  const firstLine = (yamlNode.position?.start.line ?? 0) + 1;
  const { data, keyLines, diagnostics } = parseFrontmatter(yamlNode.value, file, firstLine, ctx.lines, LETTER);
  ctx.diagnostics.push(...diagnostics);

  ctx.definitions = definitionsOf(tree);
  dropAttributeLists(tree, ctx);
  reportComments(tree, ctx);
  const body = tree.children.flatMap((node) => toBlocks(node, ctx));
  reportStrippedTags(ctx);
  if (!data) return { diagnostics: ctx.diagnostics };
  if (body.length === 0) ctx.warn({ line: ctx.lines.length, column: 1 }, messages.letterNoBody);

  const lineOf = (text: string, key: string): number => {
    const from = keyLines[key] ?? 1;
    const at = ctx.lines.findIndex((line, i) => i >= from - 1 && line.includes(text));
    return at < 0 ? from : at + 1;
  };
  // As the body's text, the frontmatter's prints with typographic quotes.
  const letter: LetterContent = {
    file,
    resumePath: data.resume,
    to: data.to.map((text) => ({ text: smartQuotesIn(text), line: lineOf(text, 'to') })),
    subject: { text: smartQuotesIn(data.subject), line: keyLines['subject'] ?? 1 },
    ...(data.date !== undefined && { date: data.date }),
    ...(data.closing !== undefined && { closing: smartQuotesIn(data.closing) }),
    body,
    keyLines,
  };
  return { letter, diagnostics: ctx.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
