import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { hasWordsFor, LOCALE_LANGUAGES, localeFor } from '../model/locale.js';
import { shownUrl } from '../model/links.js';
import { locationLine } from '../model/location.js';
import type { Frontmatter } from '../model/schema.js';
import type { Link, Person, Resume } from '../model/resume.js';
import { arrangeSections } from './arrange.js';
import { dropAttributeLists } from './attribute-lists.js';
import { parseBody } from './body.js';
import { withContacts } from './contacts.js';
import { ParseContext } from './context.js';
import type { NameCandidate } from './foreign-keys.js';
import { parseFrontmatter } from './frontmatter.js';
import { takeHeader } from './header.js';
import { lowerTopHeadings } from './heading-levels.js';
import { isSafeUrl } from './inline.js';
import { checkEmphasis, checkNesting } from './limits.js';
import { definitionBlocks } from './definition-blocks.js';
import { definitionsOf } from './references.js';
import { frontmatterText } from './source-lines.js';
import { parseOnTime, type ParseBudget } from './on-time.js';
import { reportComments } from './comments.js';
import { reportStrippedTags } from './html.js';
import { smartQuotes, smartQuotesIn } from './quotes.js';

export type { ParseBudget };

export interface ParseResult {
  /** Present unless an error makes the resume unusable. */
  resume?: Resume;
  diagnostics: Diagnostic[];
}

/**
 * Parses a resume's Markdown into the `Resume` model. `file` names the source
 * in diagnostics and anchors relative paths (the photo). With a `budget`, a
 * parse still running when the build's timeout is up stops with an error.
 */
export function parseResume(source: string, file: string, budget?: ParseBudget): ParseResult {
  const ctx = new ParseContext(file, source.replace(/^\uFEFF/, ''));
  if (ctx.source.trim() === '') {
    ctx.error({ line: 1, column: 1 }, messages.fileEmpty, messages.fileEmptyHint);
    return { diagnostics: ctx.diagnostics };
  }
  if (isJsonObject(ctx.source)) {
    ctx.error({ line: 1, column: 1 }, messages.jsonNotMarkdown, messages.jsonNotMarkdownHint(file));
    return { diagnostics: ctx.diagnostics };
  }
  if (!checkNesting(ctx) || !checkEmphasis(ctx)) return { diagnostics: ctx.diagnostics };
  // The frontmatter first: its `timeout:` bounds the Markdown's parse too.
  const yaml = frontmatterText(ctx.source);
  const { data: frontmatter, keyLines, names, diagnostics } = parseFrontmatter(yaml ?? '', file, 2, ctx.lines);
  if (yaml === undefined && /^---\s*$/.test(ctx.lines[0] ?? '')) {
    ctx.error({ line: 1, column: 1 }, messages.frontmatterUnclosed, messages.frontmatterUnclosedHint);
    return { diagnostics: ctx.diagnostics };
  }
  ctx.diagnostics.push(...diagnostics);
  const tree = parseOnTime(ctx, budget, frontmatter?.timeout);
  if (!tree) return { diagnostics: sorted(ctx.diagnostics) };
  definitionBlocks(tree, ctx.source);
  smartQuotes(tree, ctx.source);
  const hasFrontmatter = yaml !== undefined;
  if (frontmatter) ctx.locale = localeFor(frontmatter.locale);
  if (frontmatter && !hasWordsFor(frontmatter.locale)) {
    const line = keyLines.locale ?? 1;
    const column = /^\s*locale:\s*/.exec(ctx.lines[line - 1] ?? '')?.[0].length ?? 0;
    ctx.warn(
      { line, column: column + 1 },
      messages.localeNoWords(frontmatter.locale, LOCALE_LANGUAGES),
      messages.localeNoWordsHint(frontmatter.locale),
    );
  }

  ctx.definitions = definitionsOf(tree);
  dropAttributeLists(tree, ctx);
  reportComments(tree, ctx);
  const foreignName = names.find((c) => c.key !== 'title')?.value;
  lowerTopHeadings(tree.children, frontmatter?.name ?? foreignName, frontmatter?.name === undefined);
  const header = takeHeader(tree.children, ctx);
  const body = parseBody(header.rest, ctx);
  reportStrippedTags(ctx);
  if (!frontmatter) return { diagnostics: sorted(ctx.diagnostics) };

  const name = resolveName(frontmatter.name, names, header.name, hasFrontmatter, ctx);
  if (name === undefined) return { diagnostics: sorted(ctx.diagnostics) };

  const { name: _name, headline, photo, email, phone, location, website, links, jsonresume, ...settings } = frontmatter;
  const written: Person = {
    name,
    headline,
    photo: photo === undefined ? undefined : path.resolve(path.dirname(file), photo),
    email,
    phone,
    ...locationOf(location),
    website: website === undefined ? undefined : safeUrl(website, '`website`', ctx),
    links: (links ?? []).map((link, i) => toLink(link, i, ctx)).filter((link): link is Link => link !== undefined),
    ...(jsonresume && { jsonResume: jsonresume }),
  };
  const person = header.contacts ? withContacts(written, header.contacts) : written;
  const sections = arrangeSections(body.sections, settings, keyLines, ctx);
  return {
    resume: { file, person, summary: body.summary, sections, settings, keyLines },
    diagnostics: sorted(ctx.diagnostics),
  };
}

/** In file order, so a person can work down the list (the sort is stable: same-line findings keep their order). */
function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * The name: `name:` or `# Name` (which must agree when both are there), else
 * another tool's key for it (`title:`, `author:`; a title that names the
 * document, `CV of Bob`, only when no other is a name). Such a key that is not
 * the name (a Jekyll page's `title: Resume`) is left out, with a warning.
 */
function resolveName(
  fromFrontmatter: string | undefined,
  candidates: readonly NameCandidate[],
  fromHeading: { text: string; line: number } | undefined,
  hasFrontmatter: boolean,
  ctx: ParseContext,
): string | undefined {
  // The heading's quotes are typographic, the frontmatter's as written (YAML cannot escape one).
  if (
    fromFrontmatter &&
    fromHeading &&
    smartQuotesIn(fromFrontmatter) !== fromHeading.text &&
    fromFrontmatter !== fromHeading.text
  ) {
    ctx.error(
      { line: fromHeading.line, column: 1 },
      messages.namesDisagree(fromHeading.text, fromFrontmatter),
      messages.namesDisagreeHint,
    );
    return undefined;
  }
  const chosen =
    (fromFrontmatter ?? fromHeading?.text)
      ? undefined
      : (candidates.find((c) => !namesDocument(c.value)) ?? candidates.find((c) => !isDocumentTitle(c.value)));
  const name = fromFrontmatter ?? fromHeading?.text ?? chosen?.value;
  if (!name) ctx.error({ line: 1, column: 1 }, hasFrontmatter ? messages.noName : messages.noNameNoFrontmatter);
  for (const candidate of candidates) {
    const at = { line: candidate.line, column: 1 };
    if (candidate === chosen)
      ctx.warn(at, messages.nameFromKey(candidate.key), messages.foreignKeyHint(`name: ${candidate.value}`));
    else if (name && candidate.value !== name)
      ctx.warn(at, messages.nameKeyLeftOut(candidate.key, candidate.value, name));
  }
  return name;
}

/** Whether the text is a JSON object (no Markdown is): a JSON Resume given where the Markdown goes. */
function isJsonObject(source: string): boolean {
  if (!/^\s*\{[\s\S]*\}\s*$/.test(source)) return false;
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A location given as parts prints as one line, most specific part first. */
function locationOf(location: Frontmatter['location']): Pick<Person, 'location' | 'locationParts'> {
  return typeof location === 'object' ? { location: locationLine(location), locationParts: location } : { location };
}

/** `title: Resume`, `title: CV`: what a page is, not whose. */
function isDocumentTitle(title: string): boolean {
  return /^(my |the )?(r[eé]sum[eé]|cv|curriculum vitae|lebenslauf|简历|履历)$/iu.test(title.trim());
}

/** `title: CV of Bob`: a title that says what the page is, so pandoc's `author: Bob Smith` is the name. */
function namesDocument(title: string): boolean {
  return /(^|[^\p{L}])(r[eé]sum[eé]|cv|curriculum vitae|lebenslauf)([^\p{L}]|$)|简历|履历/iu.test(title);
}

function toLink(link: string | { label: string; url: string }, index: number, ctx: ParseContext): Link | undefined {
  const url = safeUrl(typeof link === 'string' ? link : link.url, `\`links\` item ${index + 1}`, ctx);
  if (url === undefined) return undefined;
  const label = typeof link === 'string' ? shownUrl(link) : link.label;
  return { label, url };
}

/** A frontmatter URL with its scheme (`example.com` means https), or undefined when its scheme is unsafe. */
function safeUrl(written: string, key: string, ctx: ParseContext): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `https://${written}`;
  if (isSafeUrl(url)) return url;
  const line = ctx.lines.findIndex((l) => l.includes(written)) + 1;
  ctx.warn({ line: line || 1, column: 1 }, messages.frontmatterLinkDropped(key, written));
  return undefined;
}
